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
  if (typeof message === 'string' && message.indexOf('typing:') === 0 && Handoff.customerTyping) {
    Handoff.customerTyping(message.substring(7));
  }
  /* only the customer's own message in this chat ends "Customer is typing…" (not the agent's reply,
     not another chat's message, not a refresh that arrives after a fresh "typing:") */
  if (typeof message === 'string' && message.indexOf('wrote:') === 0 && Handoff.customerWrote) {
    Handoff.customerWrote(message.substring(6));
  }
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
        /* the session is gone (signed out in another tab, timed out, the server restarted): a page left
           open must not look alive; reloading goes through the login page and back here */
        if (r.status === 401 || (r.redirected && /\/login\.xhtml/.test(r.url))) {
          if (!Handoff.leaving) { location.reload(); }
          return null;
        }
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
  if (!xhr || Handoff.leaving) { return; }
  var type = xhr.getResponseHeader && xhr.getResponseHeader('Content-Type') || '';
  if (xhr.status === 401 || xhr.status === 403 || (xhr.status === 200 && type.indexOf('html') >= 0)) {
    location.reload();
  }
};
/* Leaving the page (a link, a redirect after an action, signing out) aborts the live requests still in
   flight; their failures are not errors. */
Handoff.leaving = false;
window.addEventListener('pagehide', function () { Handoff.leaving = true; });
window.addEventListener('beforeunload', function () { Handoff.leaving = true; });
window.addEventListener('pageshow', function () { Handoff.leaving = false; });
/* A failed Faces request (a push-triggered refresh) that the server did not answer with a named error:
   aborted or unreachable (status 0) waits for the next push or heartbeat; refused, or answered with a
   page instead of a partial response (the session ended: the login page came back), reloads. */
