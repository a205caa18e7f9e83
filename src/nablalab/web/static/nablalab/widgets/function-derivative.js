// A function and its derivative, one above the other, linked by a moving point: the slope
// of the tangent on the top graph is the height of the point on the bottom one.
(function () {
  "use strict";
  nablalab.widgets.register("function-derivative", function (ctx) {
    var el = nablalab.widgets.element;
    if (ctx.state.f === undefined) { ctx.state.f = "x^3 - 3*x"; }
    var formulas = el("p", { className: "widget-formulas" });
    var fLatex = el("span"), dLatex = el("span");
    formulas.append("f(x) = ", fLatex, " and f\u2032(x) = ", dLatex);
    var top = ctx.panel("Graph of the function with its tangent at the chosen point");
    var bottom = ctx.panel("Graph of the derivative with the chosen point");
    var data = null;

    ctx.textInput("f", "f(x) =", load);
    var slider = ctx.slider("x0", "Point x =", -5, 5, 0.05, draw);
    ctx.controls.appendChild(formulas);

    function load() {
      ctx.api("function-derivative", { f: ctx.state.f, xmin: -5, xmax: 5 }).then(function (answer) {
        data = answer;
        ctx.maths(fLatex, answer.f_latex, answer.f);
        ctx.maths(dLatex, answer.derivative_latex, answer.derivative);
        draw();
      }, function () { /* the status line says why */ });
    }

    // Value and slope at x0 by linear interpolation of the sampled curves: no second
    // implementation of the maths, just reading between the server's samples.
    function at(values, x0) {
      var xs = data.x, i = Math.min(xs.length - 2, Math.max(0, Math.floor((x0 - xs[0]) / (xs[1] - xs[0]))));
      var a = values[i], b = values[i + 1];
      if (a === null || b === null) { return null; }
      var t = (x0 - xs[i]) / (xs[i + 1] - xs[i]);
      return a + t * (b - a);
    }

    function draw() {
      if (!data) { return; }
      var x0 = Number(slider.value);
      var y0 = at(data.y, x0), slope = at(data.dy, x0);
      var tangent = { x: [], y: [], mode: "lines", name: "tangent", line: { dash: "dash", color: "#b45309" } };
      if (y0 !== null && slope !== null) {
        tangent.x = [x0 - 1.5, x0 + 1.5];
        tangent.y = [y0 - 1.5 * slope, y0 + 1.5 * slope];
      }
      ctx.plot(top, [
        { x: data.x, y: data.y, mode: "lines", name: "f(x)", line: { color: "#1d4ed8" } },
        tangent,
        { x: [x0], y: [y0], mode: "markers", name: "point", marker: { size: 10, color: "#b45309" } }
      ], { height: 280, yaxis: { title: { text: "f(x)" } } });
      ctx.plot(bottom, [
        { x: data.x, y: data.dy, mode: "lines", name: "f\u2032(x)", line: { color: "#047857" } },
        { x: [x0], y: [slope], mode: "markers", name: "slope at the point", marker: { size: 10, color: "#b45309" } }
      ], { height: 240, yaxis: { title: { text: "f\u2032(x)" } }, xaxis: { title: { text: "x" } } });
      ctx.status(slope === null ? "" : "At x = " + x0.toFixed(2) + " the slope of f is " + slope.toFixed(3) + ".");
    }

    load();
  });
})();
