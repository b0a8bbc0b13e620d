// Real-browser tests of the search page (web/), against the real daemon, on an index of
// corpus/seeds (five releases, four of them undated). The harness (harness.mjs) starts the daemon and the
// browser; search_features.test.mjs tests facets, sorting, dates and the rest on a bigger index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useDaemonAndBrowser, base, page, context, hits, titles, searchFor, settled, waitForResults,
  urlParams, editSearchAnswers, fitsWidth, screenshot, cspProblems,
} from './harness.mjs';

useDaemonAndBrowser();

const FIRST_TITLE =
  'Seoul, Beijing Agree to Set up Organization to Integrate Bilateral Economic, Cultural, and Educational Exchanges';
// Releases of corpus/seeds, by id (the seed file's name).
const INTEGRATION_DOC = '003_1c1750da9e3d431d.txt'; // FIRST_TITLE

// ------------------------------------------------------------------ tests

test('typing a query and pressing Enter shows highlighted results and puts the query in the URL', async () => {
  await page.goto(base + '/');
  const box = page.getByLabel('Search press releases');
  // The box has focus on arrival, so typing goes straight into it.
  await assert.doesNotReject(box.evaluate((el) => { if (document.activeElement !== el) throw new Error('not focused'); }));
  await page.keyboard.type('Integration Council');
  await page.keyboard.press('Enter');

  await page.waitForURL((u) => u.search === '?q=Integration+Council');
  await waitForResults();
  assert.ok((await hits().count()) >= 1, 'at least one result');
  assert.equal((await titles().first().textContent()).trim(), FIRST_TITLE);
  assert.match(await page.locator('#count').textContent(), /^(about )?[\d,]+ results? for/);
  assert.ok((await page.locator('#results .snippet mark').count()) > 0, 'snippets highlight the query words');
  assert.equal(await box.inputValue(), 'Integration Council');
  assert.match(await page.title(), /Integration Council/);
  await screenshot('results.png');
});

test('the page is ready for a strict Content-Security-Policy', async () => {
  await page.goto(base + '/?q=Beijing');
  await waitForResults();
  assert.deepEqual(await cspProblems(), []);
});

test('a query that finds nothing shows the empty state', async () => {
  await page.goto(base + '/');
  await searchFor('zzzxqv');
  const empty = page.locator('#empty');
  await empty.waitFor();
  assert.match(await empty.textContent(), /No releases match “zzzxqv”/);
  assert.ok(await empty.locator('.tips li').count() > 0, 'tips are offered');
  assert.equal(await hits().count(), 0);
  assert.equal(await page.locator('#pagination').isVisible(), false);
  assert.match(await page.locator('#count').textContent(), /^0 results/);
});

test('the back button restores the previous search and its results', async () => {
  await page.goto(base + '/');
  await searchFor('Integration Council');
  await page.waitForURL(/q=Integration\+Council/);
  await waitForResults();
  const firstTitles = await titles().allTextContents();

  await searchFor('Peking University');
  await page.waitForURL(/q=Peking\+University/);
  await waitForResults();
  assert.notDeepEqual(await titles().allTextContents(), firstTitles);

  await page.goBack();
  await page.waitForURL((u) => u.search === '?q=Integration+Council');
  await waitForResults();
  assert.equal(await page.getByLabel('Search press releases').inputValue(), 'Integration Council');
  assert.deepEqual(await titles().allTextContents(), firstTitles);

  await page.goForward();
  await page.waitForURL(/q=Peking\+University/);
  assert.equal(await page.getByLabel('Search press releases').inputValue(), 'Peking University');
});

