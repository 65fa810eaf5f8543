// Repeat visits and offline use (a journalist on a train): after one visit the service worker
// (static/sw.js, its file list and cache version written at build time) holds this build's pages,
// assets and data, replaces older copies, and the whole explorer works with the network off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launchBrowser, openPage, appReady, screenshot, ROOT } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('dist/sw.js names this build: its version and every page, hashed asset and data file', async () => {
  const sw = await readFile(join(ROOT, 'dist', 'sw.js'), 'utf8');
  assert.ok(!sw.includes('__SW_'), 'placeholders filled');
  const assets = JSON.parse(sw.match(/^const ASSETS = (\[.*\]);$/m)[1]);
  const index = await readFile(join(ROOT, 'dist', 'index.html'), 'utf8');
  for (const [, href] of index.matchAll(/<link\b[^>]*\bhref="([^"]+)"/g)) {
    assert.ok(assets.includes(href.startsWith('./') ? href : `./${href}`), `${href} is cached`);
  }
  for (const file of ['./', './index.html', './doc-panjin-2019.html', './data/index.json', './data/targets.json', './data/texts.json', './data/indicators.json', './data/targets/panjin-2019.json']) {
    assert.ok(assets.includes(file), `${file} is cached`);
  }
  assert.match(sw, /^const VERSION = '[0-9a-f]{16}';$/m);
});

test('after one visit the explorer works offline: home, search with passages, a document, compare (375px)', async () => {
  const sw = await readFile(join(ROOT, 'dist', 'sw.js'), 'utf8');
  const version = sw.match(/^const VERSION = '([0-9a-f]{16})';$/m)[1];
  const { page, context, problems } = await openPage(browser, server.url, 375, { serviceWorkers: 'allow' });
  try {
    // A copy left by an older build, which the new worker must delete when it takes over.
    await page.addInitScript(() => {
      if (sessionStorage.getItem('old-copy')) return;
      sessionStorage.setItem('old-copy', '1');
      caches.open('policy-explorer-0000000000000000');
    });
    await page.goto(server.url);
    await appReady(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
    await page.reload();
    await appReady(page);
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`policy-explorer-${version}`], 'one cache, this build\'s');

    await context.setOffline(true);
    // Truly offline, the worker's own requests included: a file it does not hold cannot be fetched.
    assert.deepEqual(problems, []);
    assert.equal(await page.evaluate(() => fetch('data/targets.csv').then(() => 'fetched', () => 'failed')), 'failed');
    assert.ok(problems.every((p) => p.includes('net::ERR_FAILED at') && p.endsWith('/data/targets.csv')), problems.join('\n'));
    problems.length = 0;
    await page.reload();
    await appReady(page);
    assert.equal(await page.locator('.doc-card').count(), 5, 'the home cards');

    await page.goto(`${server.url}?v=targets`);
    await appReady(page);
    await page.fill('#search', '班额');
    await page.waitForFunction(() => document.querySelector('#result-count')?.textContent.includes('原文段落'));
    assert.ok(await page.locator('.target-row').count() > 0, 'search results');
    await screenshot(page, 'offline-search-375');

    await page.goto(`${server.url}doc-panjin-2019.html`);
    await appReady(page);
    assert.ok((await page.locator('main').innerText()).includes('盘锦市推进教育高质量发展行动计划'), 'a document page');

    await page.goto(`${server.url}?v=compare`);
    await appReady(page);
    await page.locator('#compare-matrix').waitFor();
    assert.ok((await page.locator('#compare-matrix thead').innerText()).includes('四会'), 'compare');
    await screenshot(page, 'offline-compare-375');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
