// Newton–Raphson: the tangent steps from x0 one at a time (the whole iteration comes in one
// call and the step buttons only reveal it), and below, the basins of convergence: every
// start across the range coloured by the root it reaches, with cycles, divergence and
// other failures marked.
(function () {
  "use strict";
  var ROOT_COLOURS = ["#1d4ed8", "#047857", "#b45309", "#7c3aed", "#be123c", "#0f766e"];
  var FAILURES = { cycle: ["cycle", "diamond", "#dc2626"], diverged: ["diverged", "triangle-up", "#111827"],
                   zero_derivative: ["zero derivative", "x", "#6b7280"], left_domain: ["left the domain", "x-open", "#6b7280"],
                   max_iterations: ["no root after 50 steps", "circle-open", "#9ca3af"],
                   stalled: ["stalled", "square-open", "#9ca3af"] };

  nablalab.widgets.register("newton", function (ctx) {
    var el = nablalab.widgets.element;
    if (ctx.state.f === undefined) { ctx.state.f = "x^6/6 - 3*x^4 - 2*x^3/3 + 27*x^2/2 + 18*x - 30"; }
    if (ctx.state.x0 === undefined) { ctx.state.x0 = 1; }
    var range = { xmin: Number(ctx.state.xmin === undefined ? -6 : ctx.state.xmin),
                  xmax: Number(ctx.state.xmax === undefined ? 6 : ctx.state.xmax) };
    var data = null, basins = null, shown = 0;

    ctx.textInput("f", "f(x) =", function () { load(); loadBasins(); });
    var start = ctx.slider("x0", "Start x\u2080 =", range.xmin, range.xmax, 0.01, function () { shown = 0; load(); });
    ctx.button("\u2190 Step back", function () { shown = Math.max(0, shown - 1); draw(); });
    ctx.button("Next step \u2192", function () { if (data) { shown = Math.min(data.steps.length, shown + 1); draw(); } });
    ctx.button("All steps", function () { if (data) { shown = data.steps.length; draw(); } });
    var formulas = el("p", { className: "widget-formulas" });
    var fLatex = el("span"), dLatex = el("span");
    formulas.append("f(x) = ", fLatex, ", f\u2032(x) = ", dLatex);
    ctx.controls.appendChild(formulas);
    var curve = ctx.panel("The function with Newton's tangent steps from the start", "newton-curve");
    var table = el("table", { className: "widget-table newton-steps" });
    ctx.canvas.appendChild(table);
    var strip = ctx.panel("Basins of convergence: each start coloured by the root it reaches", "newton-basins");

    function load() {
      ctx.api("newton", { f: ctx.state.f, x0: Number(start.value), xmin: range.xmin, xmax: range.xmax })
        .then(function (answer) {
          data = answer;
          shown = Math.min(shown, answer.steps.length);
          ctx.maths(fLatex, answer.f_latex, answer.f);
          ctx.maths(dLatex, answer.derivative_latex, "");
          draw();
        }, function () { /* the status line says why */ });
    }

    function loadBasins() {
      nablalab.widgets.post("newton/basins", { f: ctx.state.f, xmin: range.xmin, xmax: range.xmax })
        .then(function (answer) { basins = answer; drawBasins(); },
              function (error) { ctx.status(error.message, "error"); });
    }

    // A height that shows the steps: the largest |f| among the iterates, or the typical
    // size of f over the range when there are none.
    function scaleOf() {
      var sizes = data.y.filter(function (v) { return v !== null; }).map(Math.abs).sort(function (a, b) { return a - b; });
      var typical = sizes.length ? sizes[Math.floor(sizes.length / 2)] : 1;
      var steps = data.steps.reduce(function (m, s) { return Math.max(m, Math.abs(s.fx)); }, 0);
      return 1.2 * Math.max(steps, typical) || 1;
    }

    function draw() {
      if (!data) { return; }
      var traces = [{ x: data.x, y: data.y, mode: "lines", name: "f(x)", line: { color: "#1d4ed8" } }];
      var tx = [], ty = [], px = [], py = [];
      data.steps.slice(0, shown).forEach(function (s) {
        tx.push(s.x, s.x, s.x_next, null);
        ty.push(0, s.fx, 0, null);
        px.push(s.x);
        py.push(s.fx);
      });
      traces.push({ x: tx, y: ty, mode: "lines", name: "tangent steps", line: { color: "#b45309", dash: "dot" } });
      var current = shown < data.steps.length ? data.steps[shown].x
        : (data.steps.length ? data.steps[data.steps.length - 1].x_next : Number(start.value));
      traces.push({ x: px.concat([current]), y: py.concat([0]), mode: "markers", name: "iterates",
                    marker: { color: "#b45309", size: 8 } });
      var scale = scaleOf();
      ctx.plot(curve, traces, {
        height: 340, dragmode: false,
        xaxis: { range: [range.xmin, range.xmax], title: { text: "x" }, zeroline: true },
        yaxis: { range: [-scale, scale], title: { text: "f(x)" }, zeroline: true }
      });
      drawTable();
      var where = "x" + subscript(shown) + " = " + fmt(current);
      ctx.status(shown < data.steps.length ? "Step " + shown + " of " + data.steps.length + ": " + where + "."
                                           : data.message);
    }

    function drawTable() {
      var head = el("tr");
      ["n", "x\u2099", "f(x\u2099)", "f\u2032(x\u2099)", "x\u2099\u208A\u2081 = x\u2099 \u2212 f/f\u2032"].forEach(function (h) {
        head.appendChild(el("th", { scope: "col" }, h));
      });
      var rows = [el("caption", {}, "Newton's steps so far"), head];
      data.steps.slice(0, shown).forEach(function (s, n) {
        var row = el("tr");
        [String(n), fmt(s.x), fmt(s.fx), fmt(s.dfx), fmt(s.x_next)].forEach(function (v) { row.appendChild(el("td", {}, v)); });
        rows.push(row);
      });
      table.replaceChildren.apply(table, rows);
    }

    function drawBasins() {
      if (!basins) { return; }
      var traces = [];
      basins.roots.forEach(function (root, k) {
        var xs = basins.starts.filter(function (s, i) { return basins.outcome[i] === k; });
        traces.push({ x: xs, y: xs.map(function () { return 0; }), mode: "markers", name: "to x = " + fmt(root),
                      marker: { color: ROOT_COLOURS[k % ROOT_COLOURS.length], size: 9, symbol: "square" } });
        traces.push({ x: [root], y: [0.6], mode: "markers", showlegend: false, hoverinfo: "x",
                      marker: { color: ROOT_COLOURS[k % ROOT_COLOURS.length], size: 12, symbol: "star" } });
      });
      Object.keys(FAILURES).forEach(function (status) {
        var xs = basins.starts.filter(function (s, i) { return basins.outcome[i] === status; });
        if (!xs.length) { return; }
        var look = FAILURES[status];
        traces.push({ x: xs, y: xs.map(function () { return -0.6; }), mode: "markers", name: look[0],
                      marker: { color: look[2], size: 8, symbol: look[1] } });
      });
      ctx.plot(strip, traces, {
        height: 200, dragmode: false,
        xaxis: { range: [range.xmin, range.xmax], title: { text: "starting point x\u2080" } },
        yaxis: { range: [-1, 1], visible: false }, title: { text: "Where each start goes (stars: the roots)" }
      });
    }

    function fmt(v) { return Math.abs(v) >= 1e5 || (v !== 0 && Math.abs(v) < 1e-4) ? v.toExponential(4) : v.toFixed(6); }
    function subscript(n) { return String(n).replace(/[0-9]/g, function (d) { return String.fromCharCode(0x2080 + Number(d)); }); }

    load();
    loadBasins();
  });
})();
