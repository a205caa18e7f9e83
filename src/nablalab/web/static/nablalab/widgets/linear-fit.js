// Linear regression, live: drag points (or click empty space to add one, shift-click a point
// to remove it), or edit the data as text; the server fits the least-squares line and
// returns chi-squared, the parameters' errors and the residuals.
(function () {
  "use strict";
  var DEFAULT = "1,2.3;2,3.7;3,6.4;4,7.6;5,10.3;6,11.4";
  var X_RANGE = [0, 10], Y_RANGE = [-2, 16], GRAB_PX = 14;

  nablalab.widgets.register("linear-fit", function (ctx) {
    var el = nablalab.widgets.element;
    var points = decode(ctx.state.points || DEFAULT);
    var plot = ctx.panel("Data points with the least-squares line; drag a point to move it");
    var residualPlot = ctx.panel("Residuals of the fit", "widget-plot-small");
    var summary = el("p", { className: "widget-formulas" });
    var textId = "linear-fit-data-" + Math.random().toString(36).slice(2, 8);
    var textWrap = el("div", { className: "widget-field" });
    var text = el("textarea", { id: textId, rows: "5", cols: "28", spellcheck: "false" });
    textWrap.append(el("label", { "for": textId }, "Data (x,y or x,y,sigma per line)"), text);
    ctx.controls.append(textWrap);
    ctx.button("Fit these data", function () { request({ csv: text.value }, true); });
    ctx.controls.append(summary);
    var dragging = null, fitted = null;

    function decode(encoded) {
      return String(encoded).split(";").map(function (pair) {
        return pair.split(",").map(Number);
      }).filter(function (p) { return p.length === 2 && isFinite(p[0]) && isFinite(p[1]); });
    }

    function encode() {
      return points.map(function (p) { return round(p[0]) + "," + round(p[1]); }).join(";");
    }

    function round(v) { return Math.round(v * 1000) / 1000; }

    function request(body, fromText) {
      return ctx.api("linear-fit", body).then(function (answer) {
        fitted = answer;
        if (fromText) {
          points = answer.x.map(function (x, i) { return [x, answer.y[i]]; });
        }
        ctx.setState({ points: encode() });
        if (!fromText) { showText(); }
        draw();
      }, function () { /* shown in the status line */ });
    }

    function refit() { request({ points: points }, false); }

    function draw() {
      var f = fitted;
      var errors = f.sigma ? { type: "data", array: f.sigma, visible: true } : undefined;
      ctx.plot(plot, [
        { x: points.map(function (p) { return p[0]; }), y: points.map(function (p) { return p[1]; }),
          mode: "markers", name: "data", marker: { size: 12, color: "#1d4ed8" }, error_y: errors },
        { x: f.line_x, y: f.line_y, mode: "lines", name: "least-squares line", line: { color: "#b45309" } }
      ], { height: 340, dragmode: false, xaxis: { range: X_RANGE, title: { text: "x" } },
           yaxis: { range: Y_RANGE, title: { text: "y" } } });
      ctx.plot(residualPlot, [
        { x: f.x, y: f.residuals, type: "bar", name: "residual y − (mx + c)", marker: { color: "#047857" } }
      ], { height: 200, dragmode: false, xaxis: { range: X_RANGE } });
      summary.textContent = "m = " + withError(f.m, f.m_error) + ",  c = " + withError(f.c, f.c_error) +
        ",  χ² = " + f.chi2.toPrecision(4) +
        (f.reduced_chi2 === null ? "" : ",  χ²/dof = " + f.reduced_chi2.toPrecision(3));
    }

    function withError(value, error) {
      return value.toPrecision(4) + (error === null ? "" : " ± " + error.toPrecision(2));
    }

    // Pixel <-> data coordinates of the plot area (Plotly's own axis conversions).
    function toData(event) {
      var layout = plot._fullLayout, box = plot.querySelector(".nsewdrag").getBoundingClientRect();
      return [layout.xaxis.p2l(event.clientX - box.left), layout.yaxis.p2l(event.clientY - box.top)];
    }

    function nearest(event) {
      var layout = plot._fullLayout, box = plot.querySelector(".nsewdrag").getBoundingClientRect();
      var best = -1, bestDistance = GRAB_PX;
      points.forEach(function (p, i) {
        var dx = layout.xaxis.l2p(p[0]) + box.left - event.clientX;
        var dy = layout.yaxis.l2p(p[1]) + box.top - event.clientY;
        var distance = Math.sqrt(dx * dx + dy * dy);
        if (distance < bestDistance) { best = i; bestDistance = distance; }
      });
      return best;
    }

    var liveRefit = nablalab.widgets.debounce(refit, 30);
    plot.addEventListener("mousedown", function (event) {
      if (!fitted) { return; }
      var index = nearest(event);
      if (index >= 0 && event.shiftKey && points.length > 2) {
        points.splice(index, 1);
        refit();
      } else if (index >= 0) {
        dragging = index;
      } else {
        var at = toData(event);
        if (at[0] >= X_RANGE[0] && at[0] <= X_RANGE[1] && at[1] >= Y_RANGE[0] && at[1] <= Y_RANGE[1]) {
          points.push(at);
          refit();
        }
      }
      event.preventDefault();
    });
    window.addEventListener("mousemove", function (event) {
      if (dragging === null) { return; }
      points[dragging] = toData(event);
      draw();
      liveRefit();
    });
    window.addEventListener("mouseup", function () {
      if (dragging !== null) { dragging = null; refit(); }
    });

    function showText() {
      text.value = points.map(function (p) { return round(p[0]) + ", " + round(p[1]); }).join("\n");
    }

    showText();
    refit();
  });
})();
