// Quiz attempts: a live preview of how each typed answer is read (preview.js) and drafts
// saved as the learner types (POST to the attempt's save address). No inline scripts (the
// CSP forbids them); text nodes only.
(function () {
  "use strict";
  var SAVE_PAUSE_MS = 1500;
  var form = document.querySelector("form.quiz-form");
  if (!form || form.dataset.submitted) { return; }
  var status = form.querySelector(".quiz-save-status");

  function post(url, body) { return window.nablalab.post(url, body, form.dataset.csrfToken); }

  function attachPreview(input) {
    window.nablalab.previewAnswer(input, input.parentNode.querySelector(".quiz-preview"), {
      url: form.dataset.validateUrl, csrfToken: form.dataset.csrfToken,
      variables: input.dataset.variables, kind: input.dataset.kind,
      errorClass: "quiz-preview-error"
    });
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
