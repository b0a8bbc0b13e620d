// Pressroom: what the search page (app.js) and the release page (doc.js) share, so a release is
// dated, linked and cited the same way on both (and a quote cited as its release is). Loaded before either; no framework, no build step.
'use strict';

window.Pressroom = (() => {
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
    'September', 'October', 'November', 'December'];

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v == null || v === false) continue;
        if (k === 'class') node.className = v;
        else if (k === 'text') node.textContent = v;
        else node.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children) {
      if (c == null || c === false) continue;
      node.append(c);
    }
    return node;
  }

  // "2013-04-21" -> "21 April 2013"; "2024-08-01T08:21" -> "1 August 2024, 08:21";
  // "2013-04" -> "April 2013"; "2013" -> "2013". `time` false leaves out the time of day.
  function formatDate(iso, { time = true } = {}) {
    if (!iso) return null;
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?)?/.exec(iso);
    if (!m) return iso;
    const [, y, mo, d, h, mi] = m;
    let s = y;
    if (mo && +mo >= 1 && +mo <= 12) s = MONTHS[+mo - 1] + ' ' + s;
    if (d) s = String(+d) + ' ' + s;
    if (h && time) s += ', ' + h + ':' + mi;
    return s;
  }

  // As encodeURIComponent, and also ! ' ( ) *: the daemon's url_encode (searchd/markup.h), so
  // the links built here are the ones the server writes.
  function encodeId(id) {
    return encodeURIComponent(String(id)).replace(/[!'()*]/g,
      (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  }

  // /doc/{id}, with ?q= to highlight and #pN to point at a paragraph.
  function docHref(id, q, paragraph) {
    let href = '/doc/' + encodeId(id);
    if (q) href += '?' + new URLSearchParams({ q });
    if (Number.isInteger(paragraph) && paragraph >= 1) href += '#p' + paragraph;
    return href;
  }

  function safeHttpUrl(url) {
    if (typeof url !== 'string') return null;
    try {
      const u = new URL(url);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch {
      return null;
    }
  }

  const withStop = (text) => (/[.!?…]$/.test(text) ? text : text + '.');

  // Title. Publisher, 2 March 2015. original URL. Pressroom: <origin>/doc/<id>#pN
  function citationText({ id, title, source, date, url, paragraph }) {
    const parts = [withStop(String(title || 'Untitled release').trim())];
    parts.push(withStop((source ? source + ', ' : '') + (formatDate(date, { time: false }) || 'n.d.')));
    const original = safeHttpUrl(url);
    if (original) parts.push(original + '.');
    parts.push('Pressroom: ' + location.origin + docHref(id, '', paragraph));
    return parts.join(' ');
  }

  // “Words quoted.” Speaker, Role. Quoted in: <the release's citation, pointing at the paragraph>.
  // A quote whose speaker the release does not state says so: it is never attributed by guess.
  function quoteCitationText({ text, speaker, role, release, paragraph }) {
    const words = String(text || '').trim().replace(/^["“”]+|["“”]+$/g, '');
    const who = speaker ? String(speaker).trim() + (role ? ', ' + String(role).trim() : '') : 'Speaker not stated';
    return `“${words}” ${withStop(who)} Quoted in: ${citationText({ ...(release || {}), paragraph })}`;
  }

  // Copies the text of `node` to the clipboard; where that is refused or unavailable, selects it
  // for the reader to copy. Never a dialog. `status` says which happened.
  async function copyOrSelect(node, status) {
    status.textContent = '';
    try {
      if (!navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') throw new Error('no clipboard');
      await navigator.clipboard.writeText(node.textContent);
      status.textContent = 'Copied to the clipboard.';
    } catch {
      const range = document.createRange();
      range.selectNodeContents(node);
      const selection = window.getSelection();
      if (selection) {
        selection.removeAllRanges();
        selection.addRange(range);
      }
      status.textContent = 'Selected: copy it with Ctrl+C (⌘C on a Mac).';
    }
  }

  // "/" focuses `input`, unless the user is typing somewhere.
  function focusSearchOnSlash(input) {
    document.addEventListener('keydown', (e) => {
      if (!input || e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      const t = e.target;
      if (t instanceof Element) {
        if (t.isContentEditable) return;
        const tag = t.tagName;
        if (tag === 'TEXTAREA' || tag === 'SELECT') return;
        if (tag === 'INPUT' && !['button', 'submit', 'reset', 'checkbox', 'radio'].includes(t.type)) return;
      }
      e.preventDefault();
      input.focus();
      input.select();
    });
  }

  return { el, formatDate, encodeId, docHref, safeHttpUrl, citationText, quoteCitationText, copyOrSelect, focusSearchOnSlash };
})();
