// End-to-end journey of the page "Analyse a document" (v=analyse, an on-demand chunk): a fictional
// county plan that is not one of the five documents is pasted and analysed (progress bar, then the
// marked text and the review list); candidates are accepted, edited and rejected, a missed sentence
// is added by selecting it; the metadata is completed; the result opens in the explorer as a
// dataset file and is compared with Sihui. Bad inputs (an empty paste, a .docx that is not a zip,
// a binary file) get a message and lose nothing. A fictional plan of 20 targets is reviewed the
// fast way (accept by confidence, fix one item, open, compare with Sihui) in both languages at 375
// and 1280 px, counting the visitor's actions. A plan with a sentence a qualifier apart from a
// catalogue indicator (学前第四年毛入园率) is accepted; its new indicator is named in English, and
// the opened target shows the new name in both languages. Fails on any console error or request
// leaving 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useSite, appReady, screenshot, horizontalOverflow, ROOT, readFile, SHOTS } from './harness.mjs';

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'qinghe-county-2024.txt');
const TWENTY = join(ROOT, 'tests', 'fixtures', 'yunxi-county-plan-2025.txt');
const FOURTH_YEAR = join(ROOT, 'tests', 'fixtures', 'fourth-year-plan.txt');
/** The most actions (clicks and entries) the fast review of the 20-target plan may take. */
const MAX_ACTIONS = 7;

const site = useSite();

/** The 1-based number of the first review item that reads `value` (its "read as" line). */
async function itemWithValue(page, value) {
  const n = await page.evaluate((v) => {
    const exact = new RegExp(`(^|[^0-9.])${v.replace('.', '\\.')}([^0-9.]|$)`);
    const items = [...document.querySelectorAll('.review-item')];
    const item = items.find((i) => exact.test(i.querySelector('.review-reading')?.textContent ?? ''));
    return item ? Number(item.id.split('-')[2]) : 0;
  }, value);
  assert.ok(n > 0, `an item reading ${value}`);
  return n;
}

async function change(page, selector, value) {
  await page.fill(selector, value);
  await page.locator(selector).dispatchEvent('change');
}

