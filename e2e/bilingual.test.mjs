// Chinese first, citable everywhere (issue 14), checked in the built site in both languages:
// notes, scopes and units in the reader's language; every CSV row names its document's 文号; copy
// citation on a compared value puts the reporting form and the GB/T 7714 reference on the
// clipboard; a locality with several values for one indicator labels each by its scope; a promise a
// document writes twice is shown once with both sources.
// Fails on any console error or request leaving 127.0.0.1, like every journey.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useSite, openPage, appReady, screenshot } from './harness.mjs';

const site = useSite();
const withPage = site.withPage;
const dataset = JSON.parse(await readFile(new URL('../data/published/targets.json', import.meta.url), 'utf8'));
const targets = dataset.documents.flatMap((d) => d.targets.map((t) => ({ ...t, doc: d.document })));
const target = (id) => targets.find((t) => t.id === id);
const indicatorName = (id) => dataset.indicators.find((i) => i.id === id).name;

/** Three or more English words in a row: an untranslated sentence. */
const ENGLISH_PHRASE = /[A-Za-z][A-Za-z'-]+(?:[\s,]+[A-Za-z][A-Za-z'-]+){2,}/;
const HAN = /[\u3400-\u9fff]/;

test('a target\'s note, scope and unit are in the reader\'s language', async () => {
  // Sihui's inclusive-kindergarten share: its note explains that the baseline already meets the target.
  const share = target('sihui-2022-t1-inclusive-kindergarten-share');
  assert.ok(share.note, 'the target has a note');
  await withPage(1280, async (page) => {
    await page.goto(`${site.server.url}?v=targets&t=${share.id}`);
    await appReady(page);
    const detail = page.locator(`#detail-${share.id}`);
    await detail.waitFor();
    const note = await detail.locator('dt:has-text("说明") + dd').innerText();
    assert.equal(note, share.note.zh);
    assert.ok(HAN.test(note) && !ENGLISH_PHRASE.test(note), `a Chinese note: ${note}`);

    await page.goto(`${site.server.url}?v=targets&t=${share.id}&lang=en`);
    await appReady(page);
    await detail.waitFor();
    assert.equal(await detail.locator('dt:has-text("Note") + dd').innerText(), share.note.en);

    // A scoped target with a Chinese unit: the scope and the unit in English.
    const scoped = targets.find((t) => t.scope && t.unit === '所' && t.value !== undefined && t.doc.id === 'sihui-2022');
    await page.goto(`${site.server.url}?v=targets&t=${scoped.id}&lang=en`);
    await appReady(page);
    const detailEn = page.locator(`#detail-${scoped.id}`);
    await detailEn.waitFor();
    assert.equal(await detailEn.locator('dt:has-text("Scope") + dd').innerText(), scoped.scope.en);
    const row = await page.locator(`#row-${scoped.id} .value`).innerText();
    assert.ok(!HAN.test(row), `the value's unit is English: ${row}`);
    const indicator = dataset.indicators.find((i) => i.id === scoped.indicator);
    const english = scoped.value === 1 && indicator.unit_en_one ? indicator.unit_en_one : indicator.unit_en;
    assert.ok(english && row.endsWith(english), `${row} ends with the indicator's English unit ${english}`);
    await page.goto(`${site.server.url}?v=targets&t=${scoped.id}&lang=zh`);
    await appReady(page);
    await page.locator(`#detail-${scoped.id}`).waitFor();
    assert.equal(await page.locator(`#detail-${scoped.id} dt:has-text("范围") + dd`).innerText(), scoped.scope.zh);
    assert.ok((await page.locator(`#row-${scoped.id} .value`).innerText()).includes('所'));
  });
});

test('no target note or scope on the Chinese list is English, and none on the English list is Chinese', async () => {
  await withPage(1280, async (page) => {
    for (const t of [target('dongguan-2019-inclusive-kindergarten-share'), target('panjin-2019-primary-class-size')]) {
      await page.goto(`${site.server.url}?v=targets&t=${t.id}&lang=zh`);
      await appReady(page);
      const detail = page.locator(`#detail-${t.id}`);
      await detail.waitFor();
      for (const label of ['说明', '范围']) {
        const cells = await detail.locator(`dt:has-text("${label}") + dd`).allInnerTexts();
        for (const text of cells) assert.ok(!ENGLISH_PHRASE.test(text), `${t.id} ${label}: ${text}`);
      }
      await page.goto(`${site.server.url}?v=targets&t=${t.id}&lang=en`);
      await appReady(page);
      await detail.waitFor();
      const scope = await detail.locator('dt:has-text("Scope") + dd').allInnerTexts();
      for (const text of scope) assert.ok(!HAN.test(text), `${t.id} scope: ${text}`);
      const value = await page.locator(`#row-${t.id} .value`).innerText();
      assert.ok(!HAN.test(value), `${t.id} value in English: ${value}`);
    }
  });
});

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

test('every CSV row of a document with a 文号 carries it, and scopes and notes come in both languages', async () => {
  const response = await fetch(`${site.server.url}data/targets.csv`);
  const [header, ...rows] = csvRecords((await response.text()).replace(/^\uFEFF/, ''));
  const at = (name) => { const i = header.indexOf(name); assert.ok(i >= 0, `${name} in ${header.join(',')}`); return i; };
  const [doc, number, scopeZh, scopeEn, noteZh, noteEn] = ['document_id', 'doc_number', 'scope_zh', 'scope_en', 'note_zh', 'note_en'].map(at);
  const numbers = Object.fromEntries(dataset.documents.map((d) => [d.document.id, d.document.doc_number ?? '']));
  assert.equal(rows.length, targets.length);
  let numbered = 0;
  for (const row of rows) {
    assert.equal(row[number], numbers[row[doc]], `${row[doc]} row carries its 文号`);
    if (row[number]) numbered++;
    assert.equal(Boolean(row[scopeZh]), Boolean(row[scopeEn]), 'a scope in both languages');
    assert.equal(Boolean(row[noteZh]), Boolean(row[noteEn]), 'a note in both languages');
  }
  assert.ok(numbered >= 100, `${numbered} rows with a 文号`);
});

