// Real-browser tests of the quotations on the search page: the Quotes tab (/api/quotes), a
// speaker's quotes year by year (/api/speakers/{name}/timeline), the speakers beside them
// (/api/speakers) and "Check a quote" (POST /api/verify), against the real daemon.
//
// The index holds corpus/seeds (five releases; Park Won Soon is quoted three times, in undated
// releases), the DOJ fixture of search_features.test.mjs (every 40th release, 2009-2018), and
// five dated releases written here whose quotations are known: a speaker quoted in 2013, 2015
// (twice) and 2016 and in one undated release, and one quotation that names no speaker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  useDaemonAndBrowser, SOURCE_DIR, base, page, context, hits, titles, searchFor, settled, waitForResults,
  urlParams, api, editApiAnswers, fitsWidth, screenshot, cspProblems, writeDojSample,
} from './harness.mjs';

const LINDQVIST = 'Hana Lindqvist';
// Her quotes per year in the fixture below (2014: none), and undated ones.
const LINDQVIST_YEARS = { 2013: 1, 2014: 0, 2015: 2, 2016: 1 };
const LINDQVIST_UNDATED = 1;
const UNSTATED_QUOTE_START = 'Clear sidewalks are everyone’s responsibility';

function writeQuotesFixture(dir) {
  const release = (id, date, title, paragraphs) => ({
    id, title, date, category: 'City News', source: 'City of Riverton, Office of Communications', lang: 'en',
    body: paragraphs.join('\n\n'),
  });
  const records = [
    release('riverton-2013-library', '2013-03-14', 'City Opens Riverside Library Branch', [
      'The Riverside branch of the city library opened on Thursday after two years of construction.',
      '“A library is the one place in the city where everyone is welcome, whatever they can pay,” said Deputy Mayor Hana Lindqvist at the opening.',
      'The branch is open every day from nine in the morning to eight in the evening.',
    ]),
    release('riverton-2015-pools', '2015-06-02', 'Summer Pool Hours Extended', [
      'The city’s six public pools will stay open two hours longer this summer.',
      '“Longer hours mean more children can swim safely during the heat,” said Deputy Mayor Hana Lindqvist.',
      'Lindqvist added, “We will keep the pools open until nine in the evening through August.”',
    ]),
    release('riverton-2016-buses', '2016-09-20', 'Bus Lanes to Open on Harbor Avenue', [
      'Dedicated bus lanes will open on Harbor Avenue on October 3.',
      '“The new lanes will cut the commute from the harbor to downtown by ten minutes,” Deputy Mayor Hana Lindqvist said.',
    ]),
    release('riverton-trees', null, 'Volunteers Plant Trees Along the River', [
      'More than two hundred volunteers planted trees along the river path on Saturday.',
      '“Every tree planted today will shade the river path for fifty years,” said Deputy Mayor Hana Lindqvist.',
    ]),
    release('riverton-2016-snow', '2016-02-11', 'Snow Removal Plan Announced', [
      'The city announced its snow removal plan for the coming winter.',
      '“Clear sidewalks are everyone’s responsibility, and the city will help those who cannot clear their own.” The plan takes effect on December 1.',
    ]),
  ];
  const file = path.join(dir, 'riverton.jsonl');
  fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
}

useDaemonAndBrowser({
  sources: (dir) => [path.join(SOURCE_DIR, 'corpus', 'seeds'), writeDojSample(dir), writeQuotesFixture(dir)],
});

// corpus/seeds/000_afe356aea1f15e35.txt: "“China’s impact on Seoul’s economy is significant, as
// Chinese travelers account for the majority of tourists visiting Seoul and the country is the
// largest export partner for our businesses,” explained Mayor Park."
const PARK_DOC = '000_afe356aea1f15e35.txt';
const PARK_TITLE = 'Mayor Park Won Soon Visits China to Attend 21st Century Council';
const PARK = 'Park Won Soon';
const CHINA_QUOTE_START = 'China’s impact on Seoul’s economy';
const CHINA_QUOTE = 'China’s impact on Seoul’s economy is significant, as Chinese travelers account for the majority ' +
  'of tourists visiting Seoul and the country is the largest export partner for our businesses';
// The same, as a paper might have printed it: one word changed ("Seoul’s" to "Korea’s"), one
// left out ("our").
const ALTERED_QUOTE = 'China’s impact on Korea’s economy is significant, as Chinese travelers account for the majority ' +
  'of tourists visiting Seoul and the country is the largest export partner for businesses';

// ------------------------------------------------------------------ helpers