for (const width of [375, 1280]) {
  test(`paste, review, open and compare a county plan (${width}px)`, async () => {
    await site.withPage(width, async (page) => {
      await page.goto(`${site.server.url}?v=analyse`);
      await appReady(page);
      await page.locator('#analyse-paste').waitFor();
      assert.ok((await page.locator('h1').innerText()).includes('分析一份新文件'));

      // Bad input first: an empty paste says so and changes nothing.
      await page.click('#analyse-start');
      await page.locator('.analyse-problems').waitFor();
      assert.ok((await page.locator('.analyse-problems').innerText()).includes('没有文字可分析'));

      const text = await readFile(FIXTURE, 'utf8');
      await page.fill('#analyse-paste', text);
      await page.click('#analyse-start');
      await page.locator('.review-item').first().waitFor();
      assert.equal(await page.locator('.analyse-problems').count(), 0, 'the old problem is gone');
      const items = await page.locator('.review-item').count();
      assert.ok(items >= 5, `${items} items`);
      assert.ok(await page.locator('#analyse-text mark.candidate').count() > 0, 'candidates are marked in the text');
      assert.equal(await page.inputValue('#meta-issuer'), '清河县人民政府办公室');
      assert.equal(await page.inputValue('#meta-doc-number'), '清政办发〔2024〕8号');

      // Accept one, edit another (accepted by the edit), reject a third.
      const enrolment = await itemWithValue(page, '92');
      await page.click(`#review-item-${enrolment} .accept`);
      assert.equal(await page.getAttribute(`#review-item-${enrolment} .accept`, 'aria-pressed'), 'true');
      const classSize = await itemWithValue(page, '45');
      await page.click(`#review-item-${classSize} summary`);
      await change(page, `#item-${classSize}-scope-zh`, '小学');
      await change(page, `#item-${classSize}-scope-en`, 'primary schools');
      await page.waitForFunction((n) => document.querySelector(`#review-item-${n}`).classList.contains('accepted'), classSize);
      const high = await itemWithValue(page, '93');
      await page.click(`#review-item-${high} .reject`);

      // A missed sentence, selected in the text, is added (accepted, read by the extractor alone).
      await page.evaluate(() => {
        const wanted = '新建、改扩建幼儿园6所';
        const root = document.getElementById('analyse-text');
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.data.indexOf(wanted);
          if (at >= 0) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + wanted.length);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            return;
          }
        }
        throw new Error('sentence not found');
      });
      await page.click('#analyse-add');
      await page.waitForFunction((n) => document.querySelectorAll('.review-item').length === n + 1, items);
      const added = await page.locator('.review-item', { hasText: '您添加的句子' });
      assert.ok((await added.innerText()).includes('新建、改扩建幼儿园6所'));

      // The English locality is guessed from the Chinese one (pinyin), marked as a guess; emptied,
      // the build names it and opens nothing.
      assert.equal(await page.inputValue('#meta-locality-en'), 'Qinghe');
      await change(page, '#meta-locality-en', '');
      await page.click('#analyse-open');
      await page.locator('#analyse-build-problems').waitFor();
      const problems = await page.locator('#analyse-build-problems').innerText();
      assert.ok(problems.includes('地区(英文)'), problems);
      await change(page, '#meta-locality-en', 'Qinghe County');
      await page.waitForFunction(() => !document.querySelector('#analyse-build-problems'));
      assert.ok(await horizontalOverflow(page) <= 0, 'no horizontal scrolling');
      await screenshot(page, `analyse-review-${width}`);

      // Open the result: it joins the explorer like an opened file.
      await page.click('#analyse-open');
      await page.locator('.analyse-opened').waitFor();
      assert.ok((await page.locator('.analyse-opened').innerText()).includes('qinghe-county-2024'));
      await screenshot(page, `analyse-opened-${width}`);

      // A bad file afterwards is refused with a message, and the review stays.
      await page.setInputFiles('#analyse-file', { name: 'plan.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a zip') });
      await page.locator('.analyse-problems').waitFor();
      assert.ok((await page.locator('.analyse-problems').innerText()).includes('不是 Word 文档'));
      await page.setInputFiles('#analyse-file', { name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10]) });
      await page.waitForFunction(() => document.querySelector('.analyse-problems')?.innerText.includes('不是文字'));
      assert.equal(await page.locator('.review-item').count(), items + 1, 'the review is kept');

      // Compared with Sihui.
      await page.goto(`${site.server.url}?v=compare&cmp=qinghe-county-2024,sihui-2022`);
      await appReady(page);
      await page.locator('#compare-matrix').waitFor();
      const header = await page.locator('#compare-matrix thead').innerText();
      assert.ok(header.includes('清河') && header.includes('四会'), header);
      const body = await page.locator('#compare-matrix').innerText();
      assert.ok(body.includes('92%'), 'the accepted enrolment target is compared');
      await screenshot(page, `analyse-compare-${width}`);
    });
  });
}

