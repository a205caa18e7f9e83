// The widgets' shared core. Every exploration is a function registered under its name:
//   nablalab.widgets.register("taylor", function (ctx) { ... });
// and called once for each <figure class="widget" data-widget="taylor"> on the page with a
// context that holds its state and the helpers below. All maths comes from the server
// (ctx.api posts JSON to /api/widgets/...); widgets only draw and interpolate.
// State: a flat object of plain values. It starts from the figure's data-state (set by the
// lesson or lab) and, on a widget's own page, from the address's query string; ctx.setState
// keeps the address (own page) and the "link to this view" up to date, so any view can be
// shared as a URL. DOM is built with text nodes, never innerHTML.
(function () {
  "use strict";
  var config = document.getElementById("widget-api");
  var registry = {};
  var nablalab = window.nablalab = window.nablalab || {};

  function post(path, body) {
    return nablalab.post(config.dataset.apiBase + path, body, config.dataset.csrfToken);
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "className") { node.className = attributes[name]; }
      else { node.setAttribute(name, attributes[name]); }
    });
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }


  function debounce(fn, ms) {
    var timer = null;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  // Parse a query-string value back into the type the widget gave it.
  function revive(text) {
    if (text === "true" || text === "false") { return text === "true"; }
    if (text !== "" && !isNaN(Number(text)) && /^[-+0-9.eE]+$/.test(text)) { return Number(text); }
    return text;
  }

  function initialState(figure) {
    var state = {};
    try { state = JSON.parse(figure.dataset.state || "{}"); } catch (error) { state = {}; }
    if (figure.hasAttribute("data-own-page")) {
      new URLSearchParams(window.location.search).forEach(function (value, key) {
        state[key] = revive(value);
      });
    }
    return state;
  }

  function query(state) {
    var params = new URLSearchParams();
    Object.keys(state).sort().forEach(function (key) {
      var value = state[key];
      if (value !== undefined && value !== null && typeof value !== "object") { params.set(key, String(value)); }
    });
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function typeset(target, latex, fallback) {
    target.replaceChildren();
    try {
      window.katex.render(latex, target, { throwOnError: true, output: "htmlAndMathml" });
    } catch (error) {
      target.textContent = fallback || latex;
    }
  }

  var PLOT_CONFIG = { responsive: true, displaylogo: false, scrollZoom: false,
                      modeBarButtonsToRemove: ["toImage", "sendDataToCloud", "lasso2d", "select2d"] };
  var BASE_LAYOUT = { margin: { l: 48, r: 16, t: 36, b: 40 }, paper_bgcolor: "rgba(0,0,0,0)",
                      plot_bgcolor: "#ffffff", font: { family: "inherit", size: 13 },
                      showlegend: true, legend: { orientation: "h", x: 0, y: 1.02, yanchor: "bottom" } };

  function merge(base, extra) {
    var out = {};
    Object.keys(base).forEach(function (key) { out[key] = base[key]; });
    Object.keys(extra || {}).forEach(function (key) { out[key] = extra[key]; });
    return out;
  }

  function Context(figure) {
    var self = this;
    var name = figure.dataset.widget;
    this.name = name;
    this.figure = figure;
    this.root = figure.querySelector(".widget-mount") || figure;
    this.ownPage = figure.hasAttribute("data-own-page");
    this.state = initialState(figure);
    this.controls = element("div", { className: "widget-controls" });
    this.canvas = element("div", { className: "widget-canvas" });
    this.statusLine = element("p", { className: "widget-status", role: "status", "aria-live": "polite" });
    this.shareLink = element("a", { className: "widget-share" }, "Link to this view");
    this.root.append(this.controls, this.canvas, this.statusLine, this.shareLink);
    this.requests = 0;

    // Keep only the newest answer when requests overlap (a slider sends many).
    // options.quiet: no busy shading (for the frames of an animation, which would flicker).
    this.api = function (path, body, options) {
      var ticket = ++self.requests;
      var shade = !(options && options.quiet);
      if (shade) { self.busy(true); }
      return post(path, body).then(function (data) {
        if (ticket !== self.requests) { return new Promise(function () {}); }
        self.busy(false);
        self.status("");
        return data;
      }, function (error) {
        if (ticket === self.requests) {
          self.busy(false);
          self.status(error.message, "error");
        }
        throw error;
      });
    };
    this.updateShareLink();
  }

  Context.prototype.busy = function (on) { this.figure.classList.toggle("widget-busy", on); };

  Context.prototype.status = function (text, kind) {
    this.statusLine.textContent = text || "";
    this.statusLine.classList.toggle("widget-status-error", kind === "error");
  };

  Context.prototype.setState = function (changes) {
    var self = this;
    Object.keys(changes).forEach(function (key) { self.state[key] = changes[key]; });
    if (this.ownPage) {
      window.history.replaceState(null, "", window.location.pathname + query(this.state));
    }
    this.updateShareLink();
  };

  Context.prototype.updateShareLink = function () {
    this.shareLink.href = config.dataset.exploreBase + this.name + "/" + query(this.state);
  };

  // A plot area of its own inside the widget; returns the element Plotly draws into.
  Context.prototype.panel = function (label, className) {
    var box = element("div", { className: "widget-plot " + (className || ""), role: "img",
                               "aria-label": label });
    this.canvas.appendChild(box);
    return box;
  };

  Context.prototype.plot = function (target, traces, layout) {
    if (layout && layout.height) { target.style.height = layout.height + "px"; }  // no overlap while redrawing
    return window.Plotly.react(target, traces, merge(BASE_LAYOUT, layout), PLOT_CONFIG);
  };

  Context.prototype.maths = function (target, latex, fallback) { typeset(target, latex, fallback); };

  // Press-and-drag on a plot drawn by ctx.plot (give its layout dragmode: false): calls
  // onPoint({x, y, done}) in data coordinates while the pointer is down, done = true on
  // release. Every draggable thing also needs a keyboard control (a slider) beside it.
  Context.prototype.drag = function (target, onPoint) {
    var dragging = false;
    function at(event, done) {
      var layout = target._fullLayout, area = target.querySelector(".nsewdrag");
      if (!layout || !layout.xaxis || !area) { return; }
      var box = area.getBoundingClientRect();
      onPoint({ x: layout.xaxis.p2c(event.clientX - box.left),
                y: layout.yaxis.p2c(event.clientY - box.top), done: done });
    }
    target.addEventListener("pointerdown", function (event) {
      if (!event.target.closest || !event.target.closest(".nsewdrag")) { return; }
      dragging = true;
      at(event, false);
    });
    window.addEventListener("pointermove", function (event) { if (dragging) { at(event, false); } });
    window.addEventListener("pointerup", function (event) {
      if (dragging) { dragging = false; at(event, true); }
    });
  };

  // Labelled controls, all keyboard-usable. onChange receives the new value.
  Context.prototype.textInput = function (key, label, onChange, options) {
    options = options || {};
    var id = this.name + "-" + key + "-" + Math.random().toString(36).slice(2, 8);
    var wrap = element("div", { className: "widget-field" });
    var input = element("input", { id: id, type: "text", spellcheck: "false", autocomplete: "off",
                                   maxlength: String(options.maxlength || 300) });
    input.value = this.state[key] !== undefined ? this.state[key] : (options.value || "");
    wrap.append(element("label", { "for": id }, label), input);
    this.controls.appendChild(wrap);
    var self = this;
    input.addEventListener("input", debounce(function () {
      var change = {}; change[key] = input.value; self.setState(change); onChange(input.value);
    }, options.pause || 350));
    return input;
  };

  Context.prototype.slider = function (key, label, min, max, step, onChange) {
    var id = this.name + "-" + key + "-" + Math.random().toString(36).slice(2, 8);
    var wrap = element("div", { className: "widget-field widget-slider" });
    var input = element("input", { id: id, type: "range", min: String(min), max: String(max),
                                   step: String(step) });
    var value = this.state[key] !== undefined ? Number(this.state[key]) : min;
    input.value = String(value);
    var output = element("output", { "for": id }, input.value);
    wrap.append(element("label", { "for": id }, label), input, output);
    this.controls.appendChild(wrap);
    var self = this;
    input.addEventListener("input", function () {
      var number = Number(input.value);
      output.textContent = input.value;
      var change = {}; change[key] = number; self.setState(change); onChange(number);
    });
    return input;
  };

  Context.prototype.select = function (key, label, choices, onChange) {
    var id = this.name + "-" + key + "-" + Math.random().toString(36).slice(2, 8);
    var wrap = element("div", { className: "widget-field" });
    var input = element("select", { id: id });
    choices.forEach(function (choice) {
      input.appendChild(element("option", { value: choice[0] }, choice[1]));
    });
    if (this.state[key] !== undefined) { input.value = String(this.state[key]); }
    wrap.append(element("label", { "for": id }, label), input);
    this.controls.appendChild(wrap);
    var self = this;
    input.addEventListener("change", function () {
      var change = {}; change[key] = input.value; self.setState(change); onChange(input.value);
    });
    return input;
  };

  Context.prototype.button = function (label, onClick, className) {
    var button = element("button", { type: "button", className: "button button-small " + (className || "") }, label);
    button.addEventListener("click", onClick);
    this.controls.appendChild(button);
    return button;
  };

  // Play/pause and step buttons driving advance(), a function that returns a promise (one
  // server call, say); while playing, the next step starts once the last one has answered,
  // at most one every options.interval ms (so a page never outruns the rate limit). advance
  // may resolve to false to stop playing. Returns { pause, playing, cancel }; cancel forgets
  // a step in flight whose answer no longer applies (after a reset, say) and pauses.
  Context.prototype.player = function (advance, options) {
    options = options || {};
    var interval = options.interval || 250;
    var playing = false, busy = false, token = 0, timer = null;
    var play = this.button("Play", function () { setPlaying(!playing); }, "widget-play");
    play.setAttribute("aria-pressed", "false");
    var step = this.button(options.stepLabel || "Step", function () { if (!playing) { run(); } });

    function setPlaying(on) {
      playing = on;
      play.textContent = on ? "Pause" : "Play";
      play.setAttribute("aria-pressed", String(on));
      step.disabled = on;
      clearTimeout(timer);
      if (on) { run(); }
    }

    function run() {
      if (busy) { return; }
      busy = true;
      var mine = token, started = Date.now();
      Promise.resolve(advance()).then(function (more) {
        if (mine !== token) { return; }
        busy = false;
        if (more === false) { setPlaying(false); }
        else if (playing) { timer = setTimeout(run, Math.max(0, interval - (Date.now() - started))); }
      }, function () {
        if (mine !== token) { return; }
        busy = false;
        setPlaying(false);
      });
    }

    return {
      pause: function () { setPlaying(false); },
      playing: function () { return playing; },
      cancel: function () { token += 1; busy = false; setPlaying(false); }
    };
  };

  // Training on the server in chunks (the network widgets): the page keeps only the newest
  // answer (weights, iteration...) and sends it back, through options.body(steps, model), for
  // the next chunk. options.record(answer, previous) keeps the history the plots need,
  // options.draw(model) draws, options.clear() forgets the history on a reset; options.chunk
  // steps go per call while playing. A diverged answer stops play with its message. Makes the
  // Play and Step buttons; returns { reset }, which starts again from fresh weights.
  Context.prototype.trainer = function (path, options) {
    var self = this, model = null;
    var player = this.player(function () { return advance(options.chunk); });

    function advance(steps) {
      return self.api(path, options.body(steps, model), { quiet: model !== null }).then(function (answer) {
        options.record(answer, model);
        model = answer;
        options.draw(model);
        if (answer.status === "diverged") {
          self.status(answer.message + " Press Reset.", "error");
          return false;
        }
        return true;
      });
    }

    return {
      reset: function () {
        player.cancel();
        model = null;
        options.clear();
        advance(0).catch(function () { /* the status line says why */ });
      }
    };
  };

  nablalab.widgets = {
    register: function (name, mount) { registry[name] = mount; },
    element: element,
    debounce: debounce,
    post: post
  };

  function mountAll() {
    document.querySelectorAll("figure.widget[data-widget]").forEach(function (figure) {
      var mount = registry[figure.dataset.widget];
      if (!mount || figure.dataset.mounted) { return; }
      figure.dataset.mounted = "true";
      var ctx = new Context(figure);
      try {
        mount(ctx);
      } catch (error) {
        ctx.status("This exploration could not start: " + error.message, "error");
        throw error;
      }
    });
  }

  document.addEventListener("DOMContentLoaded", mountAll);
})();
