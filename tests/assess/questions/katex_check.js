// Reads a JSON list of LaTeX snippets on stdin; prints a JSON list of [index, error] pairs.
const katex = require(process.argv[2]);
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const errors = [];
  JSON.parse(input).forEach((snippet, i) => {
    try { katex.renderToString(snippet, { throwOnError: true }); }
    catch (e) { errors.push([i, String(e.message)]); }
  });
  process.stdout.write(JSON.stringify(errors));
});