Handoff.facesFailed = function (data) {
  if (Handoff.leaving || !data || data.status === 'serverError') { return; }
  if (data.responseCode >= 400 || data.status === 'emptyResponse' || data.status === 'malformedXML') { location.reload(); }
};
document.addEventListener('DOMContentLoaded', function () {
  if (window.jQuery) {
    window.jQuery(document).on('pfAjaxComplete', function (event, xhr) { Handoff.ajaxFailed(xhr); Handoff.tick(); });
  }
  /* PrimeFaces sends the browser to the error page for every failed Faces request, named or not: a
     refresh aborted by a navigation then overrides the navigation (signing out with an open chat landed
     on "Something went wrong"). Only errors the server names go there; the rest is Handoff.facesFailed. */
  if (window.PrimeFaces && PrimeFaces.ajax && PrimeFaces.ajax.Utils && PrimeFaces.ajax.Utils.handleError) {
    var named = PrimeFaces.ajax.Utils.handleError;
    PrimeFaces.ajax.Utils.handleError = function (errorName) {
      if (Handoff.leaving || !errorName) { return undefined; }
      return named.apply(this, arguments);
    };
  }
  if (window.faces && faces.ajax) {
    faces.ajax.addOnError(Handoff.facesFailed);
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
/* The supervisor's queue page: a push refreshes the page, but never under the supervisor's hand. While
   a select menu's panel is open or a text field has the focus, the refresh waits and runs once they
   are done; choices made in the Assign menus are stored by the page at once, so the refresh shows them. */
Handoff.queueBusy = function () {
  var open = Array.prototype.some.call(document.querySelectorAll('.ui-selectonemenu-panel, .ui-autocomplete-panel'), function (p) {
    return p.style.display !== 'none' && p.offsetParent !== null;
  });
  var a = document.activeElement;
  var typing = !!(a && a.closest && a.closest('form') && /^(TEXTAREA|INPUT)$/.test(a.tagName) && a.type !== 'button'
      && a.type !== 'submit' && !a.readOnly && !a.closest('.ui-helper-hidden-accessible'));
  return open || typing;
};
Handoff.queuePending = false;
Handoff.onQueue = function () {
  if (Handoff.queuePending) { return; }
  Handoff.queuePending = true;
  var go = function () {
    if (Handoff.queueBusy()) { setTimeout(go, 500); return; }
    Handoff.queuePending = false;
    if (typeof refreshQueue === 'function') { refreshQueue(); }
  };
  go();
};
/* The chat page: when a live update says the viewer may no longer write (a supervisor took the chat
   over, it was transferred) or now may, the page reloads, so the composer matches who owns the chat
   and nobody types into a chat that is no longer theirs. */
Handoff.chatWriteState = function () {
  var tag = document.getElementById('chatStateTag');
  return tag ? tag.getAttribute('data-can-write') + '|' + tag.getAttribute('data-owner') : null;
};
(function () {
  if (!/\/agent\/chat\.xhtml$/.test(location.pathname)) { return; }
  var initial = null;
  var check = function () {
    var now = Handoff.chatWriteState();
    if (initial === null) { initial = now; return; }
    if (now !== null && now !== initial) { location.reload(); }
  };
  document.addEventListener('DOMContentLoaded', check);
  if (window.jQuery) { window.jQuery(document).on('pfAjaxComplete', function () { setTimeout(check, 0); }); }
  if (typeof faces !== 'undefined' && faces.ajax) {
    faces.ajax.addOnEvent(function (data) { if (data && data.status === 'success') { setTimeout(check, 0); } });
  }
})();
/* The workspace (issue 12, item 5): the transcript keeps the newest message in view (unless the agent
   scrolled up to read), Enter sends and Shift+Enter starts a new line, Alt+Up/Down and Alt+1..9
   switch between the agent's chats, typing is reported to the bot (at most every 3 s) and
   "Customer is typing..." shows for 6 s after the bot reports it. */
(function () {
  if (!/\/agent\/chat\.xhtml$/.test(location.pathname)) { return; }
  var chatId = new URLSearchParams(location.search).get('id');
  var transcript = function () { return document.getElementById('chat:transcript'); };
  var composer = function () { return document.getElementById('chat:reply'); };
  var stick = true, refocus = false, typedAt = 0, typingTimer = null;
  var nearBottom = function (el) { return el.scrollHeight - el.scrollTop - el.clientHeight < 80; };
  var toBottom = function () { var t = transcript(); if (t) { t.scrollTop = t.scrollHeight; } };
  Handoff.scrollTranscript = toBottom;
  document.addEventListener('DOMContentLoaded', function () { toBottom(); setTimeout(toBottom, 50); });
  window.addEventListener('load', toBottom);
  document.addEventListener('scroll', function (e) {
    if (e.target && e.target.id === 'chat:transcript') { stick = nearBottom(e.target); }
  }, true);
  var afterUpdate = function () {
    if (stick) { toBottom(); }
    if (refocus) { refocus = false; var c = composer(); if (c) { c.focus(); } }
  };
  if (window.jQuery) {
    window.jQuery(document).on('pfAjaxSend', function () { var t = transcript(); if (t) { stick = stick || nearBottom(t); } });
    window.jQuery(document).on('pfAjaxComplete', function () { setTimeout(afterUpdate, 0); });
  }
  if (typeof faces !== 'undefined' && faces.ajax) {
    faces.ajax.addOnEvent(function (data) { if (data && data.status === 'success') { setTimeout(afterUpdate, 0); } });
  }
  var send = function () {
    var c = composer(), button = document.getElementById('chat:send');
    if (!c || !button || !c.value.trim()) { return; }
    stick = true; refocus = true; typedAt = 0; // the message ends "typing"; the next key reports it again
    button.click();
  };
  var reportTyping = function () {
    var now = Date.now();
    if (!chatId || now - typedAt < 3000) { return; }
    typedAt = now;
    var body = new URLSearchParams(); body.set('chat', chatId);
    try {
      fetch(location.pathname.replace(/\/agent\/.*$/, '/agent/typing'), { method: 'POST', credentials: 'same-origin', body: body })
        .catch(function () { /* a nicety */ });
    } catch (e) { /* a nicety */ }
  };
  document.addEventListener('keydown', function (e) {
    var target = e.target;
    if (target && target.id === 'chat:reply') {
      if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey && !e.isComposing) {
        e.preventDefault();
        send();
        return;
      }
      if (e.key.length === 1 || e.key === 'Backspace') { reportTyping(); }
    }
    if (e.altKey && !e.ctrlKey && !e.metaKey) {
      var items = Array.prototype.slice.call(document.querySelectorAll('.chat-item'));
      if (!items.length) { return; }
      var current = items.findIndex(function (a) { return a.classList.contains('current'); });
      var go = null;
      if (e.key === 'ArrowDown') { go = items[(current + 1) % items.length]; }
      if (e.key === 'ArrowUp') { go = items[(current - 1 + items.length) % items.length]; }
      if (/^[1-9]$/.test(e.key) || /^Digit[1-9]$/.test(e.code)) {
        var n = Number(e.code && e.code.indexOf('Digit') === 0 ? e.code.substring(5) : e.key);
        go = items[n - 1] || null;
      }
      if (go) { e.preventDefault(); location.href = go.href; }
    }
  });
  Handoff.customerTyping = function (id) {
    if (id !== chatId) { return; }
    var el = document.getElementById('typingIndicator');
    if (!el) { return; }
    el.hidden = false;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () { el.hidden = true; }, 6000);
  };
  Handoff.customerWrote = function (id) {
    if (id !== chatId) { return; }
    var el = document.getElementById('typingIndicator');
    if (el) { el.hidden = true; }
    clearTimeout(typingTimer);
  };
})();