test('in English: a .docx, a 20 MB file, a text without targets and a restored review lose nothing; opening again replaces the result', async () => {
  await site.withPage(1280, async (page) => {
    await page.goto(`${site.server.url}?v=analyse&lang=en`);
    await appReady(page);
    await page.locator('#analyse-paste').waitFor();
    assert.ok((await page.locator('h1').innerText()).includes('Analyse a document'));

    // The plan as a Word document this time.
    await page.setInputFiles('#analyse-file', join(ROOT, 'tests', 'fixtures', 'qinghe-county-2024.docx'));
    await page.locator('.review-item').first().waitFor();
    assert.ok((await page.locator('.analyse-summary').innerText()).startsWith('qinghe-county-2024.docx:'));
    const items = await page.locator('.review-item').count();
    assert.ok(items >= 5, `${items} items from the .docx`);
    assert.equal(await page.inputValue('#meta-doc-number'), '清政办发〔2024〕8号');
    const high = await itemWithValue(page, '93');
    await page.click(`#review-item-${high} .reject`);
    const enrolment = await itemWithValue(page, '92');
    await page.click(`#review-item-${enrolment} .accept`);
    await change(page, '#meta-locality-en', 'Qinghe County');

    // A 20 MB file is refused before it is read; the review stays.
    await page.setInputFiles('#analyse-file', { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(20 * 1024 * 1024, 0x61) });
    await page.locator('.analyse-problems').waitFor();
    const huge = await page.locator('.analyse-problems').innerText();
    assert.ok(huge.includes('about 20 MB') && huge.includes('16 MB'), huge);
    assert.ok(huge.includes('The review so far is unchanged'), huge);
    assert.equal(await page.locator('.review-item').count(), items);

    // A text without targets: said so, and the review it replaced can be restored with its decisions.
    await page.fill('#analyse-paste', '各乡镇人民政府，县政府各部门：\n本通知自印发之日起施行。请认真贯彻执行。');
    await page.click('#analyse-start');
    await page.waitForFunction(() => document.querySelector('.analyse-problems')?.innerText.includes('No likely targets'));
    assert.equal(await page.locator('.review-item').count(), 0);
    assert.ok((await page.locator('.analyse-previous').innerText()).includes('2 items reviewed'));
    await page.click('#analyse-restore');
    await page.waitForFunction((n) => document.querySelectorAll('.review-item').length === n, items);
    assert.equal(await page.getAttribute(`#review-item-${high} .reject`, 'aria-pressed'), 'true', 'the rejection is kept');
    assert.equal(await page.getAttribute(`#review-item-${enrolment} .accept`, 'aria-pressed'), 'true', 'the acceptance is kept');
    assert.equal(await page.inputValue('#meta-locality-en'), 'Qinghe County', 'the metadata is kept');

    // Opened, changed, opened again: the same document, replaced, not a second copy.
    await page.click('#analyse-open');
    await page.locator('.analyse-opened').waitFor();
    assert.ok((await page.locator('.analyse-opened').innerText()).includes('qinghe-county-2024 is open'));
    await page.click(`#review-item-${enrolment} summary`);
    await change(page, `#item-${enrolment}-scope-zh`, '全县');
    await change(page, `#item-${enrolment}-scope-en`, 'the whole county');
    await page.click('#analyse-open');
    await page.waitForFunction(() => document.querySelector('.analyse-opened')?.innerText.includes('qinghe-county-2024 is open'));
    assert.equal(await page.locator('.opened-file').count(), 1, 'one opened file');
    assert.ok(!(await page.locator('.analyse-opened').innerText()).includes('qinghe-county-2024-2'));
    const saved = await page.evaluate(() => Object.values(localStorage).join(''));
    assert.ok(saved.includes('the whole county'), 'the changed version is kept for the next visit');

    // The English page shows no Chinese outside the text, quotations and names.
    const lead = await page.locator('.analyse .lead').innerText();
    assert.ok(!/[\u4e00-\u9fff]/.test(lead), lead);
  });
});

