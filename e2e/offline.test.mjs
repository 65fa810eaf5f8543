// Repeat visits and offline use (a journalist on a train): after one visit the service worker
// (static/sw.js, its file list and cache version written at build time) holds this build's pages,
// assets and data, replaces older copies, and the whole explorer works with the network off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
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

// A site over the precache budget (scripts/test.sh writes target/site-precache-0: a copy of dist/
// whose worker was written again with `site worker --precache-budget 0`): the worker installs the
// shell and the first view's data only, keeps what the visitor opens, and a document never opened
// says offline that it needs a connection, with a retry.
const OVER_BUDGET = join(ROOT, 'target', 'site-precache-0');

test('over the precache budget the worker installs only the shell, keeps what was visited, and an unvisited document offline asks for a connection', { skip: !existsSync(OVER_BUDGET) && 'target/site-precache-0 not built (scripts/test.sh builds it)' }, async () => {
  const sw = await readFile(join(OVER_BUDGET, 'sw.js'), 'utf8');
  const assets = JSON.parse(sw.match(/^const ASSETS = (\[.*\]);$/m)[1]);
  for (const file of ['./', './index.html', './data/index.json', './data/indicators.json']) {
    assert.ok(assets.includes(file), `${file} is precached`);
  }
  const scaled = assets.filter((name) => /^\.\/(doc-.*\.html|data\/(targets|texts)(\.json|\/))/.test(name));
  assert.deepEqual(scaled, [], 'no document page, split file or whole data file precached');
  const index = await readFile(join(OVER_BUDGET, 'index.html'), 'utf8');
  for (const [, href] of index.matchAll(/<link\b[^>]*\bhref="([^"]+)"/g)) {
    assert.ok(assets.includes(href.startsWith('./') ? href : `./${href}`), `${href} is precached`);
  }

  const site = await serveDist(OVER_BUDGET);
  const { page, context, problems } = await openPage(browser, site.url, 1280, { serviceWorkers: 'allow' });
  try {
    // Online: home, then the worker installs and takes over.
    await page.goto(site.url);
    await appReady(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
    const installed = site.requests.slice();
    assert.ok(installed.includes('/sw.js') && installed.includes('/data/indicators.json'), `the install fetched the shell: ${installed.join(' ')}`);
    assert.deepEqual(installed.filter((p) => /^\/(doc-|data\/targets|data\/texts)/.test(p)), [], 'nothing per document and no whole data file fetched at install');

    // Online: one document's page, its targets in its text.
    await page.goto(`${site.url}doc-panjin-2019.html`);
    await appReady(page);
    await page.locator('.doc-text mark.quote-mark').first().waitFor();
    const kept = () => page.evaluate(async () => {
      const cache = await caches.open((await caches.keys())[0]);
      const names = (await cache.keys()).map((request) => new URL(request.url).pathname);
      return names.filter((name) => /^\/(doc-|data\/(targets|texts)\/)/.test(name)).sort();
    });
    await page.waitForFunction(async () => {
      const cache = await caches.open((await caches.keys())[0]);
      return (await cache.match('data/texts/panjin-2019.json')) !== undefined;
    });
    assert.deepEqual(await kept(), ['/data/targets/panjin-2019.json', '/data/texts/panjin-2019.json', '/doc-panjin-2019.html'], 'the visited page and its data are kept');

    // Offline: the visited document works.
    await context.setOffline(true);
    assert.deepEqual(problems, []);
    await page.goto(`${site.url}doc-panjin-2019.html`);
    await appReady(page);
    await page.locator('.doc-text mark.quote-mark').first().waitFor();
    assert.ok((await page.locator('main').innerText()).includes('盘锦市推进教育高质量发展行动计划'), 'the visited document, offline');
    assert.ok(await page.locator('.doc-text mark.quote-mark').count() > 0, 'its targets shown in its text');

    // Offline, in the running app: another document says it needs a connection; the link stays.
    await page.locator('.reader .tabs a', { hasText: '四会' }).click();
    const notice = page.locator('#targets-status[role="alert"]');
    await notice.waitFor();
    assert.match(await notice.innerText(), /这份文件尚未保存在本设备上,需要联网才能打开。联网后请按“重试”。/);
    assert.ok(page.url().includes('doc=sihui-2022'), 'the link names the document asked for');
    await screenshot(page, 'offline-unvisited-in-app-1280');
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.querySelector('#targets-status')?.textContent.includes('This document is not saved on this device yet; it needs a connection. Press Retry when you are online.'));
    assert.ok(page.url().includes('doc=sihui-2022') && page.url().includes('lang=en'), 'the link keeps the document and the language');
    // Back online, its retry shows it; then offline again.
    await context.setOffline(false);
    await page.locator('#targets-retry').click();
    await page.locator('.doc-text mark.quote-mark').first().waitFor();
    assert.equal(await page.locator('#targets-status').count(), 0);
    assert.ok((await page.locator('main').innerText()).includes('四会市人民政府'), 'the document once online');
    await context.setOffline(true);

    // Offline, a link to a third document's page: the main page's link of it, and the start's
    // message in both languages with a retry, not the browser's offline page.
    await page.goto(`${site.url}doc-dongguan-2019.html`);
    const problem = page.locator('#data-problem[role="alert"]');
    await problem.waitFor({ timeout: 20000 });
    assert.equal(new URL(page.url()).search, '?v=doc&doc=dongguan-2019');
    const said = await problem.innerText();
    assert.match(said, /这份文件尚未保存在本设备上,需要联网才能打开。联网后请按“重试”。/);
    assert.match(said, /This document is not saved on this device yet; it needs a connection\. Press Retry when you are online\./);
    assert.equal(await page.locator('#data-retry').count(), 1, 'a retry button');
    await screenshot(page, 'offline-unvisited-1280');

    // Back online, the retry shows it (and the worker keeps it).
    await context.setOffline(false);
    await page.locator('#data-retry').click();
    await appReady(page);
    await page.locator('.doc-text mark.quote-mark').first().waitFor();
    assert.ok((await page.locator('main').innerText()).includes('東莞市人民政府'), 'the document once online');
    const expected = /net::ERR_FAILED at .*\/data\/(targets|texts)\/(sihui-2022|dongguan-2019)\.json$/;
    assert.ok(problems.every((p) => expected.test(p)), problems.join('\n'));
  } finally {
    await context.close();
    await site.close();
  }
});
