// Hardening journeys: the built page is locked down by its Content-Security-Policy and
// Subresource Integrity, fails with a clear message instead of a blank page, can be embedded in
// an article, prints a clean cited comparison table, and offers the whole dataset for download
// with its version.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launchBrowser, openPage, appReady, screenshot, horizontalOverflow, ROOT, SHOTS } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Runs `run(page)`; afterwards every recorded problem must match one of `expected` (default: none). */
async function withPage(width, run, { expected = [], ...options } = {}) {
  const { page, context, problems } = await openPage(browser, server.url, width, options);
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`);
    });
  });
  try {
    await run(page, problems);
    const unexpected = problems.filter((p) => !expected.some((re) => re.test(p)));
    assert.deepEqual(unexpected, [], 'no console errors and no request leaving the site');
  } finally {
    await context.close();
  }
}

const distIndex = () => readFile(join(ROOT, 'dist', 'index.html'), 'utf8');

test('dist/index.html carries a strict CSP, no inline script, and integrity on every script and link', async () => {
  const html = await distIndex();
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(csp, 'CSP meta tag present');
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives['default-src'], ["'self'"]);
  assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"], 'no unsafe-inline or unsafe-eval for scripts');
  assert.deepEqual(directives['style-src'], ["'self'"], 'no inline <style> elements');
  assert.equal(directives['style-src-attr'], undefined, 'no style attributes either: style-src applies to them');
  assert.deepEqual(directives['object-src'], ["'none'"]);
  assert.deepEqual(directives['base-uri'], ["'self'"]);
  assert.deepEqual(directives['form-action'], ["'none'"]);
  assert.deepEqual(directives['require-trusted-types-for'], ["'script'"], 'HTML sinks need Trusted Types (none exist)');
  assert.deepEqual(directives['trusted-types'], ['sw-url'], 'one policy only: the service worker URL (static/boot.js)');
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy comes before any script');

  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.ok(scripts.length >= 1, 'the boot script is there');
  for (const [, attrs, body] of scripts) {
    assert.match(attrs, /\bsrc="/, `no inline script: <script${attrs}>`);
    assert.equal(body.trim(), '', 'external scripts have no inline body');
    assert.match(attrs, /\bintegrity="sha384-[A-Za-z0-9+/=]+"/, `script has integrity: ${attrs}`);
  }
  const links = [...html.matchAll(/<link\b([^>]*)>/g)].map((m) => m[1]);
  // The index's preload is data, not code: the app checks what it fetched against the fingerprint
  // baked in at build time (crates/data/src/published.rs), so it needs no integrity attribute; it must
  // be exactly the app's own fetch (same URL and CORS mode), or the browser would download it twice.
  const isDataPreload = (a) => /\brel="preload"/.test(a) && /\bas="fetch"/.test(a) && /\bhref="data\//.test(a);
  const dataPreloads = links.filter(isDataPreload);
  assert.deepEqual(dataPreloads.map((a) => a.match(/\bhref="([^"]+)"/)[1]), ['data/index.json'], 'only home\'s index is preloaded');
  for (const attrs of dataPreloads) assert.match(attrs, /\bcrossorigin="anonymous"/, `data preload matches fetch()'s CORS mode: ${attrs}`);
  const assets = links.filter((a) => /\bhref="/.test(a) && !isDataPreload(a));
  assert.ok(assets.length >= 4, 'icon, stylesheet, JS glue and WebAssembly are linked');
  for (const attrs of assets) assert.match(attrs, /\bintegrity="sha384-[A-Za-z0-9+/=]+"/, `link has integrity: ${attrs}`);
  assert.ok(!/\sstyle="/.test(html), 'no style attributes in the page');
  assert.ok(!/\son[a-z]+="/.test(html), 'no inline event handlers');
});

test('every view runs under the policy with no violation, no console error and no outside request', async () => {
  await withPage(1280, async (page) => {
    const views = ['', '?v=targets&q=%E7%8F%AD%E9%A2%9D&t=panjin-2019-primary-class-size', '?v=doc&doc=dongguan-2019&t=dongguan-2019-inclusive-kindergarten-share',
      '?v=compare', '?v=evaluate&cur=50', '?v=compare&embed=1', '?lang=en&v=targets'];
    for (const view of views) {
      await page.goto(server.url + view);
      await page.waitForSelector('.app:not(.prerendered) .site-header, .embed-frame', { timeout: 20000 });
      assert.equal(await page.locator('#boot').count(), 0, 'the loading line is gone once the app runs');
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], `no CSP violation on ${view || 'home'}`);
    }
  });
});

