// Real-browser tests of the page's own words in English and Korean (web/i18n.js): the language
// taken from the browser, the switch in the header (remembered, and ui= in the address), dates
// and counts written for the language, the release page's labels, and no English label left on
// a Korean results page. Against the real daemon, on an index of corpus/seeds and three dated
// releases written here: one dated to the day, one to the month, one to the year, all about a
// lantern festival, one of them quoting a mayor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  useDaemonAndBrowser, SOURCE_DIR, base, page, hits, titles, waitForResults, settled, urlParams,
  reopenBrowser, screenshot, cspProblems, fitsWidth,
} from './harness.mjs';

const DAY_ID = 'lantern-day';
const DAY_TITLE = 'Riverton Lantern Festival Opens Downtown';

function writeLanternFixture(dir) {
  const release = (id, date, title, paragraphs) => ({
    id, title, date, category: 'City News', source: 'City of Riverton, Office of Communications', lang: 'en',
    body: paragraphs.join('\n\n'),
  });
  const records = [
    release(DAY_ID, '2026-11-23', DAY_TITLE, [
      'The lantern festival opened downtown on Monday with two thousand paper lanterns along the river.',
      '“The lantern festival brings the whole city together, whatever the weather,” said Mayor Dana Whitfield.',
    ]),
    release('lantern-month', '2015-03', 'Lantern Festival Volunteers Sought', [
      'The city is looking for volunteers to help build lanterns for the spring festival.',
    ]),
    release('lantern-year', '2014', 'Lantern Festival Budget Approved', [
      'The council approved the budget of the lantern festival for the coming year.',
    ]),
  ];
  const file = path.join(dir, 'lanterns.jsonl');
  fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return file;
}

useDaemonAndBrowser({
  sources: (dir) => [path.join(SOURCE_DIR, 'corpus', 'seeds'), writeLanternFixture(dir)],
});

const LANTERN_TITLES = [DAY_TITLE, 'Lantern Festival Volunteers Sought', 'Lantern Festival Budget Approved'].sort();

// ------------------------------------------------------------------ helpers

const htmlLang = () => page.evaluate(() => document.documentElement.lang);
const switchLink = (name) => page.locator('#lang-switch').getByRole('link', { name, exact: true });
const dates = () => page.locator('#results .hit-date').allTextContents();
const sortedTitles = async () => (await titles().allTextContents()).map((s) => s.trim()).sort();
const stored = () => page.evaluate(() => localStorage.getItem('pressroom.ui'));

async function expectEnglishLabels() {
  assert.equal(await htmlLang(), 'en');
  await page.getByRole('combobox', { name: 'Search press releases' }).waitFor();
  assert.equal(await page.locator('#q').getAttribute('placeholder'), 'e.g. Integration Council');
  assert.equal((await page.locator('#search-form button[type="submit"]').textContent()).trim(), 'Search');
  assert.equal(await page.getByRole('navigation', { name: 'Search in' }).getByRole('link', { name: 'Releases', exact: true }).count(), 1);
  assert.equal(await page.locator('header').getByRole('link', { name: 'Check a quote' }).count(), 1);
}

async function expectKoreanLabels() {
  assert.equal(await htmlLang(), 'ko');
  await page.getByRole('combobox', { name: '보도자료 검색' }).waitFor();
  assert.equal(await page.locator('#q').getAttribute('placeholder'), '예: 박원순, Integration Council');
  assert.equal((await page.locator('#search-form button[type="submit"]').textContent()).trim(), '검색');
  const tabs = page.getByRole('navigation', { name: '검색 대상' });
  assert.equal(await tabs.getByRole('link', { name: '보도자료', exact: true }).count(), 1);
  assert.equal(await tabs.getByRole('link', { name: '인용문', exact: true }).count(), 1);
  assert.equal(await page.locator('header').getByRole('link', { name: '인용문 확인' }).count(), 1);
}

// ------------------------------------------------------------------ tests

