// Many documents (the site built with a synthetic dataset ten times the real one, 50 documents, by
// scripts/variant.sh 10): home's index lists only the documents home shows (data/index.json), and
// the list of every document (data/document-list.json) comes only where a view offers them all:
// the locality finder, the list by province, the comparison. A link to a document the index does
// not list reads that document alone. Fails on any console error or request leaving 127.0.0.1,
// like every journey.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useSite, appReady, screenshot, ROOT } from './harness.mjs';

const DIST = join(ROOT, 'target', 'bench', 'dist-10x');
const site = useSite(DIST);

const published = async (name) => JSON.parse(await readFile(join(DIST, 'data', name), 'utf8'));

/** The paths of the data files `page` requests from now on. */
function dataRequests(page) {
  const paths = [];
  page.on('request', (req) => {
    const path = new URL(req.url()).pathname;
    if (path.startsWith('/data/')) paths.push(path);
  });
  return paths;
}

test("home's index lists only the cards and counts the rest; the whole list is published beside it", async () => {
  const index = await published('index.json');
  const list = await published('document-list.json');
  assert.equal(list.documents.length, 50);
  assert.equal(list.unlisted ?? 0, 0);
  assert.ok(index.documents.length <= 17, `${index.documents.length} documents listed`);
  assert.equal(index.documents.length + index.unlisted, 50);
  assert.deepEqual(
    index.documents.slice(0, 12).map((d) => d.document.id),
    list.documents.slice(0, 12).map((d) => d.document.id),
    'the first documents are the cards',
  );
});

test('bare home fetches the index alone; the finder fetches the list once and finds an unlisted place', async () => {
  await site.withPage(375, async (page) => {
    const requested = dataRequests(page);
    const chunks = [];
    page.on('request', (req) => {
      const path = new URL(req.url()).pathname;
      if (path.startsWith('/chunk-')) chunks.push(path);
    });
    await page.goto(site.server.url);
    await appReady(page);
    assert.equal(await page.locator('.doc-card').count(), 12, 'a dozen cards');
    assert.match(await page.locator('#show-all-documents').innerText(), /显示其余 38 份文件/);
    assert.deepEqual(requested, ['/data/index.json'], 'home fetches nothing but its index');
    await page.waitForTimeout(300);
    assert.deepEqual(chunks, [], 'the first view loads no on-demand chunk: the finder and the list load when used');

    // Every document of Jiangxi is beyond the cards: only the whole list finds them.
    await page.locator('#home-find').focus();
    await page.waitForFunction(() => document.querySelector('#home-find-status') !== null);
    assert.ok(chunks.some((path) => path.startsWith('/chunk-home-many-')), `the finder's chunk on focus: ${chunks}`);
    await page.fill('#home-find', '江西');
    await page.locator('#home-find-results').waitFor();
    assert.equal(await page.locator('#home-find-results li').count(), 4);
    assert.equal(await page.locator('#home-find-status').innerText(), '找到 4 处。');
    assert.ok((await page.locator('#home-find-results').innerText()).includes('惠新'));
    await page.fill('#home-find', 'huixin');
    await page.waitForFunction(() => document.querySelector('#home-find-status')?.textContent === '找到 1 处。');
    await screenshot(page, 'scale-home-find-375');

    // The list by province uses the list already here.
    await page.locator('#show-all-documents').click();
    await page.locator('.province-group').first().waitFor();
    const listed = await page.locator('.province-group li').count();
    assert.equal(listed, 38, 'every document that is not a card, once');
    assert.equal(requested.filter((p) => p === '/data/document-list.json').length, 1, 'the list fetched once');
    assert.ok(!requested.some((p) => p.includes('targets')), `no target fetched: ${requested}`);
  });
});

test('"See targets" on a card fetches that document and the list; the filter counts are every document\'s', async () => {
  const list = await published('document-list.json');
  const sum = (count) => list.documents.reduce((n, d) => n + count(d.counts), 0);
  const kind = (name) => (counts) => (counts.kinds.find(([k]) => k === name) ?? [name, 0])[1];
  await site.withPage(1280, async (page) => {
    const requested = dataRequests(page);
    await page.goto(site.server.url);
    await appReady(page);
    const card = page.locator('#card-entang-2017');
    const counted = Number((await card.locator('.counts strong').innerText()).trim());
    await card.getByRole('link', { name: '查看目标' }).click();
    await page.locator('.target-list .target-summary').first().waitFor();
    await page.waitForFunction((n) => (document.querySelector('#result-count')?.textContent ?? '').includes(String(n)), counted);
    assert.deepEqual(
      [...requested].sort(),
      ['/data/document-list.json', '/data/index.json', '/data/indicators.json', '/data/targets/entang-2017.json'],
      'one document, the catalogue and the list: not every target',
    );
    const count = async (id) => Number(await page.locator(`label[for="${id}"] .count`).innerText());
    assert.equal(await count('f-kind-0'), sum(kind('quantitative')), 'quantitative targets of every document');
    assert.equal(await count('f-bind-0'), sum((c) => c.binding ?? 0), '约束性 of every document');
    assert.equal(await count('f-bind-1'), sum((c) => c.expected ?? 0), '预期性 of every document');
    await screenshot(page, 'scale-card-targets-1280');
  });
});

