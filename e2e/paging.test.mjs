// Long lists stay short: the targets list shows a page of rows with a "show more" button (the
// count of all matches still announced), a linked target beyond the first page is shown opened,
// downloads hold every match, and the calculator chooses a locality first, then its target.
// Fails on any console error or request leaving 127.0.0.1, like every journey.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useSite, openPage, appReady, screenshot } from './harness.mjs';

const PAGE = 50;
const site = useSite();
const withPage = site.withPage;

/** Records of a CSV file (quoted fields may hold commas, quotes and line breaks). */
function csvRecords(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\n') { record.push(field); records.push(record); record = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field || record.length) { record.push(field); records.push(record); }
  return records;
}

const totalTargets = async (page) => Number((await page.locator('#result-count').innerText()).match(/\d+/)[0]);

test('the targets list shows a page, "show more" appends the next one and moves focus to it', async () => {
  await withPage(375, async (page) => {
    await page.goto(`${site.server.url}?v=targets`);
    await appReady(page);
    const total = await totalTargets(page);
    assert.ok(total > 2 * PAGE, `the bundled data has more than two pages (${total})`);
    assert.equal(await page.locator('.target-row').count(), PAGE);
    assert.equal(await page.getAttribute('#result-count', 'aria-live'), 'polite');
    assert.ok((await page.locator('#shown-count').innerText()).includes(`${PAGE} / ${total}`));
    const button = page.locator('#show-more');
    assert.ok((await button.innerText()).includes(`还有 ${total - PAGE} 项`));
    const firstNew = await page.locator('.target-summary').nth(PAGE).count();
    assert.equal(firstNew, 0, 'rows beyond the page are not rendered');
    await button.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.target-row').length === n, 2 * PAGE);
    const focused = await page.evaluate(() => document.activeElement?.id);
    assert.equal(focused, await page.locator('.target-summary').nth(PAGE).getAttribute('id'), 'focus is on the first new row');
    await screenshot(page, 'targets-show-more-375');
    // The rest, page by page, until the button goes.
    while (await button.count()) await button.click();
    assert.equal(await page.locator('.target-row').count(), total);
    assert.equal(await totalTargets(page), total);
    // A new search starts again from one page.
    await page.fill('#search', '2025');
    await page.waitForFunction(() => document.querySelector('#result-count')?.textContent.includes('原文段落'));
    // The texts are fetched on demand: on a busy machine the count can read 0 passages until they arrive.
    await page.waitForFunction(() => /原文段落 [1-9]/.test(document.querySelector('#result-count')?.textContent ?? ''), null, { timeout: 15000 });
    assert.ok(await page.locator('.target-row').count() <= PAGE);
    // Matching passages are bounded too, and say so.
    const passages = Number((await page.locator('#result-count').innerText()).match(/原文段落 (\d+)/)[1]);
    // The passages may follow the count by a frame on a busy machine.
    await page.waitForFunction((n) => document.querySelectorAll('.passage').length === n, Math.min(passages, 30), { timeout: 5000 }).catch(() => {});
    assert.equal(await page.locator('.passage').count(), Math.min(passages, 30));
    assert.equal(await page.locator('#passages-more').count(), passages > 30 ? 1 : 0);
  });
});

test('a linked target beyond the first page is shown opened, and downloads hold every match', async () => {
  await withPage(1280, async (page) => {
    await page.goto(`${site.server.url}?v=targets`);
    await appReady(page);
    const total = await totalTargets(page);
    await page.click('#show-more');
    await page.waitForFunction((n) => document.querySelectorAll('.target-row').length === n, 2 * PAGE);
    const rowId = await page.locator('.target-summary').nth(PAGE + 10).getAttribute('id');
    const targetId = rowId.replace(/^row-/, '');

    await page.goto(`${site.server.url}?v=targets&t=${targetId}`);
    await appReady(page);
    const summary = page.locator(`#${rowId}`);
    await summary.waitFor();
    assert.equal(await summary.getAttribute('aria-expanded'), 'true');
    await page.locator('.target-detail').waitFor();
    assert.equal(await page.locator('.target-row').count(), 2 * PAGE, 'the page holding the linked target is shown');

    // Only a page is on screen, yet the CSV holds all matching targets.
    await page.goto(`${site.server.url}?v=targets`);
    await appReady(page);
    assert.equal(await page.locator('.target-row').count(), PAGE);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    const csv = await readFile(await download.path(), 'utf8');
    const [header, ...records] = csvRecords(csv.replace(/^\uFEFF/, ''));
    const ids = records.map((r) => r[header.indexOf('target_id')]);
    assert.equal(ids.length, total, 'every matching target is exported, not only the shown page');
    assert.ok(ids.includes(targetId), 'a target beyond the shown page is exported');
    // Every row names its document as reporting cites it: 文号, issuer, dates.
    for (const column of ['doc_number', 'issuer', 'issued', 'published']) assert.ok(header.includes(column), column);
    const sihui = records.filter((r) => r[header.indexOf('document_id')] === 'sihui-2022');
    assert.ok(sihui.length > 0 && sihui.every((r) => r[header.indexOf('doc_number')] === '四府〔2022〕4号'), 'Sihui rows carry 四府〔2022〕4号');
    assert.ok(records.every((r) => r[header.indexOf('issuer')].length > 0), 'every row names its issuer');
  });
});

