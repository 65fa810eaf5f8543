// End-to-end journeys of the explorer, as a visitor or journalist would use it, at phone (375 px)
// and desktop (1280 px) widths. Every test fails on a console error, an uncaught exception or a
// request that leaves 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, appReady, screenshot, horizontalOverflow } from './harness.mjs';

const site = useSite();
const withPage = site.withPage;

for (const width of [375, 1280]) {
  test(`home lists the five documents with 文号 and dates (${width}px)`, async () => {
    await withPage(width, async (page) => {
      await page.goto(site.server.url);
      await appReady(page);
      const cards = page.locator('.doc-card');
      assert.equal(await cards.count(), 5);
      const text = await page.locator('.cards').innerText();
      for (const expected of ['东莞', '盘锦', '青白江', '四会', '東府〔2019〕76號', '盘政办发〔2019〕24号', '四府〔2022〕4号', '2018年5月28日']) {
        assert.ok(text.includes(expected), `home shows ${expected}`);
      }
      assert.ok(await horizontalOverflow(page) <= 0, 'no horizontal scrolling');
      await screenshot(page, `home-${width}`);
    });
  });

  test(`search 班额 finds Panjin's and Qingbaijiang's class-size caps with responsible units (${width}px)`, async () => {
    await withPage(width, async (page) => {
      await page.goto(site.server.url);
      await appReady(page);
      await page.getByRole('link', { name: '目标', exact: true }).click();
      await page.fill('#search', '班额');
      await page.waitForFunction(() => document.querySelector('#result-count')?.textContent.includes('原文段落'));
      const rows = page.locator('.target-row');
      const texts = await rows.allInnerTexts();
      assert.ok(texts.some((t) => t.includes('盘锦') && t.includes('45')), 'Panjin primary cap 45');
      assert.ok(texts.some((t) => t.includes('青白江') && t.includes('45')), 'Qingbaijiang primary cap 45');
      assert.ok(texts.some((t) => t.includes('盘锦') && t.includes('50')), 'Panjin junior cap 50');
      // Open Panjin's primary cap and read its responsible units.
      const panjin = rows.filter({ hasText: '盘锦' }).filter({ hasText: '45' }).first();
      await panjin.locator('.target-summary').click();
      const detail = page.locator('.target-detail');
      await detail.waitFor();
      const detailText = await detail.innerText();
      assert.ok(detailText.includes('责任单位'));
      assert.ok(detailText.includes('市教育局'), 'Panjin names its 责任单位');
      assert.ok(await page.locator('.target-detail mark.hit').count() > 0, 'matches are highlighted');
      assert.ok(await horizontalOverflow(page) <= 0, 'no horizontal scrolling');
      await screenshot(page, `search-banee-${width}`);
      // Qingbaijiang's cap and its units.
      const qbj = rows.filter({ hasText: '青白江' }).filter({ hasText: '45' }).first();
      await qbj.locator('.target-summary').click();
      await page.waitForFunction(() => document.querySelector('.target-detail')?.textContent.includes('成都市青白江区'));
    });
  });

  test(`filter to preschool targets of Dongguan and Panjin (${width}px)`, async () => {
    await withPage(width, async (page) => {
      await page.goto(`${site.server.url}?v=targets`);
      await appReady(page);
      const before = await page.locator('.target-row').count();
      await page.locator('.filters summary').click();
      await page.getByLabel('东莞').check();
      await page.getByLabel('盘锦').check();
      await page.getByLabel('学前教育').check();
      await page.waitForFunction((n) => document.querySelectorAll('.target-row').length < n, before);
      const rows = await page.locator('.target-row').allInnerTexts();
      assert.ok(rows.length >= 4, `at least four preschool targets, got ${rows.length}`);
      for (const row of rows) assert.ok(row.includes('东莞') || row.includes('盘锦'), row);
      const count = await page.locator('#result-count').innerText();
      assert.ok(count.includes(String(rows.length)), `live count ${count} matches ${rows.length}`);
      assert.ok(page.url().includes('theme=preschool'), 'filters are in the URL');
      await screenshot(page, `filter-preschool-${width}`);
    });
  });

  test(`open a target and land on its highlighted sentence (${width}px)`, async () => {
    await withPage(width, async (page) => {
      await page.goto(`${site.server.url}?v=targets&q=${encodeURIComponent('普惠')}`);
      await appReady(page);
      const row = page.locator('.target-row').filter({ hasText: '四会' }).first();
      await row.locator('.target-summary').click();
      await page.getByRole('link', { name: '在原文中查看' }).click();
      const current = page.locator('#current-quote');
      await current.waitFor();
      assert.ok(await current.isVisible());
      await page.waitForFunction(() => {
        const r = document.querySelector('#current-quote').getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight;
      });
      assert.ok(page.url().includes('v=doc'));
      // From the highlighted sentence, open its target(s).
      const panel = page.locator('.selected-targets');
      assert.ok((await panel.innerText()).length > 0);
      await screenshot(page, `reader-highlight-${width}`);
      assert.ok(await horizontalOverflow(page) <= 0, 'no horizontal scrolling in the reader');
    });
  });
}

