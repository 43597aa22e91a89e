// The local Messenger: replays the simulator's conversation log and polls it for what is new. Every text is set as
// text (never as HTML), and each update touches only the elements it concerns, so long threads stay responsive.
(function () {
  'use strict';

  var TYPING_MS = 20000;
  var POLL_MS = 300;
  var REACTIONS = ['\u2764\ufe0f', '\ud83d\ude06', '\ud83d\ude2e', '\ud83d\ude22', '\ud83d\ude20', '\ud83d\udc4d'];

  var threads = new Map();
  var current = null;
  var seq = 0;
  var info = { pageId: null };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) { return; }
      if (name === 'text') { node.textContent = value; }
      else if (name === 'onclick') { node.addEventListener('click', value); }
      else { node.setAttribute(name, value === true ? '' : value); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  function post(action, body) {
    return fetch('/local/api/' + action, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    });
  }

  function threadOf(pageId, psid) {
    var key = pageId + '|' + psid;
    var thread = threads.get(key);
    if (thread) { return thread; }
    var typing = el('div', { 'class': 'typing', 'data-typing': true, hidden: true, text: 'typing\u2026' });
    var chips = el('div', { 'class': 'chips' });
    var section = el('div', { 'class': 'thread', 'data-thread': key, hidden: true }, [typing, chips]);
    var last = el('div', { 'class': 'last' });
    var item = el('li', { 'data-psid': psid, 'data-page-id': pageId, onclick: function () { select(key); } },
      [el('div', { 'class': 'who', text: psid }), last]);
    document.getElementById('threads').appendChild(section);
    document.getElementById('conversations').appendChild(item);
    thread = { key: key, pageId: pageId, psid: psid, section: section, typing: typing, chips: chips, item: item,
      last: last, messages: new Map(), typingTimer: null, seen: null };
    threads.set(key, thread);
    if (!current) { select(key); }
    return thread;
  }

  function select(key) {
    if (current) {
      current.section.hidden = true;
      current.item.classList.remove('active');
    }
    current = threads.get(key);
    current.section.hidden = false;
    current.item.classList.add('active');
    document.getElementById('thread-title').textContent = current.psid + ' \u00b7 Page ' + current.pageId;
    scrollDown();
  }

  function scrollDown() {
    var pane = document.getElementById('threads');
    pane.scrollTop = pane.scrollHeight;
  }

  function apply(update) {
    var thread = threadOf(update.pageId, update.psid);
    switch (update.type) {
      case 'message': addMessage(thread, update); break;
      case 'typing': typing(thread, update.on); break;
      case 'seen': seen(thread); break;
      case 'reaction': reaction(thread, update); break;
      case 'webhook': webhookResult(thread, update); break;
      default: break;
    }
  }

  function addMessage(thread, update) {
    var node = el('div', { 'class': 'msg', 'data-mid': update.mid, 'data-from': update.from, 'data-kind': update.kind });
    if (update.persona && update.persona.name) {
      node.appendChild(el('div', { 'class': 'persona' }, [
        update.persona.picture ? el('img', { src: update.persona.picture, alt: '' }) : null,
        el('span', { 'data-persona': true, text: update.persona.name })]));
    }
    if (update.replyTo && thread.messages.has(update.replyTo)) {
      var quoted = thread.messages.get(update.replyTo).querySelector('.bubble');
      node.appendChild(el('div', { 'class': 'quote', 'data-reply-to': update.replyTo,
        text: quoted ? quoted.textContent : 'a message' }));
    }
    node.appendChild(content(update));
    if (update.from === 'page' && update.kind !== 'error') {
      node.appendChild(reactBar(thread, update.mid));
    }
    thread.section.insertBefore(node, thread.typing);
    thread.messages.set(update.mid, node);
    if (update.from === 'page') {
      typing(thread, false);
      chips(thread, update.message && update.message.quick_replies);
    } else {
      chips(thread, null);
    }
    thread.last.textContent = summary(update);
    if (thread === current) { scrollDown(); }
  }

  function summary(update) {
    if (update.kind === 'error') { return 'not delivered'; }
    var message = update.message || {};
    return message.text || ('[' + update.kind + ']');
  }

  function content(update) {
    var message = update.message || {};
    if (update.kind === 'error') {
      return el('div', { 'class': 'bubble', text: 'not delivered: ' + update.error.message });
    }
    var attachment = message.attachment || (message.attachments && message.attachments[0]);
    if (!attachment) {
      return el('div', { 'class': 'bubble', text: message.text || '' });
    }
    var payload = attachment.payload || {};
    var url = payload.url || update.resolvedUrl;
    switch (update.kind) {
      case 'image': case 'sticker':
        return el('div', { 'class': 'media' }, [url ? el('img', { src: url, alt: update.fileName || 'image' })
          : el('div', { 'class': 'bubble', text: '\ud83d\uddbc ' + (update.fileName || 'image') })]);
      case 'video':
        return el('div', { 'class': 'media' }, [url ? el('video', { src: url, controls: true })
          : el('div', { 'class': 'bubble', text: '\ud83c\udfac ' + (update.fileName || 'video') })]);
      case 'audio':
        return el('div', { 'class': 'media' }, [url ? el('audio', { src: url, controls: true })
          : el('div', { 'class': 'bubble', text: '\ud83c\udfb5 ' + (update.fileName || 'audio') })]);
      case 'file':
        return el('div', { 'class': 'bubble file' }, [el('span', { text: '\ud83d\udcc4' }),
          url ? el('a', { href: url, target: '_blank', rel: 'noopener', text: update.fileName || fileName(url) })
            : el('span', { text: update.fileName || 'file' })]);
      default:
        return template(update.kind, payload);
    }
  }

  function fileName(url) {
    var path = url.split('?')[0];
    return path.substring(path.lastIndexOf('/') + 1) || url;
  }

  function template(kind, payload) {
    switch (kind) {
      case 'generic':
        return el('div', { 'class': 'card-row' }, (payload.elements || []).map(card));
      case 'button':
        return el('div', { 'class': 'template' }, [el('div', { 'class': 'text', text: payload.text || '' }),
          buttons(payload.buttons)]);
      case 'media':
        return el('div', { 'class': 'card-row' }, (payload.elements || []).map(function (element) {
          var url = element.url;
          var media = !url ? el('div', { 'class': 'body', text: element.media_type + ' ' + (element.attachment_id || '') })
            : element.media_type === 'video' ? el('video', { src: url, controls: true }) : el('img', { src: url, alt: '' });
          return el('div', { 'class': 'card media' }, [media, buttons(element.buttons)]);
        }));
      case 'receipt':
        return receipt(payload);
      case 'coupon':
        return el('div', { 'class': 'template coupon' }, [
          payload.image_url ? el('img', { src: payload.image_url, alt: '', style: 'width:100%' }) : null,
          el('div', { 'class': 'text' }, [el('div', { 'class': 'title', text: payload.title || 'Coupon' }),
            el('div', { 'class': 'subtitle', text: payload.subtitle || '' })]),
          payload.coupon_code ? el('div', { 'class': 'code', 'data-coupon-code': true, text: payload.coupon_code }) : null,
          payload.coupon_url ? el('div', { 'class': 'buttons' }, [el('a', { 'data-url-button': true,
            href: payload.coupon_url, target: '_blank', rel: 'noopener', text: payload.coupon_url_button_title || 'Shop now' })])
            : null]);
      case 'feedback':
        return el('div', { 'class': 'template feedback' }, [el('div', { 'class': 'text' }, [
          el('div', { 'class': 'title', text: payload.title || 'Rate your experience' }),
          el('div', { 'class': 'subtitle', text: payload.subtitle || '' })]),
          el('div', { 'class': 'buttons' }, [el('button', { type: 'button', text: payload.button_title || 'Rate' })])]);
      case 'product':
        return el('div', { 'class': 'card-row' }, (payload.elements || []).map(function (element) {
          return el('div', { 'class': 'card product' }, [el('div', { 'class': 'body' }, [
            el('div', { 'class': 'title', text: 'Product' }), el('div', { 'class': 'subtitle', text: element.id })])]);
        }));
      default:
        return el('div', { 'class': 'bubble', text: '[' + kind + ']' });
    }
  }

  function card(element) {
    var action = element.default_action;
    var node = el('div', { 'class': 'card', 'data-default-url': action && action.url }, [
      element.image_url ? el('img', { src: element.image_url, alt: '' }) : null,
      el('div', { 'class': 'body' }, [el('div', { 'class': 'title', text: element.title || '' }),
        element.subtitle ? el('div', { 'class': 'subtitle', text: element.subtitle }) : null]),
      buttons(element.buttons)]);
    if (action && action.url) {
      node.addEventListener('click', function (event) {
        if (!event.target.closest('.buttons')) { window.open(action.url, '_blank', 'noopener'); }
      });
    }
    return node;
  }

  function buttons(list) {
    if (!list || !list.length) { return null; }
    return el('div', { 'class': 'buttons' }, list.map(function (button) {
      if (button.type === 'web_url') {
        return el('a', { 'data-url-button': true, href: button.url, target: '_blank', rel: 'noopener', text: button.title });
      }
      if (button.type === 'postback') {
        return el('button', { type: 'button', 'data-postback-payload': button.payload, text: button.title,
          onclick: function () { act('press', { payload: button.payload }); } });
      }
      if (button.type === 'phone_number') {
        return el('a', { href: 'tel:' + button.payload, text: button.title });
      }
      return el('button', { type: 'button', 'data-button-type': button.type, text: button.title || button.type });
    }));
  }

  function receipt(payload) {
    var summary = payload.summary || {};
    var currency = payload.currency || '';
    var lines = (payload.elements || []).map(function (element) {
      return el('div', { 'class': 'line' }, [el('span', { text: element.title + (element.quantity ? ' \u00d7' + element.quantity : '') }),
        el('span', { text: element.price + ' ' + currency })]);
    });
    return el('div', { 'class': 'template receipt' }, [el('div', { 'class': 'text' }, [
      el('div', { 'class': 'title', text: 'Order confirmed' }),
      el('div', { 'class': 'subtitle', text: (payload.recipient_name || '') + ' \u00b7 Order ' + (payload.order_number || '') })])]
      .concat(lines).concat([el('div', { 'class': 'line total' }, [el('span', { text: 'Total' }),
        el('span', { 'data-receipt-total': true, text: (summary.total_cost !== undefined ? summary.total_cost : '') + ' ' + currency })])]));
  }

  function reactBar(thread, mid) {
    return el('div', { 'class': 'react-bar' }, REACTIONS.map(function (emoji) {
      return el('button', { type: 'button', 'data-react': emoji, text: emoji, title: 'React ' + emoji,
        onclick: function () { post('react', { pageId: thread.pageId, psid: thread.psid, mid: mid, emoji: emoji }); } });
    }));
  }

  function chips(thread, quickReplies) {
    thread.chips.textContent = '';
    (quickReplies || []).forEach(function (reply) {
      if (reply.content_type && reply.content_type !== 'text') {
        thread.chips.appendChild(el('button', { type: 'button', text: reply.content_type.replace('user_', '') }));
        return;
      }
      thread.chips.appendChild(el('button', { type: 'button', 'data-quick-reply-payload': reply.payload,
        onclick: function () { act('tap', { payload: reply.payload }); } },
        [reply.image_url ? el('img', { src: reply.image_url, alt: '' }) : null, el('span', { text: reply.title })]));
    });
  }

  function typing(thread, on) {
    clearTimeout(thread.typingTimer);
    thread.typing.hidden = !on;
    if (on) {
      thread.typingTimer = setTimeout(function () { thread.typing.hidden = true; }, TYPING_MS);
      if (thread === current) { scrollDown(); }
    }
  }

  function seen(thread) {
    if (thread.seen) { thread.seen.remove(); }
    var people = Array.from(thread.messages.values()).filter(function (node) { return node.dataset.from === 'person'; });
    var last = people[people.length - 1];
    if (!last) { return; }
    thread.seen = el('div', { 'class': 'seen', 'data-seen': true, text: 'Seen' });
    last.appendChild(thread.seen);
  }

  function reaction(thread, update) {
    var target = thread.messages.get(update.mid);
    if (!target) { return; }
    var badge = target.querySelector('[data-reaction][data-reaction-from="' + update.from + '"]');
    if (update.action === 'unreact') {
      if (badge) { badge.remove(); }
      return;
    }
    if (!badge) {
      badge = el('div', { 'class': 'reactions', 'data-reaction': true, 'data-reaction-from': update.from });
      target.appendChild(badge);
    }
    badge.textContent = update.emoji;
  }

  function webhookResult(thread, update) {
    var target = thread.messages.get(update.mid);
    if (!target || update.status === 200) { return; }
    var reason = update.status === 0 ? 'not delivered to the app' : 'the app answered ' + update.status;
    target.appendChild(el('div', { 'class': 'failed', 'data-webhook-status': update.status,
      text: reason + (update.error ? ': ' + update.error : '') }));
  }

  function act(action, body) {
    if (!current) { return; }
    body.pageId = current.pageId;
    body.psid = current.psid;
    post(action, body);
  }

  function poll() {
    fetch('/local/api/updates?after=' + seq).then(function (answer) { return answer.json(); }).then(function (page) {
      page.updates.forEach(apply);
      seq = page.seq;
    }).catch(function () { /* the simulator may be restarting: try again */ }).then(function () {
      setTimeout(poll, POLL_MS);
    });
  }

  document.getElementById('composer').addEventListener('submit', function (event) {
    event.preventDefault();
    var box = event.target.elements.text;
    var text = box.value.trim();
    if (!text || !current) { return; }
    box.value = '';
    act('say', { text: text });
  });
  document.querySelector('#composer textarea').addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      document.getElementById('composer').requestSubmit();
    }
  });
  document.getElementById('new-conversation').addEventListener('submit', function (event) {
    event.preventDefault();
    var psid = event.target.elements.psid.value.trim();
    if (!psid) { return; }
    event.target.elements.psid.value = '';
    select(threadOf(info.pageId, psid).key);
  });

  fetch('/local/api/info').then(function (answer) { return answer.json(); }).then(function (data) {
    info = data;
    document.getElementById('page-name').textContent = data.pageName + ' \u00b7 ' + data.pageId;
    document.getElementById('webhook').textContent = data.webhookUrl ? 'Webhook: ' + data.webhookUrl
      : 'No webhook subscribed: what you send here is shown, not delivered';
  }).finally(poll);
})();
