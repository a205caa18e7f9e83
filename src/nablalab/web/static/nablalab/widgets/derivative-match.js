// "Match the graph to its derivative": a seeded round (seed in the address, so a round can be
// shared) shows f's graph and four candidates. The page never knows which is f': the pick is
// sent to the server, which says right or wrong and why, and only then are the formulas shown.
(function () {
  "use strict";
  var MAX_SEED = 2147483647;
  var KIND_NAMES = { derivative: "f\u2032, the derivative", itself: "f itself", negated: "\u2212f\u2032, the wrong sign",
                     antiderivative: "an antiderivative of f", shifted: "f\u2032 shifted sideways",
                     raised: "f\u2032 moved up", second: "f\u2033, the second derivative" };

  nablalab.widgets.register("derivative-match", function (ctx) {
    var el = nablalab.widgets.element;
    var score = { right: 0, played: 0 };
    var fPlot = ctx.panel("Graph of the function f");
    var grid = el("div", { className: "widget-canvas widget-canvas-two match-candidates" });
    ctx.canvas.appendChild(grid);
    var scoreLine = el("p", { className: "widget-formulas", "aria-live": "polite" });
    var formula = el("p", { className: "widget-formulas" });
    var cards = [];
    var round = null, answered = false;

    ctx.button("Next round", function () { newRound(randomSeed()); });
    ctx.controls.append(scoreLine, formula);

    function randomSeed() { return Math.floor(Math.random() * MAX_SEED); }

    function card(index) {
      var box = el("div", { className: "match-card" });
      var plot = el("div", { className: "widget-plot", role: "img", "aria-label": "Candidate " + "ABCD"[index] });
      var pick = el("button", { type: "button", className: "button button-small" }, "Choose " + "ABCD"[index]);
      var reveal = el("p", { className: "match-reveal" });
      pick.addEventListener("click", function () { choose(index); });
      box.append(plot, pick, reveal);
      grid.appendChild(box);
      return { box: box, plot: plot, pick: pick, reveal: reveal };
    }

    function newRound(seed) {
      ctx.setState({ seed: seed });
      load();
    }

    function load() {
      answered = false;
      formula.replaceChildren();
      ctx.api("derivative-match/round", { seed: Number(ctx.state.seed) }).then(function (answer) {
        round = answer;
        draw();
        ctx.status("Which graph is the derivative of f? Choose one.");
      }, function () { /* the status line says why */ });
    }

    function draw() {
      ctx.plot(fPlot, [{ x: round.x, y: round.f, mode: "lines", name: "f(x)", line: { color: "#1d4ed8", width: 3 } }],
               { height: 260, showlegend: false, title: { text: "f(x)" }, xaxis: { zeroline: true }, yaxis: { zeroline: true } });
      round.candidates.forEach(function (candidate, i) {
        var c = cards[i] || (cards[i] = card(i));
        c.box.classList.remove("match-right", "match-wrong");
        c.reveal.replaceChildren();
        c.pick.disabled = false;
        ctx.plot(c.plot, [{ x: round.x, y: candidate.y, mode: "lines", name: candidate.label, line: { color: "#047857" } }],
                 { height: 200, showlegend: false, title: { text: candidate.label }, margin: { l: 40, r: 10, t: 30, b: 30 },
                   xaxis: { zeroline: true }, yaxis: { zeroline: true } });
      });
    }

    function choose(index) {
      if (!round || answered) { return; }
      answered = true;
      ctx.api("derivative-match/check", { seed: round.seed, pick: index }).then(function (result) {
        score.played += 1;
        if (result.correct) { score.right += 1; }
        scoreLine.textContent = "Score: " + score.right + " of " + score.played;
        formula.replaceChildren("f(x) = ");
        var fMaths = el("span");
        formula.appendChild(fMaths);
        ctx.maths(fMaths, result.f_latex);
        result.candidates.forEach(function (candidate, i) {
          var c = cards[i];
          c.pick.disabled = true;
          var maths = el("span");
          c.reveal.replaceChildren(candidate.label + ": " + KIND_NAMES[candidate.kind] + ", y = ", maths);
          ctx.maths(maths, candidate.formula_latex);
          if (i === result.answer) { c.box.classList.add("match-right"); }
          else if (i === index) { c.box.classList.add("match-wrong"); }
        });
        ctx.status((result.correct ? "" : "Not quite. ") + result.feedback, result.correct ? "" : "error");
      }, function () { answered = false; });
    }

    if (ctx.state.seed === undefined || isNaN(Number(ctx.state.seed))) { ctx.setState({ seed: randomSeed() }); }
    scoreLine.textContent = "Score: 0 of 0";
    load();
  });
})();
