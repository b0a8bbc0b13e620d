// Pressroom search page. No framework, no build step.
//
// The page state lives in the URL: ?q=&page=&per_page= shows results, ?doc=<id> (with the
// search kept beside it) shows one release. Navigation uses history.pushState, and popstate
// renders whatever the URL says, so links can be shared and the back button works.
//
// Security: only the API's *_html fields (title_html, snippet_html, which the daemon escapes
// and marks up with <mark>) are ever assigned to innerHTML. Everything else goes through
// textContent / createElement, and only http(s) addresses become link targets.
'use strict';

(() => {
  const API = '/api/';
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
    'September', 'October', 'November', 'December'];
  const LOADING_DELAY_MS = 150;
  const CACHE_SIZE = 20;

  const $ = (id) => document.getElementById(id);
  const els = {
    form: $('search-form'),
    input: $('q'),
    home: $('home-link'),
    main: $('main'),
    resultsView: $('results-view'),
    status: $('status'),
    notice: $('notice'),
    error: $('error'),
    empty: $('empty'),
    results: $('results'),
    pagination: $('pagination'),
    docView: $('doc-view'),
    backLink: $('back-link'),
    docError: $('doc-error'),
    doc: $('doc'),
  };

  let renderSeq = 0;          // identifies the newest render; older responses are dropped
  let inflight = null;        // AbortController of the request under way
  let shownDoc = null;        // id of the release on screen, if the document view is shown
  const searchCache = new Map();

  // ---------------------------------------------------------------- URL state

  function readState() {
    const p = new URLSearchParams(location.search);
    return {
      q: p.get('q') ?? '',
      page: p.get('page'),
      perPage: p.get('per_page'),
      doc: p.get('doc'),
    };
  }

  function searchParams({ q, page, perPage }) {
    const p = new URLSearchParams();
    if (q) p.set('q', q);
    if (page != null && page !== '' && String(page) !== '1') p.set('page', String(page));
    if (perPage != null && perPage !== '') p.set('per_page', String(perPage));
    return p;
  }

  function resultsHref(state) {
    const s = searchParams(state).toString();
    return s ? '?' + s : location.pathname;
  }

  function docHref(id, state) {
    const p = new URLSearchParams();
    p.set('doc', id);
    for (const [k, v] of searchParams(state)) p.set(k, v);
    return '?' + p.toString();
  }

  function navigate(href, { focusCount = false } = {}) {
    const target = new URL(href, location.href);
    if (target.href === location.href) {
      history.replaceState(null, '', target.href);
    } else {
      history.pushState(null, '', target.href);
    }
    render({ fresh: true, focusCount });
  }

  // ---------------------------------------------------------------- small helpers

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

  function safeHttpUrl(url) {
    if (typeof url !== 'string') return null;
    try {
      const u = new URL(url);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch {
      return null;
    }
  }

  // "2013-04-21" -> "21 April 2013"; "2024-08-01T08:21" -> "1 August 2024, 08:21";
  // "2013-04" -> "April 2013"; "2013" -> "2013".
  function formatDate(iso) {
    if (!iso) return null;
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?)?/.exec(iso);
    if (!m) return iso;
    const [, y, mo, d, h, mi] = m;
    let s = y;
    if (mo && +mo >= 1 && +mo <= 12) s = MONTHS[+mo - 1] + ' ' + s;
    if (d) s = String(+d) + ' ' + s;
    if (h) s += ', ' + h + ':' + mi;
    return s;
  }

  function dateNode(iso, cls) {
    const text = formatDate(iso);
    if (!text) return el('span', { class: cls + ' undated', text: 'undated' });
    return el('time', { class: cls, datetime: iso, text });
  }

  function countText(total, exact) {
    const n = Number(total).toLocaleString('en-US');
    const noun = total === 1 ? 'result' : 'results';
    return (exact ? '' : 'about ') + n + ' ' + noun;
  }

  async function apiGet(path, signal) {
    let res;
    try {
      res = await fetch(API + path, { signal, headers: { Accept: 'application/json' } });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new Error('Could not reach the search service. Check your connection and try again.');
    }
    let body = null;
    try {
      body = await res.json();
    } catch {
      body = null;
    }
    if (!res.ok) {
      const msg = body && body.error && typeof body.error.message === 'string'
        ? body.error.message
        : `The search service answered with an error (HTTP ${res.status}).`;
      const err = new Error(msg);
      err.status = res.status;
      throw err;
    }
    if (body == null) throw new Error('The search service sent an answer this page cannot read.');
    return body;
  }

  // Words of the query, crudely stemmed, for highlighting inside the document view.
  function highlighter(q) {
    const stop = new Set(['and', 'or', 'not', 'near', 'adj', 'xor']);
    const words = (q.match(/[\p{L}\p{N}]+/gu) || [])
      .map((w) => w.toLowerCase())
      .filter((w) => !stop.has(w) && (w.length > 1 || /\p{N}/u.test(w)));
    if (!words.length) return null;
    const stems = new Set();
    for (const w of words) {
      let s = w;
      for (const suf of ['ations', 'ation', 'ings', 'ing', 'ies', 'ied', 'ed', 'es', 's']) {
        if (s.endsWith(suf) && s.length - suf.length >= 4) {
          s = s.slice(0, -suf.length);
          break;
        }
      }
      stems.add(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    }
    const alt = [...stems].sort((a, b) => b.length - a.length).join('|');
    return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt})[\\p{L}\\p{N}]*`, 'giu');
  }

  // Fills `node` with `text`, wrapping the matches of `re` in <mark>. DOM nodes only.
  function fillHighlighted(node, text, re) {
    node.replaceChildren();
    if (!re) {
      node.textContent = text;
      return;
    }
    let last = 0;
    for (const m of text.matchAll(re)) {
      if (m.index > last) node.append(text.slice(last, m.index));
      node.append(el('mark', { text: m[0] }));
      last = m.index + m[0].length;
    }
    if (last < text.length) node.append(text.slice(last));
  }

  // ---------------------------------------------------------------- rendering

  function render({ fresh = false, focusCount = false } = {}) {
    const state = readState();
    const seq = ++renderSeq;
    if (inflight) inflight.abort();
    inflight = null;

    if (document.activeElement !== els.input || els.input.value.trim() !== state.q) {
      els.input.value = state.q;
    }
    els.backLink.href = resultsHref(state);

    const leftDoc = shownDoc;
    els.main.setAttribute('aria-busy', 'true'); // until this render is complete
    if (state.doc != null && state.doc !== '') {
      showDoc(state, seq);
    } else {
      shownDoc = null;
      showResults(state, seq, { fresh, focusCount, returnToDoc: leftDoc });
    }
  }

  function setView(which) {
    els.resultsView.hidden = which !== 'results';
    els.docView.hidden = which !== 'doc';
  }

  function clearResultsView() {
    els.status.replaceChildren();
    els.notice.hidden = true;
    els.notice.textContent = '';
    els.error.hidden = true;
    els.error.replaceChildren();
    els.empty.hidden = true;
    els.empty.replaceChildren();
    els.results.replaceChildren();
    els.pagination.hidden = true;
    els.pagination.replaceChildren();
  }

  function startLoading(seq, onShow) {
    return setTimeout(() => {
      if (seq === renderSeq) onShow();
    }, LOADING_DELAY_MS);
  }

  async function showResults(state, seq, { fresh, focusCount, returnToDoc }) {
    setView('results');
    document.title = state.q ? `“${state.q}” – Pressroom search` : 'Pressroom – search press releases';

    const params = searchParams(state);
    params.set('q', state.q); // always sent: an empty q asks for the newest releases
    if (!params.has('page')) params.set('page', '1');
    const path = 'search?' + params.toString();

    let data = fresh ? null : searchCache.get(path);
    if (!data) {
      const ctl = new AbortController();
      inflight = ctl;
      const timer = startLoading(seq, () => {
        els.results.classList.add('is-stale');
        els.results.setAttribute('aria-busy', 'true');
        els.status.replaceChildren(el('p', { class: 'loading', text: 'Searching…' }));
      });
      try {
        data = await apiGet(path, ctl.signal);
      } catch (e) {
        if (e.name === 'AbortError' || seq !== renderSeq) return;
        clearTimeout(timer);
        finishLoading();
        clearResultsView();
        showSearchError(e.message, state);
        done();
        return;
      } finally {
        clearTimeout(timer);
      }
      if (seq !== renderSeq) return;
      searchCache.set(path, data);
      if (searchCache.size > CACHE_SIZE) searchCache.delete(searchCache.keys().next().value);
    }
    finishLoading();
    clearResultsView();
    renderHits(state, data);
    done();

    if (focusCount) {
      // After paging, reading (and tabbing) starts again at the top of the new page.
      window.scrollTo(0, 0);
      const c = document.getElementById('count');
      if (c) c.focus({ preventScroll: true });
    } else if (returnToDoc) {
      const link = [...els.results.querySelectorAll('a.hit-link')]
        .find((a) => a.dataset.docId === returnToDoc);
      if (link) link.focus();
    }
  }

  function done() {
    els.main.removeAttribute('aria-busy');
  }

  function finishLoading() {
    els.results.classList.remove('is-stale');
    els.results.removeAttribute('aria-busy');
  }

  function showSearchError(message, state) {
    els.error.replaceChildren(
      el('h2', { text: 'The search could not be run' }),
      el('p', { class: 'error-message', text: message }),
      el('p', null, el('button', { type: 'button', class: 'retry', text: 'Try again' })),
    );
    els.error.hidden = false;
    const line = el('p', { class: 'count', id: 'count', tabindex: '-1' }, 'No results shown');
    if (state.q) line.append(' for ', el('span', { class: 'query-echo', text: `“${state.q}”` }));
    line.append('.');
    els.status.replaceChildren(line);
  }

  function renderHits(state, data) {
    const hits = Array.isArray(data.hits) ? data.hits : [];
    const total = Number(data.total) || 0;
    const exact = data.total_exact !== false;
    const page = Number(data.page) || 1;
    const perPage = Number(data.per_page) || hits.length || 10;

    // Count line.
    const count = el('p', { class: 'count', id: 'count', tabindex: '-1' });
    if (state.q) {
      count.append(el('strong', { text: countText(total, exact) }), ' for ',
        el('span', { class: 'query-echo', text: `“${state.q}”` }));
    } else {
      count.append(el('strong', { text: 'Newest releases' }), ` (${countText(total, exact).replace('result', 'release')} in all)`);
    }
    const lastPage = Math.max(1, Math.ceil(total / perPage));
    if (lastPage > 1 && hits.length) count.append(el('span', { class: 'page-of', text: ` · page ${page} of ${exact ? '' : 'about '}${lastPage}` }));
    if (typeof data.took_ms === 'number') {
      count.append(el('span', { class: 'took', text: ` · ${data.took_ms < 10 ? data.took_ms.toFixed(1) : Math.round(data.took_ms)} ms` }));
    }
    els.status.replaceChildren(count);

    if (typeof data.notice === 'string' && data.notice) {
      els.notice.textContent = data.notice;
      els.notice.hidden = false;
    }

    if (!hits.length) {
      renderEmpty(state, total, lastPage);
      return;
    }

    const start = (page - 1) * perPage + 1;
    els.results.setAttribute('start', String(start));
    for (const hit of hits) els.results.append(renderHit(hit, state));

    renderPagination(state, page, lastPage, exact);
  }

  function renderHit(hit, state) {
    const link = el('a', { class: 'hit-link', href: docHref(String(hit.id), state) });
    link.dataset.docId = String(hit.id);
    link.dataset.nav = '';
    if (typeof hit.title_html === 'string' && hit.title_html) {
      link.innerHTML = hit.title_html; // escaped by the daemon; only <mark> inside
    } else {
      link.textContent = hit.title || 'Untitled release';
    }

    const meta = el('p', { class: 'hit-meta' }, dateNode(hit.date, 'hit-date'));
    if (hit.category) meta.append(el('span', { class: 'sep', 'aria-hidden': 'true', text: '·' }), el('span', { class: 'hit-category', text: hit.category }));
    if (hit.source) meta.append(el('span', { class: 'sep', 'aria-hidden': 'true', text: '·' }), el('span', { class: 'hit-source', text: hit.source }));
    const url = safeHttpUrl(hit.url);
    if (url) {
      meta.append(el('span', { class: 'sep', 'aria-hidden': 'true', text: '·' }),
        el('a', { class: 'hit-original', href: url, rel: 'noopener', target: '_blank', text: 'original' }));
    }

    const item = el('li', { class: 'hit' }, el('h2', { class: 'hit-title' }, link), meta);
    if (typeof hit.snippet_html === 'string' && hit.snippet_html) {
      const snippet = el('p', { class: 'snippet' });
      snippet.innerHTML = hit.snippet_html; // escaped by the daemon; only <mark> inside
      item.append(snippet);
    }
    return item;
  }

  function renderEmpty(state, total, lastPage) {
    const box = els.empty;
    if (total > 0) {
      box.append(
        el('h2', { text: 'This page is past the end of the results.' }),
        el('p', null, `There ${lastPage === 1 ? 'is 1 page' : `are ${lastPage} pages`} of results. `,
          navLink(resultsHref({ ...state, page: 1 }), 'Go to the first page')),
      );
    } else if (!state.q) {
      box.append(el('h2', { text: 'There are no releases in the index yet.' }));
    } else {
      box.append(
        el('h2', null, 'No releases match ', el('span', { class: 'query-echo', text: `“${state.q}”` }), '.'),
        el('p', { text: 'Some ideas:' }),
        el('ul', { class: 'tips' },
          el('li', { text: 'Check the spelling of each word.' }),
          el('li', { text: 'Try fewer words, or more general ones (“council” rather than “councillors’ committee”).' }),
          el('li', { text: 'Drop quotation marks or operators such as AND, OR and NOT.' }),
          el('li', null, navLink(resultsHref({ q: '', perPage: state.perPage }), 'Browse the newest releases'), ' instead.'),
        ),
      );
    }
    box.hidden = false;
  }

  function navLink(href, text, attrs) {
    const a = el('a', { href, ...attrs, text });
    a.dataset.nav = '';
    return a;
  }

  function pageWindow(page, last) {
    const pages = new Set([1, last]);
    for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= last) pages.add(p);
    const sorted = [...pages].sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i < sorted.length; i++) {
      if (i > 0 && sorted[i] - sorted[i - 1] > 1) out.push(null);
      out.push(sorted[i]);
    }
    return out;
  }

  function renderPagination(state, page, last, exact) {
    if (last <= 1 && page <= 1) return;
    const list = el('ul');
    const hrefFor = (p) => resultsHref({ ...state, page: p });

    // The words hide on narrow screens (the arrows stay); they remain the accessible name.
    const label = (arrowFirst, word) => arrowFirst
      ? [el('span', { 'aria-hidden': 'true', text: '← ' }), el('span', { class: 'pn-word', text: word })]
      : [el('span', { class: 'pn-word', text: word }), el('span', { 'aria-hidden': 'true', text: ' →' })];
    const prev = page > 1
      ? el('a', { href: hrefFor(page - 1), rel: 'prev', class: 'page-prev', 'data-nav': '' }, ...label(true, 'Previous'))
      : el('span', { class: 'page-prev disabled', 'aria-disabled': 'true' }, ...label(true, 'Previous'));
    list.append(el('li', null, prev));

    for (const p of pageWindow(page, last)) {
      if (p == null) {
        list.append(el('li', { class: 'gap', 'aria-hidden': 'true', text: '…' }));
        continue;
      }
      const a = navLink(hrefFor(p), String(p), {
        class: 'page-num',
        'aria-label': `Page ${p}`,
        'aria-current': p === page ? 'page' : null,
      });
      list.append(el('li', null, a));
    }

    const hasNext = page < last || (!exact && page === last);
    const next = hasNext
      ? el('a', { href: hrefFor(page + 1), rel: 'next', class: 'page-next', 'data-nav': '' }, ...label(false, 'Next'))
      : el('span', { class: 'page-next disabled', 'aria-disabled': 'true' }, ...label(false, 'Next'));
    list.append(el('li', null, next));

    els.pagination.replaceChildren(list);
    els.pagination.hidden = false;
  }

  // ---------------------------------------------------------------- document view

  async function showDoc(state, seq) {
    const id = state.doc;
    setView('doc');
    els.docError.hidden = true;
    els.docError.replaceChildren();
    els.backLink.textContent = state.q ? '← Back to results' : '← Back to the newest releases';

    if (shownDoc !== id) {
      els.doc.replaceChildren();
      els.doc.setAttribute('aria-busy', 'true');
    }
    const ctl = new AbortController();
    inflight = ctl;
    const timer = startLoading(seq, () => {
      els.doc.replaceChildren(el('p', { class: 'loading', role: 'status', text: 'Loading the release…' }));
    });
    let doc;
    try {
      doc = await apiGet('doc/' + encodeURIComponent(id), ctl.signal);
    } catch (e) {
      if (e.name === 'AbortError' || seq !== renderSeq) return;
      clearTimeout(timer);
      els.doc.replaceChildren();
      els.doc.removeAttribute('aria-busy');
      els.docError.replaceChildren(
        el('h2', { text: 'This release could not be shown' }),
        el('p', { class: 'error-message', text: e.message }),
      );
      els.docError.hidden = false;
      document.title = 'Release not found – Pressroom';
      shownDoc = null;
      done();
      return;
    } finally {
      clearTimeout(timer);
    }
    if (seq !== renderSeq) return;
    els.doc.removeAttribute('aria-busy');
    renderDoc(doc, state);
    shownDoc = id;
    done();

    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target && els.doc.contains(target)) {
      target.classList.add('is-target');
      target.scrollIntoView();
    } else {
      window.scrollTo(0, 0);
      const h = els.doc.querySelector('h1');
      if (h) h.focus({ preventScroll: true });
    }
  }

  function renderDoc(doc, state) {
    const re = highlighter(state.q);
    const art = els.doc;
    art.replaceChildren();
    art.setAttribute('lang', doc.lang || 'en');
    document.title = (doc.title || 'Release') + ' – Pressroom';

    const head = el('header', { class: 'doc-header' });
    if (doc.category) head.append(el('p', { class: 'doc-category', text: doc.category }));
    const h1 = el('h1', { class: 'doc-title', tabindex: '-1' });
    fillHighlighted(h1, doc.title || 'Untitled release', re);
    head.append(h1);
    if (doc.subtitle) {
      const sub = el('p', { class: 'doc-subtitle' });
      fillHighlighted(sub, doc.subtitle, re);
      head.append(sub);
    }

    const dl = el('dl', { class: 'doc-meta' });
    const row = (label, value) => {
      if (value == null || value === '') return;
      dl.append(el('div', null, el('dt', { text: label }), el('dd', null, value)));
    };
    row('Published', dateNode(doc.date, 'doc-date'));
    if (doc.updated && doc.updated !== doc.date) row('Updated', dateNode(doc.updated, 'doc-updated'));
    row('Source', doc.source);
    row('Reference', doc.reference);
    row('By', doc.byline);
    const url = safeHttpUrl(doc.url);
    if (url) row('Original', el('a', { href: url, rel: 'noopener', target: '_blank', class: 'doc-original', text: new URL(url).host }));
    head.append(dl);
    art.append(head);

    const body = el('div', { class: 'doc-body' });
    const paras = Array.isArray(doc.paragraphs) ? doc.paragraphs : [];
    paras.forEach((text, i) => {
      const p = el('p', { id: `p${i + 1}` });
      fillHighlighted(p, String(text), re);
      body.append(p);
    });
    if (!paras.length) body.append(el('p', { class: 'muted', text: 'This release has no text.' }));
    art.append(body);
  }

  // ---------------------------------------------------------------- events

  els.form.addEventListener('submit', (e) => {
    e.preventDefault();
    const state = readState();
    navigate(resultsHref({ q: els.input.value.trim(), page: null, perPage: state.perPage }));
  });

  // In-page links (results, pagination, back link, home) navigate without reloading.
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const target = e.target instanceof Element ? e.target : null;
    if (!target) return;

    const retry = target.closest('button.retry');
    if (retry) {
      render({ fresh: true });
      return;
    }

    const a = target.closest('a');
    if (!a || !(a.hasAttribute('data-nav') || a === els.backLink || a === els.home)) return;
    e.preventDefault();
    const moveFocus = a.closest('#pagination') !== null;
    if (a === els.home) els.input.value = '';
    navigate(a.getAttribute('href'), { focusCount: moveFocus });
  });

  window.addEventListener('popstate', () => render());

  // "/" focuses the search box, unless the user is typing somewhere.
  document.addEventListener('keydown', (e) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    const t = e.target;
    if (t instanceof Element) {
      if (t.isContentEditable) return;
      const tag = t.tagName;
      if (tag === 'TEXTAREA' || tag === 'SELECT') return;
      if (tag === 'INPUT' && !['button', 'submit', 'reset', 'checkbox', 'radio'].includes(t.type)) return;
    }
    e.preventDefault();
    els.input.focus();
    els.input.select();
  });

  render();
})();
