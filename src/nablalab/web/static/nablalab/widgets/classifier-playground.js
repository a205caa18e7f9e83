// A small network separating two classes in the plane, in the manner of TensorFlow
// Playground. The server trains it in chunks of mini-batch steps (the page holds the
// weights and the momentum and sends them back) and answers with the decision region over
// the plane, both sets of points and the losses; the page draws the region as a heatmap
// behind the points and the losses as they fall.
(function () {
  "use strict";
  var CHUNK = 50;  // mini-batch steps per server call; four calls a second while playing
  var REGION = [[0, "#f59e0b"], [0.5, "#f8fafc"], [1, "#2563eb"]];  // P(label 1): orange to blue
  var CLASS_COLOURS = ["#c2410c", "#1e40af"];
  var DEFAULTS = { dataset: "circles", noise: 0.05, layers: 2, neurons: 4, activation: "tanh",
                   rate: 0.1, seed: 0 };

  nablalab.widgets.register("classifier-playground", function (ctx) {
    var el = nablalab.widgets.element;
    Object.keys(DEFAULTS).forEach(function (key) {
      if (ctx.state[key] === undefined) { ctx.state[key] = DEFAULTS[key]; }
    });
    var trainLoss = [];      // [step, loss] for every step so far
    var testLoss = [];       // [step, loss] once per chunk

    var reset = ctx.trainer("classifier-playground", { chunk: CHUNK, body: body, record: record,
                                                       draw: draw, clear: clear }).reset;
    ctx.button("Reset", reset);
    ctx.select("dataset", "Data", [["circles", "circles"], ["xor", "exclusive or"], ["moons", "moons"],
      ["spiral", "spiral"], ["gaussians", "two clusters"]], reset);
    ctx.select("noise", "Noise", [["0", "none"], ["0.05", "0.05"], ["0.1", "0.1"], ["0.2", "0.2"],
      ["0.3", "0.3"]], reset);
    ctx.slider("layers", "Hidden layers", 0, 3, 1, function () { neuronsChoice(); reset(); });
    var neurons = ctx.slider("neurons", "Neurons per layer", 1, 8, 1, reset);
    ctx.select("activation", "Activation", [["tanh", "tanh"], ["relu", "ReLU"], ["sigmoid", "sigmoid"]], reset);
    ctx.select("rate", "Learning rate", [["0.01", "0.01"], ["0.03", "0.03"], ["0.1", "0.1"], ["0.3", "0.3"],
      ["1", "1"], ["3", "3"]], function () { /* the next chunk uses it */ });
    ctx.button("New points and weights", function () {
      ctx.setState({ seed: (Number(ctx.state.seed) + 1) % 1000 });
      reset();
    });
    var architecture = el("p", { className: "widget-formulas" });
    ctx.controls.appendChild(architecture);
    ctx.canvas.classList.add("widget-canvas-two");
    var regionPlot = ctx.panel("The plane coloured by the network's probability of the blue class, with the training and test points");
    var lossPlot = ctx.panel("Training and test loss against the step, on a logarithmic scale");

    function hidden() {
      var layers = Number(ctx.state.layers), list = [];
      for (var k = 0; k < layers; k += 1) { list.push(Number(ctx.state.neurons)); }
      return list;
    }

    function neuronsChoice() { neurons.disabled = Number(ctx.state.layers) === 0; }

    function body(steps, model) {
      return { dataset: ctx.state.dataset, noise: Number(ctx.state.noise), hidden: hidden(),
               activation: ctx.state.activation, learning_rate: Number(ctx.state.rate),
               seed: Number(ctx.state.seed), steps: steps,
               parameters: model ? model.parameters : null, velocity: model ? model.velocity : null,
               iteration: model ? model.iteration : 0 };
    }

    function record(answer, previous) {
      var first = previous ? previous.iteration : 0;
      if (!previous) { trainLoss.push([0, answer.train_loss]); }
      answer.train_losses.forEach(function (loss, k) { trainLoss.push([first + k + 1, loss]); });
      testLoss.push([answer.iteration, answer.test_loss]);
    }

    function clear() {
      trainLoss = []; testLoss = [];
      var sizes = [2].concat(hidden(), [1]).join(" \u2192 ");
      architecture.textContent = "Network " + sizes + " (" + ctx.state.activation +
        " hidden layers, logistic output); mini-batches of 10 points, momentum 0.9; cost |a \u2212 y|\u00b2 / N.";
    }

    function points(set, name, symbol) {
      return { x: set.x, y: set.y, mode: "markers", type: "scatter", name: name,
               marker: { symbol: symbol, size: 7, color: set.label.map(function (l) { return CLASS_COLOURS[l]; }),
                         line: { color: "#ffffff", width: 1 } } };
    }

    function draw(model) {
      var grid = model.grid;
      ctx.plot(regionPlot, [
        { type: "heatmap", x: grid.xs, y: grid.ys, z: grid.probability, zmin: 0, zmax: 1,
          colorscale: REGION, zsmooth: "best", showscale: false, name: "P(blue)", hoverinfo: "skip" },
        { type: "contour", x: grid.xs, y: grid.ys, z: grid.probability, showscale: false,
          contours: { start: 0.5, end: 0.5, size: 1, coloring: "lines" }, line: { color: "#0f172a", width: 2 },
          colorscale: [[0, "#0f172a"], [1, "#0f172a"]], name: "boundary P = 0.5", hoverinfo: "skip",
          showlegend: true },
        points(model.train, "training points", "circle"),
        points(model.test, "test points", "diamond")
      ], { height: 420, xaxis: { range: [-1.5, 1.5], title: { text: "x\u2081" }, constrain: "domain" },
           yaxis: { range: [-1.5, 1.5], title: { text: "x\u2082" }, scaleanchor: "x" } });
      ctx.plot(lossPlot, [
        { x: trainLoss.map(function (p) { return p[0]; }), y: trainLoss.map(function (p) { return p[1]; }),
          mode: "lines", name: "training loss", line: { color: "#475569" } },
        { x: testLoss.map(function (p) { return p[0]; }), y: testLoss.map(function (p) { return p[1]; }),
          mode: "lines+markers", marker: { size: 4 }, name: "test loss", line: { color: "#be123c" } }
      ], { height: 420, xaxis: { title: { text: "step" }, rangemode: "tozero" },
           yaxis: { type: "log", title: { text: "loss" } } });
      ctx.status("Step " + model.iteration + ": training loss " + format(model.train_loss) + ", test loss " + format(model.test_loss) +
        "; accuracy " + percent(model.train_accuracy) + " on training points, " + percent(model.test_accuracy) +
        " on test points.");
    }

    function format(value) { return value === null ? "not a number" : value.toPrecision(3); }
    function percent(value) { return (100 * value).toFixed(1) + "%"; }

    neuronsChoice();
    reset();
  });
})();
