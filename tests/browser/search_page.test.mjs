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
