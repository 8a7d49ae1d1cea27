/*
 * Handoff chat widget. Embed with one script tag:
 *   <script src="https://handoff.example.com/widget/handoff-widget.js" data-site-key="ws_…" async></script>
 * Optional: data-customer-name, data-customer-email (the signed-in visitor), data-open="true",
 * data-title="Chat with us". Plain JavaScript, no dependencies, no build step. Talks to the public
 * widget API (/api/v1/widget/{siteKey}/…) with a visitor token kept in localStorage, so the chat
 * resumes after a reload or on the next page. Texts are set with textContent only (no HTML).
 */
(function () {
  'use strict';
  if (window.HandoffWidget && window.HandoffWidget.loaded) { return; }
  var script = document.currentScript || (function () {
    var all = document.querySelectorAll('script[data-site-key]');
    return all[all.length - 1];
  })();
  if (!script) { return; }
  var siteKey = script.getAttribute('data-site-key');
  var base = script.src.replace(/\/widget\/handoff-widget\.js(\?.*)?$/, '');
  var api = base + '/api/v1/widget/' + encodeURIComponent(siteKey);
  var storeKey = 'handoff-widget:' + siteKey;
  var title = script.getAttribute('data-title') || 'Chat with us';

  var state = { token: null, conversationId: null, state: 'new', lastSeq: 0, stream: null, streamFor: null,
                typingSent: 0, typingTimer: null, busy: false, csatDone: false };
  try { state.token = window.localStorage.getItem(storeKey); } catch (e) { /* private mode: a session per page */ }

  // ---------------------------------------------------------------- DOM
  var css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = base + '/widget/handoff-widget.css';
  document.head.appendChild(css);

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  var root = el('div', { id: 'hw-root', 'class': 'hw-root' });
  var launcher = el('button', { id: 'hw-launcher', 'class': 'hw-launcher', type: 'button', 'aria-expanded': 'false',
                                'aria-controls': 'hw-panel' }, title);
  var panel = el('section', { id: 'hw-panel', 'class': 'hw-panel', role: 'dialog', 'aria-label': title, hidden: 'hidden' });
  var header = el('header', { 'class': 'hw-header' });
  var heading = el('h2', { 'class': 'hw-title', id: 'hw-title' }, title);
  var person = el('button', { id: 'hw-person', 'class': 'hw-person', type: 'button' }, 'Talk to a person');
  var end = el('button', { id: 'hw-end', 'class': 'hw-end', type: 'button' }, 'End chat');
  var close = el('button', { id: 'hw-close', 'class': 'hw-close', type: 'button', 'aria-label': 'Minimise the chat' }, '\u2013');
  header.appendChild(heading); header.appendChild(person); header.appendChild(end); header.appendChild(close);
  var log = el('ol', { id: 'hw-log', 'class': 'hw-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions',
                       'aria-label': 'Conversation', tabindex: '0' });
  var status = el('div', { id: 'hw-status', 'class': 'hw-status', role: 'status', 'aria-live': 'polite' });
  var typing = el('div', { id: 'hw-typing', 'class': 'hw-typing', 'aria-live': 'polite' });
  var articles = el('div', { id: 'hw-articles', 'class': 'hw-articles', hidden: 'hidden' });
  var choice = el('div', { id: 'hw-choice', 'class': 'hw-choice', hidden: 'hidden' });
  var csat = el('form', { id: 'hw-csat', 'class': 'hw-csat', hidden: 'hidden' });
  var composer = el('form', { id: 'hw-composer', 'class': 'hw-composer' });
  var inputLabel = el('label', { 'for': 'hw-input', 'class': 'hw-sr' }, 'Your message');
  var input = el('textarea', { id: 'hw-input', 'class': 'hw-input', rows: '2', maxlength: '4000',
                               placeholder: 'Type your message\u2026 (Enter to send)' });
  var send = el('button', { id: 'hw-send', 'class': 'hw-send', type: 'submit' }, 'Send');
  var error = el('div', { id: 'hw-error', 'class': 'hw-error', role: 'alert' });
  composer.appendChild(inputLabel); composer.appendChild(input); composer.appendChild(send);
  [header, log, typing, status, articles, choice, csat, error, composer].forEach(function (n) { panel.appendChild(n); });
  root.appendChild(panel); root.appendChild(launcher);

  // ---------------------------------------------------------------- API
  function call(method, path, body) {
    var headers = { 'Content-Type': 'application/json' };
    if (state.token) { headers['X-Visitor-Token'] = state.token; }
    return fetch(api + path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined, credentials: 'omit' })
      .then(function (r) {
        if (r.status === 204) { return null; }
        return r.json().catch(function () { return {}; }).then(function (json) {
          if (!r.ok) {
            var e = new Error(json.detail || ('HTTP ' + r.status)); e.status = r.status; e.problem = json; throw e;
          }
          return json;
        });
      });
  }
  function page() { return { url: location.href.substring(0, 2048), title: document.title.substring(0, 300) }; }
  function showError(e) {
    error.textContent = e ? (e.message || 'Something went wrong. Please try again.') : '';
    if (e && e.status === 403 && e.problem && /session/.test(e.problem.detail || '')) { forget(); }
  }
  function forget() {
    state.token = null;
    try { window.localStorage.removeItem(storeKey); } catch (e) { /* ignore */ }
  }

  // ---------------------------------------------------------------- rendering
  var seen = {};
  function addMessage(m) {
    var key = state.conversationId + ':' + m.seq;
    if (seen[key]) { return; }
    seen[key] = true;
    state.lastSeq = Math.max(state.lastSeq, m.seq);
    var li = el('li', { 'class': 'hw-msg hw-' + m.author, 'data-seq': String(m.seq) });
    var who = m.author === 'customer' ? 'You' : m.author === 'bot' ? 'Assistant'
      : m.author === 'agent' ? (m.authorName || 'Agent') : 'Handoff';
    li.appendChild(el('span', { 'class': 'hw-who' }, who));
    li.appendChild(el('span', { 'class': 'hw-text' }, m.text));
    log.appendChild(li);
    log.scrollTop = log.scrollHeight;
    if (m.author === 'agent') { typing.textContent = ''; }
  }

  function render(s) {
    if (!s) { return; }
    if (s.token) {
      state.token = s.token;
      try { window.localStorage.setItem(storeKey, s.token); } catch (e) { /* ignore */ }
    }
    if (s.conversationId && s.conversationId !== state.conversationId) {
      if (state.conversationId) { log.appendChild(el('li', { 'class': 'hw-divider' }, 'New conversation')); }
      state.conversationId = s.conversationId;
      state.lastSeq = 0;
      state.csatDone = false;
    }
    state.state = s.state;
    (s.messages || []).forEach(addMessage);
    root.setAttribute('data-state', s.state);
    renderQueue(s.queue, s.followUpOffered, s.state);
    renderArticles(s.state === 'queued' ? s.articles : []);
    renderChoice(s.state === 'queued' && s.followUpOffered, s.followUps || []);
    renderCsat(s.csatAsked, s.csat);
    person.disabled = s.state === 'queued' || s.state === 'assigned';
    end.hidden = !(s.state === 'bot' || s.state === 'queued' || s.state === 'assigned');
    openStream();
  }

  function renderQueue(q, offered, st) {
    if (st === 'queued' && q) {
      status.textContent = q.text || ('You\u2019re number ' + q.position + ' in line.');
    } else if (st === 'assigned') {
      status.textContent = '';
    } else if (st !== 'queued') {
      status.textContent = '';
    }
  }

  function renderArticles(list) {
    articles.textContent = '';
    if (!list || !list.length) { articles.hidden = true; return; }
    articles.hidden = false;
    articles.appendChild(el('h3', {}, 'While you wait, these might help'));
    var ul = el('ul', {});
    list.forEach(function (a) {
      var li = el('li', { 'class': 'hw-article' });
      var details = el('details', {});
      details.appendChild(el('summary', {}, a.title));
      details.appendChild(el('p', {}, a.body));
      li.appendChild(details);
      ul.appendChild(li);
    });
    articles.appendChild(ul);
  }

  function renderChoice(show, asked) {
    if (!asked.length && show && !state.keepWaiting && !choice.hidden && choice.querySelector('#hw-choice-lead')) { return; }
    choice.textContent = '';
    if (asked.length) {
      choice.hidden = false;
      asked.forEach(function (f) {
        choice.appendChild(el('p', { 'class': 'hw-followup-done' }, f.kind === 'callback'
          ? 'We\u2019ll call you back on ' + f.contact + (f.preferredTime ? ' (' + f.preferredTime + ')' : '') + '.'
          : 'We\u2019ll answer by e-mail to ' + f.contact + '.'));
      });
      return;
    }
    if (!show || state.keepWaiting) { choice.hidden = true; return; }
    choice.hidden = false;
    choice.appendChild(el('p', { 'class': 'hw-choice-lead', id: 'hw-choice-lead' }, 'Sorry for the wait. Would you rather keep waiting, get a call back, or an answer by e-mail?'));
    var keep = el('button', { type: 'button', id: 'hw-keep' }, 'Keep waiting');
    var cb = el('button', { type: 'button', id: 'hw-callback' }, 'Call me back');
    var em = el('button', { type: 'button', id: 'hw-email' }, 'Answer by e-mail');
    var form = el('form', { id: 'hw-followup', hidden: 'hidden' });
    keep.addEventListener('click', function () { state.keepWaiting = true; choice.hidden = true; input.focus(); });
    function ask(channel) {
      form.textContent = '';
      form.hidden = false;
      var id = 'hw-contact';
      form.appendChild(el('label', { 'for': id }, channel === 'phone' ? 'Phone number' : 'E-mail address'));
      var contact = el('input', { id: id, type: channel === 'phone' ? 'tel' : 'email', required: 'required', autocomplete: channel === 'phone' ? 'tel' : 'email' });
      form.appendChild(contact);
      var when = null;
      if (channel === 'phone') {
        form.appendChild(el('label', { 'for': 'hw-when' }, 'Best time to call'));
        when = el('input', { id: 'hw-when', type: 'text', placeholder: 'e.g. today after 5 pm' });
        form.appendChild(when);
      }
      form.appendChild(el('button', { type: 'submit', id: 'hw-followup-send' }, channel === 'phone' ? 'Request the call' : 'Send my question by e-mail'));
      form.onsubmit = function (ev) {
        ev.preventDefault();
        call('POST', '/follow-up', { channel: channel, contact: contact.value, preferredTime: when ? when.value : null })
          .then(render, showError);
      };
      contact.focus();
    }
    cb.addEventListener('click', function () { ask('phone'); });
    em.addEventListener('click', function () { ask('email'); });
    [keep, cb, em, form].forEach(function (n) { choice.appendChild(n); });
  }

  function renderCsat(asked, given) {
    if (given) {
      csat.hidden = false;
      csat.textContent = '';
      csat.appendChild(el('p', { 'class': 'hw-thanks', id: 'hw-csat-thanks' }, 'Thank you for rating this chat ' + given.rating + ' out of 5.'));
      return;
    }
    if (!asked) { csat.hidden = true; return; }
    if (!csat.hidden && csat.querySelector('fieldset')) { return; }
    csat.hidden = false;
    csat.textContent = '';
    var fs = el('fieldset', {});
    fs.appendChild(el('legend', {}, 'How did we do?'));
    var scale = el('div', { 'class': 'hw-scale' });
    for (var i = 1; i <= 5; i++) {
      var id = 'hw-rate-' + i;
      var radio = el('input', { type: 'radio', name: 'hw-rating', id: id, value: String(i) });
      scale.appendChild(radio);
      scale.appendChild(el('label', { 'for': id, title: ['', 'Poor', 'Fair', 'Good', 'Very good', 'Excellent'][i] }, String(i)));
    }
    fs.appendChild(scale);
    fs.appendChild(el('label', { 'for': 'hw-comment' }, 'Comment (optional)'));
    var comment = el('textarea', { id: 'hw-comment', rows: '2', maxlength: '1000' });
    fs.appendChild(comment);
    fs.appendChild(el('button', { type: 'submit', id: 'hw-csat-send' }, 'Send rating'));
    csat.appendChild(fs);
    csat.onsubmit = function (ev) {
      ev.preventDefault();
      var picked = csat.querySelector('input[name=hw-rating]:checked');
      if (!picked) { showError({ message: 'Choose a rating from 1 to 5.' }); return; }
      call('POST', '/csat', { rating: Number(picked.value), comment: comment.value || null }).then(render, showError);
    };
  }

  // ---------------------------------------------------------------- live events
  function openStream() {
    if (!state.token || !state.conversationId || typeof EventSource === 'undefined') { return; }
    var open = state.state === 'bot' || state.state === 'queued' || state.state === 'assigned';
    if (!open) { if (state.stream) { state.stream.close(); state.stream = null; state.streamFor = null; } return; }
    if (state.stream && state.streamFor === state.conversationId) { return; }
    if (state.stream) { state.stream.close(); }
    var conversation = state.conversationId;
    var es = new EventSource(api + '/stream?token=' + encodeURIComponent(state.token) + '&after=' + state.lastSeq);
    state.stream = es; state.streamFor = conversation;
    es.addEventListener('message', function (e) {
      if (state.streamFor === conversation) { addMessage(JSON.parse(e.data)); }
    });
    es.addEventListener('queue', function (e) {
      var q = JSON.parse(e.data);
      status.textContent = q.text;
      if (q.followUpOffered && choice.hidden && !state.keepWaiting) { refresh(); }
    });
    es.addEventListener('typing', function (e) {
      var t = JSON.parse(e.data);
      typing.textContent = (t.name || 'The agent') + ' is typing\u2026';
      clearTimeout(state.typingTimer);
      state.typingTimer = setTimeout(function () { typing.textContent = ''; }, 6000);
    });
    es.addEventListener('state', function () { refresh(); });
    es.onerror = function () {
      if (es.readyState === 2 && state.stream === es) { state.stream = null; state.streamFor = null; setTimeout(refresh, 3000); }
    };
  }

  function refresh() {
    if (!state.token) { return Promise.resolve(); }
    return call('GET', '/state?after=' + state.lastSeq).then(render, showError);
  }

  // ---------------------------------------------------------------- actions
  function submit(ev) {
    if (ev) { ev.preventDefault(); }
    var text = input.value.trim();
    if (!text || state.busy) { return; }
    state.busy = true; send.disabled = true; showError(null);
    call('POST', '/messages', { text: text, page: page(), after: state.lastSeq })
      .then(function (s) { input.value = ''; render(s); }, showError)
      .then(function () { state.busy = false; send.disabled = false; input.focus(); });
  }
  composer.addEventListener('submit', submit);
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && !ev.shiftKey) { submit(ev); }
  });
  input.addEventListener('input', function () {
    var now = Date.now();
    if (state.conversationId && now - state.typingSent > 4000 && input.value.trim()) {
      state.typingSent = now;
      call('POST', '/typing').catch(function () { /* typing is a nicety */ });
    }
  });
  person.addEventListener('click', function () {
    showError(null);
    call('POST', '/person', { page: page(), after: state.lastSeq }).then(render, showError);
  });
  end.addEventListener('click', function () {
    call('POST', '/end').then(render, showError);
  });

  function setOpen(open) {
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', open ? 'true' : 'false');
    root.classList.toggle('hw-open', open);
    try { window.sessionStorage.setItem(storeKey + ':open', open ? '1' : '0'); } catch (e) { /* ignore */ }
    if (open) { input.focus(); } else { launcher.focus(); }
  }
  launcher.addEventListener('click', function () { setOpen(panel.hidden); });
  close.addEventListener('click', function () { setOpen(false); });
  panel.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') { setOpen(false); } });

  // ---------------------------------------------------------------- start, page reports
  function start() {
    document.body.appendChild(root);
    var customer = { name: script.getAttribute('data-customer-name'), email: script.getAttribute('data-customer-email') };
    call('POST', '/session', { token: state.token, customer: customer.name || customer.email ? customer : null, page: page() })
      .then(render, function (e) {
        if (e.status === 403) { forget(); }
        showError(e);
      });
    var wasOpen = false;
    try { wasOpen = window.sessionStorage.getItem(storeKey + ':open') === '1'; } catch (e) { /* ignore */ }
    if (wasOpen || script.getAttribute('data-open') === 'true') { setOpen(true); }
    setInterval(function () { if (state.token) { call('POST', '/page', { page: page() }).catch(function () {}); } }, 20000);
    ['pushState', 'replaceState'].forEach(function (name) {
      var original = history[name];
      history[name] = function () {
        var result = original.apply(this, arguments);
        if (state.token) { call('POST', '/page', { page: page() }).catch(function () {}); }
        return result;
      };
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
  window.HandoffWidget = { loaded: true, open: function () { setOpen(true); }, refresh: refresh };
})();
