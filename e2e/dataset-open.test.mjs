// End-to-end journeys of opening another place's dataset file: a valid file (picker and drag and
// drop) adds its locality to home, the targets list and filters, the reader and the compare choices,
// survives a reload and can be removed; a broken file lists problems naming file, target and field
// while the current view and the typed search stay as they were; stored data that no longer passes
// is dropped with a notice. Fails on any console error or request leaving 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSite, openPage, appReady, screenshot, horizontalOverflow, ROOT, readFile, showFilePicker } from './harness.mjs';

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'example-city-2024.json');
const STORAGE_KEY = 'policy-explorer.opened-datasets';
const OPENED_MARK = '用户打开的数据,非本站发布';

const site = useSite();
const withPage = site.withPage;

async function storedNames(page) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]').map((f) => f.name), STORAGE_KEY);
}

for (const width of [375, 1280]) {
  test(`a valid file adds its locality to every view, survives a reload and can be removed (${width}px)`, async () => {
    await withPage(width, async (page) => {
      await page.goto(site.server.url);
      await appReady(page);
      assert.equal(await page.locator('.doc-card').count(), 5);
      // The picker is a labelled, focusable file input (its label is the visible button).
      await showFilePicker(page);
      assert.equal(await page.getByLabel('选择数据文件(JSON)……').getAttribute('id'), 'dataset-file');
      await page.focus('#dataset-file');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'dataset-file');
      await showFilePicker(page);
      await page.setInputFiles('#dataset-file', FIXTURE);
      const card = page.locator('#card-example-city-2024');
      await card.waitFor();
      const cardText = await card.innerText();
      assert.ok(cardText.includes('示例市') && cardText.includes('4 项目标'), cardText);
      assert.ok(cardText.includes(OPENED_MARK), 'the card says the data was opened by the visitor');
      assert.equal(await page.locator('.doc-card').count(), 6);
      assert.ok((await page.locator('.dataset-status').innerText()).includes('已打开 example-city-2024.json'));
      assert.deepEqual(await storedNames(page), ['example-city-2024.json']);
      assert.ok(await horizontalOverflow(page) <= 0, 'no horizontal scrolling');
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, `dataset-open-home-${width}`);
      await page.locator('#dataset-open').scrollIntoViewIfNeeded();
      await screenshot(page, `dataset-open-panel-${width}`);

      // Targets list: the locality is a filter choice and its targets are listed and searchable.
      await page.getByRole('link', { name: '目标', exact: true }).click();
      await page.fill('#search', '示例市');
      await page.waitForFunction(() => document.querySelectorAll('.target-row').length === 4);
      const rows = await page.locator('.target-row').allInnerTexts();
      assert.ok(rows.every((r) => r.includes('示例市') && r.includes('用户打开')), rows.join('\n'));
      await page.fill('#search', '');
      await page.locator('.filters summary').click();
      await page.getByLabel('示例市').check();
      await page.waitForFunction(() => document.querySelectorAll('.target-row').length === 4);
      await screenshot(page, `dataset-open-targets-${width}`);

      // Compare: the locality is a choice, and choosing it adds its column.
      await page.goto(`${site.server.url}?v=compare`);
      await appReady(page);
      const choice = page.locator('#cmp-example-city-2024');
      await choice.waitFor();
      await choice.check();
      await page.waitForFunction(() => [...document.querySelectorAll('th')].some((th) => th.textContent.includes('示例市')));
      await screenshot(page, `dataset-open-compare-${width}`);

      // A link to an opened target works after a reload: the stored file is loaded before the link is read.
      await page.goto(`${site.server.url}?v=targets&t=example-city-2024-primary-class-size`);
      await appReady(page);
      const detail = page.locator('.target-detail');
      await detail.waitFor();
      assert.ok((await detail.innerText()).includes('小学班额不超过45人'));
      assert.equal(await page.locator('.notice').count(), 0, 'no "link not understood" notice');

      // The reader shows the opened document with its mark.
      await page.goto(`${site.server.url}?v=doc&doc=example-city-2024`);
      await appReady(page);
      await page.waitForFunction(() => document.querySelector('.doc-meta')?.textContent.includes('示例市教育发展三年行动计划'));
      assert.ok((await page.locator('.doc-meta').innerText()).includes(OPENED_MARK));

      // The progress calculator offers the opened targets, marked.
      await page.goto(`${site.server.url}?v=evaluate&t=example-city-2024-inclusive-kindergarten-share`);
      await appReady(page);
      const option = page.locator('#eval-target option[value="example-city-2024-inclusive-kindergarten-share"]');
      await option.waitFor({ state: 'attached' });
      assert.ok((await option.textContent()).includes('示例市(用户打开)'));
      assert.equal(await page.inputValue('#eval-target'), 'example-city-2024-inclusive-kindergarten-share');

      // Remove it: gone from every view and from storage, also after a reload.
      await page.goto(site.server.url);
      await appReady(page);
      await page.locator('#card-example-city-2024').waitFor();
      await page.getByRole('button', { name: '移除 example-city-2024.json' }).click();
      await page.waitForFunction(() => !document.querySelector('#card-example-city-2024'));
      assert.equal(await page.locator('.doc-card').count(), 5);
      assert.deepEqual(await storedNames(page), []);
      await page.reload();
      await appReady(page);
      assert.equal(await page.locator('.doc-card').count(), 5);
    });
  });
}

