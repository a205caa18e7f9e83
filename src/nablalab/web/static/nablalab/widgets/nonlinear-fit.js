// Non-linear least squares: a typed model fitted by Levenberg-Marquardt to a NIST data set
// or pasted data. One call returns every iteration (parameters, chi-squared and the model
// curve), so the iteration slider replays the fit without asking the server again.
(function () {
  "use strict";
  var DATASETS = [["misra1a", "NIST Misra1a (dental adsorption)"],
                  ["danwood", "NIST DanWood (lamp radiation)"],
                  ["pasted", "My own data (paste below)"]];

  nablalab.widgets.register("nonlinear-fit", function (ctx) {
    var el = nablalab.widgets.element;
    if (ctx.state.dataset === undefined) { ctx.state.dataset = "misra1a"; }
    if (ctx.state.model === undefined) { ctx.state.model = "b1*(1 - exp(-b2*x))"; }
    if (ctx.state.start === undefined) { ctx.state.start = "b1=500, b2=0.0001"; }
    var answer = null;

    ctx.textInput("model", "Model y(x) =", fitNow);
    ctx.select("dataset", "Data", DATASETS, fitNow);
    ctx.textInput("start", "Starting values", fitNow);
    var csvId = "nonlinear-fit-data-" + Math.random().toString(36).slice(2, 8);
    var csvWrap = el("div", { className: "widget-field" });
    var csv = el("textarea", { id: csvId, rows: "4", cols: "24", spellcheck: "false" });
    csvWrap.append(el("label", { "for": csvId }, "Pasted data (x,y per line)"), csv);
    ctx.controls.append(csvWrap);
    ctx.button("Fit", fitNow);
    var iteration = ctx.slider("iteration", "Iteration", 0, 1, 1, draw);
    var formula = el("p", { className: "widget-formulas" });
    var table = el("table", { className: "widget-table" });
    ctx.controls.append(formula);
    var plot = ctx.panel("Data with the model at the chosen iteration");
    var residualPlot = ctx.panel("Residuals of the final fit", "widget-plot-small");
    ctx.canvas.append(table);

    function starts() {
      var found = {};
      String(ctx.state.start || "").split(/[,;]/).forEach(function (part) {
        var pair = part.split("=");
        if (pair.length === 2 && pair[0].trim() && isFinite(Number(pair[1]))) {
          found[pair[0].trim()] = Number(pair[1]);
        }
      });
      return found;
    }

    function fitNow() {
      var body = { model: ctx.state.model, start: starts() };
      if (ctx.state.dataset === "pasted") { body.csv = csv.value; } else { body.dataset = ctx.state.dataset; }
      ctx.api("nonlinear-fit", body).then(function (data) {
        answer = data;
        iteration.max = String(data.iterations.length - 1);
        iteration.value = iteration.max;
        iteration.nextElementSibling.textContent = iteration.max;
        ctx.maths(formula, "y = " + data.model_latex, data.model);
        ctx.status(data.message);
        draw();
        drawTable();
      }, function () { /* shown in the status line */ });
    }

    function draw() {
      if (!answer) { return; }
      var step = answer.iterations[Math.min(Number(iteration.value), answer.iterations.length - 1)];
      ctx.plot(plot, [
        { x: answer.x, y: answer.y, mode: "markers", name: "data", marker: { size: 8, color: "#1d4ed8" } },
        { x: answer.curve_x, y: step.curve, mode: "lines", name: "model, iteration " + iteration.value +
          " (χ² = " + step.chi2.toPrecision(4) + ")", line: { color: "#b45309" } }
      ], { height: 340, xaxis: { title: { text: "x" } }, yaxis: { title: { text: "y" } } });
      ctx.plot(residualPlot, [
        { x: answer.x, y: answer.residuals, type: "bar", name: "residual", marker: { color: "#047857" } }
      ], { height: 200 });
    }

    function drawTable() {
      table.replaceChildren();
      var head = el("tr");
      ["parameter", "start", "fitted", "standard error"].forEach(function (title) {
        head.append(el("th", { scope: "col" }, title));
      });
      table.append(el("caption", {}, "Fitted parameters (χ² = " + answer.chi2.toPrecision(6) + ")"), head);
      answer.parameters.forEach(function (name) {
        var row = el("tr");
        row.append(el("th", { scope: "row" }, name),
                   el("td", {}, answer.iterations[0].params[name].toPrecision(6)),
                   el("td", {}, answer.params[name].toPrecision(8)),
                   el("td", {}, answer.errors[name] === null ? "undetermined" : answer.errors[name].toPrecision(3)));
        table.append(row);
      });
    }

    fitNow();
  });
})();