test('an English browser gets the page in English, with its dates at their precision', async () => {
  await page.goto(base + '/?q=lantern');
  await waitForResults();
  await expectEnglishLabels();
  assert.match(await page.locator('#count').textContent(), /^3 results for “lantern”/);
  assert.deepEqual((await dates()).sort(), ['2014', '23 November 2026', 'March 2015']);
  assert.equal(await page.getByLabel('Sort').locator('option[value="newest"]').textContent(), 'Newest first');
  // The switch shows both languages, each in its own; English is the one in use.
  assert.equal(await switchLink('English').getAttribute('aria-current'), 'true');
  assert.equal(await switchLink('한국어').getAttribute('lang'), 'ko');
  assert.equal(await switchLink('한국어').getAttribute('aria-current'), null);
  // A language taken from the browser is not written into the address.
  assert.equal(urlParams().has('ui'), false);
  assert.equal(await stored(), null);
});

test('a Korean browser gets the labels, counts, dates and title in Korean; the releases stay as they are', async () => {
  await reopenBrowser({ locale: 'ko-KR' });
  await page.goto(base + '/?q=lantern');
  await waitForResults();
  await expectKoreanLabels();
  assert.match(await page.locator('#count').textContent(), /^“lantern” 검색 결과 3건/);
  const shown = (await dates()).sort();
  assert.deepEqual(shown, ['2014년', '2015년 3월', '2026년 11월 23일']);
  assert.ok(shown.some((d) => /^\d{4}년 \d{1,2}월 \d{1,2}일$/.test(d)), 'a day written YYYY년 M월 D일');
  assert.equal(await page.locator('#results time[datetime="2026-11-23"]').textContent(), '2026년 11월 23일');
  // Only the page's words change: titles, snippets and categories are the API's.
  assert.deepEqual(await sortedTitles(), LANTERN_TITLES);
  assert.match(await page.locator('#results .snippet').first().textContent(), /lantern/i);
  assert.equal(await page.locator('#results .hit-category').first().textContent(), 'City News');
  const sort = page.getByLabel('정렬');
  assert.deepEqual(await sort.locator('option').allTextContents(), ['관련도순', '최신순', '오래된순']);
  const facets = await page.locator('#facet-groups .facet-heading').allTextContents();
  assert.deepEqual(facets, ['분류', '출처', '언어', '연도']);
  assert.equal(await page.locator('.facet-lang .facet-label').first().textContent(), '영어');
  assert.equal((await hits().first().locator('.cite-button').textContent()).trim(), '출처 표기');
  assert.match(await page.title(), /^“lantern” – Pressroom 검색$/);
  assert.equal(await switchLink('한국어').getAttribute('aria-current'), 'true');
  assert.equal(urlParams().has('ui'), false, 'the browser\'s language is not written into the address');
  assert.deepEqual(await cspProblems(), []);

  // The newest releases, without a query, and a page of one result: counts and pages.
  await page.goto(base + '/?q=lantern&sort=newest&per_page=1');
  await waitForResults();
  assert.equal(await page.locator('#count strong').textContent(), '3건');
  assert.match(await page.locator('#count .page-of').textContent(), /3페이지 중 1페이지/);
  const pages = page.getByRole('navigation', { name: '결과 페이지' });
  assert.equal((await pages.locator('.page-next').textContent()).replace(/\s+/g, ' ').trim(), '다음 →');
  assert.equal(await pages.getByRole('link', { name: '2페이지', exact: true }).count(), 1);
  assert.equal(await titles().first().textContent(), DAY_TITLE, 'newest first');
  await page.goto(base + '/');
  await waitForResults();
  assert.match(await page.locator('#count').textContent(), /^최신 보도자료 \(전체 8건\)/);
  await screenshot('i18n-ko-results.png');
});