/** Waits until the result count reads `count` (fails after 10 s, naming what it read). */
async function waitForCount(page, count) {
  await page.waitForFunction((c) => document.querySelector('#result-count')?.innerText === c, count, { timeout: 10000 })
    .catch(async () => assert.equal(await page.locator('#result-count').innerText(), count));
}

test('a copied link reopens exactly the same view, and back/forward work', async () => {
  await withPage(1280, async (page) => {
    await page.goto(`${site.server.url}?v=targets`);
    await appReady(page);
    await page.fill('#search', '幼儿园');
    await page.locator('.filters summary').click();
    await page.getByLabel('四会').check();
    const first = page.locator('.target-row .target-summary').first();
    await first.click();
    await page.locator('.target-detail').waitFor();
    const link = page.url();
    const count = await page.locator('#result-count').innerText();
    const opened = await page.locator('.target-detail').innerText();

    const { page: second, context, problems } = await openPage(site.browser, site.server.url, 375);
    await second.goto(link);
    await appReady(second);
    await second.locator('.target-detail').waitFor();
    // The passages arrive with the texts, after the targets: wait for the count to settle.
    await waitForCount(second, count);
    assert.equal(await second.locator('.target-detail').innerText(), opened);
    assert.equal(await second.inputValue('#search'), '幼儿园');
    assert.deepEqual(problems, []);
    await context.close();

    await page.reload();
    await appReady(page);
    await waitForCount(page, count);

    await page.getByRole('link', { name: '首页' }).click();
    await page.locator('.doc-card').first().waitFor();
    await page.goBack();
    await page.locator('.target-detail').waitFor();
    await waitForCount(page, count);
    await page.goForward();
    await page.locator('.doc-card').first().waitFor();
  });
});

test('switch to English and back; the choice is in the URL and remembered', async () => {
  await withPage(1280, async (page) => {
    await page.goto(`${site.server.url}?v=targets&q=45`);
    await appReady(page);
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Targets');
    assert.ok(page.url().includes('lang=en'));
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    const rows = await page.locator('.target-row').allInnerTexts();
    assert.ok(rows.some((t) => t.includes('Panjin')), 'localities switch to English');
    await screenshot(page, 'english-targets-1280');
    // Remembered for a visit without lang in the link.
    await page.goto(`${site.server.url}?v=targets`);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Targets');
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === '目标');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
  });
});

test('a mangled link falls back to defaults with a notice, never a blank page', async () => {
  await withPage(375, async (page) => {
    await page.goto(`${site.server.url}?v=nowhere&t=no-such-target&from=abc&loc=%3Cscript%3E&zzz=1`);
    await appReady(page);
    const notice = await page.locator('.notice').innerText();
    assert.ok(notice.includes('已忽略'));
    assert.equal(await page.locator('.doc-card').count(), 5);
  });
});

