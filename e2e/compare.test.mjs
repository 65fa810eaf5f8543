// End-to-end journeys of the comparison and its charts: the four default localities side by side
// with badges and charts drawn on canvases (pixels counted), the chart / data-table switch, a PNG
// download, the indicator choice kept in the link, and the baseline → target paths of a mid-term
// evaluation with the value entered. Every test fails on a console error or a request leaving
// 127.0.0.1. Screenshots of every chart go to target/e2e-screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useSite, openPage, appReady, horizontalOverflow, SHOTS } from './harness.mjs';

const site = useSite();
const withPage = site.withPage;

/**
 * Facts about the canvas `selector`: backing-store and CSS sizes, the device pixel ratio, how many
 * pixels are not the white background, and how many distinct colours are drawn.
 */
async function canvasFacts(page, selector) {
  return page.evaluate((sel) => {
    const canvas = document.querySelector(sel);
    if (!canvas) return null;
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0 && (data[i] < 245 || data[i + 1] < 245 || data[i + 2] < 245)) {
        inked++;
        if (colours.size < 500) colours.add((data[i] >> 4) * 256 + (data[i + 1] >> 4) * 16 + (data[i + 2] >> 4));
      }
    }
    return {
      width: canvas.width, height: canvas.height, cssWidth: canvas.clientWidth, cssHeight: canvas.clientHeight,
      dpr: window.devicePixelRatio, inked, share: inked / (canvas.width * canvas.height), colours: colours.size,
      label: canvas.getAttribute('aria-label'), role: canvas.getAttribute('role'),
    };
  }, selector);
}

/** Waits until the canvas `selector` has been drawn on at its laid-out width (a first drawing may
 *  come before the page's layout settles; the resize observer then draws it again). */
async function waitDrawn(page, selector) {
  await page.waitForFunction((sel) => {
    const c = document.querySelector(sel);
    if (!c || c.width < 50) return false;
    if (Math.abs(c.width - c.clientWidth * devicePixelRatio) > 2) return false;
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    for (let i = 0; i < data.length; i += 4 * 97) if (data[i] < 200) return true;
    return false;
  }, selector, { timeout: 10000 });
}

async function shot(locator, name) {
  await locator.scrollIntoViewIfNeeded();
  await locator.screenshot({ path: join(SHOTS, `${name}.png`) });
}

function assertCrisp(facts, name) {
  assert.ok(facts, `${name} canvas exists`);
  assert.equal(facts.role, 'img', `${name} canvas is an image to assistive technology`);
  assert.ok(facts.label && facts.label.length > 10, `${name} canvas is labelled with its summary`);
  assert.ok(Math.abs(facts.width - facts.cssWidth * facts.dpr) <= 2,
    `${name}: backing store ${facts.width} = CSS ${facts.cssWidth} × ${facts.dpr}`);
  assert.ok(Math.abs(facts.height / facts.width - facts.cssHeight / facts.cssWidth) < 0.02, `${name} keeps its aspect ratio`);
  assert.ok(facts.share > 0.01, `${name} is drawn (${facts.inked} inked pixels)`);
  assert.ok(facts.colours >= 4, `${name} uses several colours (${facts.colours})`);
}

for (const width of [375, 1280]) {
  test(`compare the four default localities: matrix, badges and charts drawn (${width}px)`, async () => {
    await withPage(width, async (page) => {
      await page.goto(`${site.server.url}?v=compare`);
      await appReady(page);
      await page.locator('#compare-matrix').waitFor();
      const header = await page.locator('#compare-matrix thead').innerText();
      for (const city of ['东莞', '盘锦', '青白江', '四会']) assert.ok(header.includes(city), `column ${city}`);
      assert.ok(await page.locator('#compare-matrix .tag.rough').count() > 0, 'roughly comparable rows carry a badge');
      assert.ok(await page.locator('#compare-matrix .tag.comparable').count() > 0, 'comparable rows carry a badge');
      assert.ok(await page.locator('#compare-matrix .tag.demanding').count() > 0, 'the more demanding target is marked');
      const verdicts = await page.locator('.verdict').allInnerTexts();
      assert.ok(verdicts.some((v) => v.includes('目标年份相差') || v.includes('目标年份最多相差')), 'how far apart the years are');
      assert.ok(verdicts.some((v) => v.includes('示意') && v.includes('四会 86.49%')), 'a common-year illustration');
      assert.ok((await page.locator('#compare-matrix .pace').allInnerTexts()).some((t) => t.includes('平均每年需变化')),
        'the yearly change a target requires');

      await waitDrawn(page, '#indicator-chart-canvas');
      await waitDrawn(page, '#timeline-chart-canvas');
      const indicator = await canvasFacts(page, '#indicator-chart-canvas');
      const timeline = await canvasFacts(page, '#timeline-chart-canvas');
      assertCrisp(indicator, 'indicator chart');
      assertCrisp(timeline, 'timeline');
      assert.equal(await page.inputValue('#indicator-choice'), 'inclusive-kindergarten-share', 'the most shared indicator by default');
      const summary = await page.locator('#indicator-chart-summary').innerText();
      assert.ok(summary.includes('东莞') && summary.includes('四会') && summary.includes('80%'), summary);
      assert.equal(indicator.label, summary, 'the canvas label is the summary');
      assert.ok((await page.locator('#timeline-chart-summary').innerText()).includes('项目标'));
      assert.ok(await horizontalOverflow(page) <= 0, 'no horizontal scrolling');
      await shot(page.locator('#indicator-chart-canvas'), `chart-indicator-${width}`);
      await shot(page.locator('#timeline-chart-canvas'), `chart-timeline-${width}`);
      await shot(page.locator('#compare-matrix'), `compare-matrix-${width}`);
    });
  });
}

