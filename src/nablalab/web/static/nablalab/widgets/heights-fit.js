// The heights assignment's fit: a Gaussian walked downhill on chi-squared by steepest
// descent. One call returns the whole path, the curve at every step and the chi-squared
// map, so the step slider replays the descent locally.
(function () {
  "use strict";
  nablalab.widgets.register("heights-fit", function (ctx) {
    var answer = null;
    if (ctx.state.aggression === undefined) { ctx.state.aggression = 2000; }
    if (ctx.state.step === undefined) { ctx.state.step = 0; }
    ctx.canvas.classList.add("widget-canvas-two");
    ctx.select("aggression", "Aggression", [["500", "500"], ["1000", "1000"], ["2000", "2000 (the course's)"],
                                            ["4000", "4000"], ["8000", "8000"]], load);
    var step = ctx.slider("step", "Step", 0, 50, 1, draw);
    var histogram = ctx.panel("Histogram of heights with the Gaussian at the chosen step");
    var map = ctx.panel("Contour map of chi-squared over mean and standard deviation, with the descent path");

    function load() {
      ctx.api("heights-fit", { aggression: Number(ctx.state.aggression), steps: 50 }).then(function (data) {
        answer = data;
        draw();
      }, function () { /* shown in the status line */ });
    }

    function draw() {
      if (!answer) { return; }
      var k = Math.min(Number(step.value), answer.path.length - 1);
      var here = answer.path[k];
      ctx.plot(histogram, [
        { x: answer.x, y: answer.y, type: "bar", name: "heights (density)", marker: { color: "#93c5fd" } },
        { x: answer.x, y: answer.curves[k], mode: "lines", name: "Gaussian at step " + k, line: { color: "#b45309" } }
      ], { height: 340, bargap: 0, xaxis: { range: [140, 215], title: { text: "height (cm)" } } });
      var path = answer.path.slice(0, k + 1);
      ctx.plot(map, [
        { type: "contour", x: answer.grid_mu, y: answer.grid_sig, z: answer.grid_chi2, name: "χ²",
          colorscale: "Viridis", ncontours: 30, showscale: false, contours: { coloring: "lines" } },
        { x: path.map(function (p) { return p[0]; }), y: path.map(function (p) { return p[1]; }),
          mode: "lines+markers", name: "descent path", marker: { size: 5, color: "#b45309" }, line: { color: "#b45309" } }
      ], { height: 340, xaxis: { title: { text: "μ (cm)" } }, yaxis: { title: { text: "σ (cm)" } } });
      ctx.status("Step " + k + ": μ = " + here[0].toFixed(2) + " cm, σ = " + here[1].toFixed(2) +
                 " cm, χ² = " + here[2].toExponential(3) + (k === answer.path.length - 1 ? ". " + answer.message : "."));
    }

    load();
  });
})();
