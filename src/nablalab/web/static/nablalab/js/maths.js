// Typeset the maths in lesson HTML with KaTeX, on load and after every htmx swap.
// The server writes $...$ as \(...\) and $$...$$ as \[...\] (see nablalab.course.markdown),
// so lone dollar signs in prose are never mistaken for maths. Output includes MathML, which
// screen readers read.
(function () {
  "use strict";
  var options = {
    delimiters: [
      { left: "\\[", right: "\\]", display: true },
      { left: "$$", right: "$$", display: true },
      { left: "\\(", right: "\\)", display: false }
    ],
    output: "htmlAndMathml",
    throwOnError: false,
    ignoredClasses: ["no-maths"]
  };

  function typeset(root) {
    if (typeof window.renderMathInElement === "function") {
      window.renderMathInElement(root, options);
    }
  }

  document.addEventListener("DOMContentLoaded", function () { typeset(document.body); });
  document.addEventListener("htmx:afterSwap", function (event) { typeset(event.target); });
})();