test('the switch changes the labels in place, keeps the query and results, and survives a reload', async () => {
  await page.goto(base + '/?q=lantern');
  await waitForResults();
  await expectEnglishLabels();
  const before = await sortedTitles();

  let searches = 0;
  page.on('request', (r) => { if (r.url().includes('/api/search')) searches++; });
  await switchLink('한국어').click();
  await page.waitForURL((u) => u.searchParams.get('ui') === 'ko');
  await expectKoreanLabels();
  assert.equal(urlParams().get('q'), 'lantern', 'the query stays in the address');
  assert.equal(urlParams().has('lang'), false, 'lang= is the releases\' language filter, not the page\'s');
  assert.equal(await page.locator('#q').inputValue(), 'lantern');
  assert.deepEqual(await sortedTitles(), before, 'the same results');
  assert.match(await page.locator('#count').textContent(), /^“lantern” 검색 결과 3건/);
  assert.ok((await dates()).includes('2026년 11월 23일'));
  assert.equal(searches, 0, 'no new search was needed');
  assert.equal(await stored(), 'ko');
  assert.equal(await switchLink('한국어').getAttribute('aria-current'), 'true');

  // Links the page writes keep the language.
  await page.getByRole('link', { name: '인용문', exact: true }).click();
  await page.waitForURL((u) => u.searchParams.get('tab') === 'quotes');
  assert.equal(urlParams().get('ui'), 'ko');

  await page.goBack();
  await waitForResults();
  await page.reload();
  await waitForResults();
  await expectKoreanLabels();
  assert.deepEqual(await sortedTitles(), before);

  // Remembered: an address without ui= opens in Korean too, and says so.
  await page.goto(base + '/?q=lantern');
  await waitForResults();
  await expectKoreanLabels();
  assert.equal(urlParams().get('ui'), 'ko');

  await switchLink('English').click();
  await page.waitForURL((u) => u.searchParams.get('ui') === 'en');
  await expectEnglishLabels();
  assert.match(await page.locator('#count').textContent(), /^3 results for “lantern”/);
  assert.equal(await stored(), 'en');
  await page.reload();
  await waitForResults();
  await expectEnglishLabels();
});

test('an address with ui=ko opens in Korean in an English browser', async () => {
  await page.goto(base + '/?q=zzzxqv&ui=ko');
  await settled();
  await expectKoreanLabels();
  const empty = page.locator('#empty');
  await empty.waitFor();
  assert.match(await empty.locator('h2').textContent(), /^“zzzxqv”에 대한 검색 결과가 없습니다\.$/);
  assert.match(await page.locator('#count').textContent(), /^“zzzxqv” 검색 결과 0건/);
  assert.equal(await stored(), 'ko');
});

test('on a Korean results page no English label is left', async () => {
  await reopenBrowser({ locale: 'ko-KR' });
  await page.goto(base + '/?q=lantern');
  await waitForResults();
  await page.locator('.cite-button').first().click();
  await page.locator('.citation-status').first().filter({ hasText: /\S/ }).waitFor();

  // Every visible text and label of the page's own, with the API's words left out: titles,
  // snippets, categories, sources, the query, facet values, the reading of the query.
  const english = await page.evaluate(() => {
    const CONTENT = '.hit-title, .snippet, .hit-category, .hit-source, .query-echo, .citation-text, '
      + '.facet-category .facet-label, .facet-source .facet-label, #reading-text, #lang-switch [lang="en"]';
    const ALLOWED = new Set(['Pressroom', 'Atom', 'CSV', 'JSON', 'ms', 'Ctrl', 'C', 'Mac', 'YYYY', 'MM', 'DD']);
    const found = [];
    const check = (text, where) => {
      for (const word of text.match(/[A-Za-z]+/g) || []) if (!ALLOWED.has(word)) found.push(`${where}: ${text.trim()}`);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest(CONTENT) || parent.closest('noscript, script, code, kbd')) continue;
      if (!parent.checkVisibility()) continue;
      check(n.textContent, parent.tagName.toLowerCase() + (parent.className ? '.' + parent.className : ''));
    }
    for (const node of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      if (node.closest(CONTENT) || !node.checkVisibility()) continue;
      for (const attr of ['aria-label', 'placeholder', 'title']) {
        const v = node.getAttribute(attr);
        // The placeholder's example query is a query (an English name among Korean words).
        if (v) check(attr === 'placeholder' ? v.replace('Integration Council', '') : v, `${node.tagName.toLowerCase()}[${attr}]`);
      }
    }
    return [...new Set(found)];
  });
  assert.deepEqual(english, [], 'English words on the Korean page');
  assert.equal(await page.locator('.citation-status').first().textContent(), '클립보드에 복사했습니다.');
  // The citation dates the release in Korean too.
  assert.match(await page.locator('.citation-text').first().textContent(), /\d{4}년/);
  assert.equal(await fitsWidth(), true);
});

