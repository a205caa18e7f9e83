// Taylor series: a typed function, an expansion point a (slider, or drag on the plot) and the
// order n. One answer per a holds every order 0..20 (polynomials and errors), so the order
// slider only redraws; the chosen order's exact polynomial, the radius of convergence and
// the remainder bound follow in a second, lighter call.
(function () {
  "use strict";
  var X_RANGE = [-4, 4], BOUND_HALF_WIDTH = 1;
  var BLUE = "#1d4ed8", ORANGE = "#b45309", GREEN = "#047857", GREY = "#64748b";

  nablalab.widgets.register("taylor", function (ctx) {
    var el = nablalab.widgets.element;
    if (ctx.state.f === undefined) { ctx.state.f = "exp(x)"; }
    if (ctx.state.a === undefined) { ctx.state.a = 0; }
    if (ctx.state.order === undefined) { ctx.state.order = 3; }
    var formulas = el("p", { className: "widget-formulas" });
    var fLatex = el("span"), tLatex = el("span");
    formulas.append("f(x) = ", fLatex);
    var polynomial = el("p", { className: "widget-formulas" });
    var plot = ctx.panel("The function and its Taylor polynomial of the chosen order; drag to move the expansion point");
    var errorPlot = ctx.panel("The error |f \u2212 T\u2099| on a log scale, with the remainder bound");
    var notes = el("div", { className: "widget-formulas" });
    var radiusLine = el("p"), boundLine = el("p");
    notes.append(radiusLine, boundLine);
    ctx.canvas.appendChild(notes);
    var data = null, details = null;

    ctx.textInput("f", "f(x) =", load);
    var aSlider = ctx.slider("a", "Expansion point a", -3, 3, 0.05, function () { pending(); });
    var orderSlider = ctx.slider("order", "Order n", 0, 20, 1, function () { draw(); pendingDetails(); });
    ctx.controls.append(formulas, polynomial);
    var pending = nablalab.widgets.debounce(load, 60);
    var pendingDetails = nablalab.widgets.debounce(loadDetails, 150);

    ctx.drag(plot, function (at) {
      if (isNaN(at.x)) { return; }
      var a = Math.round(Math.min(3, Math.max(-3, at.x)) * 20) / 20;
      if (a === Number(ctx.state.a)) { return; }
      ctx.setState({ a: a });
      aSlider.value = String(a);
      aSlider.nextElementSibling.textContent = String(a);
      pending();
    });

    function order() { return Math.min(Number(ctx.state.order), data ? data.coefficients.length - 1 : 20); }

    function load() {
      ctx.api("taylor", { f: ctx.state.f, a: Number(ctx.state.a), xmin: X_RANGE[0], xmax: X_RANGE[1] }).then(function (answer) {
        data = answer;
        details = null;
        ctx.maths(fLatex, answer.f_latex, answer.f);
        draw();
        if (!answer.why) { loadDetails(); }
      }, function () { /* the status line says why */ });
    }

    // The lighter second call; its answer is dropped if a or n moved on meanwhile.
    function loadDetails() {
      if (!data || data.why) { return; }
      var asked = { f: ctx.state.f, a: data.a, order: order(), half_width: BOUND_HALF_WIDTH };
      nablalab.widgets.post("taylor/details", asked).then(function (answer) {
        if (!data || asked.a !== data.a || asked.order !== order() || asked.f !== ctx.state.f) { return; }
        details = answer;
        draw();
      }, function (error) {
        details = null;
        boundLine.textContent = error.message;
      });
    }

    function draw() {
      if (!data) { return; }
      var n = order(), a = data.a;
      var finiteY = data.y.filter(function (v) { return v !== null; });
      var low = Math.min.apply(null, finiteY), high = Math.max.apply(null, finiteY), pad = 0.15 * (high - low || 1);
      var traces = [{ x: data.x, y: data.y, mode: "lines", name: "f(x)", line: { color: BLUE, width: 3 } }];
      var shapes = [];
      if (data.why) {
        ctx.status(data.why, "error");
        polynomial.replaceChildren();
      } else {
        traces.push({ x: data.x, y: data.polynomials[n], mode: "lines", name: "T" + subscript(n) + "(x)", line: { color: ORANGE, width: 2 } });
        var aIndex = Math.round((a - data.x[0]) / (data.x[1] - data.x[0]));
        traces.push({ x: [a], y: [data.polynomials[0][aIndex]], mode: "markers", name: "expansion point",
                      marker: { size: 12, color: GREEN, line: { color: "#fff", width: 2 } } });
        if (details && details.radius !== null && details.radius < 1e300) {
          shapes.push({ type: "rect", xref: "x", yref: "paper", x0: a - details.radius, x1: a + details.radius, y0: 0, y1: 1,
                        fillcolor: "rgba(4, 120, 87, 0.08)", line: { width: 0 } });
        }
        ctx.status(data.coefficients.length < 21 ? "This function's derivatives grow too large past order " +
                   (data.coefficients.length - 1) + ", so the orders stop there." : "");
      }
      ctx.plot(plot, traces, { height: 360, dragmode: false, shapes: shapes, xaxis: { range: X_RANGE, title: { text: "x" } },
                               yaxis: { range: [low - pad, high + pad] } });
      var errorTraces = data.why ? [] : [{ x: data.x, y: data.errors[n], mode: "lines", name: "|f \u2212 T" + subscript(n) + "|", line: { color: ORANGE } }];
      if (details && details.bound_x.length && details.order === n) {
        errorTraces.push({ x: details.bound_x, y: details.bound_y, mode: "lines", name: "remainder bound", line: { color: GREY, dash: "dash" } });
      }
      ctx.plot(errorPlot, errorTraces.length ? errorTraces : [{ x: [], y: [], name: "no series here" }],
               { height: 260, xaxis: { range: X_RANGE, title: { text: "x" } },
                 yaxis: { type: "log", range: [-16, 3], exponentformat: "power", title: { text: "error" } } });
      radiusLine.textContent = details ? "Radius of convergence: " + (details.radius === null ? "unknown" :
        details.radius >= 1e300 ? "infinite" : details.radius.toPrecision(4)) + ". " + details.radius_text : "";
      boundLine.textContent = details && details.order === n ? details.bound_text : "";
      polynomial.replaceChildren();
      if (details && details.polynomial_latex && details.order === n) {
        polynomial.append("T" + subscript(n) + "(x) = ", tLatex);
        ctx.maths(tLatex, details.polynomial_latex);
      }
    }

    function subscript(n) {
      return String(n).split("").map(function (d) { return String.fromCharCode(0x2080 + Number(d)); }).join("");
    }

    load();
  });
})();
