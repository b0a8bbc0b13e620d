// Real-browser tests of the search page (web/), against the real daemon.
//
// Indexes corpus/seeds into a temporary directory, starts pressroom-searchd on a free
// loopback port, drives Debian's Chromium through playwright-core, and always stops the
// daemon and removes the temporary directory at the end, on failure too.
//
// Environment: PRESS_SEARCHD (daemon binary), PRESS_INDEXER (indexer binary),
// PRESS_SOURCE_DIR (repository root). Optional: PRESS_CHROMIUM (browser binary, default
// /usr/bin/chromium), PRESS_SCREENSHOT_DIR (if set, screenshots are saved there).
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const execFileP = promisify(execFile);

const SEARCHD = process.env.PRESS_SEARCHD;
const INDEXER = process.env.PRESS_INDEXER;
const SOURCE_DIR = process.env.PRESS_SOURCE_DIR;
const CHROMIUM = process.env.PRESS_CHROMIUM || '/usr/bin/chromium';
const SCREENSHOT_DIR = process.env.PRESS_SCREENSHOT_DIR || '';

const FIRST_TITLE =
  'Seoul, Beijing Agree to Set up Organization to Integrate Bilateral Economic, Cultural, and Educational Exchanges';
// Releases of corpus/seeds, by id (the seed file's name).
const INTEGRATION_DOC = '003_1c1750da9e3d431d.txt'; // FIRST_TITLE
const PEKING_DOC = '001_dad5c3bcb5374185.txt'; // "Mayor Park Won-soon Gives ... at China’s Peking University"
const HEALTH_TIMEOUT_MS = 10_000;

let tmpDir = null;
let daemon = null;
let daemonLog = '';
let base = '';
let browser = null;

