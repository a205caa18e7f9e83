// The Sandpit: find the phone at the lowest point of a hidden floor by digging. The page
// knows only a game id; each dig goes to the server, which answers the depth (and the
// downhill arrow unless the variant is depth-only). The floor's contours arrive only with
// the answer that ends the game. A leaderboard for the variant sits beside the pit.
// Only a fresh floor counts for it, and its number (seed) is told only when the game ends; a
// floor replayed from its number (the address's seed, "Same floor again") is practice, and
// the page says so before the first dig and at the end.
(function () {
  "use strict";
  var VARIANTS = [["intro", "Intro"], ["depth", "Depth only"], ["random", "Random floor"],
                  ["minima", "Multiple minima"], ["rocks", "Rocks"], ["well", "A narrow well"]];
  var OUTCOME_COLOURS = { found: "#047857", lost: "#b91c1c", stuck: "#b45309", warning: "#b45309" };

  nablalab.widgets.register("sandpit", function (ctx) {
    var el = nablalab.widgets.element;
    if (ctx.state.variant === undefined) { ctx.state.variant = "intro"; }
    var game = null, digs = [], reveal = null;

    ctx.select("variant", "Variant", VARIANTS, function () { start(null); });
    var again = ctx.button("Same floor again", function () { start(ctx.state.seed); });
    ctx.button("New floor", function () { start(null); });
    var xInput = numberField("x", "Dig at x ="), yInput = numberField("y", "y =");
    ctx.button("Dig", function () { digAt(Number(xInput.value), Number(yInput.value)); });
    var about = el("p", { className: "widget-formulas" });
    var mode = el("p", { className: "widget-formulas sandpit-mode" });
    ctx.controls.append(about, mode);

    ctx.canvas.classList.add("widget-canvas-two", "sandpit-layout");
    var pit = ctx.panel("The sandpit seen from above: your digs, their depths and downhill arrows", "sandpit-pit");
    var side = el("section", { className: "sandpit-side", "aria-label": "Digs and leaderboard" });
    var log = el("ol", { className: "sandpit-log" });
    var board = el("ol", { className: "sandpit-board" });
    var boardNote = el("p");
    var boardLink = el("a", { href: "/sandpit/leaderboards/" }, "All leaderboards");
    side.append(el("h3", {}, "Your digs"), log, el("h3", {}, "Leaderboard (fewest digs)"), board,
                boardNote, boardLink);
    ctx.canvas.appendChild(side);

    function numberField(key, label) {
      var id = "sandpit-" + key + "-" + Math.random().toString(36).slice(2, 8);
      var wrap = el("div", { className: "widget-field" });
      var input = el("input", { id: id, type: "number", min: "0", max: "6", step: "0.05", value: "3" });
      wrap.append(el("label", { "for": id }, label), input);
      ctx.controls.appendChild(wrap);
      return input;
    }

    function start(seed) {
      var body = { variant: ctx.state.variant };
      if (seed !== undefined && seed !== null && seed !== "") { body.seed = Number(seed); }
      ctx.api("sandpit/new", body).then(function (answer) {
        game = answer; digs = []; reveal = null;
        ctx.setState({ variant: answer.variant, seed: answer.seed });
        about.textContent = answer.about + " " + answer.max_digs + " digs allowed." +
          (answer.best ? " Your best in this variant: " + answer.best + " digs." : "");
        showMode();
        log.replaceChildren();
        ctx.status("Click anywhere in the sandpit to dig.");
        draw();
        loadBoard();
      }, function () { /* the status line says why */ });
    }

    // Digs are sent one at a time and every answer is kept: each one is a move in the game.
    var digging = false;
    function digAt(x, y) {
      if (!game || reveal || digging || !(x >= 0 && x <= 6 && y >= 0 && y <= 6)) { return; }
      digging = true;
      ctx.busy(true);
      nablalab.widgets.post("sandpit/dig", { game: game.game, x: round(x), y: round(y) }).then(function (answer) {
        digging = false;
        ctx.busy(false);
        digs.push(answer);
        log.appendChild(el("li", {}, "(" + answer.x.toFixed(2) + ", " + answer.y.toFixed(2) + "): " +
                           answer.depth.toFixed(3) + " m" + (answer.outcome === "stuck" ? " (local optimum)" : "")));
        if (answer.reveal) {
          reveal = answer.reveal;
          ctx.setState({ seed: reveal.seed });  // now the floor can be shared and replayed
          showMode();
          loadBoard();
        }
        draw();
        ctx.status(answer.message, answer.outcome === "lost" ? "error" : undefined);
        ctx.statusLine.style.color = OUTCOME_COLOURS[answer.outcome] || "";
      }, function (error) {
        digging = false;
        ctx.busy(false);
        ctx.status(error.message, "error");
      });
    }

    // Ranked or practice, said before the first dig and again at the end. A fresh floor's
    // number is unknown until its game ends, so it cannot be replayed before then.
    function showMode() {
      var floor = reveal ? reveal.seed : game.seed;
      again.style.display = floor === null ? "none" : "";  // .button's display beats [hidden]
      if (!game.ranked) {
        mode.textContent = (reveal ? "Replayed floor " : "Replaying floor ") + floor +
          ": practice, not on the leaderboard." + (reveal ? " New floor starts a game that counts." : "");
      } else if (!reveal) {
        mode.textContent = "A fresh floor: finding the phone counts on the leaderboard. " +
          "Its number is shown when the game ends.";
      } else {
        mode.textContent = "That was floor " + floor + ": Same floor again replays it, as practice.";
      }
    }

    function round(v) { return Math.round(v * 100) / 100; }

    function loadBoard() {
      nablalab.widgets.post("sandpit/leaderboard", { variant: ctx.state.variant }).then(function (answer) {
          board.replaceChildren();
          answer.rows.forEach(function (row) {
            board.appendChild(el("li", {}, row.name + ": " + row.digs + " digs (" + row.when + ")"));
          });
          boardNote.textContent = (answer.rows.length ? "" : "Nobody has found this phone yet. ") +
            (answer.signed_in ? (answer.yours ? "Your best: " + answer.yours + " digs." : "")
                              : "Sign in to have your games counted.");
      }, function (error) { boardNote.textContent = error.message; });
    }

    function draw() {
      var traces = [], annotations = [];
      if (reveal) {
        traces.push({ type: "contour", x: reveal.axis, y: reveal.axis, z: reveal.depth, name: "depth (m)",
                      colorscale: "YlOrBr", contours: { coloring: "heatmap", showlabels: true },
                      colorbar: { title: { text: "depth (m)" } }, hoverinfo: "skip", showlegend: false });
        traces.push({ x: [reveal.phone[0]], y: [reveal.phone[1]], mode: "markers", name: "the phone",
                      marker: { symbol: "star", size: 18, color: "#047857", line: { color: "#fff", width: 1 } } });
        if (reveal.local_minima.length) {
          traces.push({ x: reveal.local_minima.map(function (p) { return p[0]; }),
                        y: reveal.local_minima.map(function (p) { return p[1]; }), mode: "markers",
                        name: "local minima", marker: { symbol: "x", size: 12, color: "#b45309" } });
        }
      }
      traces.push({ x: digs.map(function (d) { return d.x; }), y: digs.map(function (d) { return d.y; }),
                    mode: "markers+text", name: "digs", text: digs.map(function (d) { return d.depth.toFixed(2); }),
                    textposition: "top center", cliponaxis: false,
                    marker: { size: 9, color: digs.map(function (d) { return d.depth; }), colorscale: "Blues",
                              line: { color: "#1e293b", width: 1 } },
                    hovertext: digs.map(function (d, i) { return "dig " + (i + 1) + ": " + d.depth.toFixed(3) + " m"; }),
                    hoverinfo: "text" });
      digs.forEach(function (d) {
        if (!d.arrow) { return; }
        annotations.push({ x: d.x + 0.45 * d.arrow[0], y: d.y + 0.45 * d.arrow[1], ax: d.x, ay: d.y,
                           xref: "x", yref: "y", axref: "x", ayref: "y", showarrow: true, arrowhead: 2,
                           arrowwidth: 1.5, arrowcolor: "#1d4ed8", text: "" });
      });
      ctx.plot(pit, traces, {
        height: 460, dragmode: false, annotations: annotations, hovermode: "closest",
        xaxis: { range: [0, 6], fixedrange: true, title: { text: "x (m)" }, constrain: "domain" },
        yaxis: { range: [0, 6], fixedrange: true, title: { text: "y (m)" }, scaleanchor: "x" },
        plot_bgcolor: "#f5e6c8", title: { text: reveal ? "The whole floor" : "Click to dig" }
      });
    }

    // A click (a press released) anywhere on the pit digs there.
    ctx.drag(pit, function (point) {
      if (!point.done) { return; }
      xInput.value = round(point.x); yInput.value = round(point.y);
      digAt(point.x, point.y);
    });

    start(ctx.state.seed);
  });
})();