test('on the comparison, a locality with several values labels each by its scope, a promise written twice shows once with both sources, and copy citation copies both forms', async () => {
  const { page, context, problems } = await openPage(site.browser, site.server.url, 1280, { permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    await page.goto(`${site.server.url}?v=compare&cmp=dongguan-2019,sihui-2022`);
    await appReady(page);
    await page.locator('#compare-matrix').waitFor();
    const more = page.locator('#show-single-indicators');
    if (await more.count()) {
      if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
    }
    const sihuiColumn = (await page.locator('#compare-matrix thead th').allInnerTexts()).findIndex((h) => h.includes('四会'));
    assert.ok(sihuiColumn > 0);
    const cell = (indicator) => page.locator('#compare-matrix tbody tr', { has: page.locator(`th:has-text("${indicatorName(indicator).zh}")`) })
      .first().locator('td').nth(sihuiColumn - 1);

    // Several new schools: each value says which schools.
    const schools = targets.filter((t) => t.doc.id === 'sihui-2022' && t.indicator === 'new-schools-built');
    assert.ok(schools.length >= 2);
    const labels = await cell('new-schools-built').locator('.promise-label').allInnerTexts();
    assert.equal(labels.length, schools.length, labels.join(' | '));
    for (const s of schools.filter((s) => s.scope)) assert.ok(labels.includes(s.scope.zh), `${s.scope.zh} in ${labels.join(' | ')}`);

    // Sihui's 85 % inclusive share: the table's ">85" and the text's "85%以上" are one promise.
    const share = cell('inclusive-kindergarten-share');
    const values = await share.locator('.cell-target').allInnerTexts();
    assert.equal(values.filter((v) => v.includes('85%')).length, 1, values.join(' | '));
    assert.ok(values.some((v) => v.includes('2 处写明同一目标')), values.join(' | '));

    // Copy citation on that value: both sentences in the reporting form, then the reference.
    const button = share.locator('.copy-citation').first();
    assert.match(await button.getAttribute('aria-label'), /^复制引用:四会/);
    await button.click();
    await page.waitForFunction(() => [...document.querySelectorAll('#compare-matrix .copy-citation')].some((b) => b.textContent.includes('引用已复制')));
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const both = targets.filter((t) => t.doc.id === 'sihui-2022' && t.indicator === 'inclusive-kindergarten-share' && t.value === 85);
    assert.equal(both.length, 2);
    for (const t of both) assert.ok(text.includes(`“${t.quote}”`), `${t.id} is cited`);
    assert.equal(text.split('据四会市人民政府').length - 1, 2, 'two reporting forms');
    assert.match(text.split('\n').pop(), /^四会市人民政府\. .+: 四府〔2022〕4号\[EB\/OL\]\. \(2022-06-16\)\[\d{4}-\d{2}-\d{2}\]\. http:\/\/127\.0\.0\.1:\d+\/\?.*t=sihui-2022-.*\.$/);
    await screenshot(page, 'compare-scopes-and-citations-1280');

    // The print copy: the same promise once, citing both numbers; sources in the reporting form.
    await page.emulateMedia({ media: 'print' });
    const printed = page.locator('#print-matrix tbody tr', { has: page.locator(`th:has-text("${indicatorName('inclusive-kindergarten-share').zh}")`) })
      .first().locator('td').nth(sihuiColumn - 1);
    const marks = await printed.locator('.cell-target').evaluateAll((ps) => ps.map((p) => p.querySelectorAll('sup.cite').length));
    assert.deepEqual(marks.filter((n) => n === 2).length, 1, `one value cites two sources: ${marks}`);
    const source = await page.locator('.print-only .citations li').first().innerText();
    assert.match(source, /据.+《.+》/);

    // In English the labels and the button are English.
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${site.server.url}?v=compare&cmp=dongguan-2019,sihui-2022&lang=en`);
    await appReady(page);
    await page.locator('#compare-matrix').waitFor();
    if (await more.count() && (await more.getAttribute('aria-expanded')) !== 'true') await more.click();
    const englishCell = page.locator('#compare-matrix tbody tr', { has: page.locator(`th:has-text("${indicatorName('new-schools-built').en}")`) })
      .first().locator('td').nth(sihuiColumn - 1);
    for (const label of await englishCell.locator('.promise-label').allInnerTexts()) assert.ok(!HAN.test(label), label);
    for (const value of await englishCell.locator('.cell-target a').allInnerTexts()) assert.ok(!HAN.test(value), value);
    assert.match(await englishCell.locator('.copy-citation').first().innerText(), /Copy citation/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a document\'s own note (how its dates and period were read) is shown in the reader\'s language', async () => {
  const dongguan = dataset.documents.find((d) => d.document.id === 'dongguan-2019').document;
  await withPage(1280, async (page) => {
    for (const [lang, summary, text] of [['zh', '本文件的整理说明', dongguan.note.zh], ['en', 'How this document was read', dongguan.note.en]]) {
      await page.goto(`${site.server.url}?v=doc&doc=dongguan-2019&lang=${lang}`);
      await appReady(page);
      const note = page.locator('details.document-note');
      await note.locator('summary', { hasText: summary }).click();
      assert.equal(await note.locator('p').innerText(), text);
    }
    assert.ok(!ENGLISH_PHRASE.test(dongguan.note.zh) && HAN.test(dongguan.note.zh));
  });
});
