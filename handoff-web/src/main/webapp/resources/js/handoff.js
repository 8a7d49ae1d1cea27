/* Handoff portal: a visible and audible cue when a new offer arrives by push. */
var Handoff = Handoff || {};
Handoff.originalTitle = null;
Handoff.flash = function (text) {
  if (Handoff.originalTitle === null) {
    Handoff.originalTitle = document.title;
  }
  var on = true, count = 0;
  var timer = setInterval(function () {
    document.title = on ? text : Handoff.originalTitle;
    on = !on;
    if (++count > 9) { clearInterval(timer); document.title = Handoff.originalTitle; }
  }, 700);
};
Handoff.beep = function () {
  try {
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) { return; }
    var ctx = new Ctx(), osc = ctx.createOscillator(), gain = ctx.createGain();
    osc.frequency.value = 880; gain.gain.value = 0.05;
    osc.connect(gain); gain.connect(ctx.destination);
    osc.start(); osc.stop(ctx.currentTime + 0.15);
  } catch (e) { /* sound is a nicety */ }
};
Handoff.onInbox = function (message) {
  if (message === 'offers') { Handoff.flash('New offer · Handoff'); Handoff.beep(); }
  if (message === 'chat') { Handoff.flash('New message · Handoff'); }
};
/* Fact chips: a click copies the value (where the browser allows it) and says so. */
Handoff.copyFact = function (chip) {
  var value = chip.getAttribute('data-value');
  var done = function () { chip.classList.add('copied'); setTimeout(function () { chip.classList.remove('copied'); }, 1200); };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(value).then(done, done);
  } else {
    var area = document.createElement('textarea');
    area.value = value; document.body.appendChild(area); area.select();
    try { document.execCommand('copy'); } catch (e) { /* copying is a nicety */ }
    document.body.removeChild(area); done();
  }
  return false;
};
/* Presence: a heartbeat every 30 s while an agent or supervisor page is open keeps the agent's
   presence alive (it expires by itself otherwise: a closed laptop, a crashed server); "active=1" says
   there was real activity (typing, clicks, mouse), so an idle agent goes away automatically and comes
   back when they return. */
(function () {
  if (!/\/(agent|supervisor)\//.test(location.pathname)) { return; }
  var active = true;
  ['keydown', 'mousedown', 'mousemove', 'touchstart', 'scroll'].forEach(function (type) {
    window.addEventListener(type, function () { active = true; }, { passive: true });
  });
  var url = location.pathname.replace(/\/(agent|supervisor)\/.*$/, '/agent/heartbeat');
  var beat = function () {
    var body = active ? 'active=1' : '';
    active = false;
    try {
      fetch(url, { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: body });
    } catch (e) { /* next time */ }
  };
  setTimeout(beat, 1000);
  setInterval(beat, 30000);
})();
/* Trigger editor: live count of the non-empty lines of an examples or negatives box. */
Handoff.countLines = function (area) {
  var counter = document.getElementById(area.id + '-count');
  if (!counter) { return; }
  var n = area.value.split('\n').filter(function (line) { return line.trim() !== ''; }).length;
  counter.textContent = n + (n === 1 ? ' line' : ' lines');
};
/* Scrolls a panel that just opened into view. */
Handoff.reveal = function (id) {
  var el = document.getElementById(id);
  if (el && el.firstElementChild) { el.scrollIntoView({ behavior: 'smooth', block: 'start' }); }
};
/* p:chart extender for threshold curves: percent ticks, two-decimal thresholds, readable tooltips,
   and a pointer over clickable points. */
Handoff.curveChart = function () {
  var options = this.cfg.config.options;
  options.scales.y.ticks = { callback: function (v) { return v + '%'; } };
  options.scales.x.ticks = { stepSize: 0.1, callback: function (v) { return Number(v).toFixed(1); } };
  options.plugins.tooltip.filter = function (item) { return item.datasetIndex < 2; };
  options.plugins.tooltip.callbacks = {
    title: function (items) { return items.length ? 'Threshold ' + Number(items[0].parsed.x).toFixed(2) : ''; },
    label: function (item) { return item.dataset.label + ': ' + Number(item.parsed.y).toFixed(1) + '%'; }
  };
  options.onHover = function (event, elements) {
    var target = event.native && event.native.target;
    if (target) { target.style.cursor = elements.length && elements[0].datasetIndex < 2 ? 'pointer' : 'default'; }
  };
};
