// Interaction benchmark: how long search, filter, compare and evaluation updates take in the browser,
// from the input event until the DOM is updated, and the page's memory, on one built site.
// No throttling here: these are the app's own costs on this machine's CPU.
import { launchBrowser, newPage, median, quantile } from './lib.mjs';
import { measurementScript, measured, captureWasmMemory, HOME_MEASURES } from './load.mjs';

const WORDS = ['班额', '学位', '幼儿园', '2025', '學位', 'teacher', '教师', '45', '普惠', '心理'];
export const EVALUATED = 'sihui-2022-t1-high-school-gross-enrolment';
export const CURRENT_VALUES = ['97.3', '98.1', '96.5', '99.0'];
/** Longest wait for one update before the sample is reported as timed out. */
const TIMEOUT_MS = 60000;

/**
 * Runs in the page: performs `action` (which dispatches the input or change event synchronously)
 * and resolves with the time until the first MutationObserver callback under `scope` (the DOM is
 * updated: Yew patches the DOM in one go, and the observer runs once that script has finished),
 * and the time until a forced style and layout after it (`offsetHeight`). Then waits for two
 * animation frames so the next sample starts from a painted, idle page.
 *
 * `frame` is the work done in animation-frame callbacks until then (the charts are drawn there,
 * after the DOM update): every callback passed to `requestAnimationFrame` is timed, including any
 * style and layout it forces, but not the frames' own rendering.
 */
export function installTimer() {
  const raf = window.requestAnimationFrame.bind(window);
  window.__frameWork = 0;
  window.requestAnimationFrame = (callback) => raf((time) => {
    const begin = performance.now();
    try {
      callback(time);
    } finally {
      window.__frameWork += performance.now() - begin;
    }
  });
  window.__timeUpdate = (scope, action, timeout) => new Promise((resolve) => {
    const target = document.querySelector(scope);
    let timer = null;
    window.__frameWork = 0;
    const start = performance.now();
    const observer = new MutationObserver(() => {
      observer.disconnect();
      clearTimeout(timer);
      const dom = performance.now() - start;
      void document.documentElement.offsetHeight;
      const layout = performance.now() - start;
      raf(() => raf(() => raf(() => resolve({ dom, layout, frame: window.__frameWork }))));
    });
    observer.observe(target, { subtree: true, childList: true, characterData: true, attributes: true });
    timer = setTimeout(() => { observer.disconnect(); resolve({ dom: NaN, layout: NaN, frame: NaN, timedOut: true }); }, timeout);
    action();
  });
}

export async function timed(page, scope, action, arg) {
  return page.evaluate(
    ([scope, actionSource, arg, timeout]) => {
      // eslint-disable-next-line no-new-func
      const act = new Function('arg', actionSource);
      return window.__timeUpdate(scope, () => act(arg), timeout);
    },
    [scope, action, arg, TIMEOUT_MS],
  );
}

export const TYPE_IN = (selector) => `const el = document.querySelector(${JSON.stringify(selector)});
  el.value = arg; el.dispatchEvent(new Event('input', { bubbles: true }));`;
export const CLICK = (selector) => `document.querySelector(${JSON.stringify(selector)}).click();`;

async function open(browser, url, { measureStartup = false } = {}) {
  const { context, page, errors } = await newPage(browser);
  await context.addInitScript(installTimer);
  await context.addInitScript(captureWasmMemory);
  if (measureStartup) {
    await context.addInitScript(measurementScript, HOME_MEASURES);
  }
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit', timeout: 300000 });
  await page.waitForSelector('.app:not(.prerendered) .site-header', { timeout: 300000 });
  return { context, page, errors, mountMs: Date.now() - started };
}

function summarise(samples) {
  const ok = samples.filter((s) => !s.timedOut);
  return {
    n: ok.length,
    timedOut: samples.length - ok.length,
    median: median(ok.map((s) => s.dom)),
    p95: quantile(ok.map((s) => s.dom), 0.95),
    medianLayout: median(ok.map((s) => s.layout)),
    p95Layout: quantile(ok.map((s) => s.layout), 0.95),
    medianFrame: median(ok.map((s) => s.frame)),
    p95Frame: quantile(ok.map((s) => s.frame), 0.95),
  };
}

