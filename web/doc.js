// Pressroom document page (/doc/{id}, rendered by the daemon). No framework, no build step.
//
// The page works without this script; it adds: the Cite button (a citation shown in the page and
// copied to the clipboard where allowed, never a dialog), the "Similar releases" list fetched
// from /api/similar/{id}, and the "/" shortcut to the search box. The paragraph an address
// points at (#p3) is highlighted by doc.css with :target.
//
// Security: the page has no inline script (a strict Content-Security-Policy applies), and text
// from the API only ever goes through textContent; only /doc/ paths become link targets.
'use strict';

(() => {
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
    'September', 'October', 'November', 'December'];
  const SIMILAR_COUNT = 5;

  const $ = (id) => document.getElementById(id);
  const doc = $('doc');
  const input = $('q');

  // As encodeURIComponent, and also ! ' ( ) *: the daemon's url_encode, so the links this script
  // builds are the ones the server writes.
  function encodeId(id) {
    return encodeURIComponent(id).replace(/[!'()*]/g,
      (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  }

  // "2015-03-02" -> "2 March 2015"; "2015-03" -> "March 2015"; "2015" -> "2015".
  function formatDate(iso) {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso || '');
    if (!m) return '';
    const [, y, mo, d] = m;
    let s = y;
    if (mo && +mo >= 1 && +mo <= 12) {
      s = MONTHS[+mo - 1] + ' ' + s;
      if (d) s = String(+d) + ' ' + s;
    }
    return s;
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else node.setAttribute(k, String(v));
    }
    node.append(...children.filter((c) => c != null));
    return node;
  }

  // ---------------------------------------------------------------- "/" focuses the search box

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

  if (!doc) return; // the "release not found" page has only the search box

  const id = doc.dataset.id || '';

  // ---------------------------------------------------------------- citation

  const citeButton = $('cite-button');
  const citationBox = $('citation-box');
  const citation = $('citation');
  const citationStatus = $('citation-status');

  // The paragraph the address points at ("#p3"), if it is one of this page's.
  function targetedParagraph() {
    const m = /^#(p[1-9]\d*)$/.exec(location.hash);
    return m && document.getElementById(m[1]) ? '#' + m[1] : '';
  }

  function withStop(text) {
    return /[.!?…]$/.test(text) ? text : text + '.';
  }

  // Title. Publisher, 2 March 2015. https://original. Pressroom: https://here/doc/id#p3
  function citationText() {
    const { title, source, date, url } = doc.dataset;
    const parts = [withStop(title || 'Untitled release')];
    const published = [source, formatDate(date) || 'n.d.'].filter(Boolean).join(', ');
    parts.push(withStop(published));
    if (url && /^https?:\/\//i.test(url)) parts.push(url + '.');
    parts.push('Pressroom: ' + location.origin + '/doc/' + encodeId(id) + targetedParagraph());
    return parts.join(' ');
  }

  function selectCitation() {
    const range = document.createRange();
    range.selectNodeContents(citation);
    const selection = window.getSelection();
    if (!selection) return;
    selection.removeAllRanges();
    selection.addRange(range);
  }

  async function cite() {
    citation.textContent = citationText();
    citationBox.hidden = false;
    citationStatus.textContent = '';
    try {
      if (!navigator.clipboard || !window.isSecureContext) throw new Error('no clipboard');
      await navigator.clipboard.writeText(citation.textContent);
      citationStatus.textContent = 'Copied to the clipboard.';
    } catch {
      // Refused or unavailable (an http:// address, a browser setting): the text stays in view,
      // selected, for the reader to copy.
      selectCitation();
      citationStatus.textContent = 'Copying was not allowed here: the citation is selected for you to copy.';
    }
  }

  if (citeButton && citationBox && citation && citationStatus) {
    citeButton.addEventListener('click', () => { cite(); });
    // A citation on screen follows the paragraph linked to.
    window.addEventListener('hashchange', () => {
      if (!citationBox.hidden) citation.textContent = citationText();
    });
  }

  // ---------------------------------------------------------------- similar releases

  const similarList = $('similar-list');
  const similarStatus = $('similar-status');

  function similarItem(hit) {
    const link = el('a', { href: '/doc/' + encodeId(String(hit.id)), class: 'similar-title',
      text: hit.title || 'Untitled release' });
    const meta = el('span', { class: 'similar-meta' });
    const when = formatDate(hit.date);
    meta.append(when ? el('time', { datetime: hit.date, text: when })
      : el('span', { class: 'undated', text: 'undated' }));
    if (hit.source) meta.append(el('span', { class: 'sep', 'aria-hidden': 'true', text: ' · ' }), hit.source);
    return el('li', { class: 'similar-item' }, link, ' ', meta);
  }

  function retryButton() {
    const b = el('button', { type: 'button', class: 'retry', text: 'Try again' });
    b.addEventListener('click', () => { loadSimilar(); });
    return b;
  }

  async function loadSimilar() {
    similarList.replaceChildren();
    similarList.hidden = true;
    similarStatus.textContent = 'Loading similar releases…';
    try {
      const res = await fetch('/api/similar/' + encodeId(id) + '?per_page=' + SIMILAR_COUNT,
        { headers: { Accept: 'application/json' } });
      if (!res.ok) throw new Error('HTTP ' + res.status);
      const data = await res.json();
      const hits = (Array.isArray(data.hits) ? data.hits : []).filter((h) => h && h.id != null && h.id !== id);
      if (!hits.length) {
        similarStatus.textContent = 'No similar releases were found.';
        return;
      }
      similarList.append(...hits.map(similarItem));
      similarList.hidden = false;
      similarStatus.textContent = '';
    } catch {
      similarStatus.replaceChildren('Similar releases could not be loaded. ', retryButton());
    }
  }

  if (id && similarList && similarStatus) loadSimilar();
})();
