// The published data arrives after the WebAssembly: home's index (data/index.json) when the first
// view is home, data/targets.json when a view shows targets (at start for such a link, or on the
// first "See targets"), data/texts.json only when a view needs the documents' texts. A failed or stale fetch shows a clear message with a retry
// button, never a blank page. Fails on console errors and requests leaving 127.0.0.1 (except the
// failures a test provokes on purpose).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, openPage, appReady, screenshot } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

async function withPage(run, expected = () => false) {
  const { page, context, problems } = await openPage(browser, server.url, 1280);
  const requested = [];
  page.on('request', (req) => requested.push(new URL(req.url()).pathname));
  try {
    await run(page, requested);
    assert.deepEqual(problems.filter((p) => !expected(p)), [], 'no console errors and no request leaving the site');
  } finally {
    await context.close();
  }
}

test('the home page fetches its index only; "See targets" fetches the targets; a search fetches the texts and the passage count follows', async () => {
  await withPage(async (page, requested) => {
    await page.goto(server.url);
    await appReady(page);
    await page.locator('.doc-card').first().waitFor();
    assert.ok(requested.includes('/data/index.json'), 'home\'s index fetched at start');
    assert.ok(!requested.includes('/data/targets.json'), 'targets not fetched for the home page');
    assert.ok(!requested.includes('/data/texts.json'), 'texts not fetched for the home page');
    const card = page.locator('#card-sihui-2022');
    assert.match(await card.locator('.counts').innerText(), /^\d+ 项目标/, 'the card counts come from the index');
    const counted = Number((await card.locator('.counts strong').innerText()).trim());
    await card.getByRole('link', { name: '查看目标' }).click();
    await page.locator('.target-list .target-summary').first().waitFor();
    assert.ok(requested.includes('/data/targets.json'), 'targets fetched for the targets list');
    await page.waitForFunction((n) => (document.querySelector('#result-count')?.textContent ?? '').includes(String(n)), counted);
    await page.goto(`${server.url}?v=targets&q=${encodeURIComponent('班额')}`);
    await appReady(page);
    const count = page.locator('#result-count');
    assert.equal(await count.getAttribute('aria-live'), 'polite', 'the count is announced');
    await page.waitForFunction(() => /原文段落 [1-9]\d* 处/.test(document.querySelector('#result-count')?.textContent ?? ''));
    assert.equal(await page.locator('#texts-status').count(), 0, 'no loading line once the texts are here');
    assert.ok(await page.locator('.passages .passage').count() > 0, 'matching passages listed');
    assert.equal(requested.filter((p) => p === '/data/texts.json').length, 1, 'texts fetched once');
  });
});

test('texts from another version are refused with a retry that loads the right ones', async () => {
  await withPage(async (page) => {
    let stale = true;
    await page.route('**/data/texts.json', (route) => (stale
      ? route.fulfill({ status: 200, contentType: 'application/json', body: '{"dongguan-2019": "old"}' })
      : route.continue()));
    await page.goto(`${server.url}?v=doc&doc=panjin-2019`);
    await appReady(page);
    const status = page.locator('#texts-status[role="alert"]');
    await status.waitFor();
    assert.match(await status.innerText(), /版本不符/);
    await screenshot(page, 'texts-stale');
    stale = false;
    await status.getByRole('button').click();
    await page.locator('.doc-text mark.quote-mark').first().waitFor();
    assert.equal(await page.locator('#texts-status').count(), 0);
    assert.ok((await page.locator('.doc-text').innerText()).includes('班额'), 'the document text is shown');
  });
});

test('a failed data fetch shows a message with a retry instead of a blank page', async () => {
  await withPage(async (page) => {
    let fail = true;
    await page.route('**/data/{index,targets}.json', (route) => (fail ? route.abort('failed') : route.continue()));
    await page.goto(server.url);
    const problem = page.locator('#data-problem[role="alert"]');
    await problem.waitFor({ timeout: 20000 });
    assert.match(await problem.innerText(), /数据未能加载/);
    assert.match(await problem.innerText(), /could not be loaded/);
    await screenshot(page, 'data-failed');
    fail = false;
    await page.locator('#data-retry').click();
    await appReady(page);
    assert.equal(await page.locator('.doc-card').count(), 5);
  }, (p) => /Failed to load resource|ERR_FAILED/.test(p));
});

test('targets that fail to arrive after home show a message and a retry; nothing on the page is lost', async () => {
  await withPage(async (page, requested) => {
    let fail = true;
    await page.route('**/data/targets.json', (route) => (fail ? route.abort('failed') : route.continue()));
    await page.goto(server.url);
    await appReady(page);
    await page.locator('#card-panjin-2019').getByRole('link', { name: '查看目标' }).click();
    const status = page.locator('#targets-status[role="alert"]');
    await status.waitFor();
    assert.match(await status.innerText(), /目标数据未能加载/);
    assert.ok(page.url().includes('v=targets'), 'the link already shows where the visitor is going');
    await screenshot(page, 'targets-failed');
    fail = false;
    await page.locator('#targets-retry').click();
    await page.locator('.target-list .target-summary').first().waitFor();
    assert.equal(await page.locator('#targets-status').count(), 0);
    assert.ok(await page.locator('.target-list .target-summary .locality', { hasText: '盘锦' }).count() > 0, 'Panjin\'s targets are listed');
    assert.equal(requested.filter((p) => p === '/data/index.json').length, 1, 'the index is not fetched again');
  }, (p) => /Failed to load resource|ERR_FAILED/.test(p));
});

test('a link to a view with targets fetches the targets once, at start', async () => {
  await withPage(async (page, requested) => {
    await page.goto(`${server.url}?v=targets`);
    await appReady(page);
    await page.locator('.target-list .target-summary').first().waitFor();
    // (index.html preloads home's index whatever the link: 1.3 KB that such a link does not use.)
    assert.equal(requested.filter((p) => p === '/data/targets.json').length, 1);
    assert.equal(await page.locator('#targets-status').count(), 0, 'no loading line once shown');
  });
});