for (const lang of ['zh', 'en']) {
  for (const width of [375, 1280]) {
    test(`a 20-target plan: accept by confidence, fix one item, open and compare with Sihui (${lang}, ${width}px)`, async () => {
      await site.withPage(width, async (page) => {
        const zh = lang === 'zh';
        await page.goto(`${site.server.url}?v=analyse${zh ? '' : '&lang=en'}`);
        await appReady(page);
        await page.locator('#analyse-paste').waitFor();
        // Every click and every entry (a paste, a choice, a typed field) from the paste to the
        // opened result.
        let actions = 0;
        const click = async (selector) => { actions += 1; await page.click(selector); };

        actions += 1;
        await page.fill('#analyse-paste', await readFile(TWENTY, 'utf8'));
        await click('#analyse-start');
        await page.locator('.review-item').first().waitFor();
        assert.equal(await page.locator('.review-item').count(), 20, 'twenty targets proposed');
        assert.equal(await page.locator('.review-section').count(), 8, 'grouped by section');

        // Accept everything of high confidence: one choice, one click, announced.
        const status = page.locator('#review-bulk-status');
        assert.equal(await status.getAttribute('aria-live'), 'polite');
        assert.equal(await status.getAttribute('role'), 'status');
        const label = await page.locator('label[for="review-bulk-level"]').innerText();
        assert.ok(label.length > 0, 'the choice is labelled');
        actions += 1;
        await page.selectOption('#review-bulk-level', 'high');
        await click('#review-bulk-accept');
        const accepted = zh ? '已采纳 19 项(把握≥高)。可撤销。' : 'Accepted 19 items (confidence high or above). Undo is available.';
        await page.waitForFunction((t) => document.querySelector('#review-bulk-status').textContent === t, accepted);
        assert.equal(await page.locator('.review-item.accepted').count(), 19);

        // Not counted (checks): the undo, from the keyboard, restores every decision; a section
        // is accepted on its own and undone; then the same acceptance again.
        await page.focus('#review-bulk-undo');
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.querySelectorAll('.review-item.accepted').length === 0);
        assert.equal(await status.innerText(), zh ? '已撤销:19 项恢复为原来的决定。' : 'Undone: 19 items are back to their earlier decisions.');
        assert.equal(await page.getAttribute('#review-bulk-undo', 'aria-disabled'), 'true');
        await page.locator('.review-section-accept').first().press('Enter');
        await page.waitForFunction(() => document.querySelectorAll('.review-item.accepted').length === 4);
        assert.ok((await status.innerText()).includes(zh ? '已采纳 4 项(本节:' : 'Accepted 4 items in the section'), await status.innerText());
        await page.click('#review-bulk-undo');
        await page.waitForFunction(() => document.querySelectorAll('.review-item.accepted').length === 0);
        await page.focus('#review-bulk-accept');
        await page.keyboard.press('Space');
        await page.waitForFunction(() => document.querySelectorAll('.review-item.accepted').length === 19);
        // A rejected item is not overwritten by a later bulk acceptance, and the line says so.
        const money = 20;
        assert.ok((await page.locator('#review-item-20 .review-quote').innerText()).includes('1200万元'));
        assert.ok(!(await page.locator('#review-item-20').getAttribute('class')).includes('accepted'), 'below high');
        await page.click(`#review-item-${money} .reject`);
        await page.selectOption('#review-bulk-level', 'low');
        await page.click('#review-bulk-accept');
        await page.waitForFunction(() => document.querySelector('#review-bulk-status').textContent.length > 0);
        const skipped = await status.innerText();
        assert.ok(skipped.includes(zh ? '您已不采纳或修改过的 1 项保持不变' : '1 item you had rejected or edited was left as it was'), skipped);
        assert.equal(await page.getAttribute(`#review-item-${money} .reject`, 'aria-pressed'), 'true');

        if (width === 375) {
          assert.ok(await horizontalOverflow(page) <= 0, 'no horizontal scrolling');
          // The page hides sideways overflow (html, body), so check that nothing is cut off.
          const cut = await page.evaluate(() => [...document.querySelectorAll('.analyse-list-column *')]
            .filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > innerWidth + 0.5)
            .map((e) => `${e.tagName}.${e.className}`));
          assert.deepEqual(cut, [], 'the review panel fits the width');
          await page.locator('.analyse-list-column').scrollIntoViewIfNeeded();
          await page.locator('.analyse-list-column').screenshot({ path: join(SHOTS, `analyse-bulk-review-${lang}-375.png`) });
        }

        // Fix one item: the screening rate's year.
        const screening = await itemWithValue(page, '100');
        await click(`#review-item-${screening} summary`);
        actions += 1;
        await change(page, `#item-${screening}-year`, '2026');
        await page.waitForFunction((n) => document.querySelector(`#review-item-${n} .review-reading`).textContent.includes('2026'), screening);

        await click('#analyse-open');
        await page.locator('.analyse-opened').waitFor();
        const opened = await page.locator('.analyse-opened').innerText();
        const id = opened.match(/yunxi-[a-z0-9-]+/)?.[0];
        assert.ok(id, opened);
        console.log(`actions from paste to the opened result, 20-target plan (${lang}, ${width}px): ${actions}`);
        assert.ok(actions <= MAX_ACTIONS, `${actions} actions, at most ${MAX_ACTIONS}`);

        // Compared with Sihui.
        await page.goto(`${site.server.url}?v=compare&cmp=${id},sihui-2022${zh ? '' : '&lang=en'}`);
        await appReady(page);
        await page.locator('#compare-matrix').waitFor();
        const header = await page.locator('#compare-matrix thead').innerText();
        assert.ok(zh ? header.includes('云溪') && header.includes('四会') : header.includes('Yunxi') && header.includes('Sihui'), header);
        const body = await page.locator('#compare-matrix').innerText();
        assert.ok(body.includes('95%'), 'the accepted enrolment target is compared');
        await screenshot(page, `analyse-twenty-compare-${lang}-${width}`);
      });
    });
  }
}