// ------------------------------------------------------------------ daemon lifecycle

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (daemon.exitCode !== null || daemon.signalCode !== null) {
      throw new Error(`pressroom-searchd exited early (${daemon.exitCode ?? daemon.signalCode}):\n${daemonLog}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e.message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`GET ${url} did not answer 200 within ${timeoutMs} ms (last: ${last}):\n${daemonLog}`);
}

function stopDaemonNow() {
  // Synchronous last resort (process exit): kill by PID, remove the temp dir.
  if (daemon && daemon.exitCode === null && daemon.signalCode === null) {
    try { process.kill(daemon.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
  if (tmpDir) {
    fs.rmSync(tmpDir, { recursive: true, force: true });
    tmpDir = null;
  }
}
process.on('exit', stopDaemonNow);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    stopDaemonNow();
    process.exit(130);
  });
}

async function stopDaemon() {
  if (!daemon) return;
  const proc = daemon;
  if (proc.exitCode === null && proc.signalCode === null) {
    const exited = new Promise((r) => proc.once('exit', r));
    try { process.kill(proc.pid, 'SIGTERM'); } catch { /* already gone */ }
    const timer = new Promise((r) => setTimeout(r, 5000, 'timeout'));
    if ((await Promise.race([exited, timer])) === 'timeout') {
      try { process.kill(proc.pid, 'SIGKILL'); } catch { /* already gone */ }
      await exited;
    }
  }
}

before(async () => {
  for (const [name, value] of Object.entries({ PRESS_SEARCHD: SEARCHD, PRESS_INDEXER: INDEXER, PRESS_SOURCE_DIR: SOURCE_DIR })) {
    assert.ok(value, `environment variable ${name} must be set`);
  }
  assert.ok(fs.existsSync(CHROMIUM), `no browser at ${CHROMIUM} (apt-get install chromium)`);

  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-browser-'));
  const db = path.join(tmpDir, 'db');
  await execFileP(INDEXER, ['--db', db, path.join(SOURCE_DIR, 'corpus', 'seeds')], { timeout: 120_000 });

  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  daemon = spawn(SEARCHD, ['--db', db, '--host', '127.0.0.1', '--port', String(port), '--web', path.join(SOURCE_DIR, 'web')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk) => { daemonLog = (daemonLog + chunk).slice(-20_000); };
  daemon.stdout.on('data', keep);
  daemon.stderr.on('data', keep);
  await waitForHealth(`${base}/healthz`, HEALTH_TIMEOUT_MS);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  try {
    if (browser) await browser.close();
  } finally {
    await stopDaemon();
    stopDaemonNow();
  }
});

// ------------------------------------------------------------------ per-test page

let context = null;
let page = null;
let dialogs = [];
let pageErrors = [];
let foreignRequests = [];

beforeEach(async () => {
  dialogs = [];
  pageErrors = [];
  foreignRequests = [];
  context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  // Only the daemon may be contacted: the page must work without any external resource.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base + '/')) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
});

afterEach(async () => {
  await context?.close();
  context = null;
  assert.deepEqual(pageErrors, [], 'the page threw JavaScript errors');
  assert.deepEqual(foreignRequests, [], 'the page tried to load something from elsewhere');
  assert.deepEqual(dialogs, [], 'a dialog was opened');
});

// ------------------------------------------------------------------ helpers

const hits = () => page.locator('#results > li.hit');
const titles = () => page.locator('#results .hit-title a');

async function searchFor(q) {
  const box = page.getByLabel('Search press releases');
  await box.fill(q);
  await box.press('Enter');
}

// The page marks <main aria-busy> from a navigation until what the URL asks for is shown.
async function settled() {
  await page.locator('main#main:not([aria-busy])').waitFor({ state: 'attached' });
}

async function waitForResults() {
  await settled();
  await page.locator('#count').waitFor();
}

function urlParams() {
  return new URL(page.url()).searchParams;
}

// Answers the page's /api/search requests with the daemon's real answer, changed by `edit`
// (e.g. to a total the small seed index cannot produce). Returns a function that stops it.
async function editSearchAnswers(edit) {
  const handler = async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    edit(body, new URL(route.request().url()).searchParams);
    await route.fulfill({ response: res, json: body });
  };
  await page.route('**/api/search?*', handler);
  return () => page.unroute('**/api/search?*', handler);
}

// The document view at ?doc=id&q=q, once shown.
async function openDoc(id, q) {
  await page.goto(`${base}/?${new URLSearchParams({ doc: id, q })}`);
  await settled();
  await page.locator('#doc h1').waitFor();
}

// Texts of the <mark>s in the document view's title (`which` = 'title') or text ('body').
function markTexts(which) {
  const sel = which === 'title' ? '#doc h1 mark' : '#doc .doc-body mark, #doc .doc-subtitle mark';
  return page.locator(sel).allTextContents();
}

// Marks in the document view that start or end inside a word, e.g. the "tax" of "taxpayers".
function partWordMarks() {
  return page.evaluate(() => {
    const bad = [];
    for (const m of document.querySelectorAll('#doc mark')) {
      const before = m.previousSibling?.textContent ?? '';
      const after = m.nextSibling?.textContent ?? '';
      if (/[\p{L}\p{N}]$/u.test(before) || /^['’]?[\p{L}\p{N}]/u.test(after)) bad.push(before.slice(-10) + '[' + m.textContent + ']' + after.slice(0, 10));
    }
    return bad;
  });
}

// True when nothing on the page is wider than the window (no sideways scrolling).
function fitsWidth() {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

async function screenshot(name) {
  if (!SCREENSHOT_DIR) return;
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage: true });
}

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
  const problems = await page.evaluate(() => {
    const out = [];
    for (const s of document.querySelectorAll('script')) if (!s.src) out.push('inline <script>');
    if (document.querySelector('style')) out.push('<style> element');
    for (const el of document.querySelectorAll('*')) {
      if (el.hasAttribute('style')) out.push(`style attribute on <${el.tagName.toLowerCase()}>`);
      for (const a of el.attributes) if (/^on/i.test(a.name)) out.push(`${a.name} on <${el.tagName.toLowerCase()}>`);
    }
    return out;
  });
  assert.deepEqual(problems, []);
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

test('clicking a result opens the whole release, and the back link returns to the results', async () => {
  await page.goto(base + '/?q=Integration+Council');
  await waitForResults();
  const resultsUrl = page.url();
  await titles().first().click();

  await page.waitForURL((u) => u.searchParams.has('doc'));
  assert.equal(urlParams().get('q'), 'Integration Council', 'the query stays in the URL');
  const doc = page.locator('#doc');
  await doc.locator('h1').waitFor();
  assert.equal((await doc.locator('h1').textContent()).trim(), FIRST_TITLE);
  assert.equal(await page.locator('#results-view').isVisible(), false);
  const paragraphs = doc.locator('.doc-body p[id^="p"]');
  assert.ok(await paragraphs.count() >= 2, 'the release text is shown paragraph by paragraph');
  assert.equal(await paragraphs.first().getAttribute('id'), 'p1');
  assert.match(await doc.textContent(), /Integration Council/);
  assert.ok(await doc.locator('.doc-body mark').count() > 0, 'the query words are highlighted in the text');
  assert.match(await doc.locator('.doc-meta').textContent(), /undated|\d{4}/);
  await screenshot('document.png');

  await page.getByRole('link', { name: /back to results/i }).click();
  await page.waitForURL(resultsUrl);
  await waitForResults();
  assert.equal((await titles().first().textContent()).trim(), FIRST_TITLE);
  assert.equal(await page.locator('#doc-view').isVisible(), false);

  // The browser's own back button works as well.
  await page.goBack();
  await page.waitForURL((u) => u.searchParams.has('doc'));
  await doc.locator('h1').waitFor();
  await page.goBack();
  await page.waitForURL(resultsUrl);
  await waitForResults();
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
      scripts: [...document.querySelectorAll('script')].map((s) => s.src).filter((s) => !s.endsWith('/app.js')),
      imgs: document.querySelectorAll('img').length,
      pwned: window.__pwned,
    }));
    assert.deepEqual(found, { scripts: [], imgs: 0, pwned: undefined }, `query ${q}`);
    const shown = await page.locator('main').textContent();
    assert.ok(shown.includes(q), `the query is echoed literally: ${q}`);
  }
  // The same in the document view, where the page itself highlights the query's words.
  const { hits: [first] } = await (await fetch(`${base}/api/search?q=Integration+Council`)).json();
  const docUrl = new URLSearchParams({ doc: first.id, q: payloads[2] });
  await page.goto(`${base}/?${docUrl}`);
  await settled();
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

  let reached = null;
  for (let i = 0; i < 6 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.classList.contains('hit-link')
      ? document.activeElement.textContent : null);
  }
  assert.ok(reached, 'Tab reaches the first result link');
  assert.equal(await page.evaluate(() => document.activeElement.matches(':focus-visible')), true);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.searchParams.has('doc'));
  assert.equal((await page.locator('#doc h1').textContent()).trim(), reached.trim());
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

  await page.goto(base + '/?doc=' + encodeURIComponent('no/such-release.txt'));
  await page.locator('#doc-error').waitFor();
  assert.ok((await page.locator('#doc-error .error-message').textContent()).trim().length > 0);
  assert.equal(await page.getByRole('link', { name: /back to/i }).isVisible(), true);
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

test('document view: whole query words are highlighted, never stop words or parts of words', async () => {
  await openDoc(INTEGRATION_DOC, 'official visit of the council on exchanges');
  const body = await markTexts('body');
  const allowed = /^(official|visit(s|ed|ing)?|council(s|'s|’s)?|exchange(s|d)?)$/i;
  assert.deepEqual(body.filter((t) => !allowed.test(t)), [], 'only the query words and their forms are marked');
  for (const w of ['official', 'visit', 'council', 'exchanges']) {
    assert.ok(body.some((t) => t.toLowerCase() === w), `"${w}" is marked`);
  }
  assert.deepEqual(await partWordMarks(), []);

  // Prefixes of words mark nothing, unless asked for with "*".
  await openDoc(INTEGRATION_DOC, 'offic integrat');
  assert.equal(await page.locator('#doc mark').count(), 0, 'no part-word matches');
  await openDoc(INTEGRATION_DOC, 'integrat*');
  const prefixed = [...await markTexts('title'), ...await markTexts('body')];
  assert.deepEqual([...new Set(prefixed.map((t) => t.toLowerCase()))].sort(), ['integrate', 'integration']);

  // A stop word alone marks nothing.
  await openDoc(INTEGRATION_DOC, 'the of on a');
  assert.equal(await page.locator('#doc mark').count(), 0);

  // Inflections both ways, curly and straight apostrophes alike.
  await openDoc(PEKING_DOC, "China's mayors visits");
  const marks = await markTexts('body');
  for (const w of ['China’s', 'Mayor', 'visited']) assert.ok(marks.includes(w), `"${w}" is marked: ${marks}`);
  assert.ok(!marks.some((t) => /^beijing/i.test(t)), 'other possessives are not');
  assert.deepEqual(await partWordMarks(), []);
});

test('document view: a quoted phrase is highlighted only where it occurs whole, as one mark', async () => {
  await openDoc(INTEGRATION_DOC, '"integration council" "capital city of China"');
  const body = await markTexts('body');
  assert.ok(body.length >= 2, `the phrase is marked: ${body}`);
  const phrase = /^(integration council|capital city of china)$/i;
  assert.deepEqual(body.filter((t) => !phrase.test(t)), [], 'every mark is one whole phrase');
  assert.ok(body.some((t) => /^capital city of china$/i.test(t)), 'stop words inside a phrase are marked with it');
  // "The council consists of ..." holds the word but not the phrase.
  const lone = await page.locator('#doc .doc-body p', { hasText: 'The council consists' }).locator('mark').count();
  assert.equal(lone, 0);
  // Highlighting builds elements; the text itself is never parsed as HTML.
  const foreign = await page.evaluate(() => [...document.querySelectorAll('#doc .doc-body *')]
    .filter((n) => !(n.tagName === 'P' || (n.tagName === 'MARK' && n.children.length === 0))).length);
  assert.equal(foreign, 0);
  await screenshot('document-phrase.png');
});

test('document view: excluded words and field searches are not highlighted in the text', async () => {
  await openDoc(INTEGRATION_DOC, 'beijing -council NOT seoul -"bilateral relations" title:organization category:relations');
  const body = await markTexts('body');
  assert.ok(body.length > 0);
  assert.deepEqual(body.filter((t) => !/^beijing$/i.test(t)), [], `only "beijing" is marked in the text: ${body}`);
  // title:organization is looked for in the title, so it is marked there (and only there).
  assert.deepEqual((await markTexts('title')).sort(), ['Beijing', 'Organization']);
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