const quoteCards = () => page.locator('#main li.quote-hit');
const tabs = () => page.getByRole('navigation', { name: 'Search in' });
const quotesTab = () => tabs().getByRole('link', { name: 'Quotes', exact: true });
const releasesTab = () => tabs().getByRole('link', { name: 'Releases', exact: true });
const quoteBox = () => page.getByRole('textbox', { name: 'The quotation as printed' });
const checkButton = () => page.getByRole('button', { name: 'Check', exact: true });
const verdictHeading = () => page.locator('#verify-result .verdict-heading');

// The card whose quotation starts with `start`.
function cardStarting(start) {
  return quoteCards().filter({ has: page.locator('blockquote', { hasText: start }) }).first();
}

async function waitForQuotes() {
  await settled();
  await page.locator('#count').waitFor();
}

const text = async (locator) => (await locator.textContent()).replace(/\s+/g, ' ').trim();

const quoteCount = (n) => `${n} ${n === 1 ? 'quote' : 'quotes'}`;

async function verifyAnswer(quote) {
  const res = await fetch(base + '/api/verify', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ quote }),
  });
  return { status: res.status, body: await res.json() };
}

// ------------------------------------------------------------------ the Quotes tab

test('the Quotes tab runs the same query and shows who said each quote, linked to its paragraph', async () => {
  await page.goto(base + '/');
  await searchFor('China');
  await page.waitForURL((u) => u.search === '?q=China');
  await waitForResults();
  assert.equal(await releasesTab().getAttribute('aria-current'), 'page', 'the release search is the tab shown');
  assert.ok(await hits().count() >= 1);

  await quotesTab().click();
  await page.waitForURL((u) => u.searchParams.get('tab') === 'quotes' && u.searchParams.get('q') === 'China');
  await waitForQuotes();
  assert.equal(await quotesTab().getAttribute('aria-current'), 'page');
  assert.equal(await releasesTab().getAttribute('aria-current'), null);
  assert.match(await text(page.locator('#count')), /^\d+ quotes? for “China”/);
  assert.equal(await hits().count(), 0, 'no release results under the Quotes tab');
  assert.equal(await page.getByLabel('Search press releases').inputValue(), 'China');

  const card = cardStarting(CHINA_QUOTE_START);
  await card.waitFor();
  const quote = await text(card.locator('blockquote'));
  assert.ok(quote.startsWith(CHINA_QUOTE_START), `the quote as the release has it: ${quote}`);
  assert.match(await text(card.locator('.quote-by')), new RegExp(`^— ${PARK}\\b`));
  assert.equal(await card.getByRole('link', { name: PARK, exact: true }).count(), 1, 'the speaker is a link');
  assert.equal(await card.getByText('Speaker not stated').count(), 0);

  const release = card.getByRole('link', { name: PARK_TITLE });
  const href = new URL(await release.getAttribute('href'), page.url());
  assert.equal(href.pathname, '/doc/' + encodeURIComponent(PARK_DOC));
  assert.match(href.hash, /^#p\d+$/, 'the link points at the quote\'s paragraph');
  const paragraph = Number(href.hash.slice(2));
  assert.match(await text(card.locator('.quote-source')), new RegExp(`paragraph ${paragraph}\\b`));
  await screenshot('quotes.png');

  // The link opens the release at that paragraph, which holds the quote.
  await release.click();
  await page.waitForURL((u) => u.pathname === '/doc/' + encodeURIComponent(PARK_DOC));
  assert.equal(new URL(page.url()).hash, `#p${paragraph}`);
  const target = page.locator(`#p${paragraph}`);
  assert.ok((await text(target)).includes(CHINA_QUOTE_START), 'the paragraph linked to holds the quote');
  assert.equal(await target.evaluate((n) => n.matches(':target')), true);
});

test('the query\'s words are highlighted in the quotes, in a possessive too (“China’s” for China)', async () => {
  await page.goto(base + '/?tab=quotes&q=China');
  await waitForQuotes();
  const quotes = quoteCards().locator('blockquote');
  assert.ok(await quotes.count() >= 2);
  for (const q of await quotes.all()) {
    const marked = await q.locator('mark').allTextContents();
    assert.ok(marked.length > 0 && marked.every((m) => /^China(’s)?$/i.test(m)), `“${(await q.textContent()).slice(0, 60)}…” marks ${JSON.stringify(marked)}`);
  }
  // The release results mark the same words the same way.
  await releasesTab().click();
  await waitForResults();
  assert.ok((await page.locator('#results .snippet mark').allTextContents()).some((m) => /^China’s$/.test(m)));
});

test('"Cite" on a quote names the speaker, the release, its date and the link to the paragraph', async () => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  await page.goto(base + '/?tab=quotes&q=China');
  await waitForQuotes();
  const card = cardStarting(CHINA_QUOTE_START);
  const cite = card.getByRole('button', { name: /^Cite/ });
  assert.equal(await cite.getAttribute('aria-expanded'), 'false');
  await cite.click();
  const citation = card.locator('.citation-text');
  await citation.waitFor();
  const cited = (await citation.textContent()).trim();
  const href = new URL(await card.getByRole('link', { name: PARK_TITLE }).getAttribute('href'), page.url());
  assert.ok(cited.startsWith('“' + CHINA_QUOTE_START), `starts with the quote: ${cited}`);
  assert.ok(cited.includes(`” ${PARK}`), `names the speaker after the quote: ${cited}`);
  assert.ok(cited.includes(`Quoted in: ${PARK_TITLE}.`), `names the release: ${cited}`);
  // The seed release states no date: the citation says so rather than inventing one.
  const date = await card.locator('.quote-date').getAttribute('datetime');
  assert.ok(date ? cited.includes(date.slice(0, 4)) : cited.includes('n.d.'), `the date: ${cited}`);
  assert.ok(cited.endsWith(`Pressroom: ${base}/doc/${encodeURIComponent(PARK_DOC)}${href.hash}`), `the paragraph's link: ${cited}`);
  await card.locator('.citation-status', { hasText: 'Copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), cited);
  await screenshot('quotes-cite.png', { fullPage: false });
});

test('a quote whose release names no speaker says "Speaker not stated", in its citation too', async () => {
  await page.goto(base + '/?tab=quotes&q=sidewalks');
  await waitForQuotes();
  const card = cardStarting(UNSTATED_QUOTE_START);
  await card.waitFor();
  assert.equal(await text(card.locator('.quote-by')), '— Speaker not stated');
  assert.equal(await card.locator('.quote-by a').count(), 0, 'no speaker link, and no guess');
  const source = card.locator('.quote-source');
  assert.equal(await text(source.locator('a.quote-release')), 'Snow Removal Plan Announced');
  assert.match(await text(source), /, paragraph 2\b/);
  assert.equal(await text(source.locator('time')), '11 February 2016');
  await card.getByRole('button', { name: /^Cite/ }).click();
  assert.match(await card.locator('.citation-text').textContent(),
    /^“Clear sidewalks .*” Speaker not stated\. Quoted in: Snow Removal Plan Announced\. City of Riverton, Office of Communications, 11 February 2016\. Pressroom: /);
});

test('names and titles in the quotes are shown as text, never as markup', async () => {
  await editApiAnswers('**/api/quotes?*', (body) => {
    if (body.hits.length < 2) return; // the checks below fail, saying what is missing
    Object.assign(body.hits[1], { speaker: '<img src=x onerror="window.__pwned=1">', role: '<b>Mayor</b>' });
    body.hits[1].release.title = '<script>window.__pwned=2</script>';
  });
  await page.goto(base + '/?tab=quotes&q=China');
  await waitForQuotes();
  const second = quoteCards().nth(1);
  assert.ok((await text(second.locator('.quote-by'))).includes('<img src=x onerror="window.__pwned=1">, <b>Mayor</b>'));
  assert.ok((await text(second.locator('.quote-source'))).includes('<script>window.__pwned=2</script>'));
  assert.equal(await page.locator('#main img, #main b, #main script').count(), 0);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
});

test('the tab is in the URL: reload, back and forward keep it, and a new search stays in it', async () => {
  await page.goto(base + '/?q=China');
  await waitForResults();
  await quotesTab().click();
  await page.waitForURL((u) => u.searchParams.get('tab') === 'quotes');
  await waitForQuotes();
  await cardStarting(CHINA_QUOTE_START).waitFor();

  await page.reload();
  await waitForQuotes();
  assert.equal(urlParams().get('tab'), 'quotes');
  assert.equal(await quotesTab().getAttribute('aria-current'), 'page');
  await cardStarting(CHINA_QUOTE_START).waitFor();

  await releasesTab().click();
  await page.waitForURL((u) => u.search === '?q=China');
  await waitForResults();
  assert.ok(await hits().count() >= 1);
  assert.equal(await quoteCards().count(), 0);

  await page.goBack();
  await page.waitForURL((u) => u.searchParams.get('tab') === 'quotes' && u.searchParams.get('q') === 'China');
  await waitForQuotes();
  await cardStarting(CHINA_QUOTE_START).waitFor();
  assert.equal(await hits().count(), 0);

  await page.goForward();
  await page.waitForURL((u) => u.search === '?q=China');
  await waitForResults();
  assert.ok(await hits().count() >= 1);
  assert.equal(await releasesTab().getAttribute('aria-current'), 'page');

  // A search typed in the Quotes tab searches the quotes.
  await page.goBack();
  await waitForQuotes();
  await searchFor('Beijing');
  await page.waitForURL((u) => u.searchParams.get('q') === 'Beijing');
  assert.equal(urlParams().get('tab'), 'quotes');
  await waitForQuotes();
  assert.match(await text(page.locator('#count')), /quotes? for “Beijing”/);
});

test('quotes are paged as the release results are, and the pages keep the tab', async () => {
  const { body } = await api('/api/quotes?q=China');
  assert.ok(body.total >= 2, `two quotes for China at least: ${body.total}`);
  await page.goto(base + '/?tab=quotes&q=China&per_page=1');
  await waitForQuotes();
  assert.equal(await quoteCards().count(), 1);
  assert.match(await text(page.locator('#count')), new RegExp(`^${body.total} quotes for “China” · page 1 of ${body.total}\\b`));
  const first = await text(quoteCards().first().locator('blockquote'));
  const nav = page.getByRole('navigation', { name: 'Result pages' });
  await nav.getByRole('link', { name: /next/i }).click();
  await page.waitForURL((u) => u.searchParams.get('page') === '2');
  assert.equal(urlParams().get('tab'), 'quotes');
  assert.equal(urlParams().get('per_page'), '1');
  await waitForQuotes();
  assert.equal(await quoteCards().count(), 1);
  assert.notEqual(await text(quoteCards().first().locator('blockquote')), first, 'page 2 shows another quote');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'count', 'reading starts again at the top');
});

test('without a query the Quotes tab lists the newest quotes', async () => {
  const { body } = await api('/api/quotes?q=&sort=newest');
  await page.goto(base + '/?tab=quotes');
  await waitForQuotes();
  assert.match(await text(page.locator('#count')), new RegExp(`^Newest quotes \\(${quoteCount(body.total)} in all\\)`));
  assert.equal(await page.locator('#sort').inputValue(), 'newest');
  const dates = await quoteCards().locator('.quote-date').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')));
  const dated = dates.filter((d) => d != null);
  for (let i = 1; i < dated.length; i++) assert.ok(dated[i - 1] >= dated[i], `newest first: ${dated.join(', ')}`);
  assert.deepEqual(await quoteCards().locator('blockquote').allTextContents().then((t) => t.map((x) => x.replace(/\s+/g, ' ').trim())),
    body.hits.map((h) => h.text.replace(/\s+/g, ' ').trim()));
});

test('a query no quote matches says so and offers the release search', async () => {
  await page.goto(base + '/?tab=quotes&q=zzzxqv');
  await page.locator('#empty').waitFor();
  assert.match(await text(page.locator('#empty h2')), /^No quotes match “zzzxqv”\.$/);
  assert.match(await text(page.locator('#count')), /^0 quotes for “zzzxqv”/);
  await page.locator('#empty').getByRole('link', { name: 'Search the releases' }).click();
  await page.waitForURL((u) => u.search === '?q=zzzxqv');
  await page.locator('#empty').getByText(/No releases match/).waitFor();
});

// ------------------------------------------------------------------ a speaker's timeline

test('a speaker\'s name shows their quotes for the query, with a way back', async () => {
  await page.goto(base + '/?tab=quotes&q=China');
  await waitForQuotes();
  await cardStarting(CHINA_QUOTE_START).getByRole('link', { name: PARK, exact: true }).click();
  await page.waitForURL((u) => u.searchParams.get('speaker') === PARK);
  assert.equal(urlParams().get('tab'), 'quotes');
  assert.equal(urlParams().get('q'), 'China', 'the timeline is for the current query');
  await waitForQuotes();
  const heading = page.getByRole('heading', { name: `Quotes by ${PARK}` });
  assert.equal(await heading.evaluate((n) => n === document.activeElement), true, 'the focus moves to the heading');

  // Park Won Soon's quotes come from releases that state no date: no bars, the count in words.
  const { body: tl } = await api(`/api/speakers/${encodeURIComponent(PARK)}/timeline?q=China`);
  assert.deepEqual([tl.years.length, tl.undated], [0, tl.total]);
  const chart = page.getByRole('figure', { name: 'Quotes per year' });
  await chart.waitFor();
  assert.equal(await chart.locator('.tl-item').count(), 0);
  assert.equal(await text(chart.locator('figcaption')), 'Quotes per year');
  assert.equal(await text(chart.locator('.tl-none')), `${tl.undated} undated: the releases these quotes come from state no date.`);

  assert.equal(await quoteCards().count(), tl.hits.length);
  const quotes = (await quoteCards().locator('blockquote').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  assert.ok(quotes.some((q) => q.startsWith(CHINA_QUOTE_START)), 'the quote the name was chosen from is listed');
  assert.equal(await quoteCards().locator('a.speaker-link').count(), 0, 'no link to the page already shown');
  assert.equal(await text(page.locator('#timeline .timeline-summary')), `${quoteCount(tl.total)} matching “China” (${tl.undated} undated).`);
  assert.deepEqual(await page.locator('#timeline .tl-group-heading').allTextContents(), ['Undated']);
  await screenshot('timeline-undated.png');

  // Back to every quote for the query.
  await page.getByRole('link', { name: /All quotes for “China”/ }).click();
  await page.waitForURL((u) => u.searchParams.get('tab') === 'quotes' && !u.searchParams.has('speaker'));
  assert.equal(urlParams().get('q'), 'China');
  await waitForQuotes();
  await cardStarting(CHINA_QUOTE_START).waitFor();
  await page.goBack();
  await page.waitForURL((u) => u.searchParams.get('speaker') === PARK);
  await chart.waitFor();

  // Every quote of his, whatever the query.
  await page.getByRole('link', { name: `Every quote by ${PARK}` }).click();
  await page.waitForURL((u) => u.searchParams.get('speaker') === PARK && !u.searchParams.has('q'));
  await waitForQuotes();
  const { body: all } = await api(`/api/speakers/${encodeURIComponent(PARK)}/timeline`);
  assert.equal(await quoteCards().count(), all.total);
  assert.match(await text(chart.locator('.tl-none')), new RegExp(`^${all.undated} undated:`));
});

test('the timeline shows a histogram of quotes per year, empty years too, and the quotes oldest first', async () => {
  await page.goto(`${base}/?${new URLSearchParams({ tab: 'quotes', speaker: LINDQVIST })}`);
  await waitForQuotes();
  await page.getByRole('heading', { name: `Quotes by ${LINDQVIST}` }).waitFor();
  assert.match(await page.title(), new RegExp(`^Quotes by ${LINDQVIST}`));
  const total = Object.values(LINDQVIST_YEARS).reduce((a, b) => a + b, 0) + LINDQVIST_UNDATED;
  assert.equal(await text(page.locator('#timeline .timeline-summary')), `${quoteCount(total)}, 2013 to 2016 (${LINDQVIST_UNDATED} undated).`);

  // One bar a year from the first to the last, then the undated; each reads "2015: 2 quotes".
  const chart = page.getByRole('figure', { name: 'Quotes per year' });
  const labels = (await chart.getByRole('listitem').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  assert.deepEqual(labels, [
    ...Object.entries(LINDQVIST_YEARS).map(([y, n]) => `${y}: ${quoteCount(n)}`),
    `Undated: ${quoteCount(LINDQVIST_UNDATED)}`,
  ]);
  // The bars' heights follow the counts: the busiest year full, one quote half, none empty.
  const heights = await chart.locator('.tl-item rect').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height'))));
  assert.deepEqual(heights, [50, 0, 100, 50, 50]);
  const boxes = await chart.locator('.tl-item rect').evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().height));
  assert.ok(boxes[2] > boxes[0] * 1.8 && boxes[1] === 0, `drawn heights follow: ${boxes}`);

  // The quotes, oldest first (the undated last), under a heading per year.
  const dates = await quoteCards().locator('.quote-date').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')));
  assert.deepEqual(dates, ['2013-03-14', '2015-06-02', '2015-06-02', '2016-09-20', null]);
  assert.equal(await text(quoteCards().last().locator('.quote-date')), 'undated');
  assert.deepEqual(await page.locator('#timeline .tl-group-heading').allTextContents(), ['2013', '2015', '2016', 'Undated']);
  const quotes = (await quoteCards().locator('blockquote').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  assert.ok(quotes[0].startsWith('A library is the one place in the city'), quotes[0]);
  assert.ok(quotes[4].startsWith('Every tree planted today'), quotes[4]);
  // "Lindqvist added, ..." is hers too, and says how the release named her.
  assert.match(await text(quoteCards().nth(2).locator('.quote-by')), /^— Hana Lindqvist, Deputy Mayor \(named “Lindqvist” in the release\)$/);
  assert.deepEqual(await cspProblems(), []);
  await screenshot('timeline.png');

  // The speakers beside the quotes mark this one.
  const current = page.locator('#speakers a[aria-current="true"]');
  assert.equal(await current.count(), 1);
  assert.ok((await text(current)).startsWith(LINDQVIST));

  // The releases that quote her, through the release search.
  await page.getByRole('link', { name: `Releases quoting ${LINDQVIST}` }).click();
  await page.waitForURL((u) => !u.searchParams.has('tab') && u.searchParams.get('q') === `speaker:"${LINDQVIST}"`);
  await waitForResults();
  assert.deepEqual((await titles().allTextContents()).sort(), [
    'Bus Lanes to Open on Harbor Avenue', 'City Opens Riverside Library Branch', 'Summer Pool Hours Extended',
    'Volunteers Plant Trees Along the River']);
});

test('the speakers beside the quotes are the most quoted, and lead to their timelines', async () => {
  const { body } = await api('/api/speakers');
  await page.goto(base + '/?tab=quotes&q=China');
  await waitForQuotes();
  const list = page.getByRole('complementary', { name: 'Most quoted' });
  const entries = list.getByRole('link');
  await entries.first().waitFor();
  const names = await entries.evaluateAll((links) => links.map((a) => a.dataset.speaker));
  assert.deepEqual(names, body.speakers.slice(0, 10).map((s) => s.name));
  assert.match(await text(list.locator('.speakers-status')), new RegExp(`^10 of ${body.total} speakers shown\\.$`));

  // The name filter asks the daemon for matching names.
  const box = list.getByRole('searchbox', { name: 'Find a speaker' });
  await box.fill('lindq');
  await page.waitForFunction(() => document.querySelectorAll('#speaker-list a').length === 1);
  const entry = list.getByRole('link', { name: new RegExp(`^${LINDQVIST}`) });
  assert.equal(await text(entry), `${LINDQVIST}, Deputy Mayor · 2013–2016: 5 quotes`);
  await entry.click();
  await page.waitForURL((u) => u.searchParams.get('speaker') === LINDQVIST && !u.searchParams.has('q'));
  await page.getByRole('heading', { name: `Quotes by ${LINDQVIST}` }).waitFor();
  assert.equal(await page.getByLabel('Search press releases').inputValue(), '');

  await box.fill('zzzxqv');
  await list.getByText('No speaker’s name matches “zzzxqv”.').waitFor();
});

test('an unknown speaker gets the daemon\'s message and a way back to the quotes', async () => {
  const name = 'Nobody Innparticular';
  const res = await api(`/api/speakers/${encodeURIComponent(name)}/timeline`);
  assert.equal(res.status, 404);
  await page.goto(`${base}/?${new URLSearchParams({ tab: 'quotes', speaker: name, q: 'China' })}`);
  const error = page.locator('#error');
  await error.waitFor();
  assert.equal(await text(error.locator('h2')), `No quotes by ${name} were found`);
  assert.equal(await text(error.locator('.error-message')), res.body.error.message);
  assert.equal(await error.getByRole('button', { name: 'Try again' }).count(), 0, 'asking again would not help');
  await error.getByRole('link', { name: /All quotes for “China”/ }).click();
  await page.waitForURL((u) => u.searchParams.get('tab') === 'quotes' && !u.searchParams.has('speaker'));
  await cardStarting(CHINA_QUOTE_START).waitFor();
});

// ------------------------------------------------------------------ check a quote

test('"Check a quote": a slightly altered quote is close, with the changed and left-out words marked', async () => {
  await page.goto(base + '/?tab=quotes&q=China');
  await waitForQuotes();
  await page.getByRole('link', { name: 'Check a quote' }).first().click();
  await page.waitForURL((u) => u.searchParams.get('tab') === 'verify');
  await settled();
  assert.equal(await quoteBox().evaluate((n) => n === document.activeElement), true, 'the box has the focus');
  assert.equal(await page.getByRole('heading', { name: 'Check a quote' }).isVisible(), true);

  await quoteBox().fill(ALTERED_QUOTE);
  await checkButton().click();
  await verdictHeading().waitFor();
  assert.equal(await text(verdictHeading()), 'Found, but not word for word');
  assert.equal(await verdictHeading().evaluate((n) => n === document.activeElement), true, 'the verdict gets the focus');
  const { body } = await verifyAnswer(ALTERED_QUOTE);
  assert.equal(body.verdict, 'close');
  assert.equal(await text(page.locator('#verify-result .verdict-message')), body.message.trim());

  // The word differences: "Seoul’s" changed to "Korea’s", "our" left out.
  const diff = page.locator('#verify-result .diff');
  const changed = diff.locator('.diff-changed');
  assert.ok(await changed.count() >= 1, 'a changed word');
  const pairs = await changed.evaluateAll((nodes) => nodes.map((n) => [n.querySelector('del').textContent, n.querySelector('ins').textContent]));
  assert.ok(pairs.some(([original, printed]) => /Seoul’s/.test(original) && /Korea’s/.test(printed)), `Seoul’s → Korea’s: ${JSON.stringify(pairs)}`);
  const missing = await diff.locator('del.diff-missing').allTextContents();
  assert.ok(missing.some((w) => /\bour\b/.test(w)), `"our" left out: ${JSON.stringify(missing)}`);
  assert.equal(await diff.locator('ins.diff-added').count(), 0, 'nothing was added');
  const plain = await diff.evaluate((n) => [...n.childNodes].filter((c) => c.nodeType === 3).map((c) => c.textContent).join(''));
  assert.match(plain, /China’s impact on/, 'unchanged words are plain text');
  // A key to the marks.
  const legend = page.locator('#verify-result .diff-legend');
  assert.match(await text(legend), /only in the printed version/);
  assert.match(await text(legend), /left out/);

  // The match, and a link to its paragraph in the release.
  const link = page.getByRole('link', { name: /^Read paragraph \d+ of the release$/ });
  const href = new URL(await link.getAttribute('href'), page.url());
  assert.equal(href.pathname, '/doc/' + encodeURIComponent(PARK_DOC));
  assert.match(href.hash, /^#p\d+$/);
  const match = page.locator('#verify-result li.quote-hit');
  assert.ok((await text(match.locator('blockquote'))).startsWith(CHINA_QUOTE_START));
  assert.match(await text(match.locator('.quote-by')), new RegExp(`^— ${PARK}\\b`));
  assert.deepEqual(await cspProblems(), []);
  await screenshot('verify-close.png');

  await link.click();
  await page.waitForURL((u) => u.pathname.startsWith('/doc/'));
  assert.ok((await text(page.locator(href.hash))).includes(CHINA_QUOTE_START));
});

test('"Check a quote": the exact words are found word for word', async () => {
  await page.goto(base + '/?tab=verify');
  await quoteBox().fill(CHINA_QUOTE);
  await quoteBox().press('Control+Enter'); // the keyboard shortcut of the Check button
  await verdictHeading().waitFor();
  assert.equal(await text(verdictHeading()), 'Found word for word');
  assert.equal(await page.locator('#verify-result ins, #verify-result .diff del').count(), 0, 'nothing marked');
  await page.getByRole('link', { name: /^Read paragraph \d+ of the release$/ }).waitFor();
});

test('"Check a quote": nonsense finds nothing close, and an empty box asks for a quote without asking the daemon', async () => {
  const requests = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname === '/api/verify') requests.push(r.method()); });
  await page.goto(base + '/?tab=verify');
  await settled();
  await checkButton().click();
  const problem = page.locator('#verify-error');
  await problem.waitFor();
  assert.equal(await text(problem), 'Paste or type the quotation you want to check first.');
  assert.equal(await quoteBox().getAttribute('aria-invalid'), 'true');
  assert.equal(await quoteBox().evaluate((n) => n === document.activeElement), true);
  await quoteBox().fill('   \n  ');
  await checkButton().click();
  assert.equal(await problem.isVisible(), true);
  assert.deepEqual(requests, [], 'no request for an empty quote');

  await quoteBox().fill('Purple giraffes recite quantum marmalade sonnets beneath the municipal aquarium every Thursday');
  assert.equal(await problem.isVisible(), false, 'the message goes once something is typed');
  await checkButton().click();
  await verdictHeading().waitFor();
  assert.equal(await text(verdictHeading()), 'Nothing close was found');
  assert.deepEqual(requests, ['POST']);
  assert.ok((await text(page.locator('#verify-result .verdict-message'))).length > 0, 'the daemon\'s explanation is shown');
  assert.equal(await page.locator('#verify-result .diff').count(), 0, 'no differences to show');
  assert.equal(await page.locator('#verify-result a').count(), 0, 'no release to link to');
  await screenshot('verify-none.png');
});

