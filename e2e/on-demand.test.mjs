// Loading on demand: a first visit fetches no chunk; the comparison, the calculator, the chart panel
// and the dataset-file checks are fetched, integrity-checked, when a visitor first goes there
// (src/view/parts.rs, crates/site/src/split.rs). A link straight to the comparison never shows a blank
// frame; a chunk that cannot be fetched, or arrives changed, gives a message and a retry that keeps
// the link's state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launchBrowser, openPage, appReady, screenshot, ROOT, showFilePicker } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const DIST = join(ROOT, 'dist');

/** Runs `run(page)`; afterwards every recorded problem must match one of `expected` (default: none). */
async function withPage(width, run, { expected = [] } = {}) {
  const { page, context, problems } = await openPage(browser, server.url, width);
  const chunks = [];
  page.on('request', (req) => {
    const name = new URL(req.url()).pathname.split('/').pop();
    if (/^chunk-.*\.wasm$/.test(name)) chunks.push(name);
  });
  try {
    await run(page, chunks);
    const unexpected = problems.filter((p) => !expected.some((re) => re.test(p)));
    assert.deepEqual(unexpected, [], 'no console errors and no request leaving the site');
  } finally {
    await context.close();
  }
}

test('the build lists its chunks, each fetched with its integrity digest by a loader that is preloaded with one', async () => {
  const files = await readdir(DIST);
  const chunks = files.filter((f) => /^chunk-[a-z0-9-]+-[0-9a-f]{16}\.wasm$/.test(f));
  assert.ok(chunks.some((f) => f.startsWith('chunk-compare-')), chunks.join(', '));
  assert.ok(chunks.some((f) => f.startsWith('chunk-evaluate-')), chunks.join(', '));
  assert.ok(chunks.some((f) => f.startsWith('chunk-dataset-check-')), chunks.join(', '));
  assert.ok(chunks.some((f) => f.startsWith('chunk-analyse-')), chunks.join(', '));
  const loaderName = files.find((f) => /^split-[0-9a-f]{16}\.js$/.test(f));
  assert.ok(loaderName, 'the split loader is in dist/');
  const loader = await readFile(join(DIST, loaderName), 'utf8');
  const { createHash } = await import('node:crypto');
  for (const chunk of chunks) {
    const digest = `sha384-${createHash('sha384').update(await readFile(join(DIST, chunk))).digest('base64')}`;
    assert.ok(loader.includes(`new URL("./${chunk}", import.meta.url), { integrity: "${digest}"`), `${chunk} is fetched with its digest`);
  }
  assert.doesNotMatch(loader, /import\.meta\.url\)\)/, 'no chunk is fetched without a digest');
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const loaderDigest = `sha384-${createHash('sha384').update(loader).digest('base64')}`;
  assert.ok(html.includes(`<link rel="modulepreload" href="./${loaderName}" crossorigin="anonymous" integrity="${loaderDigest}">`));
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  for (const name of [...chunks, loaderName]) assert.ok(sw.includes(`"./${name}"`), `the offline copy lists ${name}`);
});

test('a first visit fetches no chunk; going to the comparison and the calculator fetches theirs', async () => {
  await withPage(1280, async (page, chunks) => {
    await page.goto(server.url);
    await appReady(page);
    await page.fill('#search', '幼儿园').catch(() => {});
    await page.waitForLoadState('networkidle');
    assert.deepEqual(chunks, [], 'the home page and a search load no chunk');
    await page.click('a.nav-link[href*="v=compare"]');
    await page.waitForSelector('#compare-matrix');
    assert.ok(chunks.some((c) => c.startsWith('chunk-compare-')), chunks.join(', '));
    assert.ok(!chunks.some((c) => c.startsWith('chunk-evaluate-')), 'the calculator is not fetched for the comparison');
    await page.click('a.nav-link[href*="v=evaluate"]');
    await page.waitForSelector('#eval-target');
    assert.ok(chunks.some((c) => c.startsWith('chunk-evaluate-')), chunks.join(', '));
  });
});