test('the list by province, asked for first, fetches the list; a failed fetch says so and its retry works', async () => {
  await site.withPage(1280, async (page) => {
    let fail = true;
    await page.route('**/data/document-list.json', (route) => (fail ? route.abort() : route.continue()));
    await page.goto(site.server.url);
    await appReady(page);
    await page.locator('#show-all-documents').click();
    await page.locator('#list-status[role="alert"]').waitFor();
    assert.match(await page.locator('#list-status').innerText(), /地方列表未能加载/);
    assert.equal(await page.locator('.province-group').count(), 0, 'no partial list');
    await screenshot(page, 'scale-list-failed-1280');
    fail = false;
    await page.locator('#list-retry').click();
    await page.locator('.province-group').first().waitFor();
    assert.equal(await page.locator('.province-group li').count(), 38);
  }, (problem) => problem.includes('document-list.json') && problem.includes('ERR_FAILED'));
});

test('a link to a document home\'s index does not list fetches that document alone', async () => {
  const list = await published('document-list.json');
  const index = await published('index.json');
  const listed = new Set(index.documents.map((d) => d.document.id));
  const unlisted = list.documents.find((d) => !listed.has(d.document.id)).document;
  await site.withPage(375, async (page) => {
    const requested = dataRequests(page);
    await page.goto(`${site.server.url}?v=doc&doc=${unlisted.id}`);
    await appReady(page);
    await page.waitForFunction((title) => document.querySelector('main')?.innerText.includes(title), unlisted.title);
    assert.deepEqual(
      [...requested].sort(),
      ['/data/index.json', '/data/indicators.json', `/data/targets/${unlisted.id}.json`, `/data/texts/${unlisted.id}.json`].sort(),
    );
    assert.ok(page.url().includes(`doc=${unlisted.id}`), 'the link keeps the document');
    // Tabs for this document and others of its province, and the way to the rest.
    const tabs = page.locator('.reader nav .tabs li');
    assert.ok(await tabs.count() <= 14, `${await tabs.count()} tabs`);
    assert.ok((await page.locator('.reader nav .tabs').innerText()).includes(unlisted.locality.zh), 'its own tab');
    const more = page.locator('.reader nav .more-places');
    assert.equal(await more.innerText(), '其他地方:在首页查找');
    await screenshot(page, 'scale-unlisted-document-375');
    await more.click();
    await page.locator('#home-find').waitFor();
  });
});

test('a comparison with an unlisted document shows it, and its choices come from the whole list', async () => {
  const list = await published('document-list.json');
  const index = await published('index.json');
  const listed = new Set(index.documents.map((d) => d.document.id));
  const unlisted = list.documents.find((d) => !listed.has(d.document.id) && d.document.level !== 'unnamed').document;
  await site.withPage(1280, async (page) => {
    const requested = dataRequests(page);
    await page.goto(`${site.server.url}?v=compare&cmp=panjin-2019,${unlisted.id}`);
    await appReady(page);
    await page.locator('#compare-matrix').waitFor();
    const head = await page.locator('#compare-matrix thead').innerText();
    assert.ok(head.includes('盘锦') && head.includes(unlisted.locality.zh), head);
    assert.equal(requested.filter((p) => p === '/data/document-list.json').length, 1);
    assert.ok(!requested.includes('/data/targets.json'), 'not every target');
    await screenshot(page, 'scale-compare-unlisted-1280');
  });
});

test('a link naming a document that does not exist says so and shows the rest', async () => {
  await site.withPage(375, async (page) => {
    const notFound = [];
    page.on('response', (res) => { if (res.status() === 404) notFound.push(new URL(res.url()).pathname); });
    await page.goto(`${site.server.url}?v=compare&cmp=panjin-2019,sihui-2022,nowhere-2020`);
    await appReady(page);
    await page.locator('#compare-matrix').waitFor();
    assert.match(await page.locator('main').innerText(), /链接中有无法识别的部分,已忽略:.*nowhere-2020/s);
    assert.deepEqual(notFound, ['/data/targets/nowhere-2020.json'], 'asked for, and not there');
  }, (problem) => problem.includes('/data/targets/nowhere-2020.json'));
});
