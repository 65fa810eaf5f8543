// Accessibility (GB/T 37668-2019, WCAG 2.1 AA, elder-friendly): axe-core checks every view in
// both languages and in the large-text and high-contrast modes with 0 violations allowed, and one
// journey is done with the keyboard alone. The axe result of each view is printed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launchBrowser, openPage, appReady, screenshot, horizontalOverflow, ROOT } from './harness.mjs';

let server;
let browser;
let axeSource;
/** The installed axe-core (package-lock.json pins it; scripts/setup.sh installs exactly that). */
const AXE_VERSION = JSON.parse(await readFile(join(ROOT, 'node_modules', 'axe-core', 'package.json'), 'utf8')).version;
before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  axeSource = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
});
after(async () => { await browser?.close(); await server?.close(); });

const VIEWS = {
  home: '',
  targets: '?v=targets&q=%E5%AD%A6%E4%BD%8D&loc=dongguan-2019,panjin-2019',
  'target detail': '?v=targets&t=panjin-2019-primary-class-size',
  reader: '?v=doc&doc=dongguan-2019&t=dongguan-2019-inclusive-kindergarten-share',
  // Every document's reader: each has its own highlighted sentences.
  'reader: Panjin': '?v=doc&doc=panjin-2019',
  'reader: Qingbaijiang': '?v=doc&doc=qingbaijiang-2018',
  'reader: Sihui': '?v=doc&doc=sihui-2022',
  'reader: mid-term review': '?v=doc&doc=midterm-review',
  compare: '?v=compare',
  'progress calculator': '?v=evaluate&t=sihui-2022-t1-high-school-gross-enrolment&at=2023-06-30&cur=97.3',
  'calculator, bad input': '?v=evaluate&t=sihui-2022-t1-high-school-gross-enrolment&cur=abc',
  'embed: comparison': '?v=compare&embed=1',
  'embed: indicator': '?v=compare&ind=primary-class-size-cap&embed=1',
  'embed: target list': '?v=targets&q=%E7%8F%AD%E9%A2%9D&embed=1',
  'analyse a document': '?v=analyse',
  // The same page with a county plan pasted and analysed (below): the marked text and the review.
  'analyse: review': '?v=analyse',
};

