// Language of parts (WCAG 3.1.2, issue 24 item 8): on an English page, every piece of Chinese (a
// gloss such as "binding (约束性)", a unit, a document's name or number, an issuer, a quotation)
// sits in an element whose lang starts with "zh" (zh-Hant where Traditional), so screen readers
// switch voice for it. Checked on the main views opened in English, embeds included, once each
// view's on-demand parts have drawn.
// Fails on any console error or request leaving 127.0.0.1, like every journey.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './harness.mjs';

const site = useSite();

/** Each view, in English, and what shows that it has drawn. */
const VIEWS = {
  home: ['?lang=en', '.doc-card'],
  targets: ['?v=targets&lang=en', '.target-row'],
  'a target (Simplified)': ['?v=targets&t=panjin-2019-primary-class-size&lang=en', '#detail-panjin-2019-primary-class-size'],
  'a target (Traditional)': ['?v=targets&t=dongguan-2019-inclusive-kindergarten-share&lang=en', '#detail-dongguan-2019-inclusive-kindergarten-share'],
  'a document (Traditional)': ['?v=doc&doc=dongguan-2019&t=dongguan-2019-inclusive-kindergarten-share&lang=en', '.doc-text'],
  'a document (Simplified)': ['?v=doc&doc=panjin-2019&lang=en', '.doc-text'],
  compare: ['?v=compare&lang=en', '#compare-matrix'],
  'compare two': ['?v=compare&cmp=dongguan-2019,panjin-2019&lang=en', '#compare-matrix'],
  calculator: ['?v=evaluate&t=sihui-2022-fitness-2022&at=2022-06-30&cur=49&bv=42&by=2020&lang=en', '.evaluate'],
  'embed: comparison': ['?v=compare&cmp=dongguan-2019,panjin-2019&embed=1&lang=en', '#embed-matrix'],
  'embed: indicator': ['?v=compare&ind=primary-class-size-cap&embed=1&lang=en', 'table'],
  'embed: target list': ['?v=targets&q=%E7%8F%AD%E9%A2%9D&embed=1&lang=en', 'table'],
};

/** The text nodes of the page holding a Han character outside any element of lang zh*. */
function unmarkedChinese() {
  const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{323af}]/u;
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!HAN.test(node.data)) continue;
    const parent = node.parentElement;
    // An <option> holds text only and cannot mark a part of it: not checked (see the report).
    if (parent.closest('script, style, template, option')) continue;
    const lang = parent.closest('[lang]')?.getAttribute('lang') ?? '';
    if (!lang.startsWith('zh')) found.push(`<${parent.tagName.toLowerCase()} class="${parent.className}"> ${node.data.trim().slice(0, 80)}`);
  }
  return found;
}

test('an English page has no Chinese outside a lang="zh*" element', async () => {
  await site.withPage(1280, async (page) => {
    const failures = [];
    let traditional = 0;
    for (const [name, [query, ready]] of Object.entries(VIEWS)) {
      await page.goto(site.server.url + query);
      const embed = query.includes('embed=1');
      await page.waitForSelector(embed ? `.embed-frame ${ready}` : `.app:not(.prerendered) ${ready}`, { timeout: 20000 });
      // The on-demand parts (charts, the key differences) draw after the page: let them.
      await page.waitForLoadState('networkidle');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', `${name}: an English page`);
      for (const line of await page.evaluate(unmarkedChinese)) failures.push(`${name}: ${line}`);
      traditional += await page.locator('[lang="zh-Hant"]').count();
    }
    assert.deepEqual(failures, [], 'Chinese outside lang="zh*" on English pages');
    assert.ok(traditional > 0, 'Dongguan\'s Traditional text is marked zh-Hant');
  });
});

test('the key differences mark their Chinese glosses', async () => {
  await site.withPage(1280, async (page) => {
    await page.goto(`${site.server.url}?v=compare&lang=en`);
    await page.locator('.differences li').first().waitFor();
    const glosses = await page.locator('.differences [lang="zh"]').allInnerTexts();
    assert.ok(glosses.includes('约束性'), `"binding (约束性)" marks its gloss: ${glosses.join(', ')}`);
    // The visible text is unchanged: the sentence reads as before.
    const sentence = await page.locator('.differences li', { hasText: 'binding (约束性)' }).innerText();
    assert.match(sentence, /binding \(约束性\) targets\./);
  });
});
