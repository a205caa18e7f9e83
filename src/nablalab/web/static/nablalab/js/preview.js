// The live preview of how a typed answer is read, shared by quizzes and lesson "try it"
// boxes: a pause after typing, a POST to /api/validate, then the parsed answer in KaTeX or
// the parser's message (where it stopped, and a hint). Only the newest answer is shown when
// requests overlap. Text nodes only, never innerHTML.
(function () {
  "use strict";
  var PAUSE_MS = 300;
  var nablalab = window.nablalab = window.nablalab || {};

  function show(target, input, data, errorClass) {
    target.replaceChildren();
    target.classList.toggle(errorClass, !data.valid);
    input.setAttribute("aria-invalid", data.valid ? "false" : "true");
    if (!data.valid) {
      var where = data.position === null ? "" : " (at character " + (data.position + 1) + ")";
      target.textContent = data.message + where + (data.hint ? ". " + data.hint : "");
      return;
    }
    target.appendChild(document.createTextNode("Interpreted as "));
    var span = document.createElement("span");
    try {
      window.katex.render(data.latex, span, { throwOnError: true, output: "htmlAndMathml" });
    } catch (error) {
      span.textContent = data.interpreted;
    }
    target.appendChild(span);
  }

  // Preview ``input`` into ``target``. options: url and csrfToken (where to validate),
  // variables and kind (what the question expects), errorClass (set on target while the
  // answer cannot be read). An answer already there (a saved draft) is previewed at once.
  nablalab.previewAnswer = function (input, target, options) {
    var timer = null;
    var latest = 0;

    function preview() {
      var ticket = ++latest;
      if (!input.value.trim()) {
        target.replaceChildren();
        input.removeAttribute("aria-invalid");
        return;
      }
      nablalab.post(options.url, {
        answer: input.value,
        variables: options.variables || null,
        kind: options.kind
      }, options.csrfToken).then(function (data) {
        if (ticket === latest) { show(target, input, data, options.errorClass); }
      }).catch(function (error) {
        if (ticket === latest) { target.textContent = error.message; }
      });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(preview, PAUSE_MS);
    });
    if (input.value.trim()) { preview(); }
  };
})();