/** The page's memory: JS heap (after a garbage collection), DOM nodes and the wasm linear memory. */
async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
  const wasm = await page.evaluate(() => window.__wasmMemory?.buffer?.byteLength ?? null);
  return { jsHeapUsed: metric('JSHeapUsedSize'), jsHeapTotal: metric('JSHeapTotalSize'), nodes: metric('Nodes'), wasm };
}

/** Measures every interaction `samples` times (after `warmup` unrecorded ones) on the site at `url`. */
export async function measureInteractions(url, { samples, warmup = 2, only = null }) {
  const browser = await launchBrowser();
  const result = {};
  const problems = [];
  const wanted = (op) => !only || only.includes(op);
  try {
    // Search and clearing the search, on the targets list.
    if (wanted('search')) {
      const { context, page, errors, mountMs } = await open(browser, `${url}?v=targets`);
      result.mountMs = mountMs;
      await page.waitForSelector('#search');
      const search = [];
      const clear = [];
      let word = 0;
      for (let i = 0; search.length < samples + warmup || clear.length < samples + warmup; i++) {
        // '' → w1 → w2 → '' → w3 → w4 → '' …: searches from the full list and from another word, and clears.
        const step = i % 3;
        if (step === 2) {
          clear.push(await timed(page, 'section.targets', TYPE_IN('#search'), ''));
        } else {
          search.push(await timed(page, 'section.targets', TYPE_IN('#search'), WORDS[word++ % WORDS.length]));
        }
      }
      result.search = summarise(search.slice(warmup));
      result.clearSearch = summarise(clear.slice(warmup));

      // Filters: toggle the preschool theme on and off, on the full list.
      await timed(page, 'section.targets', TYPE_IN('#search'), '');
      await page.evaluate(() => { document.querySelector('.filters').open = true; });
      const id = await page.evaluate(() => [...document.querySelectorAll('.filters label.check')]
        .find((l) => l.textContent.includes('学前教育'))?.getAttribute('for'));
      if (!id) throw new Error('no 学前教育 filter');
      const filter = [];
      for (let i = 0; i < samples + warmup; i++) {
        filter.push(await timed(page, 'section.targets', CLICK(`#${id}`)));
      }
      result.filter = summarise(filter.slice(warmup));
      await page.waitForTimeout(500);
      result.memoryTargets = await memory(page);
      problems.push(...errors);
      await context.close();
    }
    // Compare: take Qingbaijiang out of the comparison and put it back.
    if (wanted('compare')) {
      const { context, page, errors } = await open(browser, `${url}?v=compare`);
      await page.waitForSelector('#compare-matrix');
      const compare = [];
      for (let i = 0; i < samples + warmup; i++) {
        compare.push(await timed(page, 'section.compare', CLICK('#cmp-qingbaijiang-2018')));
      }
      result.compare = summarise(compare.slice(warmup));
      problems.push(...errors);
      await context.close();
    }
    // Evaluation: type current values into the progress calculator.
    if (wanted('evaluation')) {
      const { context, page, errors } = await open(browser, `${url}?v=evaluate&t=${EVALUATED}&at=2023-06-30`);
      await page.waitForSelector('#eval-current');
      const evaluation = [];
      for (let i = 0; i < samples + warmup; i++) {
        evaluation.push(await timed(page, 'section.evaluate', TYPE_IN('#eval-current'), CURRENT_VALUES[i % CURRENT_VALUES.length]));
      }
      result.evaluation = summarise(evaluation.slice(warmup));
      problems.push(...errors);
      await context.close();
    }
    // Memory on the home page after start-up.
    if (wanted('memory')) {
      const { context, page, errors } = await open(browser, url, { measureStartup: true });
      await page.waitForFunction(measured, null, { timeout: 300000, polling: 100 });
      result.startupTti = await page.evaluate(() => Math.max(window.__bench.content, window.__bench.firstInput));
      await page.waitForTimeout(500);
      result.memoryHome = await memory(page);
      problems.push(...errors);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  if (problems.length) throw new Error(problems.join('\n'));
  return result;
}
