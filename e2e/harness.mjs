// Test harness for the end-to-end journeys: serves dist/ on 127.0.0.1 with a tiny static server,
// starts Debian's Chromium through playwright-core (never a downloaded browser), and records, for
// every page, console errors, uncaught exceptions and any request that leaves 127.0.0.1.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const ROOT = new URL('..', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'target', 'e2e-screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves dist/ (or another built site, `dir`) on a free port of 127.0.0.1; resolves to
 * { url, close, requests }, `requests` the paths asked for, in order.
 */
export async function serveDist(dir = DIST) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    requests.push(path);
    const file = join(dir, path.endsWith('/') ? join(path, 'index.html') : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)), requests };
}

/** Launches the system Chromium headless, with the flags this sandboxed machine needs. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Opens a page of the given width and watches it. `problems` collects console errors, page errors
 * and requests to anywhere but the local server.
 */
export async function openPage(browser, baseUrl, width, options = {}) {
  const context = await browser.newContext({
    viewport: { width, height: width < 600 ? 800 : 900 },
    deviceScaleFactor: width < 600 ? 2 : 1,
    acceptDownloads: true,
    // The offline copy (static/sw.js) would answer later requests from its cache and hide what a
    // test routes or changes; only e2e/offline.test.mjs lets it run (`serviceWorkers: 'allow'`).
    serviceWorkers: 'block',
    ...options,
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()} at ${msg.location().url}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`request left the site: ${url}`);
    }
  });
  return { page, context, problems };
}

/** Waits until the app has mounted (the header is rendered by WebAssembly). */
export async function appReady(page) {
  await page.waitForSelector('.app:not(.prerendered) .site-header', { timeout: 20000 });
}

/**
 * The dataset-file picker, shown: the panel's working part is loaded when a visitor asks for it
 * (its button), or is there already while files are open.
 */
export async function showFilePicker(page) {
  if (await page.locator('#dataset-file').count() === 0) {
    await page.locator('#dataset-open-show').click();
  }
  await page.locator('#dataset-file').waitFor({ state: 'attached' });
}

export async function screenshot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

/** The page's horizontal overflow in CSS pixels (0 when nothing scrolls sideways). */
export async function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

export { ROOT, readFile };

/**
 * Serves dist/ (or another built site, `dir`) and launches Chromium for one test file (node:test
 * `before`/`after` hooks). Returns `{ server, browser, withPage }` getters; `withPage(width, run, expected)`
 * opens a watched page, runs the journey and fails on any console error or request that left the
 * site (but those `expected(problem)` accepts: a failure the journey causes on purpose).
 */
export function useSite(dir = DIST) {
  const site = {
    server: null,
    browser: null,
    async withPage(width, run, expected = () => false) {
      const { page, context, problems } = await openPage(site.browser, site.server.url, width);
      try {
        await run(page);
        assert.deepEqual(problems.filter((p) => !expected(p)), [], 'no console errors and no request leaving the site');
      } finally {
        await context.close();
      }
    },
  };
  before(async () => { site.server = await serveDist(dir); site.browser = await launchBrowser(); });
  after(async () => { await site.browser?.close(); await site.server?.close(); });
  return site;
}