test('the policy is enforced: injected inline script and HTML strings are refused', async () => {
  await withPage(1280, async (page) => {
    await page.goto(server.url);
    await appReady(page);
    const outcome = await page.evaluate(() => {
      const result = {};
      try { document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__pwned=1">'); result.html = 'allowed'; } catch (e) { result.html = e.name; }
      const s = document.createElement('script');
      try { s.textContent = 'window.__pwned = 2'; document.body.append(s); result.script = 'allowed'; } catch (e) { result.script = e.name; }
      return { ...result, pwned: window.__pwned ?? null };
    });
    assert.equal(outcome.html, 'TypeError', 'Trusted Types refuse HTML strings');
    assert.equal(outcome.script, 'TypeError', 'Trusted Types refuse script text');
    assert.equal(outcome.pwned, null);
  }, { expected: [/requires 'Trusted(HTML|Script)' assignment/] });
});

test('without WebAssembly the page says so and offers the open data', async () => {
  await withPage(375, async (page) => {
    await page.addInitScript(() => { delete globalThis.WebAssembly; });
    await page.goto(server.url);
    const problem = page.locator('#boot-problem');
    await problem.waitFor();
    const text = await problem.innerText();
    assert.ok(text.includes('WebAssembly') && text.includes('浏览器不支持'), text);
    assert.equal(await problem.getAttribute('role'), 'alert');
    assert.equal(await page.locator('#boot-problem a[href="data/targets.csv"]').count(), 1);
    await screenshot(page, 'no-wasm-375');
  });
});

test('when the program fails to load, or was altered on the way, a message and a reload link replace the blank page', async () => {
  // Missing file.
  await withPage(375, async (page) => {
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(server.url);
    await page.locator('#boot-problem').waitFor();
    assert.ok((await page.locator('#boot-problem').innerText()).includes('页面未能加载'));
    assert.equal(await page.locator('#boot-problem a.button').getAttribute('href'), server.url);
  }, { expected: [/HTTP 404/, /failed to start/, /Failed to load resource/, /integrity/i] });
  // Altered file: Subresource Integrity refuses it.
  const html = await distIndex();
  const wasmName = html.match(/data-wasm="\.?\/?([^"]+\.wasm)"/)[1];
  await withPage(375, async (page) => {
    await page.route(`**/${wasmName}`, async (route) => {
      const original = await readFile(join(ROOT, 'dist', wasmName));
      original[original.length - 1] ^= 0xff;
      await route.fulfill({ status: 200, body: original, contentType: 'application/wasm' });
    });
    await page.goto(server.url);
    await page.locator('#boot-problem').waitFor();
    assert.equal(await page.locator('.app:not(.prerendered) .site-header').count(), 0, 'the altered program never ran');
    assert.ok(await page.locator('#app > #boot-problem:first-child').isVisible(), 'the message comes first, above the built content');
  }, { expected: [/integrity/i, /failed to start/] });
});

test('with JavaScript off, the page explains what it needs and links the open data', async () => {
  await withPage(375, async (page) => {
    await page.goto(server.url);
    const text = await page.locator('body').innerText();
    assert.ok(text.includes('JavaScript 未启用') && text.includes('targets.csv'), text);
    assert.ok(text.includes('東府〔2019〕76號'), 'the built home page is readable');
    assert.ok(!text.includes('正在加载'), 'no endless "loading" line');
  }, { javaScriptEnabled: false });
});

test('embed mode shows only the comparison table, a source line and a link back, inside an iframe on another site (storage blocked there)', async () => {
  await withPage(1280, async (page) => {
    const src = `${server.url}?v=compare&embed=1`;
    await page.setContent(`<!DOCTYPE html><html lang="en"><body><h1>News article</h1>
      <iframe src="${src}" title="Education targets compared" width="640" height="520"></iframe></body></html>`);
    const frame = page.frameLocator('iframe');
    await frame.locator('#embed-matrix').waitFor({ timeout: 20000 });
    assert.equal(await frame.locator('.site-header, nav, .site-footer, .filters').count(), 0, 'no page chrome');
    assert.equal(await frame.locator('#embed-matrix thead th').count(), 5, 'indicator column plus four localities');
    const source = await frame.locator('.embed-source').innerText();
    assert.ok(source.includes('数据版本') && /\d{4}\.\d+\.\d+/.test(source), source);
    const back = await frame.locator('#embed-full-view').getAttribute('href');
    assert.ok(back.includes('v=compare') && !back.includes('embed'), back);
    assert.equal(await frame.locator('#embed-full-view').getAttribute('target'), '_blank');
    const width = await frame.locator('html').evaluate((el) => el.scrollWidth - el.clientWidth);
    assert.ok(width <= 0, `no sideways scrolling of the embedded page (${width}px)`);
    await screenshot(page, 'embed-compare-iframe');
  });
});

test('with local storage blocked, the app still runs and the reading aids still switch', async () => {
  await withPage(375, async (page) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    });
    await page.goto(`${server.url}?v=targets`);
    await appReady(page);
    await page.click('#text-size');
    await page.waitForFunction(() => document.documentElement.classList.contains('large-text'));
  });
});

