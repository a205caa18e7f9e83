// Rise over run: the secant through two points of a curve becomes the tangent as h shrinks,
// until round-off takes over. One server answer holds the whole sweep h = 1 ... 1e-15 (the
// engine's forward and central differences and their errors), so the h slider and the
// dragged second point only redraw.
(function () {
  "use strict";
  var X_RANGE = [-4, 4];
  var BLUE = "#1d4ed8", ORANGE = "#b45309", GREEN = "#047857", GREY = "#64748b";

  nablalab.widgets.register("rise-over-run", function (ctx) {
    var el = nablalab.widgets.element;
    if (ctx.state.f === undefined) { ctx.state.f = "sin(x)"; }
    if (ctx.state.x0 === undefined) { ctx.state.x0 = 1; }
    if (ctx.state.h === undefined) { ctx.state.h = 0.5; }
    ctx.canvas.classList.add("widget-canvas-two");
    var formulas = el("p", { className: "widget-formulas" });
    var fLatex = el("span"), dLatex = el("span");
    formulas.append("f(x) = ", fLatex, " and f\u2032(x) = ", dLatex);
    var curvePlot = ctx.panel("The curve with the secant through two points and the tangent at the first; drag either point");
    var errorPlot = ctx.panel("Log-log plot of the finite-difference error against the step h");
    var readout = el("table", { className: "widget-table" });
    ctx.canvas.appendChild(readout);
    var data = null;

    ctx.textInput("f", "f(x) =", load);
    var x0Slider = ctx.slider("x0", "Point x\u2080 =", -3.5, 3.5, 0.01, function () { pending(); });
    // The h slider walks the server's sweep: position i is h = 10^(-i/4).
    var hSlider = ctx.slider("hIndex", "Step h (log scale)", 0, 60, 1, function (index) { chooseStep(index); });
    ctx.controls.appendChild(formulas);
    ctx.drag(curvePlot, dragPoint);

    function stepIndex(h) { return Math.min(60, Math.max(0, Math.round(-4 * Math.log10(h)))); }
    function showStep(index) {
      hSlider.value = String(index);
      hSlider.nextElementSibling.textContent = Math.pow(10, -index / 4).toExponential(1);
    }
    function chooseStep(index) {
      ctx.setState({ h: Number(Math.pow(10, -index / 4).toPrecision(3)), hIndex: undefined });
      showStep(index);
      draw();
    }
    delete ctx.state.hIndex;
    showStep(stepIndex(ctx.state.h));

    var pending = nablalab.widgets.debounce(load, 60);
    function dragPoint(point) {
      if (!data || point.x === undefined || isNaN(point.x)) { return; }
      var x0 = ctx.state.x0, h = ctx.state.h;
      var nearFirst = dragPoint.which ? dragPoint.which === "first" :
        Math.abs(point.x - x0) <= Math.abs(point.x - (x0 + h));
      dragPoint.which = point.done ? null : (nearFirst ? "first" : "second");
      if (nearFirst) {
        var moved = Math.min(3.5, Math.max(-3.5, Math.round(point.x * 100) / 100));
        if (moved !== x0) {
          ctx.setState({ x0: moved });
          x0Slider.value = String(moved);
          x0Slider.nextElementSibling.textContent = String(moved);
          pending();
        }
      } else {
        chooseStep(stepIndex(Math.max(point.x - x0, 1e-15)));
      }
    }

    function load() {
      ctx.api("rise-over-run", { f: ctx.state.f, x0: Number(ctx.state.x0), xmin: X_RANGE[0], xmax: X_RANGE[1] })
        .then(function (answer) {
          data = answer;
          ctx.maths(fLatex, answer.f_latex, answer.f);
          ctx.maths(dLatex, answer.derivative_latex, answer.derivative);
          draw();
        }, function () { /* the status line says why */ });
    }

    function row(cells, header) {
      var tr = el("tr");
      cells.forEach(function (cell, i) { tr.appendChild(el(header || i === 0 ? "th" : "td", i === 0 || header ? { scope: header ? "col" : "row" } : {}, cell)); });
      return tr;
    }

    function draw() {
      if (!data) { return; }
      var i = stepIndex(ctx.state.h), h = data.steps[i];
      var forward = data.methods.forward, central = data.methods.central;
      var slope = forward.estimates[i], x0 = data.x0, y0 = data.y0, reach = 2;
      var secant = { x: [], y: [], mode: "lines", name: "secant", line: { color: ORANGE } };
      if (slope !== null) {
        secant.x = [x0 - reach, x0 + reach];
        secant.y = [y0 - reach * slope, y0 + reach * slope];
      }
      var finiteY = data.y.filter(function (v) { return v !== null; });
      var low = Math.min.apply(null, finiteY), high = Math.max.apply(null, finiteY), pad = 0.1 * (high - low || 1);
      ctx.plot(curvePlot, [
        { x: data.x, y: data.y, mode: "lines", name: "f(x)", line: { color: BLUE } },
        secant,
        { x: [x0 - reach, x0 + reach], y: [y0 - reach * data.exact_slope, y0 + reach * data.exact_slope],
          mode: "lines", name: "tangent", line: { color: GREEN, dash: "dash" } },
        { x: [x0, x0 + h], y: [y0, data.y_ahead[i]], mode: "markers", name: "the two points",
          marker: { size: 12, color: ORANGE, line: { color: "#fff", width: 2 } } }
      ], { height: 340, dragmode: false, xaxis: { range: X_RANGE, title: { text: "x" } },
           yaxis: { range: [low - pad, high + pad], title: { text: "f(x)" } } });
      ctx.plot(errorPlot, [
        { x: data.steps, y: forward.errors, mode: "lines+markers", name: "forward (f(x\u2080+h) \u2212 f(x\u2080))/h",
          marker: { size: 4 }, line: { color: ORANGE } },
        { x: data.steps, y: central.errors, mode: "lines+markers", name: "central", marker: { size: 4 },
          line: { color: GREEN } },
        { x: [h, h], y: [forward.errors[i], central.errors[i]], mode: "markers", name: "this h",
          marker: { size: 12, color: BLUE, symbol: "circle-open", line: { width: 3 } } }
      ], { height: 340, xaxis: { type: "log", autorange: "reversed", title: { text: "step h" }, exponentformat: "power" },
           yaxis: { type: "log", title: { text: "|estimate \u2212 f\u2032(x\u2080)|" }, exponentformat: "power" } });
      readout.replaceChildren(
        row(["", "slope", "error"], true),
        row(["exact f\u2032(x\u2080)", data.exact_slope.toPrecision(12), ""]),
        row(["forward, h = " + h.toExponential(1), number(slope), number(forward.errors[i], 2)]),
        row(["central, h = " + h.toExponential(1), number(central.estimates[i]), number(central.errors[i], 2)]),
        row(["smallest forward error", "at h = " + forward.best_step.toExponential(1), forward.best_error.toExponential(2)]),
        row(["smallest central error", "at h = " + central.best_step.toExponential(1), central.best_error.toExponential(2)]));
      ctx.status("At x\u2080 = " + x0 + " with h = " + h.toExponential(1) + " the secant's slope is " + number(slope) +
                 "; the tangent's is " + data.exact_slope.toPrecision(8) + ".");
    }

    function number(value, digits) {
      if (value === null || value === undefined) { return "undefined"; }
      return digits ? value.toExponential(digits) : value.toPrecision(12);
    }

    load();
  });
})();