/** Runs axe-core (WCAG 2.0/2.1 A and AA plus best practices) on the page; returns the violations. */
async function axe(page) {
  // axe is injected by the test (the page's CSP is bypassed in this context only).
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return {
      passes: result.passes.length,
      violations: result.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary.split('\n').slice(0, 2).join(' ')}`),
      })),
    };
  });
}

const report = [];
after(() => {
  console.log(`\naxe-core ${AXE_VERSION} (wcag2a, wcag2aa, wcag21a, wcag21aa, best-practice), per view:`);
  for (const line of report) console.log(`  ${line}`);
});

for (const [mode, setup] of [
  ['中文', async () => {}],
  ['English', async () => {}],
  ['large text', async (page) => { await page.click('#text-size'); }],
  ['high contrast', async (page) => { await page.click('#contrast'); }],
]) {
  test(`axe finds no violation on any view (${mode}${mode === 'large text' ? ', 375 px phone' : ''})`, async () => {
    // Large text is checked on a phone, where elderly visitors most often read it.
    const width = mode === 'large text' ? 375 : 1280;
    const { page, context, problems } = await openPage(browser, server.url, width, { bypassCSP: true });
    try {
      const lang = mode === 'English' ? 'lang=en&' : '';
      await page.goto(`${server.url}?${lang}`);
      await appReady(page);
      await setup(page);
      if (mode === 'large text') {
        const size = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
        assert.ok(size >= 1.25 * 18, `large text is at least 1.25 × the 18px base (${size}px)`);
      }
      const failures = [];
      for (const [name, query] of Object.entries(VIEWS)) {
        const url = new URL(server.url + query);
        if (lang) url.searchParams.set('lang', 'en');
        await page.goto(url.href);
        await page.waitForSelector('.app:not(.prerendered) .site-header, .embed-frame', { timeout: 20000 });
        if (name === 'targets') await page.locator('.filters summary').click();
        if (name === 'analyse: review') {
          await page.fill('#analyse-paste', await readFile(join(ROOT, 'tests', 'fixtures', 'qinghe-county-2024.txt'), 'utf8'));
          await page.click('#analyse-start');
          await page.locator('.review-item').first().waitFor();
          await page.locator('.review-item summary').first().click();
        }
        const { passes, violations } = await axe(page);
        report.push(`${mode.padEnd(13)} ${name.padEnd(22)} ${violations.length} violations, ${passes} rules passed`);
        for (const v of violations) failures.push(`${name}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.join('\n    ')}`);
        if (mode !== '中文' && name === 'compare') await screenshot(page, `a11y-${mode.replace(' ', '-')}-compare`);
        if (width < 600 && !name.startsWith('embed')) {
          const overflow = await horizontalOverflow(page);
          assert.ok(overflow <= 0, `no sideways scrolling with large text on a phone (${name}: ${overflow}px)`);
        }
      }
      assert.deepEqual(failures, [], `axe violations (${mode})`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

test('the axe check can fail: a planted unlabelled field is reported', async () => {
  const { page, context } = await openPage(browser, server.url, 1280, { bypassCSP: true });
  try {
    await page.goto(`${server.url}?v=targets`);
    await appReady(page);
    await page.evaluate(() => document.querySelector('main').append(document.createElement('input')));
    const { violations } = await axe(page);
    assert.deepEqual(violations.map((v) => v.id), ['label']);
  } finally {
    await context.close();
  }
});

test('the page and every quote carry the right language', async () => {
  const { page, context, problems } = await openPage(browser, server.url, 1280);
  try {
    await page.goto(`${server.url}?v=doc&doc=dongguan-2019`);
    await appReady(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
    assert.equal(await page.getAttribute('.doc-text', 'lang'), 'zh-Hant', "Dongguan's text is Traditional");
    await page.goto(`${server.url}?v=targets&t=panjin-2019-primary-class-size&lang=en`);
    await page.locator('.target-detail').waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.getAttribute('.target-detail blockquote', 'lang'), 'zh-Hans', 'Chinese quote inside an English page');
    assert.equal(await page.getAttribute('#result-count', 'aria-live'), 'polite', 'result counts are announced politely');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

/** Presses Tab until the focused element matches `selector` (and `text`, if given); fails after `max` presses. */
async function tabTo(page, selector, { text, max = 120, shift = false } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    const hit = await page.evaluate(([sel, txt]) => {
      const el = document.activeElement;
      if (!el || !el.matches(sel)) return false;
      const label = (el.labels?.[0]?.innerText ?? '') + el.innerText;
      return !txt || label.includes(txt);
    }, [selector, text]);
    if (hit) {
      const outline = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement);
        return `${s.outlineStyle} ${s.outlineWidth}`;
      });
      assert.ok(!outline.startsWith('none') && !outline.endsWith(' 0px'), `focus is visible on ${selector} (${outline})`);
      return i + 1;
    }
  }
  throw new Error(`Tab never reached ${selector}${text ? ` "${text}"` : ''}`);
}

test('keyboard only: search, filter, open a target, check its progress, compare, read the text', async () => {
  const { page, context, problems } = await openPage(browser, server.url, 1280);
  const presses = [];
  try {
    await page.goto(server.url);
    await appReady(page);
    // Skip link first, and it works.
    presses.push(await tabTo(page, 'a.skip-link'));
    assert.ok(await page.locator('a.skip-link').isVisible(), 'the skip link shows when focused');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    // Targets page, search.
    presses.push(await tabTo(page, '.nav-link', { text: '目标', shift: true }));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === '目标');
    presses.push(await tabTo(page, '#search'));
    await page.keyboard.type('班额');
    await page.waitForFunction(() => document.querySelector('#result-count')?.textContent.includes('原文段落'));
    // Filter by locality.
    presses.push(await tabTo(page, '.filters summary'));
    await page.keyboard.press('Enter');
    presses.push(await tabTo(page, 'input[type=checkbox]', { text: '盘锦' }));
    await page.keyboard.press('Space');
    await page.waitForFunction(() => location.search.includes('loc=panjin-2019'));
    const rows = await page.locator('.target-row').allInnerTexts();
    assert.ok(rows.length > 0 && rows.every((r) => r.includes('盘锦')), rows.join('\n'));
    // Open a target.
    presses.push(await tabTo(page, '.target-summary', { text: '45' }));
    await page.keyboard.press('Enter');
    await page.locator('.target-detail').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-expanded')), 'true');
    // Its progress.
    presses.push(await tabTo(page, '.target-detail a', { text: '测算进度' }));
    await page.keyboard.press('Enter');
    await page.locator('#eval-current').waitFor();
    presses.push(await tabTo(page, '#eval-date'));
    await page.keyboard.type('2021-06-30');
    presses.push(await tabTo(page, '#eval-current'));
    await page.keyboard.type('47');
    presses.push(await tabTo(page, '#eval-baseline'));
    await page.keyboard.type('52');
    presses.push(await tabTo(page, '#eval-baseline-year'));
    await page.keyboard.type('2019');
    await page.locator('#evaluation-status').waitFor();
    // Choose another target with the arrow keys.
    presses.push(await tabTo(page, '#eval-target', { shift: true }));
    const before = await page.inputValue('#eval-target');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction((b) => document.querySelector('#eval-target').value !== b, before);
    // Compare: drop a locality.
    presses.push(await tabTo(page, '.nav-link', { text: '对比', shift: true }));
    await page.keyboard.press('Enter');
    await page.locator('#compare-matrix').waitFor();
    presses.push(await tabTo(page, 'input[type=checkbox]', { text: '青白江' }));
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelectorAll('#compare-matrix thead th').length === 4);
    // Reader: open the targets of a highlighted sentence.
    presses.push(await tabTo(page, '.nav-link', { text: '原文', shift: true }));
    await page.keyboard.press('Enter');
    presses.push(await tabTo(page, 'mark.quote-mark'));
    await page.keyboard.press('Enter');
    await page.locator('.selected-targets').waitFor();
    // Large text and high contrast are buttons too.
    presses.push(await tabTo(page, '#text-size', { shift: true }));
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.documentElement.classList.contains('large-text'));
    await screenshot(page, 'keyboard-journey-end');
    console.log(`keyboard journey: ${presses.length} stops, Tab presses ${presses.join(', ')}`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a highlighted sentence is a button named by its own text and described by how many targets it holds (WCAG 2.5.3)', async () => {
  const { page, context, problems } = await openPage(browser, server.url, 1280);
  try {
    await page.goto(`${server.url}?v=doc&doc=dongguan-2019`);
    await appReady(page);
    const mark = page.locator('.doc-text mark.quote-mark').first();
    await mark.waitFor();
    assert.equal(await mark.getAttribute('aria-label'), null, 'no label replaces the sentence');
    const text = (await mark.innerText()).trim();
    const described = await mark.getAttribute('aria-describedby');
    assert.match(await page.locator(`#${described}`).textContent(), /^本句含 \d+ 项目标$/);
    // Found by role and by the words on screen, as a voice-control user would name it.
    assert.ok(await page.getByRole('button', { name: text.slice(0, 12) }).first().isVisible());
    await page.click('#lang-switch');
    await page.waitForFunction((id) => /target\(s\) in this sentence/.test(document.getElementById(id)?.textContent ?? ''), described);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