test('"copy embed code" gives an iframe snippet that shows the same list in an article', async () => {
  await withPage(1280, async (page) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto(`${server.url}?v=targets&q=${encodeURIComponent('班额')}`);
    await appReady(page);
    await page.click('#copy-embed');
    await page.waitForFunction(() => document.querySelector('#copy-embed').textContent.includes('已复制'));
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?v=targets&q=[^"]+&embed=1" title="[^"]+"/, snippet);
    const article = await page.context().newPage(); // the article, on another site
    await article.setContent(`<!DOCTYPE html><html lang="en"><body><h1>Article</h1>${snippet}</body></html>`);
    const frame = article.frameLocator('iframe');
    await frame.locator('#embed-targets').waitFor({ timeout: 20000 });
    const rows = await frame.locator('#embed-targets tbody tr').allInnerTexts();
    assert.ok(rows.length >= 4 && rows.some((r) => r.includes('盘锦')), rows.join('\n'));
  });
});

test('embed mode also serves one indicator and a filtered target list', async () => {
  await withPage(600, async (page) => {
    await page.goto(`${server.url}?v=compare&ind=primary-class-size-cap&embed=1`);
    await page.locator('#embed-indicator').waitFor({ timeout: 20000 });
    const rows = await page.locator('#embed-indicator tbody tr').allInnerTexts();
    assert.ok(rows.some((r) => r.includes('盘锦') && r.includes('45')), rows.join('\n'));
    assert.ok(await page.locator('#embed-indicator q[lang]').count() === rows.length, 'each row quotes its source');
    await screenshot(page, 'embed-indicator-600');
    await page.goto(`${server.url}?v=targets&q=${encodeURIComponent('班额')}&embed=1&lang=en`);
    await page.locator('#embed-targets').waitFor();
    const targets = await page.locator('#embed-targets tbody tr').allInnerTexts();
    assert.ok(targets.length >= 4 && targets.some((t) => t.includes('Panjin')), targets.join('\n'));
    assert.equal(await page.getAttribute('html', 'class'), 'embed');
    assert.ok(await horizontalOverflow(page) <= 0);
  });
});

test('printing the comparison gives a clean table with document, section and quote for every value', async () => {
  await withPage(1280, async (page) => {
    await page.goto(`${server.url}?v=compare`);
    await appReady(page);
    await page.locator('#compare-matrix').waitFor();
    assert.equal(await page.locator('#print-matrix').isVisible(), false, 'the print table is for print only');
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.locator('#print-matrix').isVisible(), 'the cited table prints');
    for (const hidden of ['#compare-matrix', '.site-header nav', '.header-tools', '.differences']) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
    }
    const cites = await page.locator('#print-matrix sup.cite').count();
    const sources = page.locator('.print-only .citations li');
    assert.equal(await sources.count(), cites, 'one source entry per cited value');
    const first = sources.first();
    assert.ok((await first.locator('cite').innerText()).startsWith('《'), 'document title');
    assert.ok((await first.locator('q[lang]').innerText()).length > 10, 'verbatim quote with its language');
    await page.screenshot({ path: join(SHOTS, 'print-compare.png'), fullPage: true });
    const pdf = await page.pdf({ path: join(SHOTS, 'print-compare.pdf'), format: 'A4', printBackground: true });
    assert.ok(pdf.length > 10000, `a PDF was produced (${pdf.length} bytes)`);
  });
});

test('the whole dataset downloads as CSV (with BOM) and JSON, each carrying the dataset version', async () => {
  await withPage(1280, async (page) => {
    await page.goto(`${server.url}?v=targets&q=${encodeURIComponent('班额')}`);
    await appReady(page);
    const version = await page.locator('#dataset-version').innerText();
    assert.match(version, /^\d{4}\.\d+\.\d+$/);
    const save = async (selector) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
      return { name: download.suggestedFilename(), body: await readFile(await download.path()) };
    };
    const json = await save('#download-all-json');
    assert.equal(json.name, `policy-targets-all-${version}.json`);
    const dataset = JSON.parse(json.body.toString('utf8'));
    assert.equal(dataset.version, version);
    const total = dataset.documents.reduce((n, d) => n + d.targets.length, 0);
    const csv = await save('#download-all-csv');
    assert.equal(csv.name, `policy-targets-all-${version}.csv`);
    assert.deepEqual([...csv.body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark for Excel and WPS');
    const lines = csv.body.toString('utf8').slice(1).split('\r\n').filter((l) => l.startsWith('"'));
    assert.ok(lines[0].startsWith('"dataset_version"'));
    const rows = lines.slice(1).filter((l) => l.startsWith(`"${version}"`));
    assert.equal(rows.length, total, 'every target has a row carrying the version');
    // The current view's export is the smaller, searched list, also versioned.
    const current = await save('#download-json');
    const view = JSON.parse(current.body.toString('utf8'));
    assert.equal(view.dataset_version, version);
    assert.ok(view.targets.length > 0 && view.targets.length < total);
  });
});
