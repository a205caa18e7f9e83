// Taylor series in two variables: the 0th-, 1st- and 2nd-order polynomials about (a, b) over
// the function, as surfaces (WebGL) and as slices through the point along x (always drawn,
// so the widget works without WebGL). One server answer per point holds all three orders.
(function () {
  "use strict";
  var COLOURS = ["#64748b", "#b45309", "#047857"], NAMES = ["0th order", "1st order (tangent plane)", "2nd order"];

  function webglAvailable() {
    try {
      var canvas = document.createElement("canvas");
      return !!(window.WebGLRenderingContext && (canvas.getContext("webgl") || canvas.getContext("experimental-webgl")));
    } catch (error) { return false; }
  }

  nablalab.widgets.register("taylor-2d", function (ctx) {
    var el = nablalab.widgets.element;
    if (ctx.state.f === undefined) { ctx.state.f = "exp(-(x^2+y^2))"; }
    if (ctx.state.a === undefined) { ctx.state.a = 0.5; }
    if (ctx.state.b === undefined) { ctx.state.b = 0.5; }
    var formulas = el("div", { className: "widget-formulas" });
    var surface = webglAvailable() ? ctx.panel("The function's surface with the Taylor polynomial surfaces about the point") : null;
    if (!surface) {
      ctx.canvas.appendChild(el("p", { className: "widget-note" },
        "This browser cannot draw 3-D (WebGL is off); the slice below shows the same polynomials along x."));
    }
    var slice = ctx.panel("The slice y = b through the point: the function and its Taylor polynomials along x");
    var data = null;

    ctx.textInput("f", "f(x, y) =", load);
    ctx.slider("a", "a (x of the point)", -2, 2, 0.05, function () { pending(); });
    ctx.slider("b", "b (y of the point)", -2, 2, 0.05, function () { pending(); });
    var show = ctx.select("show", "Show", [["all", "all three orders"], ["0", "0th order"], ["1", "1st order"], ["2", "2nd order"]],
                         function () { draw(); });
    ctx.canvas.appendChild(formulas);
    var pending = nablalab.widgets.debounce(load, 80);

    function load() {
      ctx.api("taylor-2d", { f: ctx.state.f, a: Number(ctx.state.a), b: Number(ctx.state.b) }).then(function (answer) {
        data = answer;
        formulas.replaceChildren();
        [["f(x, y) = ", answer.f_latex]].concat(answer.orders_latex.map(function (t, k) { return ["T" + "\u2080\u2081\u2082"[k] + " = ", t]; }))
          .forEach(function (row) {
            var line = el("p"), maths = el("span");
            line.append(row[0], maths);
            ctx.maths(maths, row[1]);
            formulas.appendChild(line);
          });
        draw();
      }, function () { /* the status line says why */ });
    }

    function shown(k) { return show.value === "all" || show.value === String(k); }

    function draw() {
      if (!data) { return; }
      var middle = Math.floor(data.y.length / 2);
      var traces = [{ x: data.x, y: data.z[middle], mode: "lines", name: "f(x, b)", line: { color: "#1d4ed8", width: 3 } }];
      data.orders.forEach(function (grid, k) {
        if (shown(k)) { traces.push({ x: data.x, y: grid[middle], mode: "lines", name: NAMES[k], line: { color: COLOURS[k], dash: "dash" } }); }
      });
      ctx.plot(slice, traces, { height: 280, xaxis: { title: { text: "x (y = " + data.b + ")" } } });
      if (surface) {
        var surfaces = [{ type: "surface", x: data.x, y: data.y, z: data.z, colorscale: "Blues", showscale: false, opacity: 0.9, name: "f" }];
        data.orders.forEach(function (grid, k) {
          if (shown(k)) {
            surfaces.push({ type: "surface", x: data.x, y: data.y, z: grid, showscale: false, opacity: 0.6, name: NAMES[k],
                            colorscale: [[0, COLOURS[k]], [1, COLOURS[k]]] });
          }
        });
        ctx.plot(surface, surfaces, { height: 420, showlegend: false, margin: { l: 0, r: 0, t: 10, b: 0 },
                                      scene: { xaxis: { title: { text: "x" } }, yaxis: { title: { text: "y" } }, zaxis: { title: { text: "z" } } } });
      }
      ctx.status("About (" + data.a + ", " + data.b + "): f = " + data.orders[0][middle][Math.floor(data.x.length / 2)] + ".");
    }

    load();
  });
})();
