// Content before WebAssembly: the home page and each document's reader are built into the HTML
// (crates/site/src/bin/site.rs), readable with JavaScript off, visible while the wasm is still on its way,
// and replaced by the running app without a console error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launchBrowser, openPage, appReady, screenshot, ROOT } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const DIST = join(ROOT, 'dist');
const head = (html) => html.slice(0, html.indexOf('</head>'));

test('every document has its own built page with the same policy, integrity and boot as index.html', async () => {
  const index = await readFile(join(DIST, 'index.html'), 'utf8');
  const pages = (await readdir(DIST)).filter((f) => /^doc-.+\.html$/.test(f)).sort();
  assert.deepEqual(pages, ['doc-dongguan-2019.html', 'doc-midterm-review.html', 'doc-panjin-2019.html',
    'doc-qingbaijiang-2018.html', 'doc-sihui-2022.html']);
  assert.match(index, /<div id="app" data-prerendered="">/);
  assert.ok(index.includes('class="doc-card"') || index.includes('doc-card'), 'the home page holds the document cards');
  for (const file of pages) {
    const html = await readFile(join(DIST, file), 'utf8');
    const id = file.slice(4, -5);
    // The one difference: a document's page also preloads the indicator catalogue and its own
    // targets and text (data/targets/<id>.json, data/texts/<id>.json), as the app fetches them;
    // never every target or text.
    const preload = (name) => `<link rel="preload" href="data/${name}.json" as="fetch" crossorigin="anonymous" />`;
    const own = `${preload('index')}\n${preload('indicators')}\n${preload(`targets/${id}`)}\n${preload(`texts/${id}`)}`;
    assert.ok(head(html).includes(own) && !head(html).includes(preload('targets')), `${file} preloads its own targets`);
    assert.equal(head(html).replace(own, preload('index')), head(index), `${file} has index.html's head`);
    assert.ok(html.includes(`<div id="app" data-prerendered="v=doc&amp;doc=${id}">`), `${file} names its view`);
    const markup = html.replace(/<!--[\s\S]*?-->/g, '');
    assert.ok(!/<script\b(?![^>]*\bsrc=)/.test(markup), 'no inline script');
    assert.ok(!/\sstyle="/.test(markup) && !/<style\b/.test(markup), 'no inline style');
  }
});

test('with JavaScript off, the home page lists the documents and a card opens the document text', async () => {
  const { page, context, problems } = await openPage(browser, server.url, 375, { javaScriptEnabled: false });
  try {
    await page.goto(server.url);
    assert.equal(await page.locator('.doc-card').count(), 5, 'five document cards');
    assert.ok((await page.locator('main').innerText()).includes('盘锦'));
    assert.ok(await page.locator('noscript').count(), 'the note on what needs JavaScript is there');
    await screenshot(page, 'prerender-home-no-js');
    const card = page.locator('.doc-card', { hasText: '盘锦' });
    await card.locator('a[href="doc-panjin-2019.html"]').click();
    await page.waitForURL(/doc-panjin-2019\.html$/);
    const text = await page.locator('main').innerText();
    assert.ok(text.includes('盘锦市推进教育高质量发展行动计划'), 'the document text is readable');
    assert.ok(text.includes('到2022年,实现小学班额不超过45人'), 'with its target sentences');
    await screenshot(page, 'prerender-document-no-js');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the built home shows while the wasm is still loading, then the app takes over cleanly', async () => {
  const { page, context, problems } = await openPage(browser, server.url, 375);
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => { await gate; await route.continue(); });
  try {
    await page.goto(server.url);
    await page.locator('.app.prerendered .doc-card').first().waitFor({ state: 'visible' });
    assert.equal(await page.locator('.app.prerendered .doc-card').count(), 5, 'cards shown before the wasm');
    await screenshot(page, 'prerender-home-before-wasm');
    release();
    await appReady(page);
    assert.equal(await page.locator('.prerendered').count(), 0, 'the built content is replaced');
    assert.equal(await page.locator('.doc-card').count(), 5);
    await page.locator('#lang-switch').click();
    await page.locator('#lang-switch', { hasText: '中文' }).waitFor();
    assert.deepEqual(problems, [], 'no console error, no outside request');
  } finally {
    release();
    await context.close();
  }
});

test('a document page hands the app its view under a shareable link of the main page', async () => {
  const { page, context, problems } = await openPage(browser, server.url, 1280);
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => { await gate; await route.continue(); });
  try {
    await page.goto(`${server.url}doc-sihui-2022.html`);
    await page.locator('.app.prerendered main').getByText('四会').first().waitFor();
    release();
    await appReady(page);
    assert.equal(new URL(page.url()).pathname, '/', 'the address is the main page');
    assert.equal(new URL(page.url()).search, '?v=doc&doc=sihui-2022');
    assert.ok((await page.locator('main').innerText()).includes('四府〔2022〕4号'));
    await page.goBack().catch(() => {});
    assert.deepEqual(problems, []);
  } finally {
    release();
    await context.close();
  }
});

test('a link to another view hides the built home behind the loading line until the app draws it', async () => {
  const { page, context, problems } = await openPage(browser, server.url, 1280);
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => { await gate; await route.continue(); });
  try {
    await page.goto(`${server.url}?v=targets&q=${encodeURIComponent('班额')}`);
    await page.locator('#boot').waitFor();
    assert.equal(await page.locator('.doc-card').count(), 0, 'no home cards under a targets link');
    release();
    await appReady(page);
    await page.locator('#search').waitFor();
    assert.equal(await page.locator('#search').inputValue(), '班额');
    assert.deepEqual(problems, []);
  } finally {
    release();
    await context.close();
  }
});
