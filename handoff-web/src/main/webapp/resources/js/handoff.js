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
  if (typeof message === 'string' && message.indexOf('typing:') === 0) { Handoff.customerTyping(message.substring(7)); return; }
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
   back when they return. On the chat page the heartbeat comes every 20 s and names the open chat while
   the agent works on it (or reads it in the focused tab): that counts as the owner's activity, so
   reading the context never bounces the chat back to the queue; the answer carries the new "reply
   due" time for the warning. */
(function () {
  if (!/\/(agent|supervisor)\//.test(location.pathname)) { return; }
  var active = true;
  ['keydown', 'mousedown', 'mousemove', 'touchstart', 'scroll'].forEach(function (type) {
    window.addEventListener(type, function () { active = true; }, { passive: true });
  });
  var chat = /\/agent\/chat\.xhtml$/.test(location.pathname) ? new URLSearchParams(location.search).get('id') : null;
  var url = location.pathname.replace(/\/(agent|supervisor)\/.*$/, '/agent/heartbeat');
  var beat = function () {
    var reading = chat && document.visibilityState === 'visible' && document.hasFocus();
    var body = new URLSearchParams();
    if (active) { body.set('active', '1'); }
    if (chat && (active || reading)) { body.set('chat', chat); }
    active = false;
    try {
      fetch(url, { method: 'POST', credentials: 'same-origin', body: body }).then(function (r) {
        return r.status === 200 ? r.json() : null;
      }).then(function (answer) {
        if (!answer) { return; }
        document.querySelectorAll('[data-reply-due]').forEach(function (el) {
          if (answer.replyDueAt) { el.setAttribute('data-until', answer.replyDueAt); }
        });
        Handoff.tick();
      }).catch(function () { /* next beat */ });
    } catch (e) { /* next beat */ }
  };
  Handoff.heartbeat = beat;
  setTimeout(beat, 1000);
  setInterval(beat, chat ? 20000 : 30000);
})();
/* Timers count in the browser from server timestamps (epoch milliseconds in data attributes), with
   the difference between this computer's clock and the server's taken out:
   data-since  → time elapsed since ("45 s", "3 min 05 s");
   data-until  → countdown "m:ss" ("-0:12" once over; class "over", and "soon" within data-warn seconds). */
Handoff.skew = 0;
Handoff.seconds = function (ms) {
  var s = Math.floor(Math.abs(ms) / 1000);
  return s;
};
Handoff.elapsed = function (ms) {
  var s = Handoff.seconds(Math.max(0, ms));
  return s >= 60 ? Math.floor(s / 60) + ' min ' + ('0' + s % 60).slice(-2) + ' s' : s + ' s';
};
Handoff.countdown = function (ms) {
  var s = Handoff.seconds(ms);
  return (ms < 0 ? '-' : '') + Math.floor(s / 60) + ':' + ('0' + s % 60).slice(-2);
};
/* Times the server wrote (data-at, epoch ms) shown in the agent's own time zone, with the date:
   "Dec 3, 08:14:19" (the server renders UTC until this runs). */
Handoff.localTimes = function () {
  document.querySelectorAll('time[data-at]:not([data-local])').forEach(function (el) {
    var at = new Date(Number(el.getAttribute('data-at')));
    el.textContent = at.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    el.setAttribute('datetime', at.toISOString());
    el.setAttribute('title', at.toString());
    el.setAttribute('data-local', 'true');
  });
};
Handoff.tick = function () {
  Handoff.localTimes();
  var now = Date.now() + Handoff.skew;
  document.querySelectorAll('[data-since]').forEach(function (el) {
    el.textContent = Handoff.elapsed(now - Number(el.getAttribute('data-since')));
  });
  document.querySelectorAll('[data-until]').forEach(function (el) {
    var left = Number(el.getAttribute('data-until')) - now;
    var warn = Number(el.getAttribute('data-warn') || 60) * 1000;
    el.textContent = Handoff.countdown(left);
    el.classList.toggle('over', left < 0);
    el.classList.toggle('soon', left >= 0 && left < warn);
    var box = el.closest('[data-warn-box]');
    if (box) { box.classList.toggle('warning', left < warn); }
  });
};
document.addEventListener('DOMContentLoaded', function () {
  var server = document.querySelector('meta[name="handoff-server-now"]');
  if (server) { Handoff.skew = Number(server.getAttribute('content')) - Date.now(); }
  Handoff.tick();
  setInterval(Handoff.tick, 1000);
});
/* A live request that fails never leaves the agent on a dead page: when an ajax answer is an HTML
   page instead of a Faces partial response (the session ended and the login page came back) or a
   refusal, the page reloads, which goes through the login page and back when needed. */
Handoff.ajaxFailed = function (xhr) {
  if (!xhr) { return; }
  var type = xhr.getResponseHeader && xhr.getResponseHeader('Content-Type') || '';
  if (xhr.status === 401 || xhr.status === 403 || (xhr.status === 200 && type.indexOf('html') >= 0)) {
    location.reload();
  }
};
document.addEventListener('DOMContentLoaded', function () {
  if (window.jQuery) {
    window.jQuery(document).on('pfAjaxComplete', function (event, xhr) { Handoff.ajaxFailed(xhr); Handoff.tick(); });
  }
  if (window.faces && faces.ajax) {
    faces.ajax.addOnError(function (data) { if (data && data.responseCode >= 400) { location.reload(); } });
    /* a push re-rendered part of the page: its new timers show at once, not a second later */
    faces.ajax.addOnEvent(function (data) { if (data && data.status === 'success') { Handoff.tick(); } });
  }
});
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

/* Typing, both ways, on the chat page: "The customer is typing…" for 6 s after the widget reports it
   (pushed as "typing:<id>"), and the agent's own typing reported at most every 4 s
   (/agent/typing), which the customer sees in the widget. */
Handoff.customerTyping = function (conversationId) {
  var box = document.getElementById('customerTyping');
  if (!box || box.getAttribute('data-conversation') !== conversationId) { return; }
  box.textContent = 'The customer is typing\u2026';
  clearTimeout(Handoff.typingTimer);
  Handoff.typingTimer = setTimeout(function () { box.textContent = ''; }, 6000);
};
(function () {
  var lastSent = 0;
  document.addEventListener('input', function (ev) {
    var target = ev.target;
    if (!target || target.id !== 'chat:reply') { return; }
    var box = document.getElementById('customerTyping');
    var id = box && box.getAttribute('data-conversation');
    var now = Date.now();
    if (!id || now - lastSent < 4000) { return; }
    lastSent = now;
    var xhr = new XMLHttpRequest();
    xhr.open('POST', location.pathname.replace(/\/(agent|supervisor)\/.*$/, '/agent/typing') + '?chat=' + encodeURIComponent(id));
    xhr.send();
  });
})();
