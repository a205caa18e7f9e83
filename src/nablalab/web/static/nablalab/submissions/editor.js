// The assignment editor: CodeMirror 5 (Python mode) over the plain textarea, which stays the
// form field (CodeMirror copies its text back on submit), so the page works without scripts.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    if (typeof window.CodeMirror !== "function") { return; }
    document.querySelectorAll("textarea[data-editor=python]").forEach(function (area) {
      var editor = window.CodeMirror.fromTextArea(area, {
        mode: "python",
        lineNumbers: true,
        indentUnit: 4,
        tabSize: 4,
        indentWithTabs: false,
        extraKeys: {
          // Tab indents with spaces; Esc then Tab leaves the editor (keyboard users).
          Tab: function (cm) { cm.execCommand(cm.somethingSelected() ? "indentMore" : "insertSoftTab"); },
          "Shift-Tab": "indentLess"
        }
      });
      editor.getInputField().setAttribute("aria-labelledby", area.id + "-label");
      var label = document.querySelector("label[for='" + area.id + "']");
      if (label) { label.id = area.id + "-label"; }
    });
  });
})();
