import * as Handlebars from 'handlebars';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import WebSocket from 'ws';

function render(el: HTMLElement, list: any, comment: any, item: any) {
  // ruleid: javascript.dom.inner-html
  el.innerHTML = '<p>' + comment + '</p>';
  // ruleid: javascript.dom.inner-html
  list.innerHTML += `<li>${item.name}</li>`;
  // ok: javascript.dom.inner-html
  el.innerHTML = '<p class="empty">No comments yet</p>';
  // ok: javascript.dom.inner-html
  el.innerHTML = DOMPurify.sanitize(comment);
  // ok: javascript.dom.inner-html
  el.textContent = comment;
  // ruleid: javascript.dom.insert-adjacent-html
  list.insertAdjacentHTML('beforeend', `<li>${item.name}</li>`);
  // ruleid: javascript.dom.insert-adjacent-html
  document.write('<img src="' + location.hash.slice(1) + '">');
  // ok: javascript.dom.insert-adjacent-html
  list.insertAdjacentHTML('beforeend', '<li class="sep"></li>');
  // ok: javascript.dom.insert-adjacent-html
  document.write('<p>Loading</p>');
}

function templates(source: any, html: any) {
  // ruleid: javascript.handlebars.escaping-disabled
  const a = Handlebars.compile(source, { noEscape: true });
  // ruleid: javascript.handlebars.escaping-disabled
  const b = new Handlebars.SafeString(html);
  // ok: javascript.handlebars.escaping-disabled
  const c = Handlebars.compile(source);
  // ok: javascript.handlebars.escaping-disabled
  const d = new Handlebars.SafeString(Handlebars.escapeExpression(html));
  return [a, b, c, d];
}

// ruleid: javascript.dom.message-origin-unchecked
window.addEventListener('message', (event: any) => {
  run(event.data.command);
});

// ruleid: javascript.dom.message-origin-unchecked
window.addEventListener('message', function (e: any) {
  document.title = e.data;
});

// ok: javascript.dom.message-origin-unchecked
window.addEventListener('message', (event: any) => {
  if (event.origin !== 'https://app.example.com') return;
  run(event.data.command);
});

// ok: javascript.dom.message-origin-unchecked
window.addEventListener('message', function (e: any) {
  if (!ALLOWED.includes(e.origin)) {
    return;
  }
  document.title = e.data;
});

function sockets(host: any) {
  // ruleid: javascript.net.cleartext-websocket
  const a = new WebSocket('ws://api.example.com/stream');
  // ruleid: javascript.net.cleartext-websocket
  const b = new WebSocket('ws://chat.example.com:9000');
  // ok: javascript.net.cleartext-websocket
  const c = new WebSocket('wss://api.example.com/stream');
  // ok: javascript.net.cleartext-websocket
  const d = new WebSocket('ws://localhost:8080/dev');
  return [a, b, c, d];
}

function timers(panelId: any) {
  // ruleid: javascript.lang.string-timer
  setTimeout('refresh(' + panelId + ')', 1000);
  // ruleid: javascript.lang.string-timer
  setInterval(panelId + '.poll()', 5000);
  // ok: javascript.lang.string-timer
  setTimeout(() => refresh(panelId), 1000);
  // ok: javascript.lang.string-timer
  setInterval(poll, 5000);
}

function deepMerge(target: any, source: any) {
  for (const key in source) {
    if (typeof source[key] === 'object' && source[key] !== null) {
      if (!target[key]) target[key] = {};
      // ruleid: javascript.lang.prototype-pollution-merge
      deepMerge(target[key], source[key]);
    } else {
      target[key] = source[key];
    }
  }
  return target;
}

function extend(dst: any, src: any) {
  for (const k of Object.keys(src)) {
    if (isPlainObject(src[k])) {
      dst[k] = dst[k] || {};
      // ruleid: javascript.lang.prototype-pollution-merge
      extend(dst[k], src[k]);
    } else {
      dst[k] = src[k];
    }
  }
  return dst;
}

function safeMerge(target: any, source: any) {
  for (const key in source) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    if (typeof source[key] === 'object' && source[key] !== null) {
      if (!target[key]) target[key] = {};
      // ok: javascript.lang.prototype-pollution-merge
      safeMerge(target[key], source[key]);
    } else {
      target[key] = source[key];
    }
  }
  return target;
}

function shallowAssign(target: any, source: any) {
  for (const key in source) {
    // ok: javascript.lang.prototype-pollution-merge
    target[key] = source[key];
  }
  return target;
}

function temps(data: string) {
  // ruleid: javascript.lang.predictable-temp-file
  fs.writeFileSync('/tmp/report.json', data);
  // ruleid: javascript.lang.predictable-temp-file
  fs.writeFileSync(path.join(os.tmpdir(), 'cache.json'), data);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-'));
  // ok: javascript.lang.predictable-temp-file
  fs.writeFileSync(path.join(dir, 'report.json'), data, { mode: 0o600 });
  // ok: javascript.lang.predictable-temp-file
  const old = fs.readFileSync('/tmp/report.json');
  return old;
}

function perms(file: any) {
  // ruleid: javascript.lang.chmod-world-writable
  fs.chmodSync(file, 0o777);
  // ruleid: javascript.lang.chmod-world-writable
  fs.chmod(file, '666', () => {});
  // ok: javascript.lang.chmod-world-writable
  fs.chmodSync(file, 0o755);
  // ok: javascript.lang.chmod-world-writable
  fs.chmod(file, 0o600, () => {});
}

export { render, templates, sockets, timers, deepMerge, extend, safeMerge, shallowAssign, temps, perms };

function sanitized(el: HTMLElement, html: any) {
  // ok: javascript.dom.inner-html
  el.innerHTML = sanitizeHtml(html, { allowedTags: ['b', 'i'] });
  // ok: javascript.dom.inner-html
  el.innerHTML = escapeHtml(html);
}
