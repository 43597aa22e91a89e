// The local Messenger: shows the simulator's conversation log as Messenger does and acts as the person.
(function () {
  'use strict';
  var EMOJI = ['\u2764', '\uD83D\uDE06', '\uD83D\uDE2E', '\uD83D\uDE22', '\uD83D\uDC4D'];
  var TYPING_MS = 20000;
  var info = { pageId: null, pageName: '' };
  var threads = {};   // key pageId|psid -> thread state
  var active = null;
  var after = 0;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function $(sel) { return document.querySelector(sel); }

  function post(path, body) {
    if (info.pageId && !body.pageId) body.pageId = info.pageId;
    return fetch('/local/api/' + path, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    });
  }

  function thread(pageId, psid) {
    var key = pageId + '|' + psid;
    var t = threads[key];
    if (t) return t;
    t = { key: key, pageId: pageId, psid: psid, byMid: {}, lastPerson: null, chips: null, typing: null, typingTimer: null, seen: null };
    t.box = el('div', 'thread');
    t.box.setAttribute('data-thread', psid);
    t.list = el('div', 'messages');
    t.box.appendChild(t.list);
    $('[data-threads]').appendChild(t.box);
    t.item = el('li');
    t.item.setAttribute('data-psid', psid);
    t.item.setAttribute('data-page-id', pageId);
    t.item.appendChild(el('span', 'avatar'));
    var meta = el('div');
    meta.appendChild(el('div', 'conv-name', psid));
    t.last = el('div', 'conv-last', '');
    meta.appendChild(t.last);
    t.item.appendChild(meta);
    t.item.addEventListener('click', function () { open(t); });
    $('[data-conversations]').appendChild(t.item);
    threads[key] = t;
    if (!active) open(t);
    return t;
  }

  function open(t) {
    if (active) { active.box.classList.remove('active'); active.item.classList.remove('active'); }
    active = t;
    t.box.classList.add('active');
    t.item.classList.add('active');
    $('[data-chat-title]').textContent = t.psid;
    $('[data-chat-sub]').textContent = 'with ' + (info.pageName || 'the Page') + ' (' + t.pageId + ')';
    var form = $('[data-composer]');
    form.text.disabled = false;
    form.querySelector('button').disabled = false;
    t.box.scrollTop = t.box.scrollHeight;
  }

  function atBottom(t) { return t.box.scrollHeight - t.box.scrollTop - t.box.clientHeight < 80; }

  function urlButton(b) {
    var a = el('a', null, b.title);
    a.setAttribute('data-url-button', '');
    a.href = b.url || '#';
    a.target = '_blank';
    a.rel = 'noopener';
    return a;
  }

  function buttons(list, t) {
    var box = el('div', 'buttons');
    (list || []).forEach(function (b) {
      if (b.type === 'web_url') { box.appendChild(urlButton(b)); return; }
      if (b.type === 'postback') {
        var p = el('button', null, b.title);
        p.type = 'button';
        p.setAttribute('data-postback-payload', b.payload);
        p.addEventListener('click', function () { post('press', { psid: t.psid, pageId: t.pageId, payload: b.payload }); });
        box.appendChild(p);
        return;
      }
      var o = el('button', null, b.title || b.type);
      o.type = 'button';
      o.setAttribute('data-button-type', b.type || '');
      box.appendChild(o);
    });
    return box;
  }

  function mediaTag(type, url, fileName) {
    var box = el('div', 'media');
    if (type === 'image' && url) { var i = el('img'); i.src = url; i.alt = fileName || 'image'; box.appendChild(i); }
    else if (type === 'video' && url) { var v = el('video'); v.src = url; v.controls = true; box.appendChild(v); }
    else if (type === 'audio' && url) { var a = el('audio'); a.src = url; a.controls = true; box.appendChild(a); }
    else {
      var f = el('a', 'file', fileName || (url ? url.split('/').pop() : 'file'));
      if (url) { f.href = url; f.target = '_blank'; }
      box.appendChild(f);
    }
    return box;
  }

  function card(e, t) {
    var c = el('div', 'card');
    if (e.image_url) { var i = el('img'); i.src = e.image_url; i.alt = ''; c.appendChild(i); }
    var body = el('div', 'card-body');
    if (e.title) body.appendChild(el('div', 'card-title', e.title));
    if (e.subtitle) body.appendChild(el('div', 'card-sub', e.subtitle));
    c.appendChild(body);
    if (e.default_action && e.default_action.url) {
      c.classList.add('clickable');
      c.setAttribute('data-default-action', e.default_action.url);
      c.addEventListener('click', function (ev) {
        if (ev.target.closest('button, a')) return;
        window.open(e.default_action.url, '_blank', 'noopener');
      });
    }
    if (e.buttons && e.buttons.length) c.appendChild(buttons(e.buttons, t));
    return c;
  }

  function money(v, cur) { return (v === undefined || v === null) ? '' : (cur ? cur + ' ' : '') + Number(v).toFixed(2); }
  function rrow(box, label, value, cls) {
    var r = el('div', 'r-row' + (cls ? ' ' + cls : ''));
    r.appendChild(el('span', 'r-label', label));
    r.appendChild(el('span', null, value));
    box.appendChild(r);
  }

  function template(p, kind, u, t) {
    var tt = p.template_type;
    if (tt === 'generic' || tt === 'product') {
      var car = el('div', 'carousel');
      (p.elements || []).forEach(function (e) {
        var c = card(e, t);
        if (tt === 'product') { c.setAttribute('data-product-id', e.id); c.querySelector('.card-body').appendChild(el('div', 'card-sub', 'Product ' + e.id)); }
        car.appendChild(c);
      });
      return car;
    }
    var box = el('div', 'tpl ' + kind);
    if (tt === 'button') {
      box.appendChild(el('div', 'tpl-text', p.text));
      box.appendChild(buttons(p.buttons, t));
    } else if (tt === 'media') {
      (p.elements || []).forEach(function (e) {
        var url = e.url || u.resolvedUrl;
        box.appendChild(mediaTag(e.media_type, url, u.fileName));
        if (e.buttons && e.buttons.length) box.appendChild(buttons(e.buttons, t));
      });
    } else if (tt === 'receipt') {
      box.classList.add('receipt');
      box.appendChild(el('div', 'r-head', 'Order confirmation'));
      rrow(box, 'Recipient', p.recipient_name);
      rrow(box, 'Order number', p.order_number);
      if (p.payment_method) rrow(box, 'Payment', p.payment_method);
      (p.elements || []).forEach(function (e) {
        rrow(box, e.title + (e.quantity ? ' \u00d7 ' + e.quantity : ''), money(e.price, p.currency), 'r-item');
      });
      var s = p.summary || {};
      if (s.subtotal !== undefined) rrow(box, 'Subtotal', money(s.subtotal, p.currency));
      if (s.shipping_cost !== undefined) rrow(box, 'Shipping', money(s.shipping_cost, p.currency));
      if (s.total_tax !== undefined) rrow(box, 'Tax', money(s.total_tax, p.currency));
      rrow(box, 'Total', money(s.total_cost, p.currency), 'r-total');
    } else if (tt === 'coupon') {
      if (p.image_url) { var ci = el('img'); ci.src = p.image_url; ci.style.width = '100%'; box.appendChild(ci); }
      var cb = el('div', 'card-body');
      cb.appendChild(el('div', 'card-title', p.title));
      if (p.subtitle) cb.appendChild(el('div', 'card-sub', p.subtitle));
      box.appendChild(cb);
      if (p.coupon_code) box.appendChild(el('div', 'coupon-code', p.coupon_code));
      if (p.coupon_url) {
        box.appendChild(buttons([{ type: 'web_url', url: p.coupon_url, title: p.coupon_url_button_title || 'Shop now' }], t));
      }
    } else if (tt === 'customer_feedback') {
      var fb = el('div', 'card-body');
      fb.appendChild(el('div', 'card-title', p.title));
      if (p.subtitle) fb.appendChild(el('div', 'card-sub', p.subtitle));
      box.appendChild(fb);
      var bt = el('div', 'buttons');
      bt.appendChild(el('button', null, p.button_title || 'Rate'));
      box.appendChild(bt);
    } else {
      box.appendChild(el('div', 'tpl-text', p.text || tt || kind));
    }
    return box;
  }

  function content(u, t) {
    var m = u.message || {};
    if (u.kind === 'error') {
      return el('div', 'bubble error', 'not delivered: ' + (u.error && u.error.message));
    }
    var a = m.attachment;
    if (a && a.type === 'template') return template(a.payload || {}, u.kind, u, t);
    if (a) {
      var p = a.payload || {};
      return mediaTag(a.type, p.url || u.resolvedUrl, u.fileName);
    }
    return el('div', 'bubble', m.text !== undefined ? m.text : '');
  }

  function summary(u) {
    var m = u.message || {};
    if (u.kind === 'error') return 'not delivered';
    return m.text || (m.attachment ? '[' + u.kind + ']' : '');
  }

  function reactControl(t, mid) {
    var ctl = el('div', 'react-ctl');
    var btn = el('button', 'react-btn', '\u263A');
    btn.type = 'button';
    btn.setAttribute('data-react-open', '');
    btn.title = 'React';
    var menu = el('div', 'react-menu');
    EMOJI.forEach(function (e) {
      var b = el('button', null, e);
      b.type = 'button';
      b.setAttribute('data-react-emoji', e);
      b.addEventListener('click', function (ev) {
        ev.stopPropagation();
        ctl.classList.remove('open');
        post('react', { psid: t.psid, pageId: t.pageId, mid: mid, emoji: e });
      });
      menu.appendChild(b);
    });
    btn.addEventListener('click', function (ev) { ev.stopPropagation(); ctl.classList.toggle('open'); });
    ctl.appendChild(menu);
    ctl.appendChild(btn);
    return ctl;
  }

  function stopTyping(t) {
    if (t.typing) { t.typing.remove(); t.typing = null; }
    if (t.typingTimer) { clearTimeout(t.typingTimer); t.typingTimer = null; }
  }

  function chips(u, t) {
    if (t.chips) { t.chips.remove(); t.chips = null; }
    var qr = (u.message || {}).quick_replies;
    if (!qr || !qr.length) return;
    var box = el('div', 'chips');
    qr.forEach(function (q) {
      var c = el('button', 'chip');
      c.type = 'button';
      if (q.image_url) { var i = el('img'); i.src = q.image_url; i.alt = ''; c.appendChild(i); }
      c.appendChild(document.createTextNode(q.title || q.content_type || ''));
      c.setAttribute('data-quick-reply-payload', q.payload || '');
      c.addEventListener('click', function () {
        if (t.chips) { t.chips.remove(); t.chips = null; }
        post('tap', { psid: t.psid, pageId: t.pageId, payload: q.payload });
      });
      box.appendChild(c);
    });
    t.chips = box;
    t.list.appendChild(box);
  }

  function message(u, t) {
    var row = el('div', 'row');
    row.setAttribute('data-from', u.from);
    if (u.from === 'page') {
      stopTyping(t);
      if (u.persona) {
        var per = el('div', 'persona');
        per.setAttribute('data-persona', u.persona.name || '');
        if (u.persona.picture) { var pi = el('img'); pi.src = u.persona.picture; pi.alt = ''; per.appendChild(pi); }
        per.appendChild(el('span', null, u.persona.name));
        row.appendChild(per);
      }
    }
    if (u.replyTo && t.byMid[u.replyTo]) {
      var q = el('div', 'quote', t.byMid[u.replyTo].text);
      q.setAttribute('data-reply-to', u.replyTo);
      row.appendChild(q);
    }
    var msg = el('div', 'msg');
    msg.setAttribute('data-mid', u.mid);
    msg.setAttribute('data-from', u.from);
    msg.setAttribute('data-kind', u.from === 'person' ? 'text' : u.kind);
    msg.appendChild(content(u, t));
    var reactions = el('div', 'reactions');
    msg.appendChild(reactions);
    if (u.from === 'page' && u.kind !== 'error') msg.appendChild(reactControl(t, u.mid));
    row.appendChild(msg);
    t.byMid[u.mid] = { row: row, msg: msg, reactions: reactions, text: summary(u), marks: {} };
    if (t.chips && u.from === 'person') { t.chips.remove(); t.chips = null; }
    t.list.appendChild(row);
    if (u.from === 'person') {
      t.lastPerson = t.byMid[u.mid];
      if (t.seen) { t.seen.remove(); t.seen = null; }
    }
    if (u.from === 'page') chips(u, t);
    if (t.typing) t.list.appendChild(t.typing);
    t.last.textContent = (u.from === 'page' ? '' : 'You: ') + summary(u);
  }

  function reaction(u, t) {
    var target = t.byMid[u.mid];
    if (!target) return;
    var key = u.from + ':' + u.emoji;
    if (u.action === 'unreact') {
      Object.keys(target.marks).forEach(function (k) {
        if (k.indexOf(u.from + ':') === 0 && (!u.emoji || k === key)) { target.marks[k].remove(); delete target.marks[k]; }
      });
    } else if (!target.marks[key]) {
      var r = el('span', 'reaction', u.emoji);
      r.setAttribute('data-reaction', u.emoji);
      r.setAttribute('data-reaction-from', u.from);
      target.reactions.appendChild(r);
      target.marks[key] = r;
    }
    target.row.classList.toggle('has-reaction', Object.keys(target.marks).length > 0);
  }

  function apply(u) {
    var t = thread(u.pageId, u.psid);
    var stick = atBottom(t);
    if (u.type === 'message') message(u, t);
    else if (u.type === 'typing') {
      stopTyping(t);
      if (u.on) {
        t.typing = el('div', 'typing');
        t.typing.setAttribute('data-typing', '');
        t.typing.appendChild(el('span')); t.typing.appendChild(el('span')); t.typing.appendChild(el('span'));
        t.list.appendChild(t.typing);
        t.typingTimer = setTimeout(function () { stopTyping(t); }, TYPING_MS);
      }
    } else if (u.type === 'seen') {
      if (t.seen) t.seen.remove();
      t.seen = null;
      if (t.lastPerson) {
        t.seen = el('div', 'seen', 'Seen');
        t.seen.setAttribute('data-seen', '');
        t.lastPerson.row.appendChild(t.seen);
      }
    } else if (u.type === 'reaction') reaction(u, t);
    else if (u.type === 'webhook') {
      var target = t.byMid[u.mid];
      if (target && u.status !== 200 && !target.fail) {
        target.fail = el('div', 'fail', u.status === 0 ? 'Not delivered to the app' : 'The app answered ' + u.status);
        target.fail.setAttribute('data-webhook-failed', String(u.status));
        if (u.error) target.fail.title = u.error;
        target.row.appendChild(target.fail);
      }
    }
    if (stick) t.box.scrollTop = t.box.scrollHeight;
  }

  function poll() {
    fetch('/local/api/updates?after=' + after).then(function (r) { return r.json(); }).then(function (body) {
      (body.updates || []).forEach(function (u) {
        if (u.seq > after) {
          try { apply(u); } catch (e) { if (window.console) console.error(e); }
        }
      });
      if (body.seq > after) after = body.seq;
    }).catch(function () { /* the simulator may be restarting */ }).then(function () {
      setTimeout(poll, 300);
    });
  }

  function start() {
    document.body.setAttribute('data-local-messenger', '');
    var form = $('[data-composer]');
    function send() {
      var text = form.text.value;
      if (!active || !text.trim()) return;
      form.text.value = '';
      post('say', { psid: active.psid, pageId: active.pageId, text: text });
    }
    form.addEventListener('submit', function (ev) { ev.preventDefault(); send(); });
    form.text.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' && !ev.shiftKey) { ev.preventDefault(); send(); }
    });
    var nc = $('[data-new-conversation]');
    nc.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var psid = nc.psid.value.trim();
      if (!psid) return;
      nc.psid.value = '';
      open(thread(info.pageId, psid));
    });
    document.addEventListener('click', function () {
      document.querySelectorAll('.react-ctl.open').forEach(function (c) { c.classList.remove('open'); });
    });
    fetch('/local/api/info').then(function (r) { return r.json(); }).then(function (i) {
      info = i;
      $('[data-page-name]').textContent = i.pageName + ' \u00b7 ' + i.pageId;
      $('[data-webhook-info]').textContent = i.webhookUrl ? 'Webhook: ' + i.webhookUrl : 'No webhook subscribed';
    }).catch(function () {}).then(poll);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