test('a link straight to the comparison shows text in every frame until the comparison is drawn', async () => {
  await withPage(375, async (page) => {
    // Every animation frame from the first paint on: does #app show any text?
    await page.addInitScript(() => {
      window.__blankFrames = 0;
      window.__frames = 0;
      const frame = () => {
        const app = document.getElementById('app');
        if (app && performance.getEntriesByName('first-contentful-paint').length) {
          window.__frames += 1;
          if (!app.innerText.trim()) window.__blankFrames += 1;
        }
        if (!document.querySelector('#compare-matrix')) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    // Slow chunks, so the loading line has frames to be seen in.
    await page.route('**/chunk-*.wasm', async (route) => { await new Promise((r) => setTimeout(r, 400)); await route.continue(); });
    await page.goto(`${server.url}?v=compare&cmp=panjin-2019,sihui-2022`);
    await page.waitForSelector('#compare-matrix');
    const { blank, frames } = await page.evaluate(() => ({ blank: window.__blankFrames, frames: window.__frames }));
    assert.ok(frames > 3, `frames watched: ${frames}`);
    assert.equal(blank, 0, `${blank} of ${frames} frames showed an empty page`);
    assert.match(page.url(), /cmp=panjin-2019,sihui-2022/);
  });
});

for (const [what, handle, expected] of [
  ['cannot be fetched', (route) => route.abort('failed'), [/console error: /, /ERR_FAILED|Failed to fetch/]],
  ['arrives changed (integrity)', async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[body.length - 1] ^= 0xff;
    await route.fulfill({ response, body });
  }, [/console error: /]],
]) {
  test(`a chunk that ${what} gives a message and a retry that keeps the link's state`, async () => {
    await withPage(1280, async (page) => {
      let broken = true;
      // The comparison's own chunk: the targets' reader (chunk-targets-reader) is needed before
      // any view with targets starts, and its failure is the next test's.
      await page.route('**/chunk-compare-*.wasm', (route) => (broken ? handle(route) : route.continue()));
      await page.goto(`${server.url}?v=compare&cmp=dongguan-2019,panjin-2019&lang=en`);
      await appReady(page);
      // The comparison and its print copy (hidden on screen) wait for the same chunk.
      const alert = page.locator('.on-demand-failed:visible');
      await alert.waitFor();
      assert.match(await alert.innerText(), /could not be loaded/);
      await screenshot(page, `on-demand-failed-${what.split(' ')[0]}`);
      assert.match(page.url(), /cmp=dongguan-2019,panjin-2019/);
      assert.match(page.url(), /v=compare/);
      broken = false;
      await page.click('.on-demand-retry:visible');
      await page.waitForSelector('#compare-matrix');
      assert.equal(await page.locator('.on-demand-failed').count(), 0);
      const header = await page.locator('#compare-matrix thead').innerText();
      assert.match(header, /Dongguan/);
      assert.match(header, /Panjin/);
      assert.doesNotMatch(header, /Sihui/);
    }, { expected });
  });
}

test('a targets reader that cannot be fetched gives the data message and a retry that keeps the link', async () => {
  await withPage(1280, async (page) => {
    let broken = true;
    await page.route('**/chunk-*.wasm', (route) => (broken ? route.abort('failed') : route.continue()));
    await page.goto(`${server.url}?v=targets&q=${encodeURIComponent('班额')}`);
    const problem = page.locator('#data-problem[role="alert"]');
    await problem.waitFor({ timeout: 20000 });
    assert.match(await problem.innerText(), /读取程序未能加载/);
    assert.match(await problem.innerText(), /its reader could not be loaded/);
    broken = false;
    await page.locator('#data-retry').click();
    await page.locator('.target-list .target-summary').first().waitFor();
    assert.equal(await page.locator('#search').inputValue(), '班额', 'the search typed in the link is kept');
  }, { expected: [/console error: /, /ERR_FAILED|Failed to fetch/] });
});

test('opening a dataset file fetches the checks then; a document page loads its timeline chart', async () => {
  await withPage(1280, async (page, chunks) => {
    await page.goto(`${server.url}?v=doc&doc=sihui-2022`);
    await appReady(page);
    await page.waitForSelector('#doc-timeline-canvas');
    assert.ok(!chunks.some((c) => c.startsWith('chunk-dataset-check-')), chunks.join(', '));
    const sample = await readFile(join(DIST, 'data', 'documents', 'panjin-2019.json'));
    await showFilePicker(page);
    await page.setInputFiles('#dataset-file', { name: 'copy.json', mimeType: 'application/json', buffer: sample });
    await page.locator('.dataset-status').filter({ hasText: /copy\.json|已打开|Opened|重复|already/ }).first().waitFor().catch(() => {});
    await page.waitForFunction(() => document.querySelector('#dataset-errors, .opened-file') !== null);
    assert.ok(chunks.some((c) => c.startsWith('chunk-dataset-check-')), chunks.join(', '));
  });
});

test('files opened on an earlier visit wait for their checks at start: a failed fetch is an error with a retry, and keeps them', async () => {
  await withPage(1280, async (page, chunks) => {
    await page.goto(`${server.url}?v=targets`);
    await appReady(page);
    const fixture = await readFile(join(ROOT, 'tests', 'fixtures', 'example-city-2024.json'));
    await showFilePicker(page);
    await page.setInputFiles('#dataset-file', { name: 'example-city-2024.json', mimeType: 'application/json', buffer: fixture });
    await page.locator('.opened-file').waitFor();
    let broken = true;
    await page.route('**/chunk-dataset-check-*.wasm', (route) => (broken ? route.abort('failed') : route.continue()));
    await page.reload();
    const problem = page.locator('#data-problem');
    await problem.waitFor();
    assert.match(await problem.innerText(), /核对程序/);
    broken = false;
    await page.click('#data-retry');
    await appReady(page);
    await page.locator('.opened-file').waitFor();
    assert.equal(await page.locator('.opened-file').count(), 1, 'the stored file is restored, not dropped');
    assert.ok(chunks.some((c) => c.startsWith('chunk-dataset-check-')));
  }, { expected: [/console error: /, /ERR_FAILED|Failed to fetch/] });
});
