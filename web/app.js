// Pressroom search page. No framework, no build step.
//
// The page state lives in the URL: ?q=&page=&per_page= plus the filters (category, source, lang,
// year, their not_ forms, from, to, undated) and sort= show results; ?similar=<id> shows the
// releases similar to one. tab= picks what is searched: absent for releases, tab=quotes for the
// quotations in them (the same q, from, to, sort and paging; with speaker=<name>, that speaker's
// quotes year by year), tab=verify for the "Check a quote" panel. A release opens on its own
// server-rendered page, /doc/<id>; an old ?doc=<id> address is sent there. Navigation uses history.pushState, and popstate renders
// whatever the URL says, so links can be shared and the back button works. Paging keeps the page
// size; a search typed into the box starts on page 1 with the default page size, keeping the
// filters and the sort order (they stay on screen as chips and in the controls).
//
// The page's own words (labels, messages, dates, numbers) are in English or Korean, from the
// message tables of i18n.js (window.PressroomI18n; `t` below): the browser's language, or the
// choice made with the switch in the header (remembered, and ui= in the address once chosen).
// What the API gives (titles, snippets, quotes, its messages) is shown as it is.
//
// Security: only the API's *_html fields (title_html, snippet_html, text_html, which the daemon
// escapes and marks up with <mark>) are ever assigned to innerHTML. Everything else goes through
// textContent / createElement, and only http(s) addresses and /doc/ paths become link targets. No
// inline styles (bars are SVG attributes): the page works under a strict Content-Security-Policy.
'use strict';

