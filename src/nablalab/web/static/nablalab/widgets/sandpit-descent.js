// Gradient descent in a sandpit: click a start on the floor's contours and the walker takes
// five steps per click. Built-in strategies come back as a whole 100-step path in one call
// and are revealed five steps at a time; the learner's own next_step(f, J, H) runs on the
// server in the grader's sandbox, five steps per request.
(function () {
  "use strict";
  var VARIANTS = [["intro", "Intro"], ["random", "Random floor"], ["minima", "Multiple minima"],
                  ["rocks", "Rocks"], ["well", "A narrow well"], ["depth", "Depth-only floor"]];
  var STRATEGIES = [["fixed", "Fixed step"], ["steepest", "Steepest descent −γJ"],
                    ["newton", "Newton −H⁻¹J"], ["hybrid", "Hybrid"], ["momentum", "Momentum"],
                    ["adam", "Adam"], ["own", "My own next_step"]];
  var COLOURS = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#0f766e", "#334155"];
  var STARTER = "import numpy as np\n\n\ndef next_step(f, J, H):\n" +
    "    \"\"\"f: the height here; J: the gradient [df/dx, df/dy]; H: the 2 x 2 Hessian.\n" +
    "    Return the step [dx, dy] the walker takes.\"\"\"\n    return -0.5 * J\n";
  var STEPS_PER_CLICK = 5;

  nablalab.widgets.register("sandpit-descent", function (ctx) {
    var el = nablalab.widgets.element;
    if (ctx.state.variant === undefined) { ctx.state.variant = "intro"; }
    if (ctx.state.strategy === undefined) { ctx.state.strategy = "steepest"; }
    if (ctx.state.seed === undefined) { ctx.state.seed = 1; }
    var floor = null, walks = [], current = null;

    ctx.select("variant", "Floor", VARIANTS, function () { walks = []; current = null; loadFloor(); });
    ctx.select("strategy", "Strategy", STRATEGIES, function () { showEditor(); describe(); });
    var startX = numberField("Start x ="), startY = numberField("y =");
    ctx.button("Walk from there", function () { start(Number(startX.value), Number(startY.value)); });
    var more = ctx.button("Five more steps", function () { advance(); });
    ctx.button("Clear paths", function () { walks = []; current = null; draw(); });
    var about = el("p", { className: "widget-formulas" });
    ctx.controls.appendChild(about);

    var editorId = "descent-code-" + Math.random().toString(36).slice(2, 8);
    var editor = el("div", { className: "widget-field descent-editor" });
    var code = el("textarea", { id: editorId, rows: "8", spellcheck: "false", autocomplete: "off",
                                maxlength: "20000" });
    code.value = STARTER;
    editor.append(el("label", { "for": editorId }, "Your next_step(f, J, H), in Python"), code);
    ctx.controls.appendChild(editor);

    var map = ctx.panel("Contours of the sandpit floor with the walkers' paths", "descent-map");
    var table = el("p", { className: "descent-where" });
    ctx.canvas.appendChild(table);

    function numberField(label) {
      var id = "descent-start-" + Math.random().toString(36).slice(2, 8);
      var wrap = el("div", { className: "widget-field" });
      var input = el("input", { id: id, type: "number", min: "0", max: "6", step: "0.1", value: "1" });
      wrap.append(el("label", { "for": id }, label), input);
      ctx.controls.appendChild(wrap);
      return input;
    }

    function showEditor() { editor.hidden = ctx.state.strategy !== "own"; }

    function describe() {
      if (!floor) { return; }
      about.textContent = ctx.state.strategy === "own"
        ? "Your code runs in a sandbox on the server; it receives f, J and H as numbers."
        : floor.strategies[ctx.state.strategy] + ". Click the map to place the walker.";
    }

    function loadFloor() {
      ctx.api("sandpit-descent/floor", { variant: ctx.state.variant, seed: ctx.state.seed }).then(function (answer) {
        floor = answer;
        describe();
        draw();
      }, function () { /* the status line says why */ });
    }

    function start(x, y) {
      if (!floor || !(x >= 0 && x <= 6 && y >= 0 && y <= 6)) { return; }
      var strategy = ctx.state.strategy;
      current = { strategy: strategy, shown: 1, x: [x], y: [y], f: [], rule: [], colour: COLOURS[walks.length % COLOURS.length] };
      walks.push(current);
      if (walks.length > 6) { walks.shift(); }
      if (strategy === "own") { runOwn(current); return; }
      ctx.api("sandpit-descent/walk", { variant: ctx.state.variant, seed: ctx.state.seed, strategy: strategy,
                                        start: [x, y] }).then(function (answer) {
        current.x = answer.x; current.y = answer.y; current.f = answer.f; current.rule = answer.rule;
        current.message = answer.message;
        advance();
      }, function () { /* the status line says why */ });
    }

    function runOwn(walk) {
      var last = walk.x.length - 1;
      ctx.status("Running your next_step in the sandbox\u2026");
      ctx.api("sandpit-descent/own", { variant: ctx.state.variant, seed: ctx.state.seed, code: code.value,
                                       start: [walk.x[last], walk.y[last]] }).then(function (answer) {
        walk.x = walk.x.concat(answer.x.slice(1)); walk.y = walk.y.concat(answer.y.slice(1));
        walk.f = walk.f.slice(0, last).concat(answer.f);
        walk.shown = walk.x.length;
        draw();
        ctx.status(answer.message, answer.ok ? undefined : "error");
      }, function () { /* the status line says why */ });
    }

    // Five more steps: revealed from the path in hand, or asked of the learner's code.
    function advance() {
      if (!current) { return; }
      if (current.strategy === "own") { runOwn(current); return; }
      current.shown = Math.min(current.x.length, current.shown + STEPS_PER_CLICK);
      draw();
      var i = current.shown - 1;
      var note = current.rule.length && current.rule[i - 1] ? " (last step: " + current.rule[i - 1] + ")" : "";
      ctx.status("After " + i + " steps the walker is at (" + current.x[i].toFixed(3) + ", " +
                 current.y[i].toFixed(3) + ") where f = " + current.f[i].toFixed(4) + note + "." +
                 (current.shown === current.x.length ? " " + current.message : ""));
    }

    function draw() {
      if (!floor) { return; }
      var traces = [{ type: "contour", x: floor.axis, y: floor.axis, z: floor.height, name: "f (height, m)",
                      colorscale: "Earth", ncontours: 24, contours: { coloring: "heatmap" },
                      colorbar: { title: { text: "f" } }, hoverinfo: "skip", showlegend: false },
                    { x: [floor.minimum[0]], y: [floor.minimum[1]], mode: "markers", name: "global minimum",
                      marker: { symbol: "star", size: 14, color: "#fff", line: { color: "#000", width: 1 } } }];
      walks.forEach(function (walk, n) {
        traces.push({ x: walk.x.slice(0, walk.shown), y: walk.y.slice(0, walk.shown), mode: "lines+markers",
                      name: (STRATEGIES.find(function (s) { return s[0] === walk.strategy; }) || [0, walk.strategy])[1],
                      line: { color: walk.colour, width: walk === current ? 3 : 1.5 },
                      marker: { size: walk === current ? 7 : 4, color: walk.colour }, opacity: walk === current ? 1 : 0.6 });
      });
      ctx.plot(map, traces, {
        height: 520, dragmode: false, hovermode: "closest",
        xaxis: { range: [0, 6], fixedrange: true, title: { text: "x" }, constrain: "domain" },
        yaxis: { range: [0, 6], fixedrange: true, title: { text: "y" }, scaleanchor: "x" }
      });
      more.disabled = !current;
      table.textContent = walks.length ? walks.length + " path" + (walks.length > 1 ? "s" : "") +
        " drawn; the thick one is the newest." : "No walker yet: click the map.";
    }

    // A click (a press released) on the map places the walker there.
    ctx.drag(map, function (point) {
      if (!point.done) { return; }
      startX.value = Math.round(point.x * 100) / 100; startY.value = Math.round(point.y * 100) / 100;
      start(Number(startX.value), Number(startY.value));
    });

    showEditor();
    loadFloor();
  });
})();