test('a new indicator: accepted, named in English, opened and shown in both languages', async () => {
  await site.withPage(1280, async (page) => {
    const NEW_ZH = '学前第四年毛入园率';
    const NEW_EN = 'Gross enrolment rate of the fourth preschool year';
    await page.goto(`${site.server.url}?v=analyse`);
    await appReady(page);
    await page.locator('#analyse-paste').waitFor();
    await page.fill('#analyse-paste', await readFile(FOURTH_YEAR, 'utf8'));
    await page.click('#analyse-start');
    await page.locator('.review-item').first().waitFor();
    const fourth = await itemWithValue(page, '60');
    const reading = await page.locator(`#review-item-${fourth} .review-reading`).innerText();
    assert.ok(reading.includes(NEW_ZH) && reading.includes('新指标'), reading);
    const exact = await itemWithValue(page, '92');
    assert.ok((await page.locator(`#review-item-${exact} .review-reading`).innerText()).includes('学前三年毛入园率'));
    assert.equal(await page.locator(`#item-${fourth}-new-en`).count(), 0, 'the names are asked once the item is accepted');

    // Everything accepted; the new indicator's names are asked for, the Chinese one prefilled.
    await page.selectOption('#review-bulk-level', 'low');
    await page.click('#review-bulk-accept');
    await page.waitForFunction(() => document.querySelectorAll('.review-item.accepted').length === document.querySelectorAll('.review-item').length);
    assert.equal(await page.inputValue(`#item-${fourth}-new-zh`), NEW_ZH);
    assert.equal(await page.inputValue(`#item-${fourth}-new-en`), '');
    assert.ok((await page.locator(`label[for="item-${fourth}-new-en"]`).innerText()).includes('新指标英文名'));

    // Without the English name, the build names the item and opens nothing.
    await page.click('#analyse-open');
    await page.locator('#analyse-build-problems').waitFor();
    const problems = await page.locator('#analyse-build-problems').innerText();
    assert.ok(problems.includes(`第 ${fourth} 项`) && problems.includes('新指标英文名'), problems);
    assert.equal(await page.locator('.analyse-opened').count(), 0);

    await change(page, `#item-${fourth}-new-en`, NEW_EN);
    await page.waitForFunction(() => !document.querySelector('#analyse-build-problems'));
    // The other sentence of the same new name shares the indicator and says whose English name it takes.
    const town = await itemWithValue(page, '75');
    const shared = await page.locator(`#review-item-${town} .review-new-shared`).innerText();
    assert.ok(shared.includes(`第 ${fourth} 项`) && shared.includes(NEW_EN), shared);
    await page.click('#analyse-open');
    await page.locator('.analyse-opened').waitFor();
    const opened = await page.locator('.analyse-opened').innerText();
    const id = opened.match(/qinghe-[a-z0-9-]+/)?.[0];
    assert.ok(id, opened);
    await page.locator(`#review-item-${fourth}`).scrollIntoViewIfNeeded();
    await screenshot(page, 'analyse-new-indicator-1280');

    // The opened target, in the targets list, in Chinese and in English: the new indicator's name.
    const target = `${id}-${fourth}`;
    for (const [query, name] of [['', NEW_ZH], ['&lang=en', NEW_EN]]) {
      await page.goto(`${site.server.url}?v=targets&t=${target}${query}`);
      await appReady(page);
      await page.locator('.target-detail').waitFor();
      const row = await page.locator(`#row-${target}`).innerText();
      assert.ok(row.includes(name), row);
      const detail = await page.locator('.target-detail').innerText();
      assert.ok(detail.includes(name), detail);
    }
  });
});