(() => {
  const API = '/api/';
  const { el, formatDate, docHref, encodeId, safeHttpUrl, citationText, quoteCitationText, copyOrSelect, focusSearchOnSlash } = window.Pressroom;
  const I18N = window.PressroomI18n;
  const t = (key, params) => I18N.t(key, params);
  // A message as strings and nodes, for el(): a node param (a link, the query) is put in whole.
  const tp = (key, params) => I18N.parts(key, params);
  const LOADING_DELAY_MS = 150;
  const CACHE_SIZE = 20;
  // The API serves pages 1-1000 (README, "API"); never link beyond that.
  const MAX_PAGE = 1000;
  // Queries shown back to the user (status line, empty state, tab title) are cut to this many
  // characters: the search box still holds the whole query.
  const SHOWN_QUERY_CHARS = 80;
  // As-you-type suggestions: asked for after this pause in typing, from this many characters.
  const SUGGEST_DELAY_MS = 120;
  const SUGGEST_MIN_CHARS = 2;
  // A facet shows this many values until "Show all" is chosen.
  const FACET_SHOWN = 8;
  // Filter parameters that take a list of values (several values of one = any of them).
  const LIST_FILTERS = ['category', 'not_category', 'source', 'not_source', 'lang', 'not_lang', 'year', 'not_year'];
  const SORTS = ['relevance', 'newest', 'oldest'];
  // What tab= may say; anything else is the release search.
  const TABS = ['quotes', 'verify'];
  // Speakers listed beside the quotes (most quoted first).
  const SPEAKERS_SHOWN = 10;
  const SPEAKER_FILTER_DELAY_MS = 200;
  // A speaker's histogram fills the years between the first and last with empty bars, unless
  // they span more years than this (then only the years with quotes are shown).
  const TIMELINE_MAX_SPAN = 40;
  // A date as the date range accepts it: YYYY, YYYY-MM or YYYY-MM-DD.
  const DATE_INPUT = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

  const $ = (id) => document.getElementById(id);
  const els = {
    form: $('search-form'),
    input: $('q'),
    suggestions: $('suggestions'),
    suggestStatus: $('suggest-status'),
    reading: $('reading'),
    readingText: $('reading-text'),
    home: $('home-link'),
    feedLink: document.querySelector('link[rel="alternate"][type="application/atom+xml"]'),
    main: $('main'),
    facets: $('facets'),
    facetsToggle: $('facets-toggle'),
    facetsPanel: $('facets-panel'),
    facetGroups: $('facet-groups'),
    dateForm: $('date-form'),
    from: $('from'),
    to: $('to'),
    dateError: $('date-error'),
    status: $('status'),
    tools: $('tools'),
    sort: $('sort'),
    exportCsv: $('export-csv'),
    exportJson: $('export-json'),
    feed: $('feed'),
    chips: $('chips'),
    suggestion: $('suggestion'),
    notice: $('notice'),
    error: $('error'),
    empty: $('empty'),
    results: $('results'),
    pagination: $('pagination'),
    tabs: $('tabs'),
    tabReleases: $('tab-releases'),
    tabQuotes: $('tab-quotes'),
    verifyLink: $('verify-link'),
    timeline: $('timeline'),
    speakers: $('speakers'),
    speakerForm: $('speaker-form'),
    speakerFilter: $('speaker-filter'),
    speakerList: $('speaker-list'),
    speakersStatus: $('speakers-status'),
    verify: $('verify'),
    verifyForm: $('verify-form'),
    verifyText: $('verify-text'),
    verifyError: $('verify-error'),
    verifyStatus: $('verify-status'),
    verifyResult: $('verify-result'),
  };

  let renderSeq = 0;          // identifies the newest render; older responses are dropped
  let inflight = null;        // AbortController of the request under way
  let facetsOpen = false;     // the facets section, on a narrow screen, is expanded
  const expandedFacets = new Set(); // facets whose every value is shown
  const searchCache = new Map();
  const narrow = window.matchMedia('(max-width: 51.99rem)');

  // ---------------------------------------------------------------- URL state

  function readState() {
    const p = new URLSearchParams(location.search);
    const filters = {};
    for (const k of LIST_FILTERS) filters[k] = p.getAll(k).filter((v) => v.trim() !== '');
    const sort = p.get('sort') || '';
    const tab = p.get('tab') || '';
    return {
      tab: TABS.includes(tab) ? tab : '',
      speaker: (p.get('speaker') || '').trim(),
      q: p.get('q') ?? '',
      page: p.get('page'),
      perPage: p.get('per_page'),
      filters,
      from: p.get('from') || '',
      to: p.get('to') || '',
      undated: p.get('undated') || '',
      sort: sort === 'relevance' ? '' : sort,
      similar: p.get('similar'),
      doc: p.get('doc'),
    };
  }

  // The parameters of a search, in a stable order. `paging` false leaves out page and per_page
  // (exports and the feed take the whole search); `sort` false leaves out the sort order; `view`
  // true adds the tab (and the speaker), which only the page's own address holds.
  function searchParams(state, { paging = true, sort = true, view = false } = {}) {
    const p = new URLSearchParams();
    if (view && TABS.includes(state.tab)) {
      p.set('tab', state.tab);
      if (state.tab === 'quotes' && state.speaker) p.set('speaker', state.speaker);
    }
    if (state.q) p.set('q', state.q);
    const filters = state.filters || {};
    for (const k of LIST_FILTERS) for (const v of filters[k] || []) p.append(k, v);
    if (state.from) p.set('from', state.from);
    if (state.to) p.set('to', state.to);
    if (state.undated) p.set('undated', state.undated);
    if (sort && state.sort) p.set('sort', state.sort);
    if (paging) {
      const { page, perPage } = state;
      if (page != null && page !== '' && String(page) !== '1') p.set('page', String(page));
      if (perPage != null && perPage !== '') p.set('per_page', String(perPage));
    }
    // The page's language, once chosen (not lang=, the releases' language filter).
    if (view && I18N.chosen) p.set(I18N.PARAM, I18N.lang);
    return p;
  }

  function resultsHref(state) {
    const s = searchParams(state, { view: true }).toString();
    return s ? '/?' + s : '/';
  }

  // The same search with some settings changed, from page 1.
  function changed(state, changes) {
    return { ...state, filters: { ...state.filters }, ...changes, page: null };
  }

  const sameValue = (a, b) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

  function hasValue(list, value) {
    return (list || []).some((v) => sameValue(v, value));
  }

  // The search with `value` of filter `key` added, or removed if it is there already. Adding a
  // value drops its opposite (category X and not_category X).
  function toggledFilter(state, key, value) {
    const next = changed(state, {});
    const list = next.filters[key] || [];
    if (hasValue(list, value)) {
      next.filters[key] = list.filter((v) => !sameValue(v, value));
    } else {
      next.filters[key] = [...list, value];
      const opposite = key.startsWith('not_') ? key.slice(4) : 'not_' + key;
      next.filters[opposite] = (next.filters[opposite] || []).filter((v) => !sameValue(v, value));
    }
    return next;
  }

  function hasFilters(state) {
    return LIST_FILTERS.some((k) => (state.filters[k] || []).length) || !!(state.from || state.to || state.undated);
  }

  function activeFilterCount(state) {
    let n = 0;
    for (const k of LIST_FILTERS) n += (state.filters[k] || []).length;
    return n + (state.from ? 1 : 0) + (state.to ? 1 : 0) + (state.undated ? 1 : 0);
  }

  // The server-rendered page of a release; `paragraph` (1-based) adds the anchor of the
  // paragraph a snippet comes from.

  function similarHref(id) {
    const p = new URLSearchParams({ similar: String(id) });
    if (I18N.chosen) p.set(I18N.PARAM, I18N.lang);
    return '/?' + p;
  }

  function navigate(href, { focusCount = false, focusKey = null } = {}) {
    const target = new URL(href, location.href);
    if (target.href === location.href) {
      history.replaceState(null, '', target.href);
    } else {
      history.pushState(null, '', target.href);
    }
    render({ fresh: true, focusCount, focusKey });
  }

  // ---------------------------------------------------------------- small helpers

  function svg(tag, attrs) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    return node;
  }

  function dateNode(iso, cls) {
    const text = formatDate(iso);
    if (!text) return el('span', { class: cls + ' undated', text: t('date.undated') });
    return el('time', { class: cls, datetime: iso, text });
  }

  const number = (n) => I18N.number(n);

  // "about 1,200 results" ("약 1,200건"); `noun` is "result", "release" or "quote".
  function countText(total, exact, noun = 'result') {
    return t(`count.${noun}${exact ? '' : 'About'}`, { count: Number(total) });
  }

  // The line above a list of releases or quotes: how many, for what, which page, how fast.
  // `noun` names the items ("release", "quote"); `matchNoun` what a query found ("result").
  function countLine(state, data, list, noun, matchNoun = noun) {
    const { hits, total, exact, page, pages } = list;
    const count = el('p', { class: 'count', id: 'count', tabindex: '-1' });
    if (state.q) {
      count.append(...tp('count.forQuery', { count: el('strong', { text: countText(total, exact, matchNoun) }), query: queryEcho(state.q) }));
    } else {
      const which = el('strong', { text: t(`count.${state.sort === 'oldest' ? 'oldest' : 'newest'}.${noun}`) });
      count.append(...tp('count.inAll', { which, count: countText(total, exact, noun), n: countText(total, exact, 'result') }));
    }
    if (hits.length && (pages.last > 1 || pages.hasNext || page > 1)) {
      // An estimated total gives no last page to count to: "page 3", not "page 3 of about 200".
      const text = pages.last != null ? t('count.pageOf', { page: number(page), last: number(pages.last) })
        : t('count.page', { page: number(page) });
      count.append(el('span', { class: 'page-of', text }));
    }
    if (typeof data.took_ms === 'number') {
      // An answer served again from searchd's cache takes hundredths of a millisecond.
      const digits = data.took_ms < 0.1 ? 2 : 1;
      const ms = data.took_ms < 10 ? data.took_ms.toLocaleString(I18N.numberLocale, { minimumFractionDigits: digits, maximumFractionDigits: digits })
        : number(Math.round(data.took_ms));
      count.append(el('span', { class: 'took', text: t('count.took', { ms }) }));
    }
    return count;
  }

  // Names of languages in the page's language.
  const languageNamesFor = new Map();
  function languageNames() {
    if (!languageNamesFor.has(I18N.lang)) {
      let names = null;
      try {
        names = new Intl.DisplayNames([I18N.lang], { type: 'language' });
      } catch {
        names = null;
      }
      languageNamesFor.set(I18N.lang, names);
    }
    return languageNamesFor.get(I18N.lang);
  }

  // "en" -> "English" ("영어"); the code itself when the browser does not know it.
  function languageName(code) {
    try {
      const names = languageNames();
      const name = names && names.of(code);
      return name && name !== code ? name : code;
    } catch {
      return code;
    }
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
    return apiRequest(path, { signal });
  }

  // A JSON body (`json`) makes it a POST.
  async function apiRequest(path, { signal, json } = {}) {
    let res;
    try {
      const init = { signal, headers: { Accept: 'application/json' } };
      if (json !== undefined) {
        init.method = 'POST';
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(json);
      }
      res = await fetch(API + path, init);
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw apiError(t('error.unreachable'));
    }
    let body = null;
    try {
      body = await res.json();
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      body = null;
    }
    if (!res.ok) {
      const msg = body && body.error && typeof body.error.message === 'string'
        ? body.error.message
        : t('error.http', { status: res.status });
      throw apiError(msg, res.status);
    }
    // A cut-off or garbled answer: worth asking again.
    if (body == null) throw apiError(t('error.unreadable'));
    return body;
  }

  // ---------------------------------------------------------------- rendering

  function render({ fresh = false, focusCount = false, focusKey = null } = {}) {
    const state = readState();
    if (state.doc != null && state.doc !== '') {
      // The old client-side document view: its addresses now open the release's own page.
      location.replace(docHref(state.doc, state.q) + location.hash);
      return;
    }
    syncAddress();
    const seq = ++renderSeq;
    if (inflight) inflight.abort();
    inflight = null;
    closeSuggestions();

    if (document.activeElement !== els.input || els.input.value.trim() !== state.q) {
      els.input.value = state.q;
    }
    els.main.setAttribute('aria-busy', 'true'); // until this render is complete
    const view = viewOf(state);
    setView(view, state);
    if (view === 'verify') {
      showVerify(state, { fresh });
    } else if (view === 'similar') {
      showSimilar(state, seq, { focusCount });
    } else if (view === 'timeline') {
      showTimeline(state, seq, { fresh, focusCount, focusKey });
    } else if (view === 'quotes') {
      showQuotes(state, seq, { fresh, focusCount, focusKey });
    } else {
      showResults(state, seq, { fresh, focusCount, focusKey });
    }
    firstRender = false;
  }

  function viewOf(state) {
    if (state.tab === 'verify') return 'verify';
    if (state.similar != null && state.similar !== '') return 'similar';
    if (state.tab === 'quotes') return state.speaker ? 'timeline' : 'quotes';
    return 'releases';
  }

  // What each view shows around its results: the tabs (the current one marked), the facets
  // (releases), the speakers (quotes), the "Check a quote" panel. The results themselves are
  // replaced when the answer comes.
  function setView(view, state) {
    els.main.dataset.view = view;
    const onQuotes = view === 'quotes' || view === 'timeline';
    els.tabs.hidden = view === 'similar';
    const tabBase = { ...state, filters: { ...state.filters }, page: null, similar: null, speaker: '' };
    els.tabReleases.href = resultsHref({ ...tabBase, tab: '' });
    els.tabQuotes.href = resultsHref({ ...tabBase, tab: 'quotes' });
    const current = (a, on) => (on ? a.setAttribute('aria-current', 'page') : a.removeAttribute('aria-current'));
    current(els.tabReleases, view === 'releases');
    current(els.tabQuotes, onQuotes);
    els.verifyLink.href = resultsHref({ ...tabBase, tab: 'verify' });
    current(els.verifyLink, view === 'verify');
    els.speakers.hidden = !onQuotes;
    if (onQuotes) {
      loadSpeakers();
      markCurrentSpeaker(view === 'timeline' ? state.speaker : '');
    }
    if (view !== 'releases') els.facets.hidden = true;
    els.verify.hidden = view !== 'verify';
    if (view === 'verify') {
      clearResultsView();
      finishLoading();
      els.tools.hidden = true;
      els.chips.hidden = true;
      renderReading(null);
    }
  }

  // After a render: the control the user acted on (`focusKey`), else the count line at the top
  // of what was shown (`focusCount`: after paging and the like).
  function applyFocus(focusKey, focusCount) {
    if (focusKey) {
      const target = [...document.querySelectorAll('[data-focus-key]')].find((n) => n.dataset.focusKey === focusKey);
      if (target && target.getClientRects().length) {
        target.focus();
        return;
      }
      focusCount = true;
    }
    if (focusCount) {
      window.scrollTo(0, 0);
      const c = document.getElementById('count');
      if (c) c.focus({ preventScroll: true });
    }
  }

  function clearResultsView() {
    els.timeline.hidden = true;
    els.timeline.replaceChildren();
    els.status.replaceChildren();
    els.notice.hidden = true;
    els.notice.textContent = '';
    els.suggestion.hidden = true;
    els.suggestion.replaceChildren();
    els.error.hidden = true;
    els.error.replaceChildren();
    els.empty.hidden = true;
    els.empty.replaceChildren();
    els.results.replaceChildren();
    els.results.removeAttribute('start');
    els.pagination.hidden = true;
    els.pagination.replaceChildren();
  }

  function startLoading(seq, onShow) {
    return setTimeout(() => {
      if (seq === renderSeq) onShow();
    }, LOADING_DELAY_MS);
  }

  function showLoading() {
    els.results.classList.add('is-stale');
    els.results.setAttribute('aria-busy', 'true');
    els.status.replaceChildren(el('p', { class: 'loading', text: t('loading') }));
  }

  // Asks for `path` (cached unless `fresh`); null when a newer render took over.
  async function fetchFor(seq, path, { fresh, cache = true }) {
    let data = !fresh && cache ? searchCache.get(path) : null;
    if (data) return { data };
    const ctl = new AbortController();
    inflight = ctl;
    const timer = startLoading(seq, showLoading);
    try {
      data = await apiGet(path, ctl.signal);
    } catch (e) {
      if (e.name === 'AbortError' || seq !== renderSeq) return null;
      return { error: e };
    } finally {
      clearTimeout(timer);
    }
    if (seq !== renderSeq) return null;
    if (cache) {
      searchCache.set(path, data);
      if (searchCache.size > CACHE_SIZE) searchCache.delete(searchCache.keys().next().value);
    }
    return { data };
  }

  async function showResults(state, seq, { fresh, focusCount, focusKey }) {
    document.title = state.q ? t('title.search', { query: quotedQuery(state.q) }) : t('page.title');
    updateSearchLinks(state);
    fillDateForm(state);
    els.sort.value = SORTS.includes(state.sort) ? state.sort || 'relevance' : 'relevance';
    showReleaseTools(true);

    const params = searchParams(state);
    params.set('q', state.q); // always sent: an empty q asks for the newest releases
    if (!params.has('page')) params.set('page', '1');
    const got = await fetchFor(seq, 'search?' + params.toString(), { fresh });
    if (!got) return;
    finishLoading();
    clearResultsView();
    els.facets.hidden = false;
    renderChips(state);
    if (got.error) {
      renderFacets(state, null);
      renderReading(null);
      els.tools.hidden = true;
      showSearchError(got.error, state);
      done();
      return;
    }
    const data = got.data;
    renderFacets(state, data);
    renderReading(data.query_reading);
    renderHits(state, data);
    done();
    // After paging, reading (and tabbing) starts again at the top of the new page.
    applyFocus(focusKey, focusCount);
  }

  async function showSimilar(state, seq, { focusCount }) {
    document.title = t('similar.title');
    updateSearchLinks(null);
    els.facets.hidden = true;
    els.tools.hidden = true;
    els.chips.hidden = true;
    renderReading(null);

    const params = new URLSearchParams();
    if (state.perPage) params.set('per_page', state.perPage);
    const query = params.toString();
    const path = 'similar/' + encodeURIComponent(state.similar) + (query ? '?' + query : '');
    const got = await fetchFor(seq, path, { fresh: true, cache: false });
    if (!got) return;
    finishLoading();
    clearResultsView();
    if (got.error) {
      els.error.replaceChildren(
        el('h2', { text: t('similar.error') }),
        el('p', { class: 'error-message', text: got.error.message }),
      );
      if (got.error.retryable) els.error.append(el('p', null, el('button', { type: 'button', class: 'retry', text: t('retry') })));
      els.error.hidden = false;
      els.status.replaceChildren(el('p', { class: 'count', id: 'count', tabindex: '-1', text: t('similar.noneShown') }));
      done();
      return;
    }
    const data = got.data;
    const to = data.similar_to || {};
    const title = to.title || t('similar.thisRelease');
    document.title = t('similar.titleOf', { title: shownQuery(title) });
    const heading = el('h2', { class: 'count similar-heading', id: 'count', tabindex: '-1' },
      ...tp('similar.heading', { link: el('a', { href: docHref(to.id ?? state.similar), text: title }) }));
    els.status.replaceChildren(heading);
    const hits = Array.isArray(data.hits) ? data.hits : [];
    if (!hits.length) {
      els.empty.append(el('h2', { text: t('similar.none') }),
        el('p', null, ...tp('empty.instead', { link: navLink(resultsHref({ q: '', filters: {} }), t('empty.browseNewest')) })));
      els.empty.hidden = false;
    }
    for (const hit of hits) els.results.append(renderHit(hit, ''));
    done();
    if (focusCount) heading.focus();
  }

  function done() {
    els.main.removeAttribute('aria-busy');
  }

  function finishLoading() {
    els.results.classList.remove('is-stale');
    els.results.removeAttribute('aria-busy');
  }

  // "Try again" only where asking again can help (see apiError). A refused request (4xx) would
  // fail the same way: offer the search without what may have been refused.
  function showSearchError(err, state, heading = t('error.search')) {
    els.error.replaceChildren(
      el('h2', { text: heading }),
      el('p', { class: 'error-message', text: err.message }),
    );
    if (err.retryable) {
      els.error.append(el('p', null, el('button', { type: 'button', class: 'retry', text: t('retry') })));
    } else {
      const offers = [];
      if (state.page != null || state.perPage != null) {
        offers.push(navLink(resultsHref({ ...state, page: null, perPage: null }),
          state.q ? t('error.againPageSettings') : t('error.showNewest'), { class: 'start-over' }));
      }
      if (hasFilters(state) || state.sort) {
        offers.push(navLink(resultsHref({ q: state.q, filters: {}, tab: state.tab }),
          state.q ? t('error.againNoFilters') : t('error.showNewestNoFilters'), { class: 'start-over' }));
      }
      for (const a of offers) els.error.append(el('p', null, a));
    }
    els.error.hidden = false;
    const line = el('p', { class: 'count', id: 'count', tabindex: '-1' },
      ...(state.q ? tp('error.noResultsFor', { query: queryEcho(state.q) }) : tp('error.noResults')));
    els.status.replaceChildren(line);
  }

  function renderHits(state, data) {
    const hits = Array.isArray(data.hits) ? data.hits : [];
    const total = Number(data.total) || 0;
    const exact = data.total_exact !== false;
    const page = Number(data.page) || 1;
    const perPage = Number(data.per_page) || hits.length || 10;

    const pages = pageRange(page, perPage, hits.length, total, exact);
    els.status.replaceChildren(countLine(state, data, { hits, total, exact, page, pages }, 'release', 'result'));
    els.tools.hidden = false;
    const exportable = total > 0;
    els.exportCsv.closest('.export').hidden = !exportable;

    if (typeof data.suggestion === 'string' && data.suggestion.trim() && data.suggestion.trim() !== state.q.trim()) {
      const fix = data.suggestion.trim();
      const link = navLink(resultsHref(changed(state, { q: fix })), fix, { class: 'suggestion-link' });
      els.suggestion.replaceChildren(...tp('suggestion.didYouMean', { link }));
      els.suggestion.hidden = false;
    }

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
    for (const hit of hits) els.results.append(renderHit(hit, state.q));

    renderPagination(state, page, pages);
  }

  let citeSeq = 0;

  function renderHit(hit, q) {
    const id = String(hit.id);
    const paragraph = Number.isInteger(hit.paragraph) ? hit.paragraph : null;
    const link = el('a', { class: 'hit-link', href: docHref(id, q, paragraph) });
    if (typeof hit.title_html === 'string' && hit.title_html) {
      link.innerHTML = hit.title_html; // escaped by the daemon; only <mark> inside
    } else {
      link.textContent = hit.title || t('release.untitled');
    }

    const sep = () => el('span', { class: 'sep', 'aria-hidden': 'true', text: '·' });
    // The release's language marks its own words (title, category, source, snippet); the rest
    // is in the page's language.
    const lang = typeof hit.lang === 'string' && hit.lang ? hit.lang : null;
    const meta = el('p', { class: 'hit-meta' }, dateNode(hit.date, 'hit-date'));
    if (hit.category) meta.append(sep(), el('span', { class: 'hit-category', lang, text: hit.category }));
    if (hit.source) meta.append(sep(), el('span', { class: 'hit-source', lang, text: hit.source }));
    const url = safeHttpUrl(hit.url);
    if (url) {
      meta.append(sep(), el('a', { class: 'hit-original', href: url, rel: 'noopener', target: '_blank', text: t('hit.original') }));
    }

    const item = el('li', { class: 'hit' }, el('h2', { class: 'hit-title', lang }, link), meta);
    if (typeof hit.snippet_html === 'string' && hit.snippet_html) {
      const snippet = el('p', { class: 'snippet', lang });
      snippet.innerHTML = hit.snippet_html; // escaped by the daemon; only <mark> inside
      item.append(snippet);
    }

    // Similar releases, and a citation shown (and copied) on demand.
    const citeId = `cite-${++citeSeq}`;
    const cite = el('button', { type: 'button', class: 'cite-button', 'aria-expanded': 'false', 'aria-controls': citeId, text: t('cite.button') });
    const citation = el('div', { class: 'citation', id: citeId, hidden: true },
      el('p', { class: 'citation-text', text: citationText({ ...hit, id: String(hit.id) }) }),
      el('p', { class: 'citation-status', role: 'status' }));
    const similar = navLink(similarHref(id), t('hit.similar'), { class: 'similar-link' });
    if (t('hit.similarHidden')) similar.append(el('span', { class: 'visually-hidden', text: t('hit.similarHidden') }));
    item.append(el('p', { class: 'hit-actions' }, similar, cite), citation);
    return item;
  }

  async function toggleCitation(button) {
    const box = document.getElementById(button.getAttribute('aria-controls'));
    if (!box) return;
    if (!box.hidden) {
      box.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    box.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    await copyOrSelect(box.querySelector('.citation-text'), box.querySelector('.citation-status'));
  }

  // lastPage: null when the total is an estimate, and the number of pages unknown.
  function renderEmpty(state, total, lastPage) {
    const box = els.empty;
    if (total > 0) {
      const pages = lastPage == null ? t('empty.fewerThanEstimated') : t('empty.pages', { count: lastPage });
      box.append(
        el('h2', { text: t('empty.pastEnd') }),
        el('p', null, pages, navLink(resultsHref({ ...state, page: 1 }), t('empty.firstPage'))),
      );
    } else if (!state.q && !hasFilters(state)) {
      box.append(el('h2', { text: t('empty.noReleases') }));
    } else if (!state.q) {
      box.append(
        el('h2', { text: t('empty.noFilterMatch') }),
        el('p', null, ...tp('empty.removeFilter', { link: navLink(resultsHref({ q: '', filters: {} }), t('empty.browseNewestLower')) })),
      );
    } else {
      const tips = el('ul', { class: 'tips' },
        el('li', { text: t('empty.tipSpelling') }),
        el('li', { text: t('empty.tipFewer') }),
        el('li', { text: t('empty.tipOperators') }));
      if (hasFilters(state)) {
        tips.append(el('li', null, ...tp('empty.tipNoFilters', { link: navLink(resultsHref({ q: state.q, filters: {}, sort: state.sort }), t('empty.searchNoFilters')) })));
      }
      tips.append(el('li', null, ...tp('empty.instead', { link: navLink(resultsHref({ q: '', filters: {}, perPage: state.perPage }), t('empty.browseNewest')) })));
      box.append(el('h2', null, ...tp('empty.noMatch', { query: queryEcho(state.q) })), el('p', { text: t('empty.ideas') }), tips);
    }
    box.hidden = false;
  }

  function navLink(href, text, attrs) {
    const a = el('a', { href, ...attrs, text });
    a.dataset.nav = '';
    return a;
  }

  // ---------------------------------------------------------------- search links

  // Export, feed and the page's <link rel="alternate"> follow the search on screen; null (the
  // similar view) points the feed at all releases.
  function updateSearchLinks(state) {
    const feedQuery = state ? searchParams(state, { paging: false, sort: false }).toString() : '';
    const feed = '/feed' + (feedQuery ? '?' + feedQuery : '');
    els.feed.href = feed;
    if (els.feedLink) {
      els.feedLink.href = feed;
      els.feedLink.title = state && state.q ? t('feed.title', { query: quotedQuery(state.q) }) : t('feed.titleNewest');
    }
    if (!state) return;
    const exportParams = (format) => {
      const p = new URLSearchParams({ format });
      for (const [k, v] of searchParams(state, { paging: false })) p.append(k, v);
      return API + 'export?' + p.toString();
    };
    els.exportCsv.href = exportParams('csv');
    els.exportJson.href = exportParams('json');
  }

  function renderReading(reading) {
    if (typeof reading === 'string' && reading.trim()) {
      els.readingText.textContent = reading.trim();
      els.reading.hidden = false;
    } else {
      els.readingText.textContent = '';
      els.reading.hidden = true;
    }
  }

  // ---------------------------------------------------------------- filters: chips, facets, dates

  function chip(label, value, href) {
    const a = navLink(href, '', { class: 'chip', 'aria-label': t('chips.remove', { label, value }) });
    a.append(el('span', { class: 'chip-label', text: label + ': ' }), el('span', { class: 'chip-value', text: value }),
      el('span', { class: 'chip-x', 'aria-hidden': 'true', text: '×' }));
    return el('li', null, a);
  }

  function renderChips(state) {
    const list = el('ul', { class: 'chip-list' });
    for (const k of LIST_FILTERS) {
      const base = k.replace(/^not_/, '');
      const label = t('chips.' + k);
      for (const v of state.filters[k] || []) {
        list.append(chip(label, base === 'lang' ? languageName(v) : v, resultsHref(toggledFilter(state, k, v))));
      }
    }
    if (state.from) list.append(chip(t('chips.from'), state.from, resultsHref(changed(state, { from: '' }))));
    if (state.to) list.append(chip(t('chips.to'), state.to, resultsHref(changed(state, { to: '' }))));
    if (state.undated) {
      list.append(chip(t('chips.date'), state.undated === 'only' ? t('chips.undatedOnly') : state.undated, resultsHref(changed(state, { undated: '' }))));
    }
    const n = list.childElementCount;
    if (n >= 2) {
      list.append(el('li', null, navLink(resultsHref({ q: state.q, filters: {}, sort: state.sort, tab: state.tab }), t('chips.clear'), { class: 'chip-clear' })));
    }
    els.chips.replaceChildren();
    if (n) els.chips.append(el('h2', { class: 'visually-hidden', text: t('chips.heading') }), list);
    els.chips.hidden = n === 0;

    const count = activeFilterCount(state);
    els.facetsToggle.querySelector('.toggle-count').textContent = count ? ` (${count})` : '';
  }

  // One facet value: a link that adds the filter, or removes it when it is already on. A value
  // the query itself asks for (category:"..." typed in the box) is shown as on, but can only be
  // removed from the query.
  function facetItem(state, key, entry, { label, fromQuery, max, year }) {
    const value = String(entry.value);
    const on = hasValue(state.filters[key], value);
    const count = Number(entry.count) || 0;
    const parts = [el('span', { class: 'facet-label', text: label || value })];
    if (year) parts.push(bar(count, max));
    parts.push(el('span', { class: 'facet-count', text: number(count) }));
    let node;
    if (on || !fromQuery) {
      node = navLink(resultsHref(toggledFilter(state, key, value)), '', {
        class: 'facet-link' + (on ? ' is-active' : ''),
        'aria-current': on ? 'true' : null,
      });
      node.dataset.focusKey = key + '\u0000' + value;
      node.append(...parts);
      if (on) node.append(el('span', { class: 'visually-hidden', text: t('facets.selected') }));
    } else {
      node = el('span', { class: 'facet-link is-active is-fixed', title: t('facets.fromQuery') }, ...parts,
        el('span', { class: 'visually-hidden', text: t('facets.fromQueryHidden') }));
    }
    return el('li', null, node);
  }

  // A bar of the year histogram: SVG attributes, so no style attribute is needed.
  function bar(count, max) {
    const w = max > 0 ? Math.max(count > 0 ? 3 : 0, Math.round((count / max) * 100)) : 0;
    const s = svg('svg', { class: 'bar', viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' });
    s.append(svg('rect', { class: 'bar-track', x: 0, y: 0, width: 100, height: 10 }),
      svg('rect', { class: 'bar-fill', x: 0, y: 0, width: w, height: 10 }));
    return s;
  }

  function renderFacets(state, data) {
    els.facetGroups.replaceChildren();
    const facets = data && data.facets && typeof data.facets === 'object' ? data.facets : null;
    const effective = data && data.filters && typeof data.filters === 'object' ? data.filters : {};
    els.facetsPanel.classList.toggle('is-open', facetsOpen);
    els.facetsToggle.setAttribute('aria-expanded', String(facetsOpen));
    if (!facets) return;

    const group = (key, title, values, opts = {}) => {
      const list = Array.isArray(values) ? values.filter((v) => v && v.value != null && v.value !== '') : [];
      const extra = opts.extra || null;
      if (!list.length && !extra) return;
      const headingId = `facet-h-${key}`;
      const section = el('section', { class: `facet facet-${key}`, 'aria-labelledby': headingId },
        el('h3', { id: headingId, class: 'facet-heading', text: title }));
      const ul = el('ul', { class: 'facet-list' + (opts.year ? ' histogram' : '') });
      const max = Math.max(0, ...list.map((v) => Number(v.count) || 0), extra ? extra.count : 0);
      const expanded = expandedFacets.has(key) || opts.year;
      list.forEach((entry, i) => {
        const value = String(entry.value);
        const item = facetItem(state, key, entry, {
          label: opts.label ? opts.label(value) : value,
          fromQuery: hasValue(effective[key], value),
          max,
          year: opts.year,
        });
        if (!expanded && i >= FACET_SHOWN && !hasValue(state.filters[key], value)) item.classList.add('facet-extra');
        ul.append(item);
      });
      if (extra) ul.append(extra.node(max));
      section.append(ul);
      const hidden = ul.querySelectorAll('.facet-extra').length;
      if (!opts.year && (hidden || expandedFacets.has(key)) && list.length > FACET_SHOWN) {
        const more = el('button', {
          type: 'button', class: 'facet-more', 'aria-expanded': String(expandedFacets.has(key)),
          text: expandedFacets.has(key) ? t('facets.showFewer') : t('facets.showAll', { count: list.length }),
        });
        more.dataset.facet = key;
        section.append(more);
      }
      els.facetGroups.append(section);
    };

    group('category', t('facets.category'), facets.category);
    group('source', t('facets.source'), facets.source);
    group('lang', t('facets.lang'), facets.lang, { label: languageName });
    const undatedCount = Number(facets.undated) || 0;
    const undatedOn = state.undated === 'only';
    const extra = undatedCount > 0 || undatedOn ? {
      count: undatedCount,
      node: (max) => {
        const a = navLink(resultsHref(changed(state, { undated: undatedOn ? '' : 'only' })), '', {
          class: 'facet-link facet-undated' + (undatedOn ? ' is-active' : ''),
          'aria-current': undatedOn ? 'true' : null,
        });
        a.dataset.focusKey = 'undated';
        a.append(el('span', { class: 'facet-label', text: t('facets.undated') }), bar(undatedCount, max),
          el('span', { class: 'facet-count', text: number(undatedCount) }));
        if (undatedOn) a.append(el('span', { class: 'visually-hidden', text: t('facets.selected') }));
        return el('li', { class: 'undated-item' }, a);
      },
    } : null;
    group('year', t('facets.year'), facets.year, { year: true, extra });
  }

  function fillDateForm(state) {
    els.from.value = state.from;
    els.to.value = state.to;
    for (const input of [els.from, els.to]) input.removeAttribute('aria-invalid');
    els.dateError.hidden = true;
    els.dateError.textContent = '';
  }

  // After a choice in the facets section on a narrow screen, fold it away: the results it
  // changed are below it.
  function foldFacetsAfterChoice() {
    if (!narrow.matches || !facetsOpen) return false;
    facetsOpen = false;
    return true;
  }

  // ---------------------------------------------------------------- quotes
  //
  // tab=quotes runs the query against /api/quotes: one card per quotation, with who said it (or
  // "Speaker not stated": a quote is never given a speaker the release does not name), the
  // release and paragraph it comes from, and a citation. speaker=<name> shows that speaker's
  // quotes for the query year by year (/api/speakers/{name}/timeline).

  // Sort, export and feed belong to the release search; the quotes keep only the sort order.
  function showReleaseTools(on) {
    els.exportCsv.closest('.export').hidden = !on;
    els.feed.closest('.feed').hidden = !on;
  }

  // The release filters (category, source, language, year, undated) do not apply to quotes.
  function releaseOnlyFilters(state) {
    return LIST_FILTERS.some((k) => (state.filters[k] || []).length) || !!state.undated;
  }

  // A quote's link: the daemon's /doc/ path (query and paragraph anchor included), else one
  // built from the release and paragraph.
  function quoteHref(hit, q) {
    if (typeof hit.href === 'string' && /^\/doc\/[^/]/.test(hit.href)) return hit.href;
    const release = hit.release && typeof hit.release === 'object' ? hit.release : {};
    return docHref(String(release.id ?? ''), q, Number.isInteger(hit.paragraph) ? hit.paragraph : null);
  }

  function speakerHref(state, name) {
    return resultsHref(changed(state, { tab: 'quotes', speaker: name }));
  }

  const PRONOUNS = /^(?:he|she|they|we|i|it|you)$/i;
  // Spellings of one name: case, spaces, hyphens, full stops and apostrophes do not matter
  // ("Thomas E. Perez" is "Thomas E Perez", "Park Won-soon" is "Park Won Soon").
  const nameKey = (s) => String(s).toLocaleLowerCase().replace(/[\s.\-‐‑–'’]+/g, '');
  const sameName = (a, b) => typeof a === 'string' && typeof b === 'string' && nameKey(a) === nameKey(b);

  // "paragraph 5", or "paragraphs 5–6" for a quotation running over two; '' when not known.
  function paragraphText(hit) {
    const from = Number.isInteger(hit.paragraph) && hit.paragraph >= 1 ? hit.paragraph : null;
    if (!from) return '';
    const to = Number.isInteger(hit.paragraph_end) && hit.paragraph_end > from ? hit.paragraph_end : null;
    return to ? t('quotes.paragraphs', { from, to }) : t('quotes.paragraph', { from });
  }

  // One quotation. `speakerLinks` false shows the speaker's name as text (their own timeline).
  function renderQuote(hit, state, { speakerLinks = true, speakerState = state } = {}) {
    const release = hit.release && typeof hit.release === 'object' ? hit.release : {};
    const href = quoteHref(hit, state.q);
    const text = el('p', { class: 'quote-words' });
    if (typeof hit.text_html === 'string' && hit.text_html) {
      text.innerHTML = hit.text_html; // escaped by the daemon; only <mark> inside
    } else {
      text.textContent = typeof hit.text === 'string' ? hit.text : '';
    }
    const quote = el('blockquote', { class: 'quote-text', cite: new URL(href, location.href).href }, text);

    const speaker = typeof hit.speaker === 'string' && hit.speaker.trim() ? hit.speaker.trim() : null;
    const role = typeof hit.role === 'string' && hit.role.trim() ? hit.role.trim() : null;
    const as = typeof hit.attributed_as === 'string' && hit.attributed_as.trim() ? hit.attributed_as.trim() : null;
    const by = el('p', { class: 'quote-by' }, el('span', { class: 'quote-dash', 'aria-hidden': 'true', text: '— ' }));
    if (speaker) {
      if (speakerLinks) {
        const link = navLink(speakerHref(speakerState, speaker), speaker, { class: 'speaker-link', title: t('quotes.speakerTitle', { speaker }) });
        by.append(link);
      } else {
        by.append(el('span', { class: 'speaker-name', text: speaker }));
      }
      if (role) by.append(', ', el('span', { class: 'quote-role', text: role }));
      // How the release names them, when that says more than the name: "Mayor Park", not "He".
      if (as && !PRONOUNS.test(as) && !sameName(as, speaker) && !sameName(as, `${role || ''} ${speaker}`)) {
        by.append(el('span', { class: 'quote-as', text: t('quotes.namedAs', { as }) }));
      }
    } else {
      by.append(el('span', { class: 'speaker-unknown', text: t('cite.speakerNotStated') }));
      if (as && !PRONOUNS.test(as)) by.append(el('span', { class: 'quote-as', text: t('quotes.releaseSays', { as }) }));
    }

    const sep = () => el('span', { class: 'sep', 'aria-hidden': 'true', text: '·' });
    const title = typeof release.title === 'string' && release.title.trim() ? release.title.trim() : t('release.untitled');
    const where = paragraphText(hit);
    const source = el('p', { class: 'hit-meta quote-source' },
      el('span', null, ...tp('quotes.in', {
        release: el('a', { class: 'quote-release', href, text: title }),
        paragraph: where ? el('span', { class: 'quote-paragraph', text: t('quotes.paragraphSep', { paragraph: where }) }) : '',
      })),
      sep(), dateNode(release.date, 'quote-date'));
    if (release.source) source.append(sep(), el('span', { class: 'hit-source', text: release.source }));

    const citeId = `cite-${++citeSeq}`;
    const cite = el('button', { type: 'button', class: 'cite-button', 'aria-expanded': 'false', 'aria-controls': citeId, text: t('cite.button') });
    cite.append(el('span', { class: 'visually-hidden', text: t('cite.thisQuote') }));
    const citation = el('div', { class: 'citation', id: citeId, hidden: true },
      el('p', { class: 'citation-text', text: quoteCitationText({ ...hit, release: { ...release, id: String(release.id ?? '') } }) }),
      el('p', { class: 'citation-status', role: 'status' }));
    return el('li', { class: 'quote-hit' }, quote, by, source, el('p', { class: 'hit-actions' }, cite), citation);
  }

  async function showQuotes(state, seq, { fresh, focusCount, focusKey }) {
    document.title = state.q ? t('title.quotes', { query: quotedQuery(state.q) }) : t('title.quotesAll');
    updateSearchLinks(state);
    // Without a query the newest quotes are listed (relevance has nothing to rank by).
    const sort = SORTS.includes(state.sort) && state.sort ? state.sort : (state.q ? 'relevance' : 'newest');
    els.sort.value = sort;
    showReleaseTools(false);

    const params = new URLSearchParams({ q: state.q });
    if (state.from) params.set('from', state.from);
    if (state.to) params.set('to', state.to);
    if (sort !== 'relevance') params.set('sort', sort);
    params.set('page', state.page != null && state.page !== '' ? String(state.page) : '1');
    if (state.perPage != null && state.perPage !== '') params.set('per_page', String(state.perPage));
    const got = await fetchFor(seq, 'quotes?' + params.toString(), { fresh });
    if (!got) return;
    finishLoading();
    clearResultsView();
    renderChips(state);
    if (got.error) {
      renderReading(null);
      els.tools.hidden = true;
      showSearchError(got.error, state, t('quotes.error'));
      done();
      return;
    }
    const data = got.data;
    renderReading(data.query_reading);
    renderQuoteHits(state, data);
    done();
    applyFocus(focusKey, focusCount);
  }

  function renderQuoteHits(state, data) {
    const hits = (Array.isArray(data.hits) ? data.hits : []).filter((h) => h && typeof h === 'object');
    const total = Number(data.total) || 0;
    const exact = data.total_exact !== false;
    const page = Number(data.page) || 1;
    const perPage = Number(data.per_page) || hits.length || 10;

    const pages = pageRange(page, perPage, hits.length, total, exact);
    els.status.replaceChildren(countLine(state, data, { hits, total, exact, page, pages }, 'quote'));
    els.tools.hidden = false;

    const notices = [];
    if (typeof data.notice === 'string' && data.notice) notices.push(data.notice);
    if (releaseOnlyFilters(state)) {
      notices.push(t('quotes.releaseOnlyFilters'));
    }
    if (notices.length) {
      els.notice.textContent = notices.join(' ');
      els.notice.hidden = false;
    }

    if (!hits.length) {
      renderQuotesEmpty(state, total, pages.last);
      return;
    }
    els.results.setAttribute('start', String((page - 1) * perPage + 1));
    for (const hit of hits) els.results.append(renderQuote(hit, state));
    renderPagination(state, page, pages);
  }

  function renderQuotesEmpty(state, total, lastPage) {
    const box = els.empty;
    if (total > 0) {
      const pages = lastPage == null ? t('quotes.fewerThanEstimated') : t('quotes.pages', { count: lastPage });
      box.append(el('h2', { text: t('quotes.pastEnd') }),
        el('p', null, pages, navLink(resultsHref({ ...state, page: 1 }), t('empty.firstPage'))));
    } else if (!state.q) {
      box.append(el('h2', { text: t('quotes.noneInReleases') }));
    } else {
      box.append(
        el('h2', null, ...tp('quotes.noMatch', { query: queryEcho(state.q) })),
        el('p', { text: t('empty.ideas') }),
        el('ul', { class: 'tips' },
          el('li', { text: t('quotes.tipWords') }),
          el('li', null, ...tp('quotes.tipReleases', { link: navLink(resultsHref(changed(state, { tab: '', speaker: '' })), t('quotes.searchReleases')) })),
          el('li', null, ...tp('quotes.tipVerify', { link: navLink(resultsHref({ q: '', filters: {}, tab: 'verify' }), t('verify.link')) }))));
    }
    box.hidden = false;
  }

  // ---------------------------------------------------------------- a speaker's timeline

  const yearOf = (iso) => (typeof iso === 'string' && /^\d{4}/.test(iso) ? Number(iso.slice(0, 4)) : null);

  // Quotes per year as bars: every year from the first to the last (empty years too), then the
  // undated quotes. Each bar is an <li> whose text ("2015: 2 quotes") is what a screen reader
  // reads; the bar itself is an SVG rectangle (no style attribute), hidden from them.
  function yearHistogram(years, undated) {
    const counts = new Map();
    for (const y of Array.isArray(years) ? years : []) {
      const year = Number(y && y.year);
      if (Number.isInteger(year)) counts.set(year, (counts.get(year) || 0) + (Number(y.count) || 0));
    }
    const known = [...counts.keys()].sort((a, b) => a - b);
    const bars = [];
    if (known.length && known[known.length - 1] - known[0] < TIMELINE_MAX_SPAN) {
      for (let y = known[0]; y <= known[known.length - 1]; y++) bars.push({ year: y, count: counts.get(y) || 0 });
    } else {
      for (const y of known) bars.push({ year: y, count: counts.get(y) });
    }
    if (!bars.length) return null; // no dated quote: the caller says so in words
    const undatedCount = Number(undated) || 0;
    if (undatedCount > 0) bars.push({ year: null, count: undatedCount });

    const max = Math.max(1, ...bars.map((b) => b.count));
    const list = el('ol', { class: 'tl-bars' + (bars.length > 8 ? ' is-dense' : '') });
    for (const b of bars) {
      const h = b.count > 0 ? Math.max(3, Math.round((b.count / max) * 100)) : 0;
      const s = svg('svg', { class: 'tl-svg', viewBox: '0 0 10 100', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' });
      s.append(svg('rect', { class: 'tl-fill', x: 0, y: 100 - h, width: 10, height: h }));
      const label = b.year == null
        ? el('span', { class: 'tl-year tl-undated-label', text: t('date.undatedTitle') })
        : el('span', { class: 'tl-year' }, el('span', { class: 'tl-cc', text: String(b.year).slice(0, -2) }),
          el('span', { class: 'tl-yy', text: String(b.year).slice(-2) }));
      const item = el('li', { class: 'tl-item' + (b.year == null ? ' tl-undated' : '') + (b.count ? '' : ' tl-zero') },
        label,
        el('span', { class: 'visually-hidden', text: ': ' }),
        el('span', { class: 'tl-count' }, number(b.count), el('span', { class: 'visually-hidden', text: t('speakers.quotes', { count: b.count }) })),
        el('span', { class: 'tl-bar' }, s));
      if (b.year != null) item.dataset.year = String(b.year);
      item.dataset.count = String(b.count);
      list.append(item);
    }
    return el('figure', { class: 'tl-chart', 'aria-labelledby': 'tl-caption' },
      el('figcaption', { id: 'tl-caption', class: 'tl-caption', text: t('timeline.chart') }),
      el('div', { class: 'tl-scroll' }, list));
  }

  // Oldest first, undated last (stable: quotes of one date keep the daemon's order).
  function byDate(hits) {
    const dated = [];
    const undated = [];
    for (const h of hits) {
      const d = h.release && typeof h.release.date === 'string' && h.release.date ? h.release.date : null;
      (d ? dated : undated).push({ h, d });
    }
    dated.sort((a, b) => (a.d < b.d ? -1 : a.d > b.d ? 1 : 0));
    return [...dated, ...undated].map((x) => x.h);
  }

  async function showTimeline(state, seq, { fresh, focusCount, focusKey }) {
    document.title = t('timeline.title', { name: shownQuery(state.speaker) });
    updateSearchLinks(state);
    showReleaseTools(false);
    const query = state.q ? '?' + new URLSearchParams({ q: state.q }) : '';
    const got = await fetchFor(seq, 'speakers/' + encodeId(state.speaker) + '/timeline' + query, { fresh });
    if (!got) return;
    finishLoading();
    clearResultsView();
    els.tools.hidden = true;
    els.chips.hidden = true;
    renderReading(null);
    markCurrentSpeaker(state.speaker);

    const backToAll = () => {
      const a = navLink(resultsHref(changed(state, { speaker: '' })), '', { class: 'timeline-back' });
      a.append(el('span', { 'aria-hidden': 'true', text: '← ' }), state.q ? t('timeline.allFor', { query: quotedQuery(state.q) }) : t('timeline.all'));
      return a;
    };

    if (got.error) {
      const notFound = got.error.status === 404;
      els.error.replaceChildren(
        el('h2', { text: notFound ? t('timeline.notFound', { name: shownQuery(state.speaker) }) : t('timeline.error') }),
        el('p', { class: 'error-message', text: got.error.message }));
      if (got.error.retryable) els.error.append(el('p', null, el('button', { type: 'button', class: 'retry', text: t('retry') })));
      els.error.append(el('p', null, backToAll()));
      els.error.hidden = false;
      els.status.replaceChildren(el('p', { class: 'count', id: 'count', tabindex: '-1', text: t('timeline.noneShown') }));
      done();
      applyFocus(focusKey, focusCount);
      return;
    }

    const data = got.data;
    const name = typeof data.speaker === 'string' && data.speaker.trim() ? data.speaker.trim() : state.speaker;
    document.title = t('timeline.title', { name: shownQuery(name) });
    const hits = byDate((Array.isArray(data.hits) ? data.hits : []).filter((h) => h && typeof h === 'object'));
    const total = Number(data.total) || 0;

    const heading = el('h2', { class: 'count timeline-heading', id: 'count', tabindex: '-1' },
      ...tp('timeline.heading', { name: el('span', { class: 'timeline-name', text: name }) }));
    els.status.replaceChildren(heading);

    const years = (Array.isArray(data.years) ? data.years : []).map((y) => Number(y && y.year)).filter(Number.isInteger);
    let span = '';
    if (years.length) {
      const first = Math.min(...years);
      const last = Math.max(...years);
      span = first === last ? t('timeline.inYear', { year: String(first) }) : t('timeline.yearSpan', { first: String(first), last: String(last) });
    }
    const undated = Number(data.undated) || 0;
    const summary = el('p', { class: 'timeline-summary' }, ...tp('timeline.summary', {
      count: el('strong', { text: countText(total, true, 'quote') }),
      matching: state.q ? el('span', null, ...tp('timeline.matching', { query: queryEcho(state.q) })) : '',
      years: span,
      undated: undated ? t('timeline.undated', { count: undated }) : '',
    }));
    const sep = () => el('span', { class: 'sep', 'aria-hidden': 'true', text: '·' });
    const nav = el('p', { class: 'timeline-nav' }, backToAll());
    if (state.q) nav.append(sep(), navLink(resultsHref(changed(state, { q: '' })), t('timeline.everyQuote', { name }), { class: 'timeline-all' }));
    if (!name.includes('"')) {
      // The release search takes speaker:"..." too: the releases that quote them.
      nav.append(sep(), navLink(resultsHref({ q: `speaker:"${name}"`, filters: {} }), t('timeline.releasesQuoting', { name }), { class: 'timeline-releases' }));
    }
    els.timeline.append(nav, summary);

    if (!total && !hits.length) {
      els.timeline.append(state.q
        ? el('p', { class: 'empty-line' }, ...tp('timeline.noneMatch', { name, query: queryEcho(state.q) }))
        : el('p', { class: 'empty-line', text: t('timeline.noQuotes', { name }) }));
      els.timeline.hidden = false;
      done();
      applyFocus(focusKey, focusCount);
      return;
    }

    const chart = yearHistogram(data.years, undated);
    if (chart) els.timeline.append(chart);
    else if (undated) {
      // Nothing dated to draw: say so in the place of the bars.
      els.timeline.append(el('figure', { class: 'tl-chart', 'aria-labelledby': 'tl-caption' },
        el('figcaption', { id: 'tl-caption', class: 'tl-caption', text: t('timeline.chart') }),
        el('p', { class: 'tl-none' }, ...tp('timeline.undatedOnly', {
          count: undated, strong: el('strong', { text: t('timeline.undatedStrong', { count: undated }) }) }))));
    }
    if (hits.length < total) {
      els.timeline.append(el('p', { class: 'timeline-more', text: t('timeline.firstListed', { count: hits.length }) }));
    }

    // The quotes, oldest first, under a heading per year.
    const groups = [];
    for (const hit of hits) {
      const y = yearOf(hit.release && hit.release.date);
      const key = y == null ? 'undated' : String(y);
      if (!groups.length || groups[groups.length - 1].key !== key) groups.push({ key, year: y, hits: [] });
      groups[groups.length - 1].hits.push(hit);
    }
    for (const g of groups) {
      const list = el('ol', { class: 'quote-list' });
      for (const hit of g.hits) {
        const byThem = sameName(hit.speaker, name);
        list.append(renderQuote(hit, state, { speakerLinks: !byThem }));
      }
      const headingText = g.year == null ? t('date.undatedTitle') : String(g.year);
      els.timeline.append(el('section', { class: 'tl-group', 'aria-label': t('timeline.group', { heading: headingText, count: g.hits.length }) },
        el('h3', { class: 'tl-group-heading', text: headingText }), list));
    }
    els.timeline.hidden = false;
    // Too many years for the screen: the bars scroll sideways, so they must take the focus
    // for the keyboard to scroll them.
    const scroller = els.timeline.querySelector('.tl-scroll');
    if (scroller && scroller.scrollWidth > scroller.clientWidth) {
      scroller.setAttribute('tabindex', '0');
      scroller.setAttribute('role', 'region');
      scroller.setAttribute('aria-label', t('timeline.chartScrolls'));
    }
    done();
    applyFocus(focusKey, focusCount);
  }

  // ---------------------------------------------------------------- speakers

  const speakers = { shownFor: null, seq: 0, ctl: null, timer: null };

  // The most quoted speakers (or those whose name matches the filter box), each linking to
  // their quotes year by year. Asked for once per filter.
  async function loadSpeakers(filter = els.speakerFilter.value.trim()) {
    if (speakers.shownFor === filter) return;
    speakers.shownFor = filter;
    const seq = ++speakers.seq;
    if (speakers.ctl) speakers.ctl.abort();
    const ctl = new AbortController();
    speakers.ctl = ctl;
    let data;
    try {
      data = await apiGet('speakers' + (filter ? '?' + new URLSearchParams({ q: filter }) : ''), ctl.signal);
    } catch (e) {
      if (e.name === 'AbortError' || seq !== speakers.seq) return;
      speakers.shownFor = null; // ask again next time
      els.speakerList.replaceChildren();
      els.speakersStatus.textContent = t('speakers.error');
      return;
    }
    if (seq !== speakers.seq) return;
    const list = (Array.isArray(data.speakers) ? data.speakers : [])
      .filter((s) => s && typeof s.name === 'string' && s.name.trim());
    const shown = list.slice(0, SPEAKERS_SHOWN);
    els.speakerList.replaceChildren(...shown.map((s) => {
      const a = navLink(resultsHref({ q: '', filters: {}, tab: 'quotes', speaker: s.name.trim() }), '', { class: 'facet-link speaker-entry' });
      a.dataset.speaker = s.name.trim();
      // The shortest of the titles they are given ("Assistant Attorney General", not "... for
      // the Civil Rights Division"), and the years they are quoted in.
      const roles = Array.isArray(s.roles) ? s.roles.filter((r) => typeof r === 'string' && r.trim()).map((r) => r.trim()) : [];
      const role = roles.sort((a, b) => a.length - b.length)[0] || '';
      const y1 = yearOf(s.first);
      const y2 = yearOf(s.last);
      const years = y1 && y2 ? (y1 === y2 ? String(y1) : `${y1}–${y2}`) : '';
      const label = el('span', { class: 'facet-label' }, s.name.trim());
      if (role || years) {
        label.append(el('span', { class: 'visually-hidden', text: ', ' }),
          el('span', { class: 'speaker-roles', text: [role, years].filter(Boolean).join(' · ') }));
      }
      const n = Number(s.quotes) || 0;
      a.append(label, el('span', { class: 'visually-hidden', text: ': ' }),
        el('span', { class: 'facet-count' }, number(n), el('span', { class: 'visually-hidden', text: t('speakers.quotes', { count: n }) })));
      return el('li', null, a);
    }));
    const total = Number(data.total) || list.length;
    if (!shown.length) {
      els.speakersStatus.textContent = filter ? t('speakers.noMatch', { filter: shownQuery(filter) }) : t('speakers.none');
    } else if (total > shown.length) {
      els.speakersStatus.textContent = t('speakers.shown', { shown: number(shown.length), total: number(total) });
    } else {
      els.speakersStatus.textContent = '';
    }
    markCurrentSpeaker(readState().speaker);
  }

  function markCurrentSpeaker(name) {
    for (const a of els.speakerList.querySelectorAll('a[data-speaker]')) {
      const on = readState().tab === 'quotes' && !!name && sameName(a.dataset.speaker, name);
      a.classList.toggle('is-active', on);
      if (on) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    }
  }

  els.speakerFilter.addEventListener('input', () => {
    clearTimeout(speakers.timer);
    speakers.timer = setTimeout(() => loadSpeakers(), SPEAKER_FILTER_DELAY_MS);
  });
  els.speakerForm.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(speakers.timer);
    loadSpeakers();
  });

  // ---------------------------------------------------------------- "Check a quote"
  //
  // tab=verify: the quotation as printed elsewhere goes to POST /api/verify; the answer says
  // whether the releases have it word for word, closely, or not at all, links the paragraph
  // it comes from, and shows the words that differ: added (<ins>), left out (<del>), changed
  // (<del>original</del><ins>printed</ins>). The text typed stays in the box across tabs.

  const VERDICTS = ['verbatim', 'close', 'none'];
  // `shown`: the answer on screen, drawn again when the page's language changes.
  const verify = { seq: 0, ctl: null, shown: null };
  let firstRender = true;

  function showVerify(state, { fresh }) {
    document.title = t('verify.title');
    updateSearchLinks(state);
    done();
    // Arriving by a link (or at the address): straight to the box.
    if (fresh || firstRender) els.verifyText.focus();
  }

  // "give at least three words" -> "Give at least three words."
  function sentence(text) {
    const s = String(text || '').trim();
    return s ? withStop(s.charAt(0).toUpperCase() + s.slice(1)) : s;
  }
  const withStop = (s) => (/[.!?…]$/.test(s) ? s : s + '.');

  function verifyProblem(message) {
    els.verifyError.textContent = message;
    els.verifyError.hidden = false;
    els.verifyText.setAttribute('aria-invalid', 'true');
  }

  function clearVerifyProblem() {
    els.verifyError.hidden = true;
    els.verifyError.textContent = '';
    els.verifyText.removeAttribute('aria-invalid');
  }

  async function checkQuote() {
    const text = els.verifyText.value.trim();
    const seq = ++verify.seq;
    if (verify.ctl) verify.ctl.abort();
    verify.ctl = null;
    if (!text) {
      els.verifyStatus.replaceChildren();
      els.verifyResult.hidden = true;
      els.verifyResult.replaceChildren();
      verifyProblem(t('verify.empty'));
      els.verifyText.focus();
      return;
    }
    clearVerifyProblem();
    const ctl = new AbortController();
    verify.ctl = ctl;
    els.verifyResult.classList.add('is-stale');
    els.verifyStatus.replaceChildren(el('p', { class: 'loading', text: t('verify.checking') }));
    let data;
    try {
      data = await apiRequest('verify', { signal: ctl.signal, json: { quote: text } });
    } catch (e) {
      if (e.name === 'AbortError' || seq !== verify.seq) return;
      els.verifyStatus.replaceChildren();
      els.verifyResult.classList.remove('is-stale');
      if (!e.retryable) {
        // The quote itself was refused (too short, too long): say so at the box.
        els.verifyResult.hidden = true;
        els.verifyResult.replaceChildren();
        verifyProblem(sentence(e.message));
        els.verifyText.focus();
        return;
      }
      verify.shown = null;
      const heading = el('h3', { class: 'verdict-heading', id: 'verdict-heading', tabindex: '-1', text: t('verify.error') });
      const box = el('div', { class: 'callout error', role: 'alert' }, heading, el('p', { class: 'error-message', text: e.message }));
      box.append(el('p', null, el('button', { type: 'button', class: 'retry verify-retry', text: t('retry') })));
      els.verifyResult.replaceChildren(box);
      els.verifyResult.hidden = false;
      return;
    }
    if (seq !== verify.seq) return;
    verify.ctl = null;
    els.verifyStatus.replaceChildren();
    renderVerdict(data);
    const heading = document.getElementById('verdict-heading');
    if (heading) heading.focus();
  }

  function renderVerdict(data) {
    verify.shown = data;
    const verdict = VERDICTS.includes(data.verdict) ? data.verdict : 'none';
    const match = verdict !== 'none' && data.match && typeof data.match === 'object' ? data.match : null;
    const diff = (Array.isArray(data.diff) ? data.diff : []).filter((d) => d && typeof d === 'object');
    const changes = diff.some((d) => d.op !== 'same');

    const box = el('div', { class: `verdict verdict-${verdict}` },
      el('h3', { class: 'verdict-heading', id: 'verdict-heading', tabindex: '-1', text: t('verify.' + verdict) }));
    if (typeof data.message === 'string' && data.message.trim()) box.append(el('p', { class: 'verdict-message', text: data.message.trim() }));
    if (match && typeof data.similarity === 'number' && Number.isFinite(data.similarity)) {
      const pct = Math.round(Math.min(1, Math.max(0, data.similarity)) * 100);
      box.append(el('p', { class: 'verdict-similarity', text: t('verify.similarity', { pct: number(pct) }) }));
    }
    if (match) {
      const paragraph = Number.isInteger(match.paragraph) ? match.paragraph : null;
      box.append(el('p', { class: 'verdict-link' }, el('a', { class: 'match-link', href: quoteHref(match, '') },
        paragraph ? t('verify.readParagraph', { paragraph: number(paragraph) }) : t('verify.readRelease'))));
    }
    const out = [box];

    if (verdict !== 'none' && diff.length) {
      if (changes) {
        out.push(el('h3', { class: 'diff-heading', text: t('verify.differs') }), diffLegend(), renderDiff(diff));
      } else {
        out.push(el('p', { class: 'diff-none', text: t('verify.same') }));
      }
    }
    if (match) {
      out.push(el('h3', { class: 'diff-heading', text: t('verify.inRelease') }),
        el('ol', { class: 'quote-list' }, renderQuote(match, { q: '', filters: {} }, { speakerState: { q: '', filters: {} } })));
    }
    els.verifyResult.classList.remove('is-stale');
    els.verifyResult.replaceChildren(...out);
    els.verifyResult.hidden = false;
  }

  function renderDiff(diff) {
    const out = el('p', { class: 'diff', lang: 'en' });
    const words = (v) => (typeof v === 'string' ? v : '');
    diff.forEach((d, i) => {
      if (i) out.append(' ');
      if (d.op === 'added') out.append(el('ins', { class: 'diff-added', text: words(d.words) }));
      else if (d.op === 'missing') out.append(el('del', { class: 'diff-missing', text: words(d.words) }));
      else if (d.op === 'changed') {
        out.append(el('span', { class: 'diff-changed' },
          el('del', { class: 'diff-original', text: words(d.original) }), el('ins', { class: 'diff-printed', text: words(d.printed) })));
      } else out.append(words(d.words));
    });
    return out;
  }

  function diffLegend() {
    return el('ul', { class: 'diff-legend', 'aria-label': t('diff.key') },
      el('li', null, el('span', { class: 'diff-sample', text: t('diff.plain') }), t('diff.plainText')),
      el('li', null, el('ins', { class: 'diff-sample', text: t('diff.added') }), t('diff.addedText')),
      el('li', null, el('del', { class: 'diff-sample', text: t('diff.missing') }), t('diff.missingText')),
      el('li', null, el('span', { class: 'diff-sample' }, el('del', { text: t('diff.said') }), el('ins', { text: t('diff.printed') })), t('diff.changedText')));
  }

  els.verifyForm.addEventListener('submit', (e) => {
    e.preventDefault();
    checkQuote();
  });
  els.verifyText.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) {
      e.preventDefault();
      checkQuote();
    }
  });
  els.verifyText.addEventListener('input', () => {
    if (!els.verifyError.hidden && els.verifyText.value.trim()) clearVerifyProblem();
  });

  // ---------------------------------------------------------------- pagination

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
      ? el('a', { href: hrefFor(page - 1), rel: 'prev', class: 'page-prev', 'data-nav': '' }, ...label(true, t('pagination.previous')))
      : el('span', { class: 'page-prev disabled', 'aria-disabled': 'true' }, ...label(true, t('pagination.previous')));
    list.append(el('li', null, prev));

    for (const p of pageWindow(page, pages)) {
      if (p == null) {
        list.append(el('li', { class: 'gap', 'aria-hidden': 'true', text: '…' }));
        continue;
      }
      const a = navLink(hrefFor(p), String(p), {
        class: 'page-num',
        'aria-label': t('pagination.page', { page: String(p) }),
        'aria-current': p === page ? 'page' : null,
      });
      list.append(el('li', null, a));
    }

    const next = pages.hasNext
      ? el('a', { href: hrefFor(page + 1), rel: 'next', class: 'page-next', 'data-nav': '' }, ...label(false, t('pagination.next')))
      : el('span', { class: 'page-next disabled', 'aria-disabled': 'true' }, ...label(false, t('pagination.next')));
    list.append(el('li', null, next));

    els.pagination.replaceChildren(list);
    els.pagination.hidden = false;
  }

  // ---------------------------------------------------------------- as-you-type suggestions
  //
  // The ARIA combobox pattern: the box (role=combobox) keeps the focus and points at the chosen
  // option with aria-activedescendant; the list (role=listbox) is filled from /api/suggest.

  const suggest = { timer: null, seq: 0, ctl: null, items: [], active: -1 };

  function suggestionsOpen() {
    return !els.suggestions.hidden;
  }

  function cancelSuggestions() {
    clearTimeout(suggest.timer);
    suggest.timer = null;
    suggest.seq++; // answers still on their way are ignored
    if (suggest.ctl) suggest.ctl.abort();
    suggest.ctl = null;
  }

  function closeSuggestions() {
    cancelSuggestions();
    if (!els.suggestions) return;
    els.suggestions.hidden = true;
    els.suggestions.replaceChildren();
    els.input.setAttribute('aria-expanded', 'false');
    els.input.removeAttribute('aria-activedescendant');
    els.suggestStatus.textContent = '';
    suggest.items = [];
    suggest.active = -1;
  }

  function onSuggestInput() {
    cancelSuggestions();
    const q = els.input.value;
    if ([...q.trim()].length < SUGGEST_MIN_CHARS) {
      closeSuggestions();
      return;
    }
    suggest.timer = setTimeout(() => fetchSuggestions(q), SUGGEST_DELAY_MS);
  }

  async function fetchSuggestions(q) {
    const seq = ++suggest.seq;
    const ctl = new AbortController();
    suggest.ctl = ctl;
    let data;
    try {
      data = await apiGet('suggest?' + new URLSearchParams({ q }), ctl.signal);
    } catch {
      if (seq === suggest.seq) closeSuggestions();
      return;
    }
    // Stale: a newer request went out, or the box changed or lost the focus meanwhile.
    if (seq !== suggest.seq || els.input.value !== q || document.activeElement !== els.input) return;
    const items = (Array.isArray(data.suggestions) ? data.suggestions : [])
      .filter((s) => s && typeof s.text === 'string' && s.text.trim() && (s.kind !== 'title' || s.id != null))
      .slice(0, 8);
    showSuggestions(items);
  }

  function showSuggestions(items) {
    suggest.items = items;
    suggest.active = -1;
    els.input.removeAttribute('aria-activedescendant');
    if (!items.length) {
      closeSuggestions();
      return;
    }
    const nodes = items.map((s, i) => {
      const li = el('li', { id: `suggestion-${i}`, role: 'option', class: `suggest-option suggest-${s.kind || 'term'}`, 'aria-selected': 'false' });
      li.dataset.index = String(i);
      if (s.kind === 'title') {
        li.append(el('span', { class: 'suggest-kind' }, t('suggest.kindRelease'), el('span', { class: 'visually-hidden', text: ': ' })));
      }
      li.append(el('span', { class: 'suggest-text', text: s.text }));
      if (s.kind !== 'title' && Number.isFinite(s.count)) {
        li.append(el('span', { class: 'suggest-count' }, number(s.count), el('span', { class: 'visually-hidden', text: t('suggest.releases', { count: s.count }) })));
      }
      return li;
    });
    els.suggestions.replaceChildren(...nodes);
    els.suggestions.hidden = false;
    els.input.setAttribute('aria-expanded', 'true');
    els.suggestStatus.textContent = t('suggest.status', { count: items.length });
  }

  function setActiveSuggestion(i) {
    suggest.active = i;
    for (const li of els.suggestions.children) {
      const on = Number(li.dataset.index) === i;
      li.setAttribute('aria-selected', String(on));
      li.classList.toggle('is-active', on);
      if (on) li.scrollIntoView({ block: 'nearest' });
    }
    if (i >= 0) els.input.setAttribute('aria-activedescendant', `suggestion-${i}`);
    else els.input.removeAttribute('aria-activedescendant');
  }

  function takeSuggestion(item) {
    closeSuggestions();
    if (item.kind === 'title') {
      location.assign(docHref(item.id));
      return;
    }
    els.input.value = item.text;
    submitSearch();
  }

  els.input.addEventListener('input', onSuggestInput);

  els.input.addEventListener('keydown', (e) => {
    if (e.isComposing) return;
    const open = suggestionsOpen();
    const n = suggest.items.length;
    if (e.key === 'ArrowDown' && !e.altKey) {
      if (!open) {
        if ([...els.input.value.trim()].length >= SUGGEST_MIN_CHARS) {
          e.preventDefault();
          cancelSuggestions();
          fetchSuggestions(els.input.value);
        }
        return;
      }
      e.preventDefault();
      setActiveSuggestion(suggest.active + 1 >= n ? 0 : suggest.active + 1);
    } else if (e.key === 'ArrowDown' && e.altKey) {
      if (!open) fetchSuggestions(els.input.value);
    } else if (e.key === 'ArrowUp' && open) {
      e.preventDefault();
      setActiveSuggestion(suggest.active <= 0 ? n - 1 : suggest.active - 1);
    } else if (e.key === 'Enter' && open && suggest.active >= 0) {
      e.preventDefault();
      takeSuggestion(suggest.items[suggest.active]);
    } else if (e.key === 'Escape' && open) {
      // Closes the list; the text stays (a second Escape clears the box, as usual).
      e.preventDefault();
      closeSuggestions();
    } else if (e.key === 'Tab') {
      closeSuggestions();
    }
  });

  els.input.addEventListener('blur', () => closeSuggestions());

  // Clicking an option must not take the focus from the box (which would close the list first).
  els.suggestions.addEventListener('mousedown', (e) => e.preventDefault());
  els.suggestions.addEventListener('click', (e) => {
    const li = e.target instanceof Element ? e.target.closest('[role="option"]') : null;
    if (!li) return;
    const item = suggest.items[Number(li.dataset.index)];
    if (item) takeSuggestion(item);
  });
  els.suggestions.addEventListener('mousemove', (e) => {
    const li = e.target instanceof Element ? e.target.closest('[role="option"]') : null;
    if (li && Number(li.dataset.index) !== suggest.active) setActiveSuggestion(Number(li.dataset.index));
  });

  window.addEventListener('pagehide', () => closeSuggestions());

  // ---------------------------------------------------------------- events

  // A search typed into the box starts on page 1 with the default page size: keeping the old
  // page or per_page would carry a bad value (say per_page=1000, which the API refuses) from one
  // search into every following one. Filters, the sort order and the tab (releases or quotes)
  // stay; a similar-releases list and the "Check a quote" panel are left for the release search.
  function submitSearch() {
    closeSuggestions();
    const state = readState();
    const base = state.similar ? { filters: {} } : state;
    const tab = state.tab === 'quotes' && !state.similar ? 'quotes' : '';
    navigate(resultsHref({ ...base, tab, q: els.input.value.trim(), page: null, perPage: null, similar: null }));
  }

  els.form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitSearch();
  });

  els.sort.addEventListener('change', () => {
    const value = els.sort.value;
    navigate(resultsHref(changed(readState(), { sort: value === 'relevance' ? '' : value })), { focusKey: 'sort' });
  });

  els.dateForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const values = {};
    let bad = null;
    for (const [name, input] of [['from', els.from], ['to', els.to]]) {
      const v = input.value.trim();
      const ok = v === '' || DATE_INPUT.test(v);
      if (ok) input.removeAttribute('aria-invalid');
      else input.setAttribute('aria-invalid', 'true');
      if (!ok && !bad) bad = { input, v };
      values[name] = v;
    }
    if (bad) {
      els.dateError.textContent = t('dates.bad', { value: bad.v });
      els.dateError.hidden = false;
      bad.input.focus();
      return;
    }
    const folded = foldFacetsAfterChoice();
    navigate(resultsHref(changed(readState(), values)), folded ? { focusKey: 'facets-toggle' } : { focusCount: true });
  });

  els.facetsToggle.addEventListener('click', () => {
    facetsOpen = !facetsOpen;
    els.facetsPanel.classList.toggle('is-open', facetsOpen);
    els.facetsToggle.setAttribute('aria-expanded', String(facetsOpen));
  });

  // In-page links (results, facets, chips, pagination, home) navigate without reloading; the
  // buttons in the results are handled here too, as the results are redrawn.
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const target = e.target instanceof Element ? e.target : null;
    if (!target) return;

    const button = target.closest('button');
    if (button) {
      if (button.classList.contains('verify-retry')) checkQuote();
      else if (button.classList.contains('retry')) render({ fresh: true });
      else if (button.classList.contains('cite-button')) toggleCitation(button);
      else if (button.classList.contains('facet-more')) {
        const key = button.dataset.facet;
        if (expandedFacets.has(key)) expandedFacets.delete(key);
        else expandedFacets.add(key);
        const section = button.closest('.facet');
        const expand = expandedFacets.has(key);
        section.querySelectorAll('.facet-list > li').forEach((li, i) => {
          li.classList.toggle('facet-extra', !expand && i >= FACET_SHOWN && !li.querySelector('.is-active'));
        });
        button.setAttribute('aria-expanded', String(expand));
        button.textContent = expand ? t('facets.showFewer') : t('facets.showAll', { count: section.querySelectorAll('.facet-list > li').length });
      }
      return;
    }

    const a = target.closest('a');
    if (!a || !(a.hasAttribute('data-nav') || a === els.home)) return;
    e.preventDefault();
    if (a === els.home) els.input.value = '';
    let focusKey = a.dataset.focusKey || null;
    const inFilters = a.closest('#facets-panel, #chips') !== null;
    if (a.closest('#facets-panel') && foldFacetsAfterChoice()) focusKey = 'facets-toggle';
    navigate(a.getAttribute('href'), {
      focusCount: a.closest('#pagination, #chips') !== null || a.matches('.similar-link, .speaker-link, .speaker-entry, .timeline-back, .timeline-all')
        || (inFilters && !focusKey),
      focusKey,
    });
  });

  window.addEventListener('popstate', () => render());

  // "/" focuses the search box, unless the user is typing somewhere.
  focusSearchOnSlash(els.input);

  // ---------------------------------------------------------------- the page's language

  // A chosen language is said in the address (ui=); back and forward keep the language in use.
  function syncAddress() {
    const href = I18N.syncedAddress();
    if (href) history.replaceState(history.state, '', href);
    I18N.refreshSwitch();
  }

  // The fixed words of index.html, <html lang> and the title.
  function applyLanguage() {
    document.documentElement.lang = I18N.lang;
    I18N.applyStatic(document);
  }

  // The switch redraws what is on screen in the other language, from the answers already
  // there (no new search): the query, the results and the text being typed stay.
  I18N.onChange(() => {
    applyLanguage();
    syncAddress();
    const typed = els.input.value;
    const focused = document.activeElement;
    speakers.shownFor = null; // the speakers' list is drawn again in the new language
    render();
    els.input.value = typed;
    if (focused && focused !== document.activeElement && focused.isConnected) focused.focus({ preventScroll: true });
    if (!els.verifyResult.hidden && verify.shown && !els.verifyResult.classList.contains('is-stale')) renderVerdict(verify.shown);
    if (!els.verifyError.hidden) clearVerifyProblem();
  });

  applyLanguage();
  I18N.mountSwitch(document.querySelector('.site-header .wrap'));
  render();
})();
