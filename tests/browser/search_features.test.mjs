// Real-browser tests of the search page's facets, filters, sorting, suggestions, exports,
// citations and similar releases, against the real daemon.
//
// The index holds corpus/seeds (five releases, four of them undated) and a dated fixture written into the
// temporary directory: every 40th release of corpus/doj-press-releases.jsonl.gz (318 releases,
// 2009-2018, one source, English), so that dates, years and categories have something to show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  useDaemonAndBrowser, SOURCE_DIR, base, page, context, hits, titles, searchFor, settled, waitForResults,
  urlParams, api, fitsWidth, screenshot, cspProblems, writeDojSample,
} from './harness.mjs';

const DOJ_SOURCE = 'US Department of Justice, Office of Public Affairs';

useDaemonAndBrowser({
  sources: (dir) => [path.join(SOURCE_DIR, 'corpus', 'seeds'), writeDojSample(dir)],
});

// ------------------------------------------------------------------ helpers

// The number of the count line ("59 results for ...", "Newest releases (4 releases in all)").
async function shownTotal() {
  const text = await page.locator('#count').textContent();
  const m = /^(?:about )?([\d,]+) results?|\((?:about )?([\d,]+) releases? in all\)/.exec(text.trim());
  assert.ok(m, `a count line with a number: ${text}`);
  return Number((m[1] ?? m[2]).replace(/,/g, ''));
}

// The datetime of each result on the page; null for an undated one.
function shownDates() {
  return page.locator('#results .hit-date').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')));
}

