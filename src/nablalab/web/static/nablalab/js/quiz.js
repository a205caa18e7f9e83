// Quiz attempts: a live preview of how each typed answer is read (debounced POST to
// /api/validate, shown with KaTeX) and drafts saved as the learner types (POST to the
// attempt's save address). No inline scripts (the CSP forbids them); text nodes only.
(function () {
  "use strict";
  var PREVIEW_PAUSE_MS = 300;
  var SAVE_PAUSE_MS = 1500;
  var form = document.querySelector("form.quiz-form");
  if (!form || form.dataset.submitted) { return; }
  var status = form.querySelector(".quiz-save-status");

  function post(url, body) { return window.nablalab.post(url, body, form.dataset.csrfToken); }


  function showPreview(target, input, data) {
    target.replaceChildren();
    target.classList.toggle("quiz-preview-error", !data.valid);
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

  function attachPreview(input) {
    var target = input.parentNode.querySelector(".quiz-preview");
    var timer = null;
    var latest = 0;
    function preview() {
      var ticket = ++latest;
      if (!input.value.trim()) { target.replaceChildren(); return; }
      var kind = input.dataset.kind;
      post(form.dataset.validateUrl, {
        answer: input.value,
        variables: input.dataset.variables || null,
        kind: kind
      }).then(function (data) {
        if (ticket === latest) { showPreview(target, input, data); }
      }).catch(function (error) {
        if (ticket === latest) { target.textContent = error.message; }
      });
    }
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(preview, PREVIEW_PAUSE_MS);
    });
    if (input.value.trim()) { preview(); }
  }

  var saveTimer = null;
  function saveDrafts() {
    status.textContent = "Saving…";
    post(form.dataset.saveUrl, new FormData(form))
      .then(function () { status.textContent = "Answers saved."; })
      .catch(function (error) { status.textContent = error.message; });
  }
  form.addEventListener("input", function () {
    window.clearTimeout(saveTimer);
    saveTimer = window.setTimeout(saveDrafts, SAVE_PAUSE_MS);
  });
  form.addEventListener("submit", function () { window.clearTimeout(saveTimer); });

  form.querySelectorAll("input.quiz-answer[data-preview]").forEach(attachPreview);
})();