test('the calculator chooses a locality, then one of its targets; the link keeps the target', async () => {
  await withPage(375, async (page) => {
    await page.goto(`${site.server.url}?v=evaluate&t=sihui-2022-t1-high-school-gross-enrolment`);
    await appReady(page);
    await page.locator('#eval-locality').waitFor();
    const localityOptions = await page.locator('#eval-locality option').allInnerTexts();
    assert.ok(localityOptions.length >= 4 && localityOptions.length <= 10, localityOptions.join(' | '));
    assert.ok((await page.locator('#eval-locality option:checked').innerText()).includes('四会'));
    const targets = await page.locator('#eval-target option').allInnerTexts();
    assert.ok(targets.length > 1 && targets.every((t) => t.includes('四会')), 'only Sihui targets are offered');
    await page.selectOption('#eval-locality', { label: (await page.locator('#eval-locality option').allInnerTexts()).find((t) => t.includes('盘锦')) });
    await page.waitForFunction(() => new URLSearchParams(location.search).get('t')?.startsWith('panjin-2019'));
    const panjin = await page.locator('#eval-target option').allInnerTexts();
    assert.ok(panjin.length > 0 && panjin.every((t) => t.includes('盘锦')), panjin.join(' | '));
    assert.equal(await page.inputValue('#eval-target'), new URL(page.url()).searchParams.get('t'));
  });
});

test('with the five bundled documents, the home page shows five cards and compare offers every locality', async () => {
  await withPage(1280, async (page) => {
    await page.goto(site.server.url);
    await appReady(page);
    assert.equal(await page.locator('.doc-card').count(), 5);
    assert.equal(await page.locator('#show-all-documents').count(), 0);
    await page.goto(`${site.server.url}?v=compare`);
    await appReady(page);
    await page.locator('#compare-matrix').waitFor();
    assert.equal(await page.locator('.compare-choice input[type=checkbox]').count(), 5);
    assert.equal(await page.locator('#cmp-find').count(), 0, 'no locality search for five documents');
  });
});

test("a target's source line names issuer, title, 文号, date written and section, in each language", async () => {
  await site.withPage(375, async (page) => {
    await page.goto(`${site.server.url}?v=targets&t=sihui-2022-t1-high-school-gross-enrolment`);
    await appReady(page);
    const line = page.locator('.source-line').first();
    await line.waitFor();
    const zh = await line.innerText();
    for (const part of ['四会市人民政府', '《四会市人民政府关于印发', '(四府〔2022〕4号)', '成文日期 2022年6月2日']) {
      assert.ok(zh.includes(part), `${part} in ${zh}`);
    }
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.querySelector('.source-line')?.textContent.includes('issued 2 Jun 2022'));
    assert.ok((await line.innerText()).includes('四府〔2022〕4号'), 'the 文号 is quoted as written');
  });
});

test('copy citation puts the reporting form and a GB/T 7714 reference with the permalink on the clipboard', async () => {
  const { page, context, problems } = await openPage(site.browser, site.server.url, 1280, { permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    await page.goto(`${site.server.url}?v=targets&t=sihui-2022-t1-high-school-gross-enrolment`);
    await appReady(page);
    const button = page.locator('.copy-citation').first();
    await button.click();
    await page.waitForFunction(() => document.querySelector('.copy-citation')?.textContent.includes('引用已复制'));
    const text = await page.evaluate(() => navigator.clipboard.readText());
    // The reference is the last line (a quote may hold line breaks of its own: table rows).
    const lines = text.split('\n');
    const reference = lines.pop();
    const reporting = lines.join('\n');
    assert.ok(reporting.startsWith('据四会市人民政府《四会市人民政府关于印发〈四会市教育发展十四五规划〉的通知》(四府〔2022〕4号)'), reporting);
    const dataset = JSON.parse(await readFile(new URL('../data/published/targets.json', import.meta.url), 'utf8'));
    const quote = dataset.documents.flatMap((d) => d.targets).find((t) => t.id === 'sihui-2022-t1-high-school-gross-enrolment').quote;
    assert.ok(reporting.endsWith(`“${quote}”`), `the quote is verbatim: ${reporting}`);
    assert.match(reference, /^四会市人民政府\. .+: 四府〔2022〕4号\[EB\/OL\]\. \(2022-06-16\)\[\d{4}-\d{2}-\d{2}\]\. http:\/\/127\.0\.0\.1:\d+\/\?.*t=sihui-2022-t1-high-school-gross-enrolment.*\.$/);
    // The permalink reopens the same target.
    const link = reference.match(/(http:\/\/\S+)\.$/)[1];
    await page.goto(link);
    await appReady(page);
    await page.locator('#detail-sihui-2022-t1-high-school-gross-enrolment').waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