// The release id each result's title links to (/doc/{id}).
function shownIds() {
  return titles().evaluateAll((links) => links.map((a) => decodeURIComponent(new URL(a.href).pathname.replace(/^\/doc\//, ''))));
}

function assertOrdered(dates, direction, what) {
  const dated = dates.filter((d) => d != null);
  const firstUndated = dates.indexOf(null);
  if (firstUndated >= 0) assert.ok(dates.slice(firstUndated).every((d) => d == null), `${what}: undated releases come last: ${dates}`);
  for (let i = 1; i < dated.length; i++) {
    const ok = direction === 'desc' ? dated[i - 1] >= dated[i] : dated[i - 1] <= dated[i];
    assert.ok(ok, `${what}: dates ${direction === 'desc' ? 'descending' : 'ascending'}: ${dated.join(', ')}`);
  }
}

// RFC 4180: quoted fields, doubled quotes, CRLF or LF line ends.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const facetGroup = (key) => page.locator(`#facets .facet-${key}`);

// ------------------------------------------------------------------ facets and filters

test('clicking a category facet filters the results and shows it active; clicking it again clears it', async () => {
  await page.goto(base + '/?q=tax');
  await waitForResults();
  const unfiltered = await shownTotal();
  const categories = facetGroup('category');
  const value = categories.getByRole('link', { name: /^Tax Division\b/ });
  const expected = Number((await value.locator('.facet-count').textContent()).replace(/,/g, ''));
  assert.ok(expected > 0 && expected < unfiltered, `the facet counts part of the ${unfiltered} results: ${expected}`);
  assert.equal(await categories.locator('[aria-current="true"]').count(), 0, 'nothing is active yet');
  await screenshot('facets.png');

  await value.click();
  await page.waitForURL((u) => u.searchParams.getAll('category').includes('Tax Division'));
  await waitForResults();
  assert.equal(urlParams().get('q'), 'tax', 'the query stays');
  assert.equal(await shownTotal(), expected, 'as many results as the facet said');
  const shownCategories = await page.locator('#results .hit-category').allTextContents();
  assert.ok(shownCategories.length > 0 && shownCategories.every((c) => /Tax Division/.test(c)), `all in the category: ${shownCategories}`);
  const active = categories.locator('a[aria-current="true"]');
  assert.equal(await active.count(), 1, 'the chosen value is shown active');
  assert.match(await active.textContent(), /Tax Division/);
  assert.match(await page.locator('#chips').textContent(), /Category: Tax Division/, 'and as a removable chip');
  await screenshot('facet-active.png');

  await active.click();
  await page.waitForURL((u) => !u.searchParams.has('category'));
  await waitForResults();
  assert.equal(await shownTotal(), unfiltered);
  assert.equal(await categories.locator('[aria-current="true"]').count(), 0);
  assert.equal(await page.locator('#chips').isVisible(), false);

  // Bookmarkable: back and forward move between the two.
  await page.goBack();
  await page.waitForURL((u) => u.searchParams.has('category'));
  await waitForResults();
  assert.equal(await shownTotal(), expected);
  assert.equal(await categories.locator('a[aria-current="true"]').count(), 1);
  await page.goForward();
  await page.waitForURL((u) => !u.searchParams.has('category'));
  await waitForResults();
  assert.equal(await shownTotal(), unfiltered);
});

test('the year histogram filters by year, and "Undated" lists the releases without a date', async () => {
  await page.goto(base + '/');
  await waitForResults();
  const years = facetGroup('year');
  const rows = years.locator('a.facet-link:not(.facet-undated)');
  const labels = await rows.locator('.facet-label').allTextContents();
  assert.deepEqual(labels, [...labels].sort(), 'years in ascending order');
  assert.ok(labels.includes('2015'), `2015 is offered: ${labels}`);
  // Each year has a bar, as wide as its share of the largest year.
  const bars = await rows.evaluateAll((links) => links.map((a) => ({
    count: Number(a.querySelector('.facet-count').textContent.replace(/,/g, '')),
    width: Number(a.querySelector('.bar-fill').getAttribute('width')),
  })));
  const max = Math.max(...bars.map((b) => b.count));
  for (const b of bars) assert.ok(Math.abs(b.width - (100 * b.count) / max) <= 3, `bar ${JSON.stringify(b)} of max ${max}`);

  await years.getByRole('link', { name: /^2015\b/ }).click();
  await page.waitForURL((u) => u.searchParams.get('year') === '2015');
  await waitForResults();
  const dates = await shownDates();
  assert.ok(dates.length > 0 && dates.every((d) => d && d.startsWith('2015')), `only 2015: ${dates}`);
  assert.equal(await years.locator('a[aria-current="true"] .facet-label').textContent(), '2015');
  await years.locator('a[aria-current="true"]').click();
  await page.waitForURL((u) => !u.searchParams.has('year'));
  await waitForResults();

  // Four of the seed pages state no date.
  const { body } = await api('/api/search?q=');
  const undatedCount = body.facets.undated;
  assert.ok(undatedCount >= 1);
  const undated = years.getByRole('link', { name: /^Undated\b/ });
  assert.equal(await undated.locator('.facet-count').textContent(), String(undatedCount));
  await undated.click();
  await page.waitForURL((u) => u.searchParams.get('undated') === 'only');
  await waitForResults();
  assert.equal(await shownTotal(), undatedCount);
  assert.deepEqual(await shownDates(), Array(undatedCount).fill(null));
  assert.equal(await years.getByRole('link', { name: /^Undated\b/ }).getAttribute('aria-current'), 'true');
});

test('the date range takes YYYY, YYYY-MM or YYYY-MM-DD, shows chips, and a chip removes its filter', async () => {
  await page.goto(base + '/?q=department');
  await waitForResults();
  await page.getByLabel('From', { exact: true }).fill('2013-05');
  await page.getByLabel('To', { exact: true }).fill('2014');
  await page.getByRole('button', { name: 'Apply dates' }).click();
  await page.waitForURL((u) => u.searchParams.get('from') === '2013-05' && u.searchParams.get('to') === '2014');
  await waitForResults();
  const dates = await shownDates();
  assert.ok(dates.length > 0, 'some results');
  assert.ok(dates.every((d) => d && d >= '2013-05-01' && d <= '2014-12-31'), `within May 2013 to 2014: ${dates}`);
  const chips = page.locator('#chips');
  assert.match(await chips.textContent(), /From: 2013-05/);
  assert.match(await chips.textContent(), /To: 2014/);
  assert.equal(await page.getByLabel('From', { exact: true }).inputValue(), '2013-05', 'the form shows the range in force');

  // Something that is not a date is explained next to the field; the search is not changed.
  const before = page.url();
  await page.getByLabel('From', { exact: true }).fill('2013-13');
  await page.getByRole('button', { name: 'Apply dates' }).click();
  const error = page.locator('#date-error');
  await error.waitFor();
  assert.match(await error.textContent(), /2013-13.*YYYY/);
  assert.equal(await page.getByLabel('From', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.equal(page.url(), before);

  await chips.getByRole('link', { name: /Remove the filter From/ }).click();
  await page.waitForURL((u) => !u.searchParams.has('from'));
  await waitForResults();
  assert.equal(urlParams().get('to'), '2014', 'the other filter stays');
  assert.doesNotMatch(await chips.textContent(), /From:/);
  const later = await shownDates();
  assert.ok(later.every((d) => d && d <= '2014-12-31'), `up to 2014: ${later}`);
});

// ------------------------------------------------------------------ sorting and paging

test('sorting by newest lists dates descending, also on the next page; oldest first ascending', async () => {
  await page.goto(base + '/?q=tax');
  await waitForResults();
  const sort = page.getByLabel('Sort');
  assert.equal(await sort.inputValue(), 'relevance');
  await sort.selectOption('newest');
  await page.waitForURL((u) => u.searchParams.get('sort') === 'newest');
  await waitForResults();
  const page1 = await shownDates();
  assert.equal(page1.length, 10);
  assertOrdered(page1, 'desc', 'page 1');
  assert.equal(await sort.inputValue(), 'newest');

  const nav = page.getByRole('navigation', { name: 'Result pages' });
  await nav.getByRole('link', { name: /next/i }).click();
  await page.waitForURL((u) => u.searchParams.get('page') === '2');
  await waitForResults();
  assert.equal(urlParams().get('sort'), 'newest', 'paging keeps the order');
  assert.equal(urlParams().get('q'), 'tax');
  const page2 = await shownDates();
  assertOrdered([...page1, ...page2], 'desc', 'pages 1 and 2');
  assert.equal(await page.locator('#results').getAttribute('start'), '11');

  await sort.selectOption('oldest');
  await page.waitForURL((u) => u.searchParams.get('sort') === 'oldest');
  await waitForResults();
  assert.equal(urlParams().has('page'), false, 'a new order starts on page 1');
  assertOrdered(await shownDates(), 'asc', 'oldest first');

  await sort.selectOption('relevance');
  await page.waitForURL((u) => !u.searchParams.has('sort'));
  await waitForResults();
});

// ------------------------------------------------------------------ the release page

test('a result opens the release page with the query words highlighted and the snippet\'s paragraph as anchor', async () => {
  await page.goto(base + '/?q=indictment');
  await waitForResults();
  const { body } = await api('/api/search?q=indictment');
  const withParagraph = body.hits.findIndex((h) => Number.isInteger(h.paragraph));
  assert.ok(withParagraph >= 0, 'some snippet comes from a body paragraph');
  const hit = body.hits[withParagraph];
  const link = titles().nth(withParagraph);
  const href = new URL(await link.getAttribute('href'), page.url());
  assert.equal(href.pathname, '/doc/' + encodeURIComponent(hit.id));
  assert.equal(href.searchParams.get('q'), 'indictment');
  assert.equal(href.hash, `#p${hit.paragraph}`);

  await link.click();
  await page.waitForURL((u) => u.pathname === href.pathname && u.hash === href.hash);
  const doc = page.locator('#doc');
  assert.equal((await doc.locator('h1').textContent()).trim(), hit.title);
  const marks = await doc.locator('.doc-body mark').allTextContents();
  assert.ok(marks.length > 0 && marks.every((m) => /^indict/i.test(m)), `the query word is highlighted: ${marks}`);
  const target = page.locator(`#p${hit.paragraph}`);
  assert.ok(await target.locator('mark').count() > 0, 'the paragraph the snippet came from holds the word');
  // ... and the snippet's first words: the anchor leads to where the snippet was taken from.
  const plain = hit.snippet_html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const opening = plain.replace(/^…/, '').trim().split(/\s+/).slice(0, 6).join(' ');
  const paragraphText = (await target.textContent()).replace(/\s+/g, ' ');
  assert.ok(paragraphText.includes(opening), `paragraph ${hit.paragraph} holds the snippet's start "${opening}": ${paragraphText}`);
  // Every paragraph has its anchor, and the target paragraph is on screen.
  const paragraphs = await doc.locator('.doc-body p[id^="p"]').count();
  assert.ok(paragraphs >= 2);
  assert.equal(await doc.locator('.doc-body a.para-anchor').count(), paragraphs);
  assert.equal(await doc.locator('.doc-body a.para-anchor').first().getAttribute('href'), '#p1');
  assert.ok(await target.isVisible());
  const box = await target.boundingBox();
  assert.ok(box.y < 900 && box.y + box.height > 0, `paragraph ${hit.paragraph} is scrolled into view`);
  await screenshot('doc-page.png', { fullPage: false });
});

test('"Similar" lists releases like the one, under a heading that names it', async () => {
  await page.goto(base + '/?q=tax');
  await waitForResults();
  const [id] = await shownIds();
  const title = (await page.locator('#results .hit').first().locator('.hit-title').textContent()).trim();
  await page.locator('#results .hit').first().getByRole('link', { name: /similar/i }).click();
  await page.waitForURL((u) => u.searchParams.get('similar') === id);
  await waitForResults();
  const heading = page.locator('#count');
  assert.equal((await heading.textContent()).trim(), `Releases similar to ${title}`);
  assert.equal(await heading.evaluate((h) => h.tagName), 'H2');
  assert.equal(await heading.evaluate((h) => h === document.activeElement), true, 'the focus moves to the heading');
  assert.ok(await hits().count() >= 1, 'similar releases are listed');
  assert.ok(!(await shownIds()).includes(id), 'not the release itself');
  assert.equal(await page.locator('#facets').isVisible(), false, 'no facets for this list');
  await page.goBack();
  await page.waitForURL((u) => u.searchParams.get('q') === 'tax');
  await waitForResults();
});

// ------------------------------------------------------------------ suggestions

test('suggestions: typing opens a listbox, arrows move through it, Enter searches the chosen one, Escape closes it', async () => {
  await page.goto(base + '/');
  await waitForResults();
  const box = page.getByRole('combobox', { name: 'Search press releases' });
  const list = page.getByRole('listbox');
  let requests = 0;
  page.on('request', (r) => { if (r.url().includes('/api/suggest')) requests++; });

  await box.pressSequentially('t');
  await page.waitForTimeout(300);
  assert.equal(requests, 0, 'nothing is asked for one character');
  assert.equal(await list.isVisible(), false);

  await box.pressSequentially('ax', { delay: 20 });
  await list.waitFor();
  assert.equal(requests, 1, 'typing quickly asks once');
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  const options = list.getByRole('option');
  const n = await options.count();
  assert.ok(n >= 1 && n <= 8, `1 to 8 suggestions: ${n}`);
  await screenshot('suggestions.png', { fullPage: false });

  await page.keyboard.press('ArrowDown');
  assert.equal(await options.first().getAttribute('aria-selected'), 'true');
  assert.equal(await box.getAttribute('aria-activedescendant'), await options.first().getAttribute('id'));
  if (n > 1) {
    await page.keyboard.press('ArrowDown');
    assert.equal(await options.nth(1).getAttribute('aria-selected'), 'true');
    assert.equal(await options.first().getAttribute('aria-selected'), 'false');
    await page.keyboard.press('ArrowUp');
  }
  assert.equal(await box.evaluate((el) => el === document.activeElement), true, 'the focus stays in the box');

  // Escape closes the list and keeps the text.
  await page.keyboard.press('Escape');
  assert.equal(await list.isVisible(), false);
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  assert.equal(await box.inputValue(), 'tax');

  // Down opens it again; Enter takes the first word suggestion.
  await page.keyboard.press('ArrowDown');
  await list.waitFor();
  const kinds = await options.evaluateAll((lis) => lis.map((li) => li.className));
  const wordAt = kinds.findIndex((k) => !/suggest-title/.test(k));
  assert.ok(wordAt >= 0, `a word or name suggestion: ${kinds}`);
  const text = (await options.nth(wordAt).locator('.suggest-text').textContent()).trim();
  for (let i = 0; i <= wordAt; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.searchParams.get('q') === text);
  await waitForResults();
  assert.equal(await list.isVisible(), false);
  assert.equal(await box.inputValue(), text);
});

test('suggestions: a release title opens its page, and a mouse click takes a suggestion too', async () => {
  await page.goto(base + '/');
  await waitForResults();
  const box = page.getByRole('combobox', { name: 'Search press releases' });
  const list = page.getByRole('listbox');
  // A title suggestion, whatever the daemon offers for the start of a title of the index.
  const { body } = await api('/api/search?q=&per_page=50');
  let titleOption = null;
  for (const hit of body.hits) {
    const prefix = hit.title.split(/\s+/).slice(0, 2).join(' ');
    const { body: s } = await api('/api/suggest?' + new URLSearchParams({ q: prefix }));
    const t = (s.suggestions || []).find((x) => x.kind === 'title');
    if (t) {
      titleOption = { prefix, ...t };
      break;
    }
  }
  assert.ok(titleOption, 'the daemon suggests titles');
  await box.fill('');
  await box.pressSequentially(titleOption.prefix, { delay: 10 });
  const option = list.getByRole('option', { name: titleOption.text });
  await option.first().waitFor();
  await option.first().click();
  await page.waitForURL((u) => u.pathname === '/doc/' + encodeURIComponent(titleOption.id));
  assert.equal((await page.locator('#doc h1').textContent()).trim(), titleOption.text);

  await page.goto(base + '/');
  await waitForResults();
  await box.pressSequentially('fraud', { delay: 10 });
  await list.waitFor();
  const word = list.locator('[role="option"]:not(.suggest-title)').first();
  const text = (await word.locator('.suggest-text').textContent()).trim();
  await word.click();
  await page.waitForURL((u) => u.searchParams.get('q') === text);
  await waitForResults();
});

test('suggestions: an answer that comes after a newer one is ignored', async () => {
  // The answer for "ta" is held back until the one for "tax" has been shown.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/api/suggest?*', async (route) => {
    const q = new URL(route.request().url()).searchParams.get('q');
    if (q === 'ta') {
      await held;
      return route.fulfill({ json: { query: 'ta', suggestions: [{ text: 'stale answer', kind: 'term', count: 1 }] } });
    }
    return route.fulfill({ json: { query: q, suggestions: [{ text: `${q} fresh`, kind: 'term', count: 2 }] } });
  });
  await page.goto(base + '/');
  await waitForResults();
  const box = page.getByRole('combobox', { name: 'Search press releases' });
  await box.pressSequentially('ta');
  await page.waitForRequest((r) => r.url().includes('/api/suggest?q=ta'));
  await box.pressSequentially('x');
  const list = page.getByRole('listbox');
  await list.getByRole('option', { name: /tax fresh/ }).waitFor();
  release();
  await page.waitForTimeout(300);
  assert.deepEqual(await list.locator('.suggest-text').allTextContents(), ['tax fresh']);
});

// ------------------------------------------------------------------ did you mean, reading, syntax help

test('"Did you mean" is offered for a misspelling, and following it searches the correction', async () => {
  await page.goto(base + '/');
  await searchFor('indictmnet');
  await page.waitForURL((u) => u.searchParams.get('q') === 'indictmnet');
  await waitForResults();
  const box = page.locator('#suggestion');
  await box.waitFor();
  assert.match(await box.textContent(), /^Did you mean indictment\?$/);
  await box.getByRole('link', { name: 'indictment' }).click();
  await page.waitForURL((u) => u.searchParams.get('q') === 'indictment');
  await waitForResults();
  assert.ok(await shownTotal() > 0);
  assert.equal(await box.isVisible(), false, 'no correction for a word that is found');
  assert.equal(await page.getByLabel('Search press releases').inputValue(), 'indictment');
});

test('the reading of the query is shown under the search box, beside a collapsible syntax help', async () => {
  const q = 'tax date:2013..2016';
  await page.goto(`${base}/?${new URLSearchParams({ q })}`);
  await waitForResults();
  const { body } = await api('/api/search?' + new URLSearchParams({ q }));
  assert.ok(body.query_reading, 'the daemon reads the query');
  const reading = page.locator('#reading');
  assert.equal((await reading.textContent()).trim(), `Searched for: ${body.query_reading}`);
  const dates = await shownDates();
  assert.ok(dates.every((d) => d && d >= '2013' && d < '2017'), `the date range applies: ${dates}`);

  const help = page.locator('details.syntax-help');
  assert.equal(await help.getAttribute('open'), null, 'folded at first');
  await help.locator('summary').click();
  const text = await help.textContent();
  for (const s of ['"city council"', '-tokyo', 'OR', 'title:', 'category:"Tax Division"', 'date:2013..2016', 'year:', 'lang:', 'source:']) {
    assert.ok(text.includes(s), `the help mentions ${s}`);
  }
  await screenshot('syntax-help.png', { fullPage: false });
});

// ------------------------------------------------------------------ export, feed, cite

test('the CSV export link downloads the current search\'s results, in its order', async () => {
  await page.goto(`${base}/?${new URLSearchParams({ q: 'tax', category: 'Tax Division', sort: 'newest' })}`);
  await waitForResults();
  const total = await shownTotal();
  const onScreen = await shownIds();
  const csvLink = page.getByRole('link', { name: /CSV/ });
  const href = new URL(await csvLink.getAttribute('href'), page.url());
  assert.equal(href.pathname, '/api/export');
  assert.equal(href.searchParams.get('format'), 'csv');
  assert.equal(href.searchParams.get('q'), 'tax');
  assert.equal(href.searchParams.get('category'), 'Tax Division');
  assert.equal(href.searchParams.get('sort'), 'newest');
  assert.equal(href.searchParams.has('page'), false);

  const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
  assert.equal(download.suggestedFilename(), 'pressroom-export.csv');
  const rows = parseCsv(fs.readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(rows[0], ['rank', 'id', 'title', 'date', 'source', 'category', 'url', 'link', 'paragraph', 'snippet']);
  const data = rows.slice(1);
  assert.equal(data.length, total, 'every result of the search');
  assert.deepEqual(data.slice(0, onScreen.length).map((r) => r[1]), onScreen, 'in the order shown');
  assert.deepEqual(data.map((r) => r[0]), data.map((_, i) => String(i + 1)));
  assert.ok(data.every((r) => /Tax Division/.test(r[5])), 'only the filtered category');
  assertOrdered(data.map((r) => r[3] || null), 'desc', 'the export');
  assert.ok(data.every((r) => r[7].startsWith(`${base}/doc/`)), 'links to the release pages');

  // The JSON export is the same search.
  const jsonHref = await page.getByRole('link', { name: /JSON/ }).getAttribute('href');
  const res = await fetch(new URL(jsonHref, page.url()));
  assert.equal(res.status, 200);
  const json = await res.json();
  assert.deepEqual(json.results.map((r) => r.id), data.map((r) => r[1]));
});

test('the Atom feed and OpenSearch links follow the current search', async () => {
  await page.goto(`${base}/?${new URLSearchParams({ q: 'tax', year: '2015', page: '2' })}`);
  await waitForResults();
  const search = page.locator('head link[rel="search"]');
  assert.equal(await search.getAttribute('type'), 'application/opensearchdescription+xml');
  assert.equal(await search.getAttribute('href'), '/opensearch.xml');
  const os = await fetch(base + '/opensearch.xml');
  assert.equal(os.status, 200);
  assert.match(os.headers.get('content-type'), /opensearchdescription\+xml/);

  const alternate = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  const feed = new URL(await alternate.getAttribute('href'), page.url());
  assert.equal(feed.pathname, '/feed');
  assert.equal(feed.searchParams.get('q'), 'tax');
  assert.equal(feed.searchParams.get('year'), '2015');
  assert.equal(feed.searchParams.has('page'), false);
  assert.equal(await page.getByRole('link', { name: /Atom feed/ }).getAttribute('href'), await alternate.getAttribute('href'));
  const res = await fetch(feed);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /atom\+xml/);
  const xml = await res.text();
  assert.match(xml, /<feed[\s>]/);
});

test('"Cite" shows a citation in the result and copies it to the clipboard, without a dialog', async () => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  await page.goto(base + '/?q=indictment');
  await waitForResults();
  const { body } = await api('/api/search?q=indictment');
  const hit = body.hits[0];
  const first = page.locator('#results .hit').first();
  const cite = first.getByRole('button', { name: 'Cite' });
  assert.equal(await cite.getAttribute('aria-expanded'), 'false');
  await cite.click();
  const citation = first.locator('.citation-text');
  await citation.waitFor();
  const [y, m, d] = hit.date.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const anchor = Number.isInteger(hit.paragraph) ? `#p${hit.paragraph}` : '';
  const title = /[.?!]$/.test(hit.title) ? hit.title : hit.title + '.';
  const expected = `${title} ${DOJ_SOURCE}, ${d} ${months[m - 1]} ${y}. ${hit.url}. ` +
    `Pressroom: ${base}/doc/${encodeURIComponent(hit.id)}${anchor}`;
  assert.equal((await citation.textContent()).trim(), expected);
  assert.equal(await cite.getAttribute('aria-expanded'), 'true');
  await first.locator('.citation-status', { hasText: 'Copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected);
  await screenshot('cite.png', { fullPage: false });

  await cite.click();
  assert.equal(await citation.isVisible(), false, 'a second click folds it away');
});

test('"Cite" without a clipboard selects the citation for copying', async () => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  await page.goto(base + '/?q=indictment');
  await waitForResults();
  const first = page.locator('#results .hit').first();
  await first.getByRole('button', { name: 'Cite' }).click();
  const citation = first.locator('.citation-text');
  await citation.waitFor();
  assert.match(await first.locator('.citation-status').textContent(), /Selected/);
  assert.equal(await page.evaluate(() => window.getSelection().toString()), await citation.textContent());
});

// ------------------------------------------------------------------ the page as a whole

test('with facets, suggestions and a citation on screen the page is still ready for a strict CSP', async () => {
  await page.goto(base + '/?q=tax');
  await waitForResults();
  await page.locator('#facets .bar').first().waitFor();
  await page.locator('#results .cite-button').first().click();
  await page.getByRole('combobox', { name: 'Search press releases' }).focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' fr', { delay: 10 });
  await page.getByRole('listbox').waitFor();
  assert.deepEqual(await cspProblems(), []);
});

test('on a phone-sized screen the facets fold into a section above the results, and nothing scrolls sideways', async () => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(base + '/?q=tax');
  await waitForResults();
  assert.ok(await fitsWidth(), 'results fit');
  const toggle = page.getByRole('button', { name: /^Filters/ });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await facetGroup('category').isVisible(), false, 'folded at first');
  const toggleBox = await toggle.boundingBox();
  const firstHit = await hits().first().boundingBox();
  assert.ok(toggleBox.y + toggleBox.height <= firstHit.y, 'above the results');
  await screenshot('phone-results.png', { fullPage: false });

  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await facetGroup('category').isVisible(), true);
  assert.ok(await fitsWidth(), 'the open facets fit');
  await screenshot('phone-facets.png', { fullPage: false });
  await facetGroup('year').getByRole('link', { name: /^2015\b/ }).click();
  await page.waitForURL((u) => u.searchParams.get('year') === '2015');
  await waitForResults();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'folded again after the choice');
  assert.match(await toggle.textContent(), /Filters \(1\)/);
  assert.equal(await toggle.evaluate((el) => el === document.activeElement), true, 'the focus stays on the toggle');
  assert.ok(await fitsWidth());

  // Suggestions, a citation, the syntax help and the release page fit as well.
  await page.locator('#results .cite-button').first().click();
  await page.locator('details.syntax-help summary').click();
  const box = page.getByRole('combobox', { name: 'Search press releases' });
  await box.fill('');
  await box.pressSequentially('tax', { delay: 10 });
  await page.getByRole('listbox').waitFor();
  assert.ok(await fitsWidth(), 'suggestions, citation and syntax help fit');
  await screenshot('phone-suggestions.png', { fullPage: false });
  await page.keyboard.press('Escape');
  await titles().first().click();
  await page.waitForURL((u) => u.pathname.startsWith('/doc/'));
  await page.locator('#doc h1').waitFor();
  assert.ok(await fitsWidth(), 'the release page fits');
  await screenshot('phone-doc.png', { fullPage: false });
});