test('Traditional and Simplified find each other', async () => {
  await withPage(1280, async (page) => {
    await page.goto(`${site.server.url}?v=targets&q=${encodeURIComponent('東莞 學位')}`);
    await appReady(page);
    const rows = await page.locator('.target-row').allInnerTexts();
    assert.ok(rows.length > 0 && rows.every((t) => t.includes('东莞')), 'Traditional query finds Dongguan targets');
  });
});

test('compare the four cities: shared indicators first, a verdict, and coverage gaps', async () => {
  await withPage(1280, async (page) => {
    await page.goto(`${site.server.url}?v=compare`);
    await appReady(page);
    const matrix = page.locator('#compare-matrix');
    await matrix.waitFor();
    const firstRows = (await matrix.locator('tbody tr').allInnerTexts()).slice(0, 12).join('\n');
    assert.ok(firstRows.includes('公办及普惠性民办幼儿园'), 'the shared inclusive-kindergarten row comes early');
    assert.ok((await page.locator('.verdict').count()) > 0, 'shared rows carry a verdict');
    assert.ok((await page.locator('.differences li').count()) > 0, 'key differences are listed');
    assert.ok((await page.locator('#coverage-matrix td.gap').count()) > 0, 'empty cells show as gaps');
    await screenshot(page, 'compare-1280');
    await page.getByLabel('青白江', { exact: true }).uncheck();
    await page.waitForFunction(() => document.querySelectorAll('#compare-matrix thead th').length === 4);
    assert.ok(page.url().includes('cmp='), 'the selection is in the URL');
  });
});

test('search and filter updates are timed on the bundled data (figures printed, not asserted)', async () => {
  await withPage(1280, async (page) => {
    await page.goto(`${site.server.url}?v=targets`);
    await appReady(page);
    const times = await page.evaluate(async () => {
      const input = document.querySelector('#search');
      const count = document.querySelector('#result-count');
      const measure = (value) => new Promise((resolve) => {
        const start = performance.now();
        const observer = new MutationObserver(() => { observer.disconnect(); resolve(performance.now() - start); });
        observer.observe(count, { childList: true, subtree: true, characterData: true });
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      const words = ['班额', '学位', '幼儿园', '2025', '學位', 'teacher', '教师', '45', '普惠', '心理'];
      const out = [];
      for (let round = 0; round < 3; round++) {
        for (const w of words) { out.push(await measure(w)); out.push(await measure('')); }
      }
      return out.sort((a, b) => a - b);
    });
    const median = times[Math.floor(times.length / 2)];
    const p95 = times[Math.floor(times.length * 0.95)];
    console.log(`search update (input event → DOM updated), ${times.length} runs: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
  });
});

test('run a mid-term evaluation with an entered value, reload its link, and get a clear error for bad input', async () => {
  await withPage(375, async (page) => {
    await page.goto(`${site.server.url}?v=evaluate&t=sihui-2022-t1-high-school-gross-enrolment`);
    await appReady(page);
    await page.fill('#eval-date', '2023-06-30');
    await page.fill('#eval-current', '97.3');
    await page.locator('#evaluation-status').waitFor();
    const status = await page.locator('#evaluation-status').innerText();
    assert.ok(['进度落后', '进度正常', '进度超前', '已达成', '落后'].some((s) => status.includes(s)) || status.length > 0, status);
    const result = await page.locator('#evaluation-result').innerText();
    assert.ok(result.includes('时间进度') && result.includes('50%'), `half the period has elapsed: ${result}`);
    await screenshot(page, 'evaluate-375');
    const link = page.url();
    assert.ok(link.includes('cur=97.3') && link.includes('at=2023-06-30'));
    await page.goto(link);
    await appReady(page);
    assert.equal(await page.locator('#evaluation-status').innerText(), status);
    await page.fill('#eval-current', '120');
    await page.locator('#err-current_value').waitFor();
    assert.ok((await page.locator('#err-current_value').innerText()).length > 0, 'a percent above 100 is refused with a message');
    await page.fill('#eval-current', 'abc');
    assert.ok((await page.locator('#err-current_value').innerText()).length > 0, 'text is refused with a message');
  });
});
