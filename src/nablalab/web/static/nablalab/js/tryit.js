// Lesson "try it" boxes: a live preview of how the answer is read (preview.js), and checking
// on submit (POST to /api/check) with the feedback for each part. The expected answer never
// reaches the page: the server finds it by the question's id. Everything is built with text nodes, never innerHTML.
(function () {
  "use strict";
  var config = document.getElementById("tryit-api");
  if (!config) { return; }

  function post(url, body) { return window.nablalab.post(url, body, config.dataset.csrfToken); }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function showResult(form, data) {
    var box = form.querySelector(".tryit-feedback");
    box.replaceChildren();
    box.classList.toggle("is-correct", data.valid && data.correct);
    box.classList.toggle("is-wrong", data.valid && !data.correct);
    var verdict = !data.valid ? "Not checked." : data.correct ? "Correct!" : "Not quite.";
    box.appendChild(element("p", "verdict", verdict));
    box.appendChild(element("p", "", data.feedback));
    var wrongParts = data.parts.filter(function (part) { return !part.correct; });
    if (data.parts.length && wrongParts.length) {
      var list = element("ul");
      data.parts.forEach(function (part) {
        var text = part.label.charAt(0).toUpperCase() + part.label.slice(1) + ": " +
          (part.correct ? "right" : part.feedback);
        list.appendChild(element("li", part.correct ? "part-correct" : "part-wrong", text));
      });
      box.appendChild(list);
    }
  }

  function showFailure(form, error) {
    var box = form.querySelector(".tryit-feedback");
    box.classList.remove("is-correct", "is-wrong");
    box.replaceChildren(element("p", "", error.message));
  }

  function attach(form) {
    var input = form.querySelector(".tryit-answer");
    window.nablalab.previewAnswer(input, form.querySelector(".tryit-preview"), {
      url: config.dataset.validateUrl, csrfToken: config.dataset.csrfToken,
      variables: form.dataset.variables, kind: form.dataset.kind,
      errorClass: "tryit-preview-error"
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!input.value.trim()) {
        showFailure(form, new Error("Type an answer first."));
        return;
      }
      var button = form.querySelector("button[type=submit]");
      button.disabled = true;
      post(config.dataset.checkUrl, { question: form.dataset.tryit, answer: input.value })
        .then(function (data) { showResult(form, data); })
        .catch(function (error) { showFailure(form, error); })
        .finally(function () { button.disabled = false; });
    });
  }

  document.querySelectorAll("form.tryit").forEach(attach);
})();
