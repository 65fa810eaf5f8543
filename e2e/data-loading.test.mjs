// The published data arrives after the WebAssembly: home's index (data/index.json) when the first
// view is home, data/targets.json when a view shows every target (at start for such a link, or on
// the first visit of the whole list), only the documents' own targets (data/targets/<id>.json, with
// data/indicators.json) for a document's page, the comparison and the list of a few localities (a
// card's "See targets"), data/texts.json only when a
// view needs the documents' texts. A failed or stale fetch shows a clear message with a retry
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

test('the home page fetches its index only; "See targets" fetches that document\'s targets; a search fetches the texts and the passage count follows', async () => {
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
    // One locality's list needs its document's targets alone (and the indicator catalogue).
    assert.ok(requested.includes('/data/targets/sihui-2022.json'), 'its targets fetched for its list');
    assert.ok(!requested.includes('/data/targets.json'), 'not every target');
    await page.waitForFunction((n) => (document.querySelector('#result-count')?.textContent ?? '').includes(String(n)), counted);
    // Opening one of its targets needs nothing more.
    const first = page.locator('.target-list .target-summary').first();
    await first.click();
    await page.waitForFunction(() => document.querySelector('.target-list .target-summary')?.getAttribute('aria-expanded') === 'true');
    assert.ok(page.url().includes('t='), 'the opened target is in the link');
    assert.equal(await page.locator('#targets-status').count(), 0, 'no loading line');
    assert.ok(!requested.includes('/data/targets.json'), 'still not every target');
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
    // A document's page reads its own text (data/texts/<id>.json); a search reads them all.
    await page.route('**/data/texts/panjin-2019.json', (route) => (stale
      ? route.fulfill({ status: 200, contentType: 'application/json', body: '{"published":"0000000000000000","document":"panjin-2019","text":"old"}' })
      : route.continue()));
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
    stale = true;
    await page.goto(`${server.url}?v=targets&q=${encodeURIComponent('班额')}`);
    await appReady(page);
    await status.waitFor();
    assert.match(await status.innerText(), /版本不符/);
    stale = false;
    await status.getByRole('button').click();
    await page.waitForFunction(() => /原文段落 [1-9]\d* 处/.test(document.querySelector('#result-count')?.textContent ?? ''));
    assert.equal(await page.locator('#texts-status').count(), 0);
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
    // "See targets" fetches the document's own targets.
    await page.route('**/data/targets/panjin-2019.json', (route) => (fail ? route.abort('failed') : route.continue()));
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

/** The split files among `requested` paths, by document id. */
const splitOf = (requested) => requested.filter((p) => p.startsWith('/data/targets/')).map((p) => p.slice('/data/targets/'.length, -'.json'.length));

test('the comparison fetches only its documents\' targets, and a document added to it alone', async () => {
  await withPage(async (page, requested) => {
    await page.goto(server.url);
    await appReady(page);
    await page.locator('.doc-card').first().waitFor();
    await page.locator('header nav a[href*="v=compare"]').first().click();
    await page.locator('#compare-matrix').waitFor();
    assert.deepEqual(splitOf(requested).sort(), ['dongguan-2019', 'panjin-2019', 'qingbaijiang-2018', 'sihui-2022'], 'the four compared documents, each once');
    assert.ok(requested.includes('/data/indicators.json'), 'the indicator catalogue');
    assert.ok(!requested.includes('/data/targets.json'), 'not every target');
    assert.ok(await page.locator('#compare-matrix td', { hasText: /\d/ }).count() > 0, 'values are shown');
    // Adding the fifth document fetches it alone.
    await page.locator('#cmp-midterm-review').check();
    await page.locator('#compare-matrix th', { hasText: '某市' }).first().waitFor();
    assert.deepEqual(splitOf(requested).filter((id) => id === 'midterm-review'), ['midterm-review']);
    assert.equal(requested.filter((p) => p === '/data/indicators.json').length, 1, 'the catalogue is fetched once');
  });
});

test('a link to a document\'s page fetches the index, the catalogue and that document\'s targets and text, nothing else', async () => {
  await withPage(async (page, requested) => {
    await page.goto(`${server.url}?v=doc&doc=panjin-2019&t=panjin-2019-primary-class-size`);
    await appReady(page);
    await page.locator('.reader').waitFor();
    assert.deepEqual(splitOf(requested), ['panjin-2019']);
    assert.ok(!requested.includes('/data/targets.json'), 'not every target');
    await page.locator('.reader .doc-text p').first().waitFor();
    assert.ok(requested.includes('/data/texts/panjin-2019.json'), 'its own text');
    assert.ok(!requested.includes('/data/texts.json'), 'not every text');
    assert.ok(!requested.some((p) => p.startsWith('/data/texts/') && p !== '/data/texts/panjin-2019.json'), 'no other text');
    assert.ok(requested.includes('/data/indicators.json'));
    assert.ok(page.url().includes('t=panjin-2019-primary-class-size'), 'the target in the link is kept');
    assert.equal(await page.locator('.notice[role="status"]').count(), 0, 'nothing in the link was dropped');
    // On to the targets list: now every target, and the list counts all of them.
    await page.locator('header nav a[href*="v=targets"]').first().click();
    await page.locator('.target-list .target-summary').first().waitFor();
    assert.equal(requested.filter((p) => p === '/data/targets.json').length, 1);
    const total = (await page.locator('#result-count').innerText()).match(/\d+/)[0];
    assert.equal(Number(total), 219, 'every published target');
  });
});

test('a document\'s targets that fail to arrive show a message and a retry; the comparison then shows', async () => {
  await withPage(async (page, requested) => {
    let fail = true;
    await page.route('**/data/targets/sihui-2022.json', (route) => (fail ? route.abort('failed') : route.continue()));
    await page.goto(server.url);
    await appReady(page);
    await page.locator('.doc-card').first().waitFor();
    await page.locator('header nav a[href*="v=compare"]').first().click();
    const status = page.locator('#targets-status[role="alert"]');
    await status.waitFor();
    assert.match(await status.innerText(), /目标数据未能加载/);
    assert.ok(page.url().includes('v=compare'), 'the link already shows where the visitor is going');
    fail = false;
    await page.locator('#targets-retry').click();
    await page.locator('#compare-matrix').waitFor();
    assert.equal(await page.locator('#targets-status').count(), 0);
    assert.ok(!requested.includes('/data/targets.json'), 'the retry fetches the document, not every target');
  }, (p) => /Failed to load resource|ERR_FAILED/.test(p));
});
