// Pressroom search page. No framework, no build step.
//
// The page state lives in the URL: ?q=&page=&per_page= shows results, ?doc=<id> (with the
// search kept beside it) shows one release. Navigation uses history.pushState, and popstate
// renders whatever the URL says, so links can be shared and the back button works. Paging
// keeps the page size; a search typed into the box starts afresh (page 1, default page size).
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
  // The API serves pages 1-1000 (README, "API"); never link beyond that.
  const MAX_PAGE = 1000;
  // Queries shown back to the user (status line, empty state, tab title) are cut to this many
  // characters: the search box still holds the whole query.
  const SHOWN_QUERY_CHARS = 80;

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

  // The query as shown back to the user: on one line, cut short with "…" (a 5,000-character
  // query must not fill the screen or the tab title).
  function shownQuery(q) {
    const chars = [...q.replace(/\s+/g, ' ').trim()]; // code points: never split a surrogate pair
    if (chars.length <= SHOWN_QUERY_CHARS) return chars.join('');
    return chars.slice(0, SHOWN_QUERY_CHARS).join('').trimEnd() + '…';
  }

  // The query between curly quotes, unless it has quotation marks of its own: “"a b"” is
  // noise, and “a "b c"” would read as if the quotes were nested.
  function quotedQuery(q) {
    const shown = shownQuery(q);
    return /["“”„‟″«»＂]/.test(shown) ? shown : `“${shown}”`;
  }

  function queryEcho(q) {
    return el('span', { class: 'query-echo', text: quotedQuery(q) });
  }

  // Errors carry `retryable`: true when asking again may well work (no connection, the service
  // busy or failing: 5xx), false when the request itself is wrong (4xx) and would fail again.
  function apiError(message, status) {
    const err = new Error(message);
    err.status = status;
    err.retryable = status == null || status >= 500 || status === 408 || status === 429;
    return err;
  }

  async function apiGet(path, signal) {
    let res;
    try {
      res = await fetch(API + path, { signal, headers: { Accept: 'application/json' } });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw apiError('Could not reach the search service. Check your connection and try again.');
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
      throw apiError(msg, res.status);
    }
    // A cut-off or garbled answer: worth asking again.
    if (body == null) throw apiError('The search service sent an answer this page cannot read.');
    return body;
  }

  // ---------------------------------------------------------------- highlighting
  //
  // The result list shows the daemon's own highlighting (*_html). The document view has plain
  // text, so the page marks the query there itself, reading the query language (README,
  // "Query language") the way the daemon does, so that only what was searched for is marked:
  //  - whole words only; a word also matches its simple inflections (plural -s/-es, -ed, -ing,
  //    possessive 's), case-insensitively, curly and straight apostrophes alike;
  //  - the daemon's stop words are never marked on their own (it ignores them outside phrases);
  //  - a "quoted phrase" (or a hyphenated word, which the daemon reads as a phrase) is marked
  //    only where it occurs whole, as one <mark>; its words match exactly, stop words included;
  //  - excluded words (-word, NOT word, NOT (...)) and field searches are not marked, except
  //    title:word, which is marked in the title only;
  //  - word* marks the words that start with "word".

  // The daemon's stop words (searchd/query_builder.cpp, kStopWords).
  const STOP_WORDS = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in',
    'into', 'is', 'it', 'of', 'on', 'or', 'that', 'the', 'to', 'was', 'were', 'will', 'with', 'its',
    'this', 'has']);
  // Operators count only in capitals, as in the daemon; NOT is handled on its own.
  const OPERATOR = /^(?:AND|OR|XOR|NEAR(?:\/\d+)?|ADJ(?:\/\d+)?)$/;
  const FIELDS = new Set(['title', 'category', 'source']);
  // A word of a query: letters and digits, apostrophes inside it kept ("China's").
  const QUERY_WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
  // Regular-expression pieces for the text: a letter or digit; any apostrophe.
  const W = '[\\p{L}\\p{N}]';
  const APOS = "['‘’‛ʼ′＇]";

  // Curly quotes, apostrophes and hyphens to plain ones, as the daemon folds a query.
  function foldQuery(q) {
    return q.normalize('NFC')
      .replace(/[‘’‛ʼ′＇]/g, "'")
      .replace(/[“”„‟″«»＂]/g, '"')
      .replace(/[‐‑‒−]/g, '-');
  }

  // The query's wanted words and phrases: [{ words: [lower-case word], phrase, prefix, field }].
  // Excluded ones are left out. `field` is null, or the field name for field:word.
  function readQuery(q) {
    const s = foldQuery(q);
    const items = [];
    const groups = [{ negated: false, field: null }]; // parentheses
    let negate = false; // NOT or "-" seen, for the next word, phrase or group
    let field = null;   // "field:" seen, for the next word, phrase or group

    const take = (words, { phrase = false, prefix = false } = {}) => {
      const g = groups[groups.length - 1];
      if (!negate && !g.negated && words.length) {
        items.push({ words: words.map((w) => w.toLowerCase()), phrase, prefix, field: field ?? g.field });
      }
      negate = false;
      field = null;
    };

    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if (/\s/.test(c)) {
        i++;
      } else if (c === '(') {
        const g = groups[groups.length - 1];
        groups.push({ negated: negate || g.negated, field: field ?? g.field });
        negate = false;
        field = null;
        i++;
      } else if (c === ')') {
        if (groups.length > 1) groups.pop();
        i++;
      } else if (c === '"') {
        // An unclosed quotation mark runs to the end, as the daemon reads it.
        const close = s.indexOf('"', i + 1);
        const end = close < 0 ? s.length : close;
        take(s.slice(i + 1, end).match(QUERY_WORD) || [], { phrase: true });
        i = end + 1;
      } else {
        let j = i;
        while (j < s.length && !/[\s"()]/.test(s[j])) j++;
        let token = s.slice(i, j);
        i = j;
        if (token === 'NOT') {
          negate = true;
          continue;
        }
        if (OPERATOR.test(token)) continue;
        if (token.startsWith('-')) {
          negate = true;
          token = token.slice(1);
        } else if (token.startsWith('+')) {
          token = token.slice(1);
        }
        const named = /^(\p{L}+):(.*)$/u.exec(token);
        if (named && FIELDS.has(named[1].toLowerCase())) {
          field = named[1].toLowerCase();
          token = named[2];
        }
        const words = token.match(QUERY_WORD) || [];
        if (!words.length) {
          // "-", "title:" right before a quote or a parenthesis apply to it; otherwise to nothing.
          if (s[i] !== '"' && s[i] !== '(') {
            negate = false;
            field = null;
          }
          continue;
        }
        // "Won-soon", "U.S.": several words in one token are a phrase to the daemon.
        take(words, { phrase: words.length > 1, prefix: token.endsWith('*') });
      }
    }
    return items;
  }

  function escapeRe(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  // A word as a pattern: its apostrophe matches any apostrophe.
  function literal(word) {
    return escapeRe(word).replace(/'/g, APOS);
  }

  // The forms of a query word to mark: the word, what it was inflected from ("visits" ->
  // "visit", "taxes" -> "tax", "stopped" -> "stop"), and their simple inflections. Crude on
  // purpose: a wrong form such as "visite" occurs in no text, so it costs nothing.
  function wordForms(word) {
    const base = word.replace(/'s?$/, ''); // possessive: council's, councils'
    const stems = new Set([base]);
    const cut = (suffix, add, min) => {
      if (base.endsWith(suffix) && base.length - suffix.length >= min) {
        stems.add(base.slice(0, -suffix.length) + add);
      }
    };
    if (!/\p{N}/u.test(base)) {
      cut('ies', 'y', 3);
      cut('ied', 'y', 3);
      cut('es', '', 3);
      if (!/(?:ss|us|is)$/.test(base)) cut('s', '', 4); // not "press", "bus", "crisis"; not "news" -> "new"
      cut('ed', '', 3);
      cut('ed', 'e', 3);
      cut('ing', '', 3);
      cut('ing', 'e', 3);
      for (const s of [...stems]) {
        if (s !== base && /([b-df-hj-np-tv-z])\1$/.test(s)) stems.add(s.slice(0, -1)); // stopp -> stop
      }
    }
    const forms = new Set();
    for (const s of stems) {
      forms.add(s);
      if (/\p{N}/u.test(s)) continue;
      for (const suffix of ['s', 'es', 'ed', 'ing', "'s", "s'"]) forms.add(s + suffix);
      if (s.endsWith('e')) {
        forms.add(s + 'd');
        forms.add(s.slice(0, -1) + 'ing');
      }
      if (/[^aeiou]y$/.test(s)) {
        forms.add(s.slice(0, -1) + 'ies');
        forms.add(s.slice(0, -1) + 'ied');
      }
      if (/[aeiou][b-df-hj-np-tv-z]$/.test(s)) {
        const last = s[s.length - 1];
        forms.add(s + last + 'ed');
        forms.add(s + last + 'ing');
      }
    }
    // Longest first, so that "taxes" is tried before "tax".
    return [...forms].sort((a, b) => b.length - a.length).map(literal);
  }

  // The pattern of one wanted item. Each ends at a word boundary; an apostrophe followed by a
  // letter continues the word, so "don" does not mark the "don" of "don't".
  function itemPattern({ words, phrase, prefix }) {
    const tail = prefix ? `(?:${W}|${APOS}(?=${W}))*` : '';
    let body;
    if (phrase) {
      // Any run of spaces and punctuation between the words, as the daemon's phrase search.
      body = words.map(literal).join(`[^\\p{L}\\p{N}]+`) + tail;
    } else if (prefix) {
      body = literal(words[0]) + tail;
    } else {
      body = `(?:${wordForms(words[0]).join('|')})`;
    }
    return `(?<!${W})${body}(?!${APOS}?${W})`;
  }

  // Highlighting patterns for the document view: { body, title }, either null when nothing is
  // to be marked there.
  function highlighters(q) {
    const items = readQuery(q).filter((it) => {
      if (it.field && it.field !== 'title') return false; // category:, source: are not in the text
      if (it.phrase || it.prefix) return true;
      const w = it.words[0].replace(/'s?$/, ''); // "it's" is "it"
      return !STOP_WORDS.has(w) && (w.length > 1 || /\p{N}/u.test(w));
    });
    const build = (list) => {
      if (!list.length) return null;
      // Phrases first: where one starts, it wins over its own first word.
      const ordered = [...list.filter((it) => it.phrase), ...list.filter((it) => !it.phrase)];
      const alts = [...new Set(ordered.map(itemPattern))];
      return new RegExp(alts.join('|'), 'giu');
    };
    return {
      body: build(items.filter((it) => !it.field)),
      title: build(items),
    };
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
    document.title = state.q ? `${quotedQuery(state.q)} – Pressroom search` : 'Pressroom – search press releases';

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
        showSearchError(e, state);
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

  // "Try again" only where asking again can help (see apiError). A refused request (4xx) would
  // fail the same way; if the URL carries a page or page size, offer the search without them.
  function showSearchError(err, state) {
    els.error.replaceChildren(
      el('h2', { text: 'The search could not be run' }),
      el('p', { class: 'error-message', text: err.message }),
    );
    if (err.retryable) {
      els.error.append(el('p', null, el('button', { type: 'button', class: 'retry', text: 'Try again' })));
    } else if (state.page != null || state.perPage != null) {
      els.error.append(el('p', null, navLink(resultsHref({ q: state.q }),
        state.q ? 'Search again with the usual page settings' : 'Show the newest releases', { class: 'start-over' })));
    }
    els.error.hidden = false;
    const line = el('p', { class: 'count', id: 'count', tabindex: '-1' }, 'No results shown');
    if (state.q) line.append(' for ', queryEcho(state.q));
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
      count.append(el('strong', { text: countText(total, exact) }), ' for ', queryEcho(state.q));
    } else {
      count.append(el('strong', { text: 'Newest releases' }), ` (${countText(total, exact).replace('result', 'release')} in all)`);
    }
    const pages = pageRange(page, perPage, hits.length, total, exact);
    if (hits.length && (pages.last > 1 || pages.hasNext || page > 1)) {
      // An estimated total gives no last page to count to: "page 3", not "page 3 of about 200".
      const of = pages.last != null ? ` of ${pages.last.toLocaleString('en-US')}` : '';
      count.append(el('span', { class: 'page-of', text: ` · page ${page.toLocaleString('en-US')}${of}` }));
    }
    if (typeof data.took_ms === 'number') {
      count.append(el('span', { class: 'took', text: ` · ${data.took_ms < 10 ? data.took_ms.toFixed(1) : Math.round(data.took_ms)} ms` }));
    }
    els.status.replaceChildren(count);

    if (typeof data.notice === 'string' && data.notice) {
      els.notice.textContent = data.notice;
      els.notice.hidden = false;
    }

    if (!hits.length) {
      renderEmpty(state, total, pages.last);
      return;
    }

    const start = (page - 1) * perPage + 1;
    els.results.setAttribute('start', String(start));
    for (const hit of hits) els.results.append(renderHit(hit, state));

    renderPagination(state, page, pages);
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

  // lastPage: null when the total is an estimate, and the number of pages unknown.
  function renderEmpty(state, total, lastPage) {
    const box = els.empty;
    if (total > 0) {
      const pages = lastPage == null ? 'There are fewer results than estimated. '
        : `There ${lastPage === 1 ? 'is 1 page' : `are ${lastPage} pages`} of results. `;
      box.append(
        el('h2', { text: 'This page is past the end of the results.' }),
        el('p', null, pages, navLink(resultsHref({ ...state, page: 1 }), 'Go to the first page')),
      );
    } else if (!state.q) {
      box.append(el('h2', { text: 'There are no releases in the index yet.' }));
    } else {
      box.append(
        el('h2', null, 'No releases match ', queryEcho(state.q), '.'),
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

  // Which pages exist around `page`. With an exact total: all of them, up to `last`. With an
  // estimate (total_exact false) the end is unknown, and the estimate can be far off either
  // way, so there is no last page: only the pages before this one, and the next one while
  // this page is full (a page that is not full is the last).
  function pageRange(page, perPage, onPage, total, exact) {
    if (exact) {
      const last = Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / perPage)));
      return { last, hasNext: page < last };
    }
    return { last: null, hasNext: onPage >= perPage && page < MAX_PAGE };
  }

  // Page numbers to offer, null marking a gap: the first, two either side of `page`, the last;
  // without a known last page, the first, two before `page`, and the next.
  function pageWindow(page, { last, hasNext }) {
    const pages = new Set([1, page]);
    const upTo = last ?? (hasNext ? page + 1 : page);
    if (last != null) pages.add(last);
    for (let p = page - 2; p <= Math.min(page + 2, upTo); p++) if (p >= 1) pages.add(p);
    const sorted = [...pages].sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i < sorted.length; i++) {
      if (i > 0 && sorted[i] - sorted[i - 1] > 1) out.push(null);
      out.push(sorted[i]);
    }
    return out;
  }

  function renderPagination(state, page, pages) {
    if (page <= 1 && !pages.hasNext) return;
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

    for (const p of pageWindow(page, pages)) {
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

    const next = pages.hasNext
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
      if (e.retryable) els.docError.append(el('p', null, el('button', { type: 'button', class: 'retry', text: 'Try again' })));
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
    const marks = highlighters(state.q);
    const art = els.doc;
    art.replaceChildren();
    art.setAttribute('lang', doc.lang || 'en');
    document.title = (doc.title || 'Release') + ' – Pressroom';

    const head = el('header', { class: 'doc-header' });
    if (doc.category) head.append(el('p', { class: 'doc-category', text: doc.category }));
    const h1 = el('h1', { class: 'doc-title', tabindex: '-1' });
    fillHighlighted(h1, doc.title || 'Untitled release', marks.title);
    head.append(h1);
    if (doc.subtitle) {
      const sub = el('p', { class: 'doc-subtitle' });
      fillHighlighted(sub, doc.subtitle, marks.body);
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
      fillHighlighted(p, String(text), marks.body);
      body.append(p);
    });
    if (!paras.length) body.append(el('p', { class: 'muted', text: 'This release has no text.' }));
    art.append(body);
  }

  // ---------------------------------------------------------------- events

  // A search typed into the box starts afresh: page 1 and the default page size. Keeping the
  // old page or per_page would carry a bad value (say per_page=1000, which the API refuses)
  // from one search into every following one.
  els.form.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate(resultsHref({ q: els.input.value.trim() }));
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
