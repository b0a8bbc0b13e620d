// Pressroom document page (/doc/{id}, rendered by the daemon). No framework, no build step.
//
// The page works without this script; it adds: the Cite button (a citation shown in the page and
// copied to the clipboard where allowed, never a dialog), the "Similar releases" list fetched
// from /api/similar/{id}, the "/" shortcut to the search box, and the page's language: the
// daemon writes the page's own words in English, and this script puts them in the language of
// the search page (i18n.js, loaded from here: the browser's language or the choice made with the
// switch, which is added to the header here too). The release itself is never translated. The
// paragraph an address points at (#p3) is highlighted by doc.css with :target.
//
// Security: the page has no inline script (a strict Content-Security-Policy applies), and text
// from the API only ever goes through textContent; only /doc/ paths become link targets.
'use strict';

(() => {
  const { el, t, loadI18n, formatDate, docHref, encodeId, citationText, copyOrSelect, focusSearchOnSlash } = window.Pressroom;
  const SIMILAR_COUNT = 5;

  const $ = (id) => document.getElementById(id);
  const doc = $('doc');
  const input = $('q');
  const citeButton = $('cite-button');
  const citationBox = $('citation-box');
  const citation = $('citation');
  const citationStatus = $('citation-status');
  const similarList = $('similar-list');
  const similarStatus = $('similar-status');
  // What the similar list shows, to draw it again in another language: 'loading', 'error' or
  // the hits.
  let similarShown = null;
  // The page's language where it differs from the release's (<html lang>), else null.
  const uiLang = () => {
    const lang = window.PressroomI18n ? window.PressroomI18n.lang : null;
    return lang && lang !== (document.documentElement.lang || 'en') ? lang : null;
  };

  // ---------------------------------------------------------------- "/" focuses the search box

  focusSearchOnSlash(input);

  const id = doc ? doc.dataset.id || '' : '';

  // ---------------------------------------------------------------- the page's language

  // Words of the page the daemon wrote (in English), and the message each one is. A label is
  // only taken over when it reads as expected.
  const LABELS = [
    ['.skip-link', 'doc.skip'],
    ['.site-header .tagline', 'header.tagline'],
    ['#search-form label[for="q"]', 'search.label'],
    ['#search-form button[type="submit"]', 'search.button'],
    ['#back-link', 'doc.backSearch'],
    ['#back-link', 'doc.backResults'],
    ['.doc-meta .undated', 'date.undatedTitle'],
    ['#cite-button', 'cite.button'],
    ['#similar-link', 'doc.similar'],
    ['#similar-heading', 'doc.similarHeading'],
    ['.doc-body > p.muted', 'doc.noText'],
    ['.site-footer p', 'footer.text'],
    ['main.not-found h1', 'notFound.title'],
    ['main.not-found a[href="/"]', 'notFound.search'],
  ];

  // The elements whose words are the page's (not the release's): they carry the page's
  // language where it differs from the release's (<html lang> is the release's).
  const uiNodes = new Set();

  function markLabels(I18N) {
    for (const [selector, key] of LABELS) {
      for (const node of document.querySelectorAll(selector)) {
        if (!node.dataset.i18n && node.children.length === 0 && node.textContent.trim() === I18N.english(key)) {
          node.dataset.i18n = key;
          uiNodes.add(node);
        }
      }
    }
    for (const dt of document.querySelectorAll('.doc-meta dt')) {
      const key = I18N.keyFor('doc.meta.', dt.textContent.trim());
      if (key) {
        dt.dataset.i18n = key;
        uiNodes.add(dt);
      }
    }
    // Messages with markup inside: the <kbd> and the id are kept as they are.
    const hint = $('search-hint');
    const kbd = hint && hint.querySelector('kbd');
    if (kbd && hint.children.length === 1) {
      kbd.dataset.i18nSlot = 'slash';
      hint.dataset.i18n = 'search.hint';
      uiNodes.add(hint);
    }
    const missing = document.querySelector('main.not-found p code.doc-id');
    if (missing && missing.parentElement.children.length === 1) {
      missing.dataset.i18nSlot = 'id';
      missing.parentElement.dataset.i18n = 'notFound.text';
      uiNodes.add(missing.parentElement);
    }
    for (const node of document.querySelectorAll('#similar-status, #citation-box, .doc-meta time, #lang-switch')) uiNodes.add(node);
  }

  function applyLanguage(I18N) {
    I18N.applyStatic(document);
    const lang = uiLang();
    for (const node of uiNodes) {
      if (lang) node.lang = lang;
      else node.removeAttribute('lang');
    }
    // Dates as the language writes them, at the precision the release states.
    for (const time of document.querySelectorAll('.doc-meta time[datetime]')) {
      const text = formatDate(time.getAttribute('datetime'));
      if (text) time.textContent = text;
    }
    for (const a of document.querySelectorAll('.doc-body .para-anchor')) {
      const m = /^#p(\d+)$/.exec(a.getAttribute('href') || '');
      if (m) a.setAttribute('aria-label', t('doc.paragraphLink', { paragraph: m[1] }));
    }
    if (!doc && document.querySelector('main.not-found')) {
      document.documentElement.lang = I18N.lang;
      document.title = t('page.titleSuffix', { title: t('notFound.title') });
    }
    const href = I18N.syncedAddress();
    if (href) history.replaceState(history.state, '', href);
    I18N.refreshSwitch();
  }

  const i18nReady = loadI18n().then((I18N) => {
    if (!I18N) return null;
    // The "release not found" page is all the page's own words.
    if (!doc) document.documentElement.lang = I18N.lang;
    markLabels(I18N);
    const header = document.querySelector('.site-header .wrap');
    if (header) uiNodes.add(I18N.mountSwitch(header));
    applyLanguage(I18N);
    I18N.onChange(() => {
      applyLanguage(I18N);
      redrawSimilar();
      if (doc && citationBox && citation && !citationBox.hidden) citation.textContent = currentCitation();
    });
    return I18N;
  });

  if (!doc) return; // the "release not found" page has only the search box

  // ---------------------------------------------------------------- citation

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
    await i18nReady;
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

  function similarItem(hit) {
    const lang = typeof hit.lang === 'string' && hit.lang ? hit.lang : null;
    const link = el('a', { href: docHref(hit.id), class: 'similar-title', lang,
      text: hit.title || t('release.untitled') });
    const meta = el('span', { class: 'similar-meta', lang: uiLang() });
    const when = formatDate(hit.date);
    meta.append(when ? el('time', { datetime: hit.date, text: when })
      : el('span', { class: 'undated', text: t('date.undated') }));
    if (hit.source) meta.append(el('span', { class: 'sep', 'aria-hidden': 'true', text: ' · ' }), el('span', { lang, text: hit.source }));
    return el('li', { class: 'similar-item' }, link, ' ', meta);
  }

  function retryButton() {
    const b = el('button', { type: 'button', class: 'retry', text: t('retry') });
    b.addEventListener('click', () => { loadSimilar(); });
    return b;
  }

  function redrawSimilar() {
    if (!similarList || !similarStatus || similarShown == null) return;
    if (similarShown === 'loading') {
      similarStatus.textContent = t('doc.similarLoading');
    } else if (similarShown === 'error') {
      similarStatus.replaceChildren(t('doc.similarError'), retryButton());
    } else if (!similarShown.length) {
      similarStatus.textContent = t('doc.similarNone');
    } else {
      similarList.replaceChildren(...similarShown.map(similarItem));
      similarList.hidden = false;
      similarStatus.textContent = '';
    }
  }

  async function loadSimilar() {
    await i18nReady;
    similarList.replaceChildren();
    similarList.hidden = true;
    similarShown = 'loading';
    redrawSimilar();
    try {
      const res = await fetch('/api/similar/' + encodeId(id) + '?per_page=' + SIMILAR_COUNT,
        { headers: { Accept: 'application/json' } });
      if (!res.ok) throw new Error('HTTP ' + res.status);
      const data = await res.json();
      similarShown = (Array.isArray(data.hits) ? data.hits : []).filter((h) => h && h.id != null && h.id !== id);
    } catch {
      similarShown = 'error';
    }
    redrawSimilar();
  }

  if (id && similarList && similarStatus) loadSimilar();
})();