test('switch a chart to its data table and back, then download it as a PNG', async () => {
  await withPage(1280, async (page) => {
    await page.goto(`${site.server.url}?v=compare`);
    await appReady(page);
    await waitDrawn(page, '#indicator-chart-canvas');
    const panel = page.locator('section[aria-labelledby="indicator-chart-heading"]');
    await panel.getByRole('button', { name: '数据表' }).click();
    const table = page.locator('#indicator-chart-table');
    await table.waitFor();
    assert.equal(await page.locator('#indicator-chart-canvas').count(), 0, 'the table replaces the chart');
    const rows = await table.locator('tbody tr').allInnerTexts();
    assert.ok(rows.length >= 3, `a row per target (${rows.length})`);
    assert.ok(rows.some((r) => r.includes('四会') && r.includes('85')), 'Sihui 85 in the table');
    assert.equal(await panel.getByRole('button', { name: '数据表' }).getAttribute('aria-pressed'), 'true');
    await shot(table, 'chart-indicator-table-1280');
    await panel.getByRole('button', { name: '图表' }).click();
    await waitDrawn(page, '#indicator-chart-canvas');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#indicator-chart-png')]);
    assert.equal(download.suggestedFilename(), 'indicator-inclusive-kindergarten-share.png');
    const bytes = await readFile(await download.path());
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG signature');
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    assert.equal(width, 1920, 'downloaded at 960 CSS px × 2');
    assert.ok(height > 600, `tall enough (${height})`);
    assert.ok(bytes.length > 20000, `a non-trivial image (${bytes.length} bytes)`);
    console.log(`indicator chart PNG: ${width}×${height}, ${bytes.length} bytes`);
    await download.saveAs(join(SHOTS, 'download-indicator-chart.png'));
  });
});

test('the indicator choice is in the link, survives a reload, and the charts follow the language', async () => {
  await withPage(1280, async (page) => {
    await page.goto(`${site.server.url}?v=compare`);
    await appReady(page);
    await page.selectOption('#indicator-choice', 'primary-class-size-cap');
    await page.waitForFunction(() => document.querySelector('#indicator-chart-summary')?.textContent.includes('小学'));
    assert.ok(page.url().includes('ind=primary-class-size-cap'), page.url());
    await page.reload();
    await appReady(page);
    await waitDrawn(page, '#indicator-chart-canvas');
    assert.equal(await page.inputValue('#indicator-choice'), 'primary-class-size-cap');
    const before = await canvasFacts(page, '#indicator-chart-canvas');
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.querySelector('#indicator-chart-summary')?.textContent.includes('Primary'));
    await waitDrawn(page, '#indicator-chart-canvas');
    const after = await canvasFacts(page, '#indicator-chart-canvas');
    assert.ok(after.label.includes('Panjin'), after.label);
    assert.notEqual(after.label, before.label);
    await page.click('#contrast');
    await page.waitForFunction(() => document.documentElement.classList.contains('high-contrast'));
    await waitDrawn(page, '#timeline-chart-canvas');
    assertCrisp(await canvasFacts(page, '#timeline-chart-canvas'), 'high-contrast timeline');
    await shot(page.locator('#timeline-chart-canvas'), 'chart-timeline-high-contrast-en-1280');
    // A narrower window redraws the chart at its new width (the time it takes is printed).
    const start = Date.now();
    await page.setViewportSize({ width: 700, height: 900 });
    await page.waitForFunction(() => {
      const c = document.querySelector('#indicator-chart-canvas');
      return c && Math.abs(c.width - c.clientWidth * window.devicePixelRatio) <= 2 && c.clientWidth < 700;
    }, null, { polling: 'raf' });
    console.log(`resize to 700 px → chart redrawn at the new width within ${Date.now() - start} ms`);
  });
});

