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
  const { el, formatDate, docHref, encodeId, citationText, copyOrSelect, focusSearchOnSlash } = window.Pressroom;
  const SIMILAR_COUNT = 5;

  const $ = (id) => document.getElementById(id);
  const doc = $('doc');
  const input = $('q');

  // ---------------------------------------------------------------- "/" focuses the search box

  focusSearchOnSlash(input);

  if (!doc) return; // the "release not found" page has only the search box

  const id = doc.dataset.id || '';

  // ---------------------------------------------------------------- citation

  const citeButton = $('cite-button');
  const citationBox = $('citation-box');
  const citation = $('citation');
  const citationStatus = $('citation-status');

  // The number of the paragraph the address points at ("#p3"), if it is one of this page's.
  function targetedParagraph() {
    const m = /^#p([1-9]\d*)$/.exec(location.hash);
    return m && document.getElementById('p' + m[1]) ? Number(m[1]) : null;
  }

  // Title. Publisher, 2 March 2015. https://original. Pressroom: https://here/doc/id#p3
  function currentCitation() {
    const { title, source, date, url } = doc.dataset;
    return citationText({ id, title, source, date, url, paragraph: targetedParagraph() });
  }

  async function cite() {
    citation.textContent = currentCitation();
    citationBox.hidden = false;
    await copyOrSelect(citation, citationStatus);
  }

  if (citeButton && citationBox && citation && citationStatus) {
    citeButton.addEventListener('click', () => { cite(); });
    // A citation on screen follows the paragraph linked to.
    window.addEventListener('hashchange', () => {
      if (!citationBox.hidden) citation.textContent = currentCitation();
    });
  }

  // ---------------------------------------------------------------- similar releases

  const similarList = $('similar-list');
  const similarStatus = $('similar-status');

  function similarItem(hit) {
    const link = el('a', { href: docHref(hit.id), class: 'similar-title',
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
