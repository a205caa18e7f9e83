// The course's 1→6→7→2 network learning to draw a heart. Training runs on the server in
// chunks: the page holds the weights, sends them back with the iteration count, and draws
// what comes back (the curve the network now makes, the cost at every iteration, and how
// large each layer's gradient is), asking for the next chunk as soon as it may.
(function () {
  "use strict";
  var CHUNK = 100;  // iterations per server call; four calls a second while playing
  var LAYER_COLOURS = ["#1d4ed8", "#047857", "#b45309"];

  nablalab.widgets.register("neural-network", function (ctx) {
    var el = nablalab.widgets.element;
    if (ctx.state.rate === undefined) { ctx.state.rate = 5; }
    if (ctx.state.noise === undefined) { ctx.state.noise = 1; }
    if (ctx.state.seed === undefined) { ctx.state.seed = 0; }
    var costs = [];             // [iteration, cost] for every iteration so far
    var norms = [];             // [iteration, [layer 1, layer 2, layer 3]] once per chunk

    var reset = ctx.trainer("neural-network", { chunk: CHUNK, body: body, record: record, draw: draw,
                                                clear: function () { costs = []; norms = []; } }).reset;
    ctx.button("Reset", reset);
    ctx.select("rate", "Learning rate (aggression)", [["1", "1"], ["2", "2"], ["5", "5 (steady)"],
      ["10", "10"], ["20", "20 (too large)"]], function () { /* the next chunk uses it */ });
    ctx.select("noise", "Noise", [["0", "none: plain steepest descent"], ["1", "1 (the course's)"]],
      function () { /* the next chunk uses it */ });
    ctx.button("New starting weights", function () {
      ctx.setState({ seed: (Number(ctx.state.seed) + 1) % 1000 });
      reset();
    });
    var summary = el("p", { className: "widget-formulas" },
      "Input t in [0, 1); layers of 6, 7 and 2 logistic neurons; cost C = |a(3) \u2212 y|\u00b2 / N over 100 points of the heart.");
    ctx.controls.appendChild(summary);
    ctx.canvas.classList.add("widget-canvas-two");
    var curvePlot = ctx.panel("The curve the network draws, over the heart it is learning");
    var costPlot = ctx.panel("The cost against the iteration, on a logarithmic scale");
    var gradientPlot = ctx.panel("The size of each layer's gradient against the iteration, on a logarithmic scale");

    function body(steps, model) {
      return { parameters: model ? model.parameters : null, iteration: model ? model.iteration : 0,
               steps: steps, aggression: Number(ctx.state.rate), noise: Number(ctx.state.noise),
               seed: Number(ctx.state.seed) };
    }

    function record(answer, previous) {
      var first = previous ? previous.iteration : 0;
      if (!previous) { costs.push([0, answer.cost]); }
      answer.costs.forEach(function (cost, k) { costs.push([first + k + 1, cost]); });
      norms.push([answer.iteration, answer.gradient_norms]);
    }

    function draw(model) {
      ctx.plot(curvePlot, [
        { x: model.target_x, y: model.target_y, mode: "lines", name: "the heart (target)",
          line: { color: "#94a3b8", dash: "dash", width: 3 } },
        { x: model.curve_x, y: model.curve_y, mode: "lines", name: "the network's curve",
          line: { color: "#be123c", width: 3 } }
      ], { height: 380, xaxis: { range: [0, 1], title: { text: "a\u2081(3)" }, constrain: "domain" },
           yaxis: { range: [0, 1], title: { text: "a\u2082(3)" }, scaleanchor: "x" } });
      ctx.plot(costPlot, [
        { x: costs.map(function (c) { return c[0]; }), y: costs.map(function (c) { return c[1]; }),
          mode: "lines", name: "cost C", line: { color: "#be123c" } }
      ], { height: 380, xaxis: { title: { text: "iteration" }, rangemode: "tozero" },
           yaxis: { type: "log", title: { text: "C" } } });
      ctx.plot(gradientPlot, [0, 1, 2].map(function (j) {
        return { x: norms.map(function (n) { return n[0]; }), y: norms.map(function (n) { return n[1][j]; }),
                 mode: "lines+markers", marker: { size: 4 }, name: "layer " + (j + 1),
                 line: { color: LAYER_COLOURS[j] } };
      }), { height: 300, xaxis: { title: { text: "iteration" }, rangemode: "tozero" },
            yaxis: { type: "log", title: { text: "|\u2202C/\u2202(W, b)|" } } });
      var sizes = model.gradient_norms.map(function (g, j) {
        return "layer " + (j + 1) + " " + (g === null ? "\u2014" : g.toExponential(1));
      });
      ctx.status("Iteration " + model.iteration + ": cost " +
                 (model.cost === null ? "not a number" : model.cost.toPrecision(3)) +
                 "; gradient sizes " + sizes.join(", ") + ".");
    }

    reset();
  });
})();
