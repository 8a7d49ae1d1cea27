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
