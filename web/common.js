// Pressroom: what the search page (app.js) and the release page (doc.js) share, so a release is
// dated, linked and cited the same way on both (and a quote cited as its release is). Loaded before either; no framework, no build step.
// The page's words come from i18n.js (window.PressroomI18n): loaded before this file by the
// search page, and by doc.js through loadI18n() on the release page.
'use strict';

window.Pressroom = (() => {
  const I18N_SRC = '/i18n.js';
  const i18n = () => window.PressroomI18n || null;
  // A message in the page's language (the key itself if i18n.js could not be loaded).
  const t = (key, params) => (i18n() ? i18n().t(key, params) : key);

  // Resolves when i18n.js is there: at once on the search page (loaded before this file),
  // after loading it on the release page, whose markup the daemon writes with two scripts only.
  let i18nLoading = null;
  function loadI18n() {
    if (i18n()) return Promise.resolve(i18n());
    if (!i18nLoading) {
      i18nLoading = new Promise((resolve) => {
        const s = document.createElement('script');
        s.src = I18N_SRC;
        s.addEventListener('load', () => resolve(i18n()));
        s.addEventListener('error', () => resolve(null));
        document.head.append(s);
      });
    }
    return i18nLoading;
  }

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

  // In the page's language, at the precision given (Intl.DateTimeFormat, in UTC so the day never
  // shifts): "2013-04-21" -> "21 April 2013" / "2013년 4월 21일"; "2024-08-01T08:21" -> "1 August
  // 2024, 08:21" / "2024년 8월 1일 08:21"; "2013-04" -> "April 2013" / "2013년 4월"; "2013" ->
  // "2013" / "2013년". `time` false leaves out the time of day.
  const dateFormats = new Map();
  function dateFormat(locale, fields) {
    const key = locale + ' ' + fields;
    if (!dateFormats.has(key)) {
      const opts = { timeZone: 'UTC', year: 'numeric' };
      if (fields !== 'y') opts.month = 'long';
      if (fields === 'ymd') opts.day = 'numeric';
      dateFormats.set(key, new Intl.DateTimeFormat(locale, opts));
    }
    return dateFormats.get(key);
  }

  function formatDate(iso, { time = true } = {}) {
    if (!iso) return null;
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?)?/.exec(iso);
    if (!m) return iso;
    const [, y, mo, d, h, mi] = m;
    const month = mo && +mo >= 1 && +mo <= 12 ? +mo : null;
    const day = month && d && +d >= 1 && +d <= 31 ? +d : null;
    const fields = day ? 'ymd' : month ? 'ym' : 'y';
    const at = new Date(Date.UTC(2000, (month || 1) - 1, day || 1));
    at.setUTCFullYear(+y); // years below 100 stay as written
    const locale = i18n() ? i18n().dateLocale : 'en-GB';
    let s = dateFormat(locale, fields).format(at);
    if (day && h && time) s += t('time.separator') + h + ':' + mi;
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
    const parts = [withStop(String(title || t('release.untitled')).trim())];
    parts.push(withStop((source ? source + ', ' : '') + (formatDate(date, { time: false }) || t('cite.noDate'))));
    const original = safeHttpUrl(url);
    if (original) parts.push(original + '.');
    parts.push('Pressroom: ' + location.origin + docHref(id, '', paragraph));
    return parts.join(' ');
  }

  // “Words quoted.” Speaker, Role. Quoted in: <the release's citation, pointing at the paragraph>.
  // A quote whose speaker the release does not state says so: it is never attributed by guess.
  function quoteCitationText({ text, speaker, role, release, paragraph }) {
    const words = String(text || '').trim().replace(/^["“”]+|["“”]+$/g, '');
    const who = speaker ? String(speaker).trim() + (role ? ', ' + String(role).trim() : '') : t('cite.speakerNotStated');
    return `“${words}” ${withStop(who)} ${t('cite.quotedIn')} ${citationText({ ...(release || {}), paragraph })}`;
  }

  // Copies the text of `node` to the clipboard; where that is refused or unavailable, selects it
  // for the reader to copy. Never a dialog. `status` says which happened.
  async function copyOrSelect(node, status) {
    status.textContent = '';
    try {
      if (!navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') throw new Error('no clipboard');
      await navigator.clipboard.writeText(node.textContent);
      status.textContent = t('copy.copied');
    } catch {
      const range = document.createRange();
      range.selectNodeContents(node);
      const selection = window.getSelection();
      if (selection) {
        selection.removeAllRanges();
        selection.addRange(range);
      }
      status.textContent = t('copy.selected');
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

  return { el, t, loadI18n, formatDate, encodeId, docHref, safeHttpUrl, citationText, quoteCitationText, copyOrSelect, focusSearchOnSlash };
})();