test('"Check a quote" is in the URL: reload and back keep it, and the text stays while the tabs change', async () => {
  await page.goto(base + '/?q=China');
  await waitForResults();
  // Reachable from the page header.
  await page.locator('header').getByRole('link', { name: 'Check a quote' }).click();
  await page.waitForURL((u) => u.searchParams.get('tab') === 'verify');
  await quoteBox().fill(ALTERED_QUOTE);
  await checkButton().click();
  await verdictHeading().waitFor();

  await quotesTab().click();
  await page.waitForURL((u) => u.searchParams.get('tab') === 'quotes' && u.searchParams.get('q') === 'China');
  await waitForQuotes();
  assert.equal(await page.locator('#verify').isVisible(), false);
  await page.goBack();
  await page.waitForURL((u) => u.searchParams.get('tab') === 'verify');
  assert.equal(await quoteBox().inputValue(), ALTERED_QUOTE, 'the text is still there');
  assert.equal(await text(verdictHeading()), 'Found, but not word for word');

  await page.reload();
  await settled();
  assert.equal(urlParams().get('tab'), 'verify');
  assert.equal(await quoteBox().isVisible(), true);
  assert.equal(await page.locator('#facets').isVisible(), false);
});

test('"Check a quote": a quote the daemon refuses gets its message at the box; a failure offers "Try again"', async () => {
  // Too short to check: the daemon says why, and the page says it where the quote was typed.
  const refused = await verifyAnswer('Seoul economy');
  assert.equal(refused.status, 400);
  await page.goto(base + '/?tab=verify');
  await quoteBox().fill('Seoul economy');
  await checkButton().click();
  const problem = page.locator('#verify-error');
  await problem.waitFor();
  const message = refused.body.error.message.trim();
  assert.equal((await text(problem)).toLowerCase().replace(/\.$/, ''), message.toLowerCase().replace(/\.$/, ''));
  assert.match(await text(problem), /^[A-Z]/, 'written as a sentence');
  assert.equal(await quoteBox().getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#verify-result').isVisible(), false);

  // The service failing: said so, with "Try again", which asks again.
  let fail = true;
  await page.route('**/api/verify', (route) => (fail
    ? route.fulfill({ status: 503, json: { error: { code: 'unavailable', message: 'The index is being replaced.' } } })
    : route.continue()));
  await quoteBox().fill(ALTERED_QUOTE);
  assert.equal(await problem.isVisible(), false);
  await checkButton().click();
  const alert = page.locator('#verify-result [role="alert"]');
  await alert.waitFor();
  assert.match(await text(alert), /^The quote could not be checked/);
  assert.equal(await text(alert.locator('.error-message')), 'The index is being replaced.');
  fail = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await verdictHeading().filter({ hasText: 'Found, but not word for word' }).waitFor();
});

// ------------------------------------------------------------------ keyboard, CSP, phones

test('keyboard: the tabs, a speaker\'s name and "Check a quote" work without a mouse', async () => {
  await page.goto(base + '/?q=China');
  await waitForResults();
  const focused = () => page.evaluate(() => {
    const a = document.activeElement;
    return a ? (a.id || a.className || a.tagName) : null;
  });
  // "Skip to results" leads to the tabs: Releases, then Quotes.
  await page.getByRole('link', { name: 'Skip to results' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'tab-releases');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'tab-quotes');
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.searchParams.get('tab') === 'quotes');
  await waitForQuotes();
  assert.equal(await focused(), 'tab-quotes', 'the focus stays on the tab');

  let speaker = false;
  for (let i = 0; i < 15 && !speaker; i++) {
    await page.keyboard.press('Tab');
    speaker = await page.evaluate(() => document.activeElement?.classList.contains('speaker-link'));
  }
  assert.ok(speaker, 'Tab reaches a speaker\'s name');
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.searchParams.has('speaker'));
  await page.locator('#timeline .tl-chart').waitFor();
  assert.equal(await focused(), 'count', 'the timeline\'s heading has the focus');

  // The header link, then the box, then Check.
  await page.locator('header').getByRole('link', { name: 'Check a quote' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.searchParams.get('tab') === 'verify');
  assert.equal(await focused(), 'verify-text');
  await page.keyboard.type(ALTERED_QUOTE);
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'verify-button');
  await page.keyboard.press('Enter');
  await verdictHeading().waitFor();
  assert.equal(await verdictHeading().evaluate((n) => n === document.activeElement), true);
});