test('removing a file while comparing it drops it from the comparison', async () => {
  await withPage(1280, async (page) => {
    await page.goto(site.server.url);
    await appReady(page);
    await showFilePicker(page);
    await page.setInputFiles('#dataset-file', FIXTURE);
    await page.locator('#card-example-city-2024').waitFor();
    await page.goto(`${site.server.url}?v=compare&cmp=panjin-2019,example-city-2024,sihui-2022`);
    await appReady(page);
    await page.waitForFunction(() => [...document.querySelectorAll('th')].some((th) => th.textContent.includes('示例市')));
    await page.getByRole('button', { name: '移除 example-city-2024.json' }).click();
    await page.waitForFunction(() => !document.querySelector('#cmp-example-city-2024'));
    assert.ok(!page.url().includes('example-city-2024'), `the link no longer names the removed document: ${page.url()}`);
    assert.ok(await page.locator('#cmp-panjin-2019').isChecked());
  });
});

test('a file dropped onto the drop zone is opened', async () => {
  await withPage(1280, async (page) => {
    await page.goto(site.server.url);
    await appReady(page);
    const text = await readFile(FIXTURE, 'utf8');
    const dataTransfer = await page.evaluateHandle((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
      return transfer;
    }, text);
    await page.dispatchEvent('.drop-zone', 'dragover', { dataTransfer });
    await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer });
    await page.locator('#card-example-city-2024').waitFor();
    assert.deepEqual(await storedNames(page), ['dropped.json']);
  });
});

// The page's words for each language: the rule error's wording, the syntax error's position.
const WORDING = {
  zh: { query: '', verbatim: '一字不差', position: '第 3 行第 17 列', field: '字段' },
  en: { query: '&lang=en', verbatim: 'verbatim', position: 'line 3, column 17', field: 'Field' },
};

for (const lang of ['zh', 'en']) {
  const words = WORDING[lang];
  test(`a broken file lists each problem with file, target and field; the view and the search are kept (${lang})`, async () => {
    await withPage(1280, async (page) => {
      await page.goto(`${site.server.url}?v=targets${words.query}`);
      await appReady(page);
      await page.fill('#search', '班额');
      await page.waitForFunction(() => document.querySelector('#result-count')?.textContent.match(/原文段落|passages?/));
      const rowsBefore = await page.locator('.target-row').count();
      const urlBefore = page.url();

      const file = JSON.parse(await readFile(FIXTURE, 'utf8'));
      file.documents[0].targets[0].value = 'eighty-five';
      file.documents[0].targets[1].quote = '小学班额不超过40人。';
      file.documents[0].targets[2].indicator = 'no-such-indicator';
      await showFilePicker(page);
      await page.setInputFiles('#dataset-file', {
        name: 'broken-city.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file, null, 2)),
      });
      const errors = page.locator('#dataset-errors');
      await errors.waitFor();
      const items = await errors.locator('.file-error').allInnerTexts();
      const has = (...parts) => items.some((t) => parts.every((p) => t.includes(p)));
      assert.ok(has('broken-city.json', 'example-city-2024-inclusive-kindergarten-share', words.field, 'value'), items.join('\n'));
      await screenshot(page, `dataset-open-errors-1280-${lang}`);
      // A shape error stops before the rules; fix it and the rule errors are listed.
      file.documents[0].targets[0].value = 85;
      await showFilePicker(page);
      await page.setInputFiles('#dataset-file', {
        name: 'broken-city.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file, null, 2)),
      });
      await page.waitForFunction((w) => document.querySelector('#dataset-errors')?.textContent.includes(w), words.verbatim);
      const ruleItems = await errors.locator('.file-error').allInnerTexts();
      const hasRule = (...parts) => ruleItems.some((t) => parts.every((p) => t.includes(p)));
      assert.ok(hasRule('broken-city.json', 'example-city-2024-primary-class-size', 'quote', words.verbatim), ruleItems.join('\n'));
      assert.ok(hasRule('example-city-2024-psychology-teachers', 'indicator', 'no-such-indicator'), ruleItems.join('\n'));

      // A JSON syntax error names line and column and quotes the line.
      await showFilePicker(page);
      await page.setInputFiles('#dataset-file', {
        name: 'not-json.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "version": "1",\n  "documents": [,]\n}'),
      });
      await page.waitForFunction(() => document.querySelector('#dataset-errors')?.textContent.includes('not-json.json'));
      const syntax = await errors.innerText();
      assert.ok(syntax.includes(words.position), syntax);
      assert.ok(syntax.includes('«"documents": [,]»'), `the offending line is quoted: ${syntax}`);

      // Nothing else changed.
      assert.equal(await page.inputValue('#search'), '班额');
      assert.equal(page.url(), urlBefore);
      assert.equal(await page.locator('.target-row').count(), rowsBefore);
      assert.deepEqual(await storedNames(page), []);
      assert.equal(await page.locator('.doc-card').count(), 0, 'still on the targets view');
    });
  });
}