test('clicking a result opens the release on its own page, and its back link returns to the results', async () => {
  await page.goto(base + '/?q=Integration+Council');
  await waitForResults();
  const resultsUrl = page.url();
  const link = titles().first();
  // The title links to the server-rendered page, with the query (and the snippet's paragraph).
  const href = new URL(await link.getAttribute('href'), page.url());
  assert.equal(href.pathname, '/doc/' + encodeURIComponent(INTEGRATION_DOC));
  assert.equal(href.searchParams.get('q'), 'Integration Council');
  assert.match(href.hash, /^(#p\d+)?$/);
  await link.click();

  await page.waitForURL((u) => u.pathname.startsWith('/doc/'));
  assert.equal(urlParams().get('q'), 'Integration Council', 'the query goes along');
  const doc = page.locator('#doc');
  assert.equal((await doc.locator('h1').textContent()).trim(), FIRST_TITLE);
  const paragraphs = doc.locator('.doc-body p[id^="p"]');
  assert.ok(await paragraphs.count() >= 2, 'the release text is shown paragraph by paragraph');
  assert.equal(await paragraphs.first().getAttribute('id'), 'p1');
  assert.match(await doc.textContent(), /Integration Council/);
  assert.ok(await doc.locator('.doc-body mark').count() > 0, 'the query words are highlighted in the text');
  await screenshot('document.png');

  await page.getByRole('link', { name: /back to results/i }).click();
  await page.waitForURL((u) => u.pathname === '/' && u.searchParams.get('q') === 'Integration Council');
  await waitForResults();
  assert.equal((await titles().first().textContent()).trim(), FIRST_TITLE);

  // The browser's own back button works as well.
  await page.goBack();
  await page.waitForURL((u) => u.pathname.startsWith('/doc/'));
  await page.locator('#doc h1').waitFor();
  await page.goBack();
  await page.waitForURL(resultsUrl);
  await waitForResults();
  assert.equal((await titles().first().textContent()).trim(), FIRST_TITLE);
});

test('an old ?doc= address opens the release on its own page', async () => {
  await page.goto(`${base}/?${new URLSearchParams({ doc: INTEGRATION_DOC, q: 'Integration Council' })}#p2`);
  await page.waitForURL((u) => u.pathname.startsWith('/doc/'));
  const url = new URL(page.url());
  assert.equal(url.pathname, '/doc/' + encodeURIComponent(INTEGRATION_DOC));
  assert.equal(url.searchParams.get('q'), 'Integration Council');
  assert.equal(url.hash, '#p2', 'the paragraph anchor is kept');
  assert.equal((await page.locator('#doc h1').textContent()).trim(), FIRST_TITLE);
  // Replaced, not added: back goes to where the user came from, not to the old address again.
  await page.goBack();
  assert.equal(page.url(), 'about:blank');
});

test('a release with no date shows "undated" and a dated one shows a readable date', async () => {
  await page.goto(base + '/?q=Beijing');
  await waitForResults();
  const undated = page.locator('#results .hit-meta .undated');
  assert.ok(await undated.count() >= 1, 'at least one result is undated');
  assert.equal((await undated.first().textContent()).trim(), 'undated');
  const dated = page.locator('#results .hit-meta time');
  if (await dated.count()) {
    const text = (await dated.first().textContent()).trim();
    assert.match(text, /^(\d{1,2} )?([A-Z][a-z]+ )?\d{4}(, \d{2}:\d{2})?$/, `readable date, got "${text}"`);
  }
});

test('markup in the query is shown as text and never becomes elements', async () => {
  const payloads = [
    '<script>window.__pwned = 1</script>',
    '<img src=x onerror=alert(1)>',
    'Beijing <img src=x onerror=alert(2)> <script>alert(3)</script>',
  ];
  await page.goto(base + '/');
  for (const q of payloads) {
    await searchFor(q);
    await page.waitForURL((u) => u.searchParams.get('q') === q);
    await settled();
    const found = await page.evaluate(() => ({
      // Only the page's own three scripts: i18n.js (its words in English and Korean), common.js
      // (shared with the release page) and app.js.
      scripts: [...document.querySelectorAll('script')].map((s) => new URL(s.src || 'inline:', location.href).href)
        .filter((s) => !['/i18n.js', '/common.js', '/app.js'].map((f) => location.origin + f).includes(s)),
      imgs: document.querySelectorAll('img').length,
      pwned: window.__pwned,
    }));
    assert.deepEqual(found, { scripts: [], imgs: 0, pwned: undefined }, `query ${q}`);
    const shown = await page.locator('main').textContent();
    assert.ok(shown.includes(q), `the query is echoed literally: ${q}`);
  }
  // The same on the release's page, which highlights the query's words.
  const { hits: [first] } = await (await fetch(`${base}/api/search?q=Integration+Council`)).json();
  await page.goto(`${base}/doc/${encodeURIComponent(first.id)}?${new URLSearchParams({ q: payloads[2] })}`);
  await page.locator('#doc h1').waitFor();
  assert.ok(await page.locator('#doc mark').count() > 0, 'the real words are highlighted');
  assert.equal(await page.locator('img, script:not([src])').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // Give a deferred onerror a chance to fire before the dialog check in afterEach.
  await page.waitForTimeout(200);
});

test('pagination moves to the next page and changes the URL', async () => {
  await page.goto(base + '/?q=Beijing&per_page=2');
  await waitForResults();
  assert.equal(await hits().count(), 2);
  const nav = page.getByRole('navigation', { name: 'Result pages' });
  assert.equal(await nav.locator('[aria-current="page"]').textContent(), '1');
  const page1 = await titles().allTextContents();
  // An exact total (5 results, 2 a page): the last page is known and offered.
  assert.match(await page.locator('#count').textContent(), /^5 results .* · page 1 of 3\b/);
  assert.deepEqual(await nav.locator('a.page-num').allTextContents(), ['1', '2', '3']);

  await nav.getByRole('link', { name: /next/i }).click();
  await page.waitForURL((u) => u.searchParams.get('page') === '2');
  assert.equal(urlParams().get('per_page'), '2', 'the page size is kept');
  assert.equal(urlParams().get('q'), 'Beijing');
  await waitForResults();
  assert.equal(await nav.locator('[aria-current="page"]').textContent(), '2');
  const page2 = await titles().allTextContents();
  assert.ok(page2.length >= 1);
  assert.deepEqual(page2.filter((t) => page1.includes(t)), [], 'page 2 shows other releases');
  assert.equal(await page.locator('#results').getAttribute('start'), '3', 'numbering continues');

  // A page number works from the keyboard too.
  await nav.getByRole('link', { name: 'Page 1', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => !u.searchParams.has('page'));
  await waitForResults();
  assert.deepEqual(await titles().allTextContents(), page1);
  await nav.getByRole('link', { name: /next/i }).waitFor();
  assert.equal(await nav.locator('.page-prev').getAttribute('aria-disabled'), 'true');
});

test('keyboard: "/" focuses the search box, Tab reaches the result links', async () => {
  await page.goto(base + '/?q=Beijing');
  await waitForResults();
  const box = page.getByLabel('Search press releases');
  await page.locator('#count').click(); // move focus away from the box
  await page.keyboard.press('/');
  assert.equal(await box.evaluate((el) => el === document.activeElement), true, '"/" focuses the box');
  assert.equal(await box.inputValue(), 'Beijing', 'the "/" is not typed into the box');

  // Typing "/" inside the box types it.
  await page.keyboard.press('End');
  await page.keyboard.type(' a/b');
  assert.equal(await box.inputValue(), 'Beijing a/b');
  await box.fill('Beijing');

  // Past the facets, the sort order and the export links: every control is reachable.
  const focused = () => page.evaluate(() => document.activeElement?.classList.contains('hit-link')
    ? document.activeElement.textContent : null);
  let reached = null;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await focused();
  }
  assert.ok(reached, 'Tab reaches the first result link');
  assert.equal(await page.evaluate(() => document.activeElement.matches(':focus-visible')), true);

  // The skip link leads to the results: a few Tabs from there (sort, export, feed) to the first.
  await page.goto(base + '/?q=Beijing');
  await waitForResults();
  const skip = page.getByRole('link', { name: 'Skip to results' });
  assert.equal(await page.evaluate(() => document.querySelector('a[href]') === document.querySelector('.skip-link')), true,
    'the skip link is the first link of the page');
  await skip.focus();
  await page.keyboard.press('Enter');
  let fromSkip = null;
  let tabs = 0;
  while (!fromSkip && tabs < 8) {
    await page.keyboard.press('Tab');
    tabs++;
    fromSkip = await focused();
  }
  assert.ok(fromSkip, `the first result is at most 8 Tabs after the skip link (${tabs})`);

  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.pathname.startsWith('/doc/'));
  assert.equal((await page.locator('#doc h1').textContent()).trim(), fromSkip.trim());
});

test('an error from the API is shown to the user', async () => {
  const api = await fetch(`${base}/api/search?q=Beijing&page=0`);
  assert.ok(!api.ok, 'the API rejects page=0');
  const { error } = await api.json();
  assert.equal(typeof error.message, 'string');

  await page.goto(base + '/?q=Beijing&page=0');
  const box = page.locator('#error');
  await box.waitFor();
  assert.equal((await box.locator('.error-message').textContent()).trim(), error.message);
  assert.equal(await hits().count(), 0);

  // An old ?doc= address of a release that does not exist leads to the release page's "not found".
  await page.goto(base + '/?doc=' + encodeURIComponent('no/such-release.txt'));
  await page.waitForURL((u) => u.pathname.startsWith('/doc/'));
  assert.equal((await fetch(page.url())).status, 404);
  assert.match(await page.locator('h1').textContent(), /not found/i);
});

test('with no query, the newest releases are listed', async () => {
  await page.goto(base + '/');
  await waitForResults();
  assert.match(await page.locator('#count').textContent(), /^Newest releases/);
  assert.ok(await hits().count() >= 1);
});

test('a search typed into the box starts afresh, without the last one\'s page or page size', async () => {
  // per_page=1000 is refused by the API (1-100): the user is told, without a pointless "Try again".
  await page.goto(base + '/?q=fraud&per_page=1000');
  const error = page.locator('#error');
  await error.waitFor();
  assert.match(await error.locator('.error-message').textContent(), /per_page/);
  assert.equal(await error.locator('button.retry').count(), 0, 'no "Try again" for a refused request');
  // What is offered instead drops the bad parameter.
  const startOver = error.getByRole('link', { name: /search again with the usual page settings/i });
  assert.equal(new URL(await startOver.getAttribute('href'), page.url()).search, '?q=fraud');

  await searchFor('bribery');
  await page.waitForURL((u) => u.search === '?q=bribery');
  await waitForResults();
  assert.equal(await error.isVisible(), false, 'the new search is run with the default page size');
  assert.match(await page.locator('#count').textContent(), /^0 results for “bribery”/);

  // A page number and a page size chosen for one search are not carried into the next.
  await page.goto(base + '/?q=Beijing&page=2&per_page=2');
  await waitForResults();
  await searchFor('Council');
  await page.waitForURL((u) => u.search === '?q=Council');
  await waitForResults();
  assert.equal(await page.locator('#results').getAttribute('start'), '1');

  // The link offered after a refused request works too.
  await page.goto(base + '/?q=fraud&per_page=1000');
  await startOver.click();
  await page.waitForURL((u) => u.search === '?q=fraud');
  await waitForResults();
  assert.equal(await error.isVisible(), false);
});

test('"Try again" is offered when the service fails or cannot be reached, and retries', async () => {
  let mode = 'fail';
  await page.route('**/api/search?*', (route) => {
    if (mode === 'fail') {
      return route.fulfill({ status: 503, json: { error: { code: 'unavailable', message: 'The index is being replaced.' } } });
    }
    if (mode === 'offline') return route.abort('connectionrefused');
    return route.continue();
  });
  await page.goto(base + '/?q=Beijing');
  const error = page.locator('#error');
  await error.waitFor();
  assert.equal((await error.locator('.error-message').textContent()).trim(), 'The index is being replaced.');
  const retry = error.getByRole('button', { name: 'Try again' });

  mode = 'offline';
  await retry.click();
  await settled();
  await error.locator('.error-message', { hasText: /could not reach/i }).waitFor();
  assert.equal(await retry.isVisible(), true, 'offered again after a network failure');

  mode = 'pass';
  await retry.click();
  await waitForResults();
  assert.equal(await error.isVisible(), false);
  assert.ok(await hits().count() >= 1);
});

test('with an estimated total, pagination offers only the pages known to exist', async () => {
  // The seed index is small, so its totals are exact: make the daemon's answer an estimate.
  await editSearchAnswers((body) => {
    body.total = 2000;
    body.total_exact = false;
  });
  const nav = page.getByRole('navigation', { name: 'Result pages' });
  const numbers = () => nav.locator('a.page-num').allTextContents();

  await page.goto(base + '/?q=Beijing&per_page=2');
  await waitForResults();
  const count = await page.locator('#count').textContent();
  assert.match(count, /^about 2,000 results for “Beijing”/);
  assert.doesNotMatch(count, /page \d+ of/, `no "page X of about Y": ${count}`);
  assert.deepEqual(await numbers(), ['1', '2'], 'no jump to an estimated last page');
  await screenshot('estimated-pagination.png');

  await nav.getByRole('link', { name: /next/i }).click();
  await page.waitForURL((u) => u.searchParams.get('page') === '2');
  await waitForResults();
  assert.deepEqual(await numbers(), ['1', '2', '3']);
  assert.equal(await nav.locator('[aria-current="page"]').textContent(), '2');
  assert.equal(await nav.getByRole('link', { name: /previous/i }).count(), 1);

  // Page 3 holds the last release (5 in all): not full, so there is no next page.
  await nav.getByRole('link', { name: /next/i }).click();
  await page.waitForURL((u) => u.searchParams.get('page') === '3');
  await waitForResults();
  assert.equal(await hits().count(), 1);
  assert.deepEqual(await numbers(), ['1', '2', '3']);
  assert.equal(await nav.locator('.page-next').getAttribute('aria-disabled'), 'true');
});

test('a very long query is shown cut short and never widens the page', async () => {
  for (const q of ['x'.repeat(5000), 'Beijing' + 'y'.repeat(900), 'fraud '.repeat(800).trim()]) {
    for (const width of [1100, 390]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${base}/?${new URLSearchParams({ q })}`);
      await waitForResults();
      const count = await page.locator('#count').textContent();
      assert.ok(count.length < 160, `status line cut short (${count.length} characters)`);
      assert.match(count, /…/);
      const title = await page.title();
      assert.ok(title.length < 120 && title.includes('…'), `tab title cut short (${title.length} characters)`);
      assert.ok(await fitsWidth(), `page no wider than the ${width} px window for a ${q.length}-character query`);
      // The search box keeps the whole query, to edit.
      assert.equal(await page.getByLabel('Search press releases').inputValue(), q);
    }
  }
});

test('a query with quotation marks is shown as typed, without another pair around it', async () => {
  await page.goto(base + '/?q=' + encodeURIComponent('"Integration Council"'));
  await waitForResults();
  const count = await page.locator('#count').textContent();
  assert.match(count, / for "Integration Council"/);
  assert.doesNotMatch(count, /“"|"”/);
  assert.doesNotMatch(await page.title(), /“"|"”/);

  await page.goto(base + '/?q=' + encodeURIComponent('“money laundering” zzzxqv'));
  await page.locator('#empty').waitFor();
  assert.match(await page.locator('#empty h2').textContent(), /^No releases match “money laundering” zzzxqv\.$/);
});

test('on a phone-sized screen the clear button of the search box keeps clear of the text', async () => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(base + '/?q=' + encodeURIComponent('Seoul Metropolitan Government Integration Council'));
  await waitForResults();
  // The "×" and the text area are inside the input's user-agent shadow tree, which only the
  // DevTools protocol can measure.
  const cdp = await context.newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const byId = {};
  const walk = (n) => {
    const a = n.attributes || [];
    const i = a.indexOf('id');
    if (i >= 0 && i % 2 === 0) byId[a[i + 1]] ??= n;
    for (const c of [...(n.children || []), ...(n.shadowRoots || [])]) walk(c);
  };
  walk(root);
  assert.ok(byId['editing-view-port'] && byId['search-clear'], 'Chromium\'s search input parts were found');
  const box = async (id) => {
    const { model } = await cdp.send('DOM.getBoxModel', { nodeId: byId[id].nodeId });
    return { left: model.border[0], right: model.border[2] };
  };
  const text = await box('editing-view-port');
  const clear = await box('search-clear');
  assert.ok(clear.left - text.right >= 6, `gap between the text and the "×": ${clear.left - text.right} px`);
  const input = await page.getByLabel('Search press releases').boundingBox();
  assert.ok(clear.right <= input.x + input.width, 'the "×" stays inside the box');
  assert.ok(await fitsWidth());
  await cdp.detach();
  await screenshot('phone.png');
});

test('a notice from the API about how the query was read is shown above the results', async () => {
  const notice = 'No release has all the words; the closest matches are shown.';
  await editSearchAnswers((body, params) => {
    if (params.get('q') === 'Beijing zzzxqv') body.notice = notice;
  });
  await page.goto(base + '/?q=Beijing+zzzxqv');
  await waitForResults();
  const box = page.locator('#notice');
  assert.equal(await box.isVisible(), true);
  assert.equal((await box.textContent()).trim(), notice);
  if (await hits().count()) {
    const noticeBox = await box.boundingBox();
    const firstHit = await hits().first().boundingBox();
    assert.ok(noticeBox.y + noticeBox.height <= firstHit.y, 'the notice comes before the results');
  }
  // Gone with the next search, which has nothing to say.
  await searchFor('Beijing');
  await page.waitForURL((u) => u.search === '?q=Beijing');
  await waitForResults();
  assert.equal(await box.isVisible(), false);
});