test('on a phone-sized screen the quotes, a timeline and a checked quote fit, and the page is ready for a strict CSP', async () => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(base + '/?tab=quotes&q=China');
  await waitForQuotes();
  await cardStarting(CHINA_QUOTE_START).getByRole('button', { name: /^Cite/ }).click();
  assert.ok(await fitsWidth(), 'the quotes fit');
  assert.deepEqual(await cspProblems(), []);
  await screenshot('phone-quotes.png', { fullPage: false });

  await page.goto(`${base}/?${new URLSearchParams({ tab: 'quotes', speaker: LINDQVIST })}`);
  await page.locator('#timeline .tl-chart').waitFor();
  assert.ok(await fitsWidth(), 'the timeline fits');
  // Every bar's year label stays under its bar, none overlapping the next.
  const boxes = await page.locator('#timeline .tl-item').evaluateAll((items) => items.map((li) => {
    const r = li.querySelector('.tl-year').getBoundingClientRect();
    return { left: r.left, right: r.right };
  }));
  for (let i = 1; i < boxes.length; i++) assert.ok(boxes[i - 1].right <= boxes[i].left, 'year labels do not overlap');
  assert.deepEqual(await cspProblems(), []);
  await screenshot('phone-timeline.png');

  await page.goto(base + '/?tab=verify');
  await quoteBox().fill(ALTERED_QUOTE);
  await checkButton().click();
  await verdictHeading().waitFor();
  assert.ok(await fitsWidth(), 'the checked quote fits');
  assert.deepEqual(await cspProblems(), []);
  await screenshot('phone-verify.png');
});
