// Shared set-up of the browser tests: an index in a temporary directory, pressroom-searchd on a
// free loopback port, Debian's Chromium through playwright-core, one fresh browser context and
// page per test. The daemon is always stopped (by its PID) and the temporary directory removed
// at the end, on failure too.
//
// Environment: PRESS_SEARCHD (daemon binary), PRESS_INDEXER (indexer binary),
// PRESS_SOURCE_DIR (repository root). Optional: PRESS_CHROMIUM (browser binary, default
// /usr/bin/chromium), PRESS_SCREENSHOT_DIR (if set, screenshots are saved there).
//
// The bindings exported with `let` (base, page, context, ...) are live: a test file imports
// them once and sees each test's page.
import { before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

const execFileP = promisify(execFile);

export const SEARCHD = process.env.PRESS_SEARCHD;
export const INDEXER = process.env.PRESS_INDEXER;
export const SOURCE_DIR = process.env.PRESS_SOURCE_DIR;
const CHROMIUM = process.env.PRESS_CHROMIUM || '/usr/bin/chromium';
const SCREENSHOT_DIR = process.env.PRESS_SCREENSHOT_DIR || '';
const HEALTH_TIMEOUT_MS = 10_000;

export let tmpDir = null;
export let base = '';
export let browser = null;
export let context = null;
export let page = null;
let daemon = null;
let daemonLog = '';
let dialogs = [];
let pageErrors = [];
let foreignRequests = [];
let contextOptions = {};

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

// Registers the suite's hooks. `sources(tmpDir)` returns what the indexer reads (default:
// corpus/seeds); it may write fixture files into tmpDir first. `browserContext` adds options
// of every test's browser context.
export function useDaemonAndBrowser({ sources = () => [path.join(SOURCE_DIR, 'corpus', 'seeds')], browserContext = {} } = {}) {
  process.on('exit', stopDaemonNow);
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      stopDaemonNow();
      process.exit(130);
    });
  }

  before(async () => {
    for (const [name, value] of Object.entries({ PRESS_SEARCHD: SEARCHD, PRESS_INDEXER: INDEXER, PRESS_SOURCE_DIR: SOURCE_DIR })) {
      assert.ok(value, `environment variable ${name} must be set`);
    }
    assert.ok(fs.existsSync(CHROMIUM), `no browser at ${CHROMIUM} (apt-get install chromium)`);

    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-browser-'));
    const db = path.join(tmpDir, 'db');
    await execFileP(INDEXER, ['--db', db, ...sources(tmpDir)], { timeout: 120_000 });

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

  beforeEach(async () => {
    dialogs = [];
    pageErrors = [];
    foreignRequests = [];
    // An English browser unless a suite says otherwise: the page's labels follow the browser's
    // language (i18n.test.mjs), so the other suites must not depend on the machine's locale.
    contextOptions = { viewport: { width: 1100, height: 900 }, acceptDownloads: true, locale: 'en-US', ...browserContext };
    await openContext();
  });

  async function openContext() {
    context = await browser.newContext(contextOptions);
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
  }
  reopen = async (options) => {
    await context?.close();
    contextOptions = { ...contextOptions, ...options };
    await openContext();
  };

  afterEach(async () => {
    await context?.close();
    context = null;
    assert.deepEqual(pageErrors, [], 'the page threw JavaScript errors');
    assert.deepEqual(foreignRequests, [], 'the page tried to load something from elsewhere');
    assert.deepEqual(dialogs, [], 'a dialog was opened');
  });
}

// ------------------------------------------------------------------ helpers

let reopen = null;

// Closes the test's browser context and opens a fresh one with `options` added (a browser
// locale: { locale: 'ko-KR' }); `page` and `context` are then the new ones. Nothing is kept:
// cookies and localStorage start empty.
export async function reopenBrowser(options) {
  await reopen(options);
}

export const hits = () => page.locator('#results > li.hit');
export const titles = () => page.locator('#results .hit-title a');

export async function searchFor(q) {
  const box = page.getByLabel('Search press releases');
  await box.fill(q);
  await box.press('Enter');
}

// The page marks <main aria-busy> from a navigation until what the URL asks for is shown.
export async function settled() {
  await page.locator('main#main:not([aria-busy])').waitFor({ state: 'attached' });
}

export async function waitForResults() {
  await settled();
  await page.locator('#count').waitFor();
}

export function urlParams() {
  return new URL(page.url()).searchParams;
}

// Answers the page's requests matching `pattern` (a Playwright URL glob) with the daemon's real
// answer, changed by `edit` (e.g. to a total the small test index cannot produce). Returns a
// function that stops it.
export async function editApiAnswers(pattern, edit) {
  const handler = async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    edit(body, new URL(route.request().url()).searchParams);
    await route.fulfill({ response: res, json: body });
  };
  await page.route(pattern, handler);
  return () => page.unroute(pattern, handler);
}

// The same for /api/search.
export function editSearchAnswers(edit) {
  return editApiAnswers('**/api/search?*', edit);
}

// A dated fixture: every `every`th release of corpus/doj-press-releases.jsonl.gz (with 40: 318
// releases, 2009-2018, one source, English), written into `dir` as JSON Lines. Returns its path.
export function writeDojSample(dir, every = 40) {
  const gz = fs.readFileSync(path.join(SOURCE_DIR, 'corpus', 'doj-press-releases.jsonl.gz'));
  const lines = zlib.gunzipSync(gz).toString('utf8').split('\n').filter((l) => l.trim());
  const file = path.join(dir, 'doj-sample.jsonl');
  fs.writeFileSync(file, lines.filter((_, i) => i % every === 0).join('\n') + '\n');
  return file;
}

// The daemon's JSON answer for an API path ("/api/search?q=...").
export async function api(pathAndQuery) {
  const res = await fetch(base + pathAndQuery);
  return { status: res.status, body: await res.json().catch(() => null) };
}

// True when nothing on the page is wider than the window (no sideways scrolling).
export function fitsWidth() {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

// `fullPage` false keeps what a phone shows on its screen.
export async function screenshot(name, { fullPage = true } = {}) {
  if (!SCREENSHOT_DIR) return;
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage });
}

// Problems a strict Content-Security-Policy (no inline script or style) would cause.
export function cspProblems() {
  return page.evaluate(() => {
    const out = [];
    for (const s of document.querySelectorAll('script')) if (!s.src) out.push('inline <script>');
    if (document.querySelector('style')) out.push('<style> element');
    for (const el of document.querySelectorAll('*')) {
      if (el.hasAttribute('style')) out.push(`style attribute on <${el.tagName.toLowerCase()}>`);
      for (const a of el.attributes) if (/^on/i.test(a.name)) out.push(`${a.name} on <${el.tagName.toLowerCase()}>`);
    }
    return out;
  });
}