test('the quotes, a speaker\'s timeline and "Check a quote" in Korean', async () => {
  await reopenBrowser({ locale: 'ko-KR' });
  await page.goto(base + '/?tab=quotes&q=lantern');
  await settled();
  await page.locator('#results li.quote-hit').first().waitFor();
  assert.match(await page.locator('#count').textContent(), /^“lantern” 검색 결과 인용문 1건/);
  await page.getByRole('complementary', { name: '가장 많이 인용된 사람' }).waitFor();
  assert.equal(await page.getByRole('searchbox', { name: '발언자 찾기' }).count(), 1);
  assert.match(await page.locator('.quote-source').first().textContent(), /^출처: Riverton Lantern Festival Opens Downtown, \d+번째 문단/);

  await page.getByRole('link', { name: 'Dana Whitfield', exact: true }).click();
  await page.getByRole('heading', { name: 'Dana Whitfield의 인용문' }).waitFor();
  await page.getByRole('figure', { name: '연도별 인용문 수' }).waitFor();
  assert.match(await page.locator('.timeline-summary').textContent(), /^인용문 1건 \(“lantern” 관련\), 2026년\.$/);

  await page.goto(base + '/?tab=verify');
  await page.getByRole('heading', { name: '인용문 확인' }).waitFor();
  await page.getByRole('textbox', { name: '보도된 그대로의 인용문' }).fill(
    'The lantern festival brings the whole town together, whatever the weather');
  await page.getByRole('button', { name: '확인', exact: true }).click();
  await page.locator('#verdict-heading').filter({ hasText: '찾았지만 원문과 다릅니다' }).waitFor();
  assert.equal(await page.locator('.diff-heading').first().textContent(), '보도자료와 다른 점');
  assert.match(await page.locator('.verdict-similarity').textContent(), /^유사도: \d+%$/);

  // The verdict on screen follows the switch.
  await switchLink('English').click();
  await page.locator('#verdict-heading').filter({ hasText: 'Found, but not word for word' }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'The quotation as printed' }).inputValue(),
    'The lantern festival brings the whole town together, whatever the weather');
});

test('the release page follows the language: its labels, dates, similar releases and citation', async () => {
  await reopenBrowser({ locale: 'ko-KR' });
  await page.goto(base + '/doc/' + DAY_ID);
  const meta = page.locator('.doc-meta');
  await meta.locator('dt[lang="ko"]').first().waitFor();
  assert.deepEqual(await meta.locator('dt').allTextContents(), ['날짜', '발행처', '분류']);
  assert.equal(await meta.locator('time').textContent(), '2026년 11월 23일');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'the release is in English');
  assert.equal(await page.locator('#doc h1').textContent(), DAY_TITLE);
  assert.equal(await page.getByRole('button', { name: '출처 표기' }).count(), 1);
  assert.equal(await page.getByRole('heading', { name: '비슷한 보도자료' }).count(), 1);
  assert.equal(await page.locator('#search-form label').textContent(), '보도자료 검색');
  await page.locator('#similar-list li, #similar-status:not(:empty)').first().waitFor();
  assert.doesNotMatch(await page.locator('#similar').innerText(), /Similar releases|Loading|undated/);
  assert.match(await page.locator('#p1 .para-anchor').getAttribute('aria-label'), /^1번째 문단 링크$/);
  await page.getByRole('button', { name: '출처 표기' }).click();
  await page.locator('#citation-status').filter({ hasText: /\S/ }).waitFor();
  assert.match(await page.locator('#citation').textContent(), /City of Riverton, Office of Communications, 2026년 11월 23일\./);
  assert.deepEqual(await cspProblems(), []);

  // Its switch: to English in place, remembered for the search page.
  await switchLink('English').click();
  await page.waitForURL((u) => u.searchParams.get('ui') === 'en');
  assert.deepEqual(await meta.locator('dt').allTextContents(), ['Date', 'Publisher', 'Category']);
  assert.equal(await meta.locator('time').textContent(), '23 November 2026');
  assert.equal(await meta.locator('dt').first().getAttribute('lang'), null);
  assert.match(await page.locator('#citation').textContent(), /Communications, 23 November 2026\./);
  await page.goto(base + '/');
  await waitForResults();
  await expectEnglishLabels();
});