/** The bad files of the language check: binary bytes, a trailing comma, a missing field, a quote not in the text. */
async function badFiles() {
  const missing = JSON.parse(await readFile(FIXTURE, 'utf8'));
  delete missing.documents[0].targets[0].quote;
  delete missing.version;
  const notQuoted = JSON.parse(await readFile(FIXTURE, 'utf8'));
  notQuoted.documents[0].targets[1].quote = '小学班额不超过40人。';
  return [
    { name: 'junk.bin', mimeType: 'application/octet-stream', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x80]) },
    { name: 'trailing-comma.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "version": "1",\n  "documents": [1, 2,]\n}') },
    { name: 'missing-field.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(missing, null, 2)) },
    { name: 'not-quoted.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(notQuoted, null, 2)) },
  ];
}

/** Each problem's message without what it quotes from the file (its <code> parts). */
async function messageWords(page) {
  return page.locator('#dataset-errors .error-message').evaluateAll((spans) => spans.map((span) => {
    const copy = span.cloneNode(true);
    copy.querySelectorAll('code').forEach((code) => code.remove());
    return copy.textContent;
  }));
}

test('every problem of a bad file is worded in the page\'s language: Chinese without English words, English without Chinese', async () => {
  await withPage(1280, async (page) => {
    for (const lang of ['zh', 'en']) {
      await page.goto(`${site.server.url}${WORDING[lang].query.replace('&', '?')}`);
      await appReady(page);
      for (const file of await badFiles()) {
        await showFilePicker(page);
        await page.setInputFiles('#dataset-file', file);
        await page.waitForFunction((name) => document.querySelector('#dataset-errors')?.textContent.includes(name), file.name);
        const heading = await page.locator('#dataset-errors h3').innerText();
        const messages = await messageWords(page);
        assert.ok(messages.length > 0, `${file.name}: problems listed`);
        if (lang === 'zh') {
          assert.match(heading, /文件未能打开/);
          for (const m of messages) assert.doesNotMatch(m, /[A-Za-z]/, `${file.name}: English in the Chinese message «${m}»`);
        } else {
          assert.match(heading, /The file was not opened/);
          for (const m of messages) assert.doesNotMatch(m, /[\u3400-\u9fff]/, `${file.name}: Chinese in the English message «${m}»`);
        }
        await screenshot(page, `dataset-open-${file.name.replace(/\W+/g, '-')}-${lang}`);
      }
      const all = (await page.locator('#dataset-errors .file-error').allInnerTexts()).join('\n');
      // The last file's rule error, in the page's language.
      assert.ok(all.includes(WORDING[lang].verbatim), all);
    }
  });
});

test('stored data that no longer passes is dropped with a notice', async () => {
  await withPage(1280, async (page) => {
    await page.goto(site.server.url);
    await appReady(page);
    await page.evaluate((key) => localStorage.setItem(key, JSON.stringify([{ name: 'old.json', text: '{"version": "0"}' }])), STORAGE_KEY);
    await page.reload();
    await appReady(page);
    const notice = page.locator('.notice', { hasText: 'old.json' });
    await notice.waitFor();
    assert.ok((await notice.innerText()).includes('已不能通过核对'));
    assert.equal(await page.locator('.doc-card').count(), 5);
    assert.deepEqual(await storedNames(page), []);
    await screenshot(page, 'dataset-open-dropped-1280');
  });
});