for (const width of [375, 1280]) {
  test(`a mid-term evaluation draws Sihui's fitness trajectory with the value entered; its link reopens it (${width}px)`, async () => {
    await withPage(width, async (page) => {
      await page.goto(`${site.server.url}?v=evaluate&t=sihui-2022-fitness-2022`);
      await appReady(page);
      await page.fill('#eval-date', '2022-06-30');
      await page.fill('#eval-current', '49');
      await page.fill('#eval-baseline', '42');
      await page.fill('#eval-baseline-year', '2020');
      await page.locator('#evaluation-status').waitFor();
      await page.waitForFunction(() => document.querySelector('#paths-chart-summary')?.textContent.includes('自填49%'));
      await waitDrawn(page, '#paths-chart-canvas');
      const facts = await canvasFacts(page, '#paths-chart-canvas');
      assertCrisp(facts, 'paths chart');
      const summary = await page.locator('#paths-chart-summary').innerText();
      assert.ok(summary.includes('四会') && summary.includes('2030'), `the trajectory runs to 2030: ${summary}`);
      const status = await page.locator('#evaluation-status').innerText();
      await shot(page.locator('#paths-chart-canvas'), `chart-paths-${width}`);
      const link = page.url();
      await page.goto(link);
      await appReady(page);
      await waitDrawn(page, '#paths-chart-canvas');
      assert.equal(await page.locator('#evaluation-status').innerText(), status);
      assert.equal(await page.locator('#paths-chart-summary').innerText(), summary, 'the link reopens the same scenario');
      assert.ok(await horizontalOverflow(page) <= 0, 'no horizontal scrolling');
    });
  });
}

test('a document page shows its plan period and deadlines as a timeline (375px)', async () => {
  await withPage(375, async (page) => {
    await page.goto(`${site.server.url}?v=doc&doc=sihui-2022`);
    await appReady(page);
    await waitDrawn(page, '#doc-timeline-canvas');
    assertCrisp(await canvasFacts(page, '#doc-timeline-canvas'), 'document timeline');
    const summary = await page.locator('#doc-timeline-summary').innerText();
    assert.ok(summary.startsWith('四会共') && summary.includes('2025年'), summary);
    await shot(page.locator('#doc-timeline-canvas'), 'chart-doc-timeline-375');
  });
});

test('on a phone, large text enlarges the chart too, and its PNG is offered', async () => {
  await withPage(375, async (page) => {
    await page.goto(`${site.server.url}?v=evaluate&t=sihui-2022-fitness-2022&at=2022-06-30&cur=49&bv=42&by=2020`);
    await appReady(page);
    await waitDrawn(page, '#paths-chart-canvas');
    const normal = await canvasFacts(page, '#paths-chart-canvas');
    await page.click('#text-size');
    await page.waitForFunction((h) => document.querySelector('#paths-chart-canvas').clientHeight > h * 1.1, normal.cssHeight);
    await waitDrawn(page, '#paths-chart-canvas');
    assertCrisp(await canvasFacts(page, '#paths-chart-canvas'), 'large-text paths chart');
    await shot(page.locator('#paths-chart-canvas'), 'chart-paths-large-text-375');
    assert.ok(await horizontalOverflow(page) <= 0, 'no horizontal scrolling with large text');
    await page.click('#text-size');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#paths-chart-png')]);
    const bytes = await readFile(await download.path());
    assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
    assert.ok(bytes.length > 20000, `${bytes.length} bytes`);
  });
});

test('indicators set by one locality only are behind a button; the print copy keeps every indicator', async () => {
  await withPage(1280, async (page) => {
    await page.goto(`${site.server.url}?v=compare`);
    await appReady(page);
    await page.locator('#compare-matrix').waitFor();
    const rowsWithTargets = () => page.evaluate(() => [...document.querySelectorAll('#compare-matrix tbody tr:not(.verdict)')]
      .map((tr) => tr.querySelectorAll('td:not(.gap)').length));
    const shared = await rowsWithTargets();
    assert.ok(shared.length >= 5, `shared indicators are shown (${shared.length})`);
    assert.ok(shared.every((n) => n >= 2), 'by default every row is shared by two or more localities');
    const button = page.locator('#show-single-indicators');
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    const label = await button.innerText();
    const single = Number(label.match(/(\d+)/)[1]);
    assert.ok(single > 0, label);

    await button.click();
    await page.waitForFunction((n) => document.querySelectorAll('#compare-matrix tbody tr:not(.verdict)').length === n, shared.length + single);
    const all = await rowsWithTargets();
    assert.deepEqual(all.slice(0, shared.length), shared, 'shared rows stay first, unchanged');
    assert.ok(all.slice(shared.length).every((n) => n === 1), 'then the indicators of one locality only');
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    assert.ok((await button.innerText()).includes('共有'), 'the button now narrows back');
    const printRows = await page.locator('#print-matrix tbody tr').count();
    assert.ok(printRows >= shared.length + single, `the print copy lists every indicator (${printRows})`);

    await button.click();
    await page.waitForFunction((n) => document.querySelectorAll('#compare-matrix tbody tr:not(.verdict)').length === n, shared.length);
  });
});
