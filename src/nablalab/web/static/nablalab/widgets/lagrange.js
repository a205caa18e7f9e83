// Lagrange multipliers: contours of f, the constraint curve g = 0, and at a point dragged
// along the curve the gradients ∇f and ∇g, which line up exactly at the constrained
// optima. The server sends the curve as points carrying both gradients, so the drag snaps
// to the nearest one without another call; the critical points come from the engines.
(function () {
  "use strict";
  var PRESETS = [
    ["", "Choose a problem\u2026"],
    ["course-1", "Course problem 1: exp(\u2212(2x\u00b2+y\u00b2\u2212xy)/2) on an ellipse"],
    ["course-2", "Course problem 2: \u2212exp(x\u2212y\u00b2+xy) on cosh y + x = 2"],
    ["circle", "x + 2y on the unit circle"]
  ];
  var PROBLEMS = {
    "course-1": { f: "exp(-(2*x^2 + y^2 - x*y)/2)", g: "x^2 + 3*(y + 1)^2 - 1" },
    "course-2": { f: "-exp(x - y^2 + x*y)", g: "cosh(y) + x - 2" },
    "circle": { f: "x + 2*y", g: "x^2 + y^2 - 1" }
  };
  var KIND_SYMBOLS = { "local max": "triangle-up", "local min": "triangle-down", saddle: "diamond", inconclusive: "circle-open" };

  nablalab.widgets.register("lagrange", function (ctx) {
    var el = nablalab.widgets.element;
    if (ctx.state.f === undefined) { ctx.state.f = PROBLEMS["course-1"].f; }
    if (ctx.state.g === undefined) { ctx.state.g = PROBLEMS["course-1"].g; }
    var data = null, points = null, index = 0;

    var fInput = ctx.textInput("f", "f(x, y) =", reload);
    var gInput = ctx.textInput("g", "constraint g(x, y) = 0 with g =", reload);
    ctx.select("preset", "Problems", PRESETS, function (name) {
      if (!PROBLEMS[name]) { return; }
      fInput.value = PROBLEMS[name].f; gInput.value = PROBLEMS[name].g;
      ctx.setState({ f: PROBLEMS[name].f, g: PROBLEMS[name].g, preset: undefined });
      reload();
    });
    delete ctx.state.preset;
    var along = ctx.slider("along", "Point along the curve", 0, 1, 0.001, function (t) { moveTo(indexAt(t)); });
    var formulas = el("p", { className: "widget-formulas" });
    var fLatex = el("span"), gLatex = el("span");
    formulas.append("Optimise f = ", fLatex, " subject to ", gLatex, " = 0.");
    ctx.controls.appendChild(formulas);
    var map = ctx.panel("Contours of f, the constraint curve, and the two gradients at the point", "lagrange-map");
    var list = el("div", { className: "lagrange-points" });
    ctx.canvas.appendChild(list);

    function indexAt(t) { return data ? Math.round(t * (data.curve.length - 1)) : 0; }

    function reload() {
      points = null;
      list.replaceChildren(el("p", {}, "Solving the Lagrange equations\u2026"));
      ctx.api("lagrange", { f: ctx.state.f, g: ctx.state.g }).then(function (answer) {
        data = answer;
        ctx.maths(fLatex, answer.f_latex, ctx.state.f);
        ctx.maths(gLatex, answer.g_latex, ctx.state.g);
        if (!answer.curve.length) {
          ctx.status("The curve g = 0 does not cross the region shown (\u22123 to 3 in x and y).", "error");
        }
        moveTo(indexAt(Number(along.value)));
        nablalab.widgets.post("lagrange/points", { f: ctx.state.f, g: ctx.state.g }).then(function (found) {
          points = found; showPoints(); draw();
        }, function (error) { list.replaceChildren(el("p", { className: "widget-status-error" }, error.message)); });
      }, function () { /* the status line says why */ });
    }

    function moveTo(i) {
      if (!data || !data.curve.length) { return; }
      index = Math.max(0, Math.min(data.curve.length - 1, i));
      draw();
      var p = data.curve[index];
      var angle = Math.asin(Math.min(1, p.sin_angle)) * 180 / Math.PI;
      ctx.status("At (" + p.x.toFixed(3) + ", " + p.y.toFixed(3) + "): f = " + p.f.toFixed(5) +
                 "; ∇f and ∇g are " + angle.toFixed(1) + "\u00b0 from parallel" +
                 (angle < 1.5 ? " \u2014 parallel: this is a critical point of f on the curve." : "."));
    }

    function arrow(p, vector, colour, span) {
      var size = Math.hypot(vector[0], vector[1]);
      if (!size) { return null; }
      var k = span / size;
      return { x: p.x + k * vector[0], y: p.y + k * vector[1], ax: p.x, ay: p.y, xref: "x", yref: "y",
               axref: "x", ayref: "y", showarrow: true, arrowhead: 3, arrowwidth: 2.5, arrowcolor: colour, text: "" };
    }

    function draw() {
      if (!data) { return; }
      var traces = [
        { type: "contour", x: data.x, y: data.y, z: data.f_grid, name: "f", colorscale: "Viridis", ncontours: 25,
          contours: { coloring: "lines" }, showscale: false, hoverinfo: "skip", showlegend: false },
        { type: "contour", x: data.x, y: data.y, z: data.g_grid, name: "g = 0", showscale: false, hoverinfo: "skip",
          contours: { start: 0, end: 0, size: 1, coloring: "lines" }, line: { color: "#dc2626", width: 3 },
          colorscale: [[0, "#dc2626"], [1, "#dc2626"]], showlegend: true }
      ];
      var annotations = [];
      if (data.curve.length) {
        var p = data.curve[index], span = 0.12 * (data.x[data.x.length - 1] - data.x[0]);
        traces.push({ x: [p.x], y: [p.y], mode: "markers", name: "your point",
                      marker: { size: 13, color: "#111827", line: { color: "#fff", width: 2 } } });
        [arrow(p, p.grad_f, "#1d4ed8", span), arrow(p, p.grad_g, "#dc2626", span)].forEach(function (a) {
          if (a) { annotations.push(a); }
        });
        traces.push({ x: [null], y: [null], mode: "lines", name: "\u2207f", line: { color: "#1d4ed8", width: 3 } });
        traces.push({ x: [null], y: [null], mode: "lines", name: "\u2207g", line: { color: "#dc2626", width: 3 } });
      }
      if (points && points.points.length) {
        traces.push({ x: points.points.map(function (q) { return q.x; }), y: points.points.map(function (q) { return q.y; }),
                      mode: "markers", name: "critical points", hovertext: points.points.map(function (q) { return q.classification; }),
                      marker: { size: 12, color: "#f59e0b", line: { color: "#111827", width: 1 },
                                symbol: points.points.map(function (q) { return KIND_SYMBOLS[q.classification] || "circle"; }) } });
      }
      ctx.plot(map, traces, {
        height: 520, dragmode: false, hovermode: "closest", annotations: annotations,
        xaxis: { range: [data.x[0], data.x[data.x.length - 1]], fixedrange: true, title: { text: "x" }, constrain: "domain" },
        yaxis: { range: [data.y[0], data.y[data.y.length - 1]], fixedrange: true, title: { text: "y" }, scaleanchor: "x" }
      });
    }

    function showPoints() {
      var rows = [el("caption", {}, points.message)];
      var head = el("tr");
      ["x", "y", "\u03bb", "f", "kind", "exact"].forEach(function (h) { head.appendChild(el("th", { scope: "col" }, h)); });
      rows.push(head);
      points.points.forEach(function (q) {
        var row = el("tr");
        [q.x.toFixed(6), q.y.toFixed(6), q.multiplier === null ? "\u2014" : q.multiplier.toFixed(6), q.f.toFixed(6),
         q.classification + (q.global_label ? " (" + q.global_label + ")" : ""), q.exact || "numerical"].forEach(function (v) {
          row.appendChild(el("td", {}, v));
        });
        rows.push(row);
      });
      var table = el("table", { className: "widget-table" });
      table.append.apply(table, rows);
      list.replaceChildren(el("h3", {}, "Critical points of f on the curve"), table);
    }

    // Drag the point: it snaps to the nearest sampled point of the curve.
    ctx.drag(map, function (pointer) {
      if (!data || !data.curve.length) { return; }
      var best = 0, bestDistance = Infinity;
      data.curve.forEach(function (p, i) {
        var d = Math.hypot(p.x - pointer.x, p.y - pointer.y);
        if (d < bestDistance) { bestDistance = d; best = i; }
      });
      along.value = String(best / Math.max(1, data.curve.length - 1));
      if (along.nextElementSibling) { along.nextElementSibling.textContent = Number(along.value).toFixed(3); }
      moveTo(best);
      if (pointer.done) { ctx.setState({ along: Number(Number(along.value).toFixed(3)) }); }
    });

    reload();
  });
})();
