// Surfaces and gradients: a typed f(x, y) as a 3-D surface (WebGL) and a contour map (no
// WebGL needed) with the gradient field as arrows. Clicking the map (or moving the point
// sliders) asks the server about that point: the tangent plane on the surface, the slices
// f(x, y0) and f(x0, y) with their slopes, and the gradient and Hessian there.
(function () {
  "use strict";
  var RANGE = [-2, 2];
  var ORANGE = "#b45309", GREEN = "#047857";

  function webglAvailable() {
    try {
      var canvas = document.createElement("canvas");
      return !!(window.WebGLRenderingContext && (canvas.getContext("webgl") || canvas.getContext("experimental-webgl")));
    } catch (error) { return false; }
  }

  function matrixLatex(rows, digits) {
    return "\\begin{bmatrix}" + rows.map(function (row) {
      return row.map(function (v) { return Number(v.toPrecision(digits)).toString(); }).join(" & ");
    }).join("\\\\") + "\\end{bmatrix}";
  }

  // Arrows for the gradient field as one line trace (segments separated by gaps), scaled so
  // the longest arrow fills most of a grid cell.
  function arrows(grid) {
    var cell = grid.arrows_x[1] - grid.arrows_x[0], longest = 0, xs = [], ys = [];
    grid.gradient_x.forEach(function (row, i) {
      row.forEach(function (gx, j) {
        var gy = grid.gradient_y[i][j];
        if (gx !== null && gy !== null) { longest = Math.max(longest, Math.hypot(gx, gy)); }
      });
    });
    if (!longest) { return { x: xs, y: ys }; }
    var scale = 0.85 * cell / longest;
    grid.gradient_x.forEach(function (row, i) {
      row.forEach(function (gx, j) {
        var gy = grid.gradient_y[i][j];
        if (gx === null || gy === null || Math.hypot(gx, gy) * scale < cell * 0.05) { return; }
        var x0 = grid.arrows_x[j], y0 = grid.arrows_y[i], x1 = x0 + gx * scale, y1 = y0 + gy * scale;
        var angle = Math.atan2(y1 - y0, x1 - x0), head = cell * 0.22;
        xs.push(x0, x1, null, x1 - head * Math.cos(angle - 0.45), x1, x1 - head * Math.cos(angle + 0.45), null);
        ys.push(y0, y1, null, y1 - head * Math.sin(angle - 0.45), y1, y1 - head * Math.sin(angle + 0.45), null);
      });
    });
    return { x: xs, y: ys };
  }

  nablalab.widgets.register("surface", function (ctx) {
    var el = nablalab.widgets.element;
    if (ctx.state.f === undefined) { ctx.state.f = "exp(-(x^2+y^2))"; }
    if (ctx.state.x === undefined) { ctx.state.x = 0.5; }
    if (ctx.state.y === undefined) { ctx.state.y = -0.5; }
    var formulas = el("p", { className: "widget-formulas" });
    var fLatex = el("span");
    formulas.append("f(x, y) = ", fLatex);
    ctx.canvas.classList.add("widget-canvas-two");
    var has3d = webglAvailable();
    var surfacePlot = has3d ? ctx.panel("The surface z = f(x, y) with the tangent plane at the chosen point") : null;
    if (!has3d) {
      ctx.canvas.appendChild(el("p", { className: "widget-note" },
        "This browser cannot draw 3-D (WebGL is off), so the surface is shown as the contour map."));
    }
    var contourPlot = ctx.panel("Contour map of f with the gradient field as arrows; click to choose a point");
    var alongX = ctx.panel("The slice f(x, y0) through the chosen point, with its slope, the partial derivative in x");
    var alongY = ctx.panel("The slice f(x0, y) through the chosen point, with its slope, the partial derivative in y");
    var values = el("div", { className: "widget-formulas surface-values" });
    ctx.canvas.appendChild(values);
    var grid = null, point = null;

    ctx.textInput("f", "f(x, y) =", load);
    var xSlider = ctx.slider("x", "Point x\u2080", RANGE[0], RANGE[1], 0.05, function () { pending(); });
    var ySlider = ctx.slider("y", "Point y\u2080", RANGE[0], RANGE[1], 0.05, function () { pending(); });
    ctx.controls.appendChild(formulas);
    var pending = nablalab.widgets.debounce(loadPoint, 80);

    ctx.drag(contourPlot, function (at) {
      if (!at.done || isNaN(at.x) || isNaN(at.y)) { return; }
      var x = Math.round(Math.min(RANGE[1], Math.max(RANGE[0], at.x)) * 100) / 100;
      var y = Math.round(Math.min(RANGE[1], Math.max(RANGE[0], at.y)) * 100) / 100;
      ctx.setState({ x: x, y: y });
      [[xSlider, x], [ySlider, y]].forEach(function (pair) {
        pair[0].value = String(pair[1]);
        pair[0].nextElementSibling.textContent = String(pair[1]);
      });
      loadPoint();
    });

    function area() { return { f: ctx.state.f, xmin: RANGE[0], xmax: RANGE[1], ymin: RANGE[0], ymax: RANGE[1] }; }

    function load() {
      ctx.api("surface/grid", area()).then(function (answer) {
        grid = answer;
        point = null;
        ctx.maths(fLatex, answer.f_latex, answer.f);
        loadPoint();
      }, function () { /* the status line says why */ });
    }

    function loadPoint() {
      if (!grid) { return; }
      var body = area();
      body.x = Number(ctx.state.x); body.y = Number(ctx.state.y);
      ctx.api("surface/point", body).then(function (answer) {
        point = answer;
        draw();
      }, function () { point = null; draw(); });
    }

    function draw() {
      var field = arrows(grid);
      var marker = point ? [{ x: [point.x], y: [point.y], mode: "markers", name: "chosen point",
                              marker: { size: 12, color: ORANGE, line: { color: "#fff", width: 2 } } }] : [];
      ctx.plot(contourPlot, [
        { type: "contour", x: grid.x, y: grid.y, z: grid.z, colorscale: "Viridis", name: "f",
          contours: { coloring: "heatmap", showlabels: true }, colorbar: { thickness: 12 }, hoverinfo: "x+y+z" },
        { x: field.x, y: field.y, mode: "lines", name: "\u2207f", line: { color: "#ffffff", width: 1.5 }, hoverinfo: "skip" }
      ].concat(marker), { height: 420, dragmode: false, xaxis: { title: { text: "x" }, range: RANGE },
                          yaxis: { title: { text: "y" }, range: RANGE, scaleanchor: "x" } });
      if (surfacePlot) {
        var traces = [{ type: "surface", x: grid.x, y: grid.y, z: grid.z, colorscale: "Viridis", showscale: false, name: "f" }];
        if (point) {
          traces.push({ type: "surface", x: point.plane_x, y: point.plane_y, z: point.plane_z, showscale: false, opacity: 0.8,
                        colorscale: [[0, ORANGE], [1, ORANGE]], name: "tangent plane" },
                      { type: "scatter3d", x: [point.x], y: [point.y], z: [point.value], mode: "markers",
                        marker: { size: 5, color: "#111827" }, name: "chosen point" });
        }
        ctx.plot(surfacePlot, traces, { height: 420, showlegend: false, margin: { l: 0, r: 0, t: 10, b: 0 },
                                        scene: { xaxis: { title: { text: "x" } }, yaxis: { title: { text: "y" } }, zaxis: { title: { text: "z" } } } });
      }
      if (!point) { return; }
      slice(alongX, point.along_x, point.x, "x", "f(x, " + point.y + ")", "\u2202f/\u2202x");
      slice(alongY, point.along_y, point.y, "y", "f(" + point.x + ", y)", "\u2202f/\u2202y");
      values.replaceChildren();
      [["\u2207f = ", grid.gradient_latex, " = ", matrixLatex(point.gradient.map(function (g) { return [g]; }), 6)],
       ["H = ", grid.hessian_latex, " = ", matrixLatex(point.hessian, 6)]].forEach(function (row) {
        var line = el("p"), formula = el("span"), number = el("span");
        line.append(row[0], formula, row[2] + "", number, " at (" + point.x + ", " + point.y + ")");
        ctx.maths(formula, row[1]);
        ctx.maths(number, row[3]);
        values.appendChild(line);
      });
      values.appendChild(el("p", {}, "Hessian eigenvalues " + point.eigenvalues.map(function (v) { return v.toPrecision(4); }).join(" and ") +
                                     ". " + point.classification));
      ctx.status("At (" + point.x + ", " + point.y + "): f = " + point.value.toPrecision(6) + ", \u2202f/\u2202x = " +
                 point.gradient[0].toPrecision(4) + ", \u2202f/\u2202y = " + point.gradient[1].toPrecision(4) + ".");
    }

    // One slice through the point with its tangent line: the slope is the partial derivative.
    function slice(target, data, at, axis, label, slopeName) {
      var at0 = point.value, reach = (RANGE[1] - RANGE[0]) / 5;
      ctx.plot(target, [
        { x: data.t, y: data.values, mode: "lines", name: label, line: { color: "#1d4ed8" } },
        { x: [at - reach, at + reach], y: [at0 - reach * data.slope, at0 + reach * data.slope], mode: "lines",
          name: "slope " + slopeName + " = " + data.slope.toPrecision(4), line: { color: ORANGE, dash: "dash" } },
        { x: [at], y: [at0], mode: "markers", name: "chosen point", marker: { size: 10, color: GREEN }, showlegend: false }
      ], { height: 260, xaxis: { title: { text: axis } } });
    }

    load();
  });
})();
