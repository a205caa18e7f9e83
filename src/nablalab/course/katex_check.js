// Typeset every formula of the course with KaTeX, as the browser will, and report failures.
// Used by `nablalab content check`: reads JSON [{"latex": "...", "display": true}, ...] on
// stdin, writes JSON [{"index": 3, "message": "KaTeX parse error: ..."}, ...] on stdout.
// argv[2] is the KaTeX module to load (node_modules/katex or the vendored katex.min.js).
"use strict";

const katex = require(process.argv[2]);

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const failures = [];
  JSON.parse(input).forEach((formula, index) => {
    try {
      // The options of src/nablalab/web/static/nablalab/js/maths.js, but errors thrown.
      katex.renderToString(formula.latex, {
        displayMode: Boolean(formula.display),
        output: "htmlAndMathml",
        throwOnError: true
      });
    } catch (error) {
      failures.push({ index: index, message: String(error.message || error) });
    }
  });
  process.stdout.write(JSON.stringify(failures));
});
