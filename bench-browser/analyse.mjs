// Analyse benchmark: the page "分析一份新文件 / Analyse a document" (`?v=analyse&lang=zh`, an
// on-demand chunk), which reads a pasted text slice by slice (src/view/analyse.rs, 24 KB a frame)
// with a progress bar and then shows the marked text and the review list. Unthrottled CPU, 1280 px,
// a fresh browser context per run (the page keeps its last review for the session, so a second run
// in the same page would find the old review items at once).
//
// Two texts: the Sihui seed as scraped (data/sources/raw/004_…, the largest seed, pasted as is),
// and about 2 MB built like the native timing (tests/extract_measure.rs, `timing`): the five cleaned
// texts the site bundles (data/texts.json, in id order) each followed by "\n", repeated
// 2 000 000 / length + 1 times. The text is put in the text area by script (value + input event)
// and the page left to settle; then, timed in the page from just before the click on
// #analyse-start:
// - review shown: the first `.review-item` is in the DOM (MutationObserver), then the next
//   animation frame and the task after it have run (that frame was painted);
// - long tasks: a PerformanceObserver for 'longtask' (not buffered) started just before the click,
//   until the review is shown; the longest, the count (every entry is > 50 ms), and the longest
//   before the task that puts the review in the DOM (that one also finishes the last slice and
//   builds the review, so the earlier ones are the slices: one over 100 ms means a slice too big);
// - progress updates: changes of #analyse-progress's value seen (MutationObserver and a check
//   every frame), and the longest gap between two animation frames meanwhile (a frozen page);
// - items: the number of `.review-item`s once shown.
// Medians over `runs` after one unrecorded warm-up per text. Fails on a console or page error or a
// request leaving 127.0.0.1.
//
//   node bench-browser/analyse.mjs [distDir]   (default dist/)
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, serveDir, launchBrowser, newPage, median, ms } from './lib.mjs';

/** The Sihui page as scraped (identical to the seed of the same name). */
const SIHUI_RAW = join(ROOT, 'data', 'sources', 'raw', '004_f9cdb5432da70a5b.txt');
/** Longest wait for one analysis (the 2 MB text on a loaded 2-core machine). */
const TIMEOUT_MS = 300000;

/** The texts measured: name and text. */
export async function analyseTexts(server) {
  const sihui = await readFile(SIHUI_RAW, 'utf8');
  const response = await fetch(new URL('data/texts.json', server.url));
  if (!response.ok) throw new Error(`data/texts.json: HTTP ${response.status}`);
  const texts = await response.json();
  // As `texts.values().map(|t| format!("{t}\n")).collect()` over a BTreeMap (ids are ASCII).
  const joined = Object.keys(texts).sort().map((id) => `${texts[id]}\n`).join('');
  const repeats = Math.floor(2_000_000 / Buffer.byteLength(joined, 'utf8')) + 1;
  return [
    { name: 'Sihui seed (raw)', text: sihui },
    { name: `five texts ×${repeats}`, text: joined.repeat(repeats) },
  ];
}

/** Runs in the page: starts the observers, clicks #analyse-start and records into `window.__analyse`. */
function startAnalysis() {
  const r = { shownMs: null, domMs: null, tasks: [], progress: [], maxFrameGap: 0, done: false };
  window.__analyse = r;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) r.tasks.push({ start: e.startTime, duration: e.duration });
  });
  observer.observe({ type: 'longtask', buffered: false });
  let last = null;
  let start = 0;
  const check = () => {
    const bar = document.querySelector('#analyse-progress');
    if (bar) {
      const value = bar.getAttribute('value') ?? String(bar.value);
      if (value !== last) { last = value; r.progress.push([performance.now() - start, value]); }
    }
    if (r.domMs === null && document.querySelector('.review-item')) {
      r.domMs = performance.now() - start;
      requestAnimationFrame(() => setTimeout(() => {
        r.shownMs = performance.now() - start;
        // Long-task entries arrive a little later; collect them, then stop.
        setTimeout(() => {
          for (const e of observer.takeRecords()) r.tasks.push({ start: e.startTime, duration: e.duration });
          observer.disconnect();
          mutations.disconnect();
          const domAt = start + r.domMs;
          const seen = r.tasks.filter((t) => t.start + t.duration > start && t.start <= start + r.shownMs);
          r.longest = Math.max(0, ...seen.map((t) => t.duration));
          r.longTasks = seen.length;
          r.taskList = seen.map((t) => [t.start - start, t.duration]);
          r.longestBefore = Math.max(0, ...seen.filter((t) => t.start + t.duration < domAt).map((t) => t.duration));
          r.items = document.querySelectorAll('.review-item').length;
          r.summary = document.querySelector('.analyse-summary')?.innerText ?? '';
          r.done = true;
        }, 500);
      }, 0));
    }
  };
  const mutations = new MutationObserver(check);
  mutations.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
  let previousFrame = null;
  const frame = (now) => {
    if (previousFrame !== null) r.maxFrameGap = Math.max(r.maxFrameGap, now - previousFrame);
    previousFrame = now;
    check();
    if (r.shownMs === null) requestAnimationFrame(frame);
  };
  start = performance.now();
  requestAnimationFrame(frame);
  document.querySelector('#analyse-start').click();
}

async function analyseOnce(browser, url, text) {
  const { context, page, errors } = await newPage(browser, { width: 1280, height: 900 });
  const origin = new URL(url).origin;
  page.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:')) errors.push(`request left the site: ${u}`);
  });
  try {
    await page.goto(`${url}?v=analyse&lang=zh`, { timeout: 120000 });
    await page.waitForSelector('#analyse-paste', { timeout: 120000 });
    await page.waitForLoadState('networkidle', { timeout: 120000 });
    // page.fill types through the input pipeline, which is slow for 2 MB: set the value instead.
    await page.evaluate((t) => {
      const area = document.querySelector('#analyse-paste');
      area.value = t;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
    // Let the filled text area be laid out and painted before the clock starts.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 500)))));
    await page.evaluate(startAnalysis);
    await page.waitForFunction(() => window.__analyse.done, null, { timeout: TIMEOUT_MS, polling: 100 });
    const r = await page.evaluate(() => {
      const { tasks, ...rest } = window.__analyse;
      return rest;
    });
    if (errors.length) throw new Error(errors.join('\n'));
    return r;
  } finally {
    await context.close();
  }
}

/**
 * `runs` analyses of each text (after one unrecorded warm-up), each in a fresh context; medians.
 * `texts` ([{ name, text }]) replaces the two texts above.
 */
export async function measureAnalyse(server, runs = 3, texts = null) {
  texts ??= await analyseTexts(server);
  const browser = await launchBrowser();
  try {
    const out = [];
    for (const { name, text } of texts) {
      await analyseOnce(browser, server.url, text); // unrecorded: compiling the chunks, the browser's start-up
      const list = [];
      for (let i = 0; i < runs; i++) list.push(await analyseOnce(browser, server.url, text));
      const med = (key) => median(list.map((r) => r[key]));
      out.push({
        name,
        bytes: Buffer.byteLength(text, 'utf8'),
        shownMs: med('shownMs'),
        longestMs: med('longest'),
        longestBeforeReviewMs: med('longestBefore'),
        longTasks: med('longTasks'),
        progressUpdates: median(list.map((r) => r.progress.length)),
        maxFrameGapMs: med('maxFrameGap'),
        items: med('items'),
        summary: list[list.length - 1].summary,
        runs: list.map((r) => ({ shownMs: r.shownMs, longestMs: r.longest, longTasks: r.longTasks, progressUpdates: r.progress.length, items: r.items, domMs: r.domMs,
          tasks: r.taskList.map(([at, d]) => `${at.toFixed(0)}+${d.toFixed(0)}`).join(' ') })),
      });
    }
    return out;
  } finally {
    await browser.close();
  }
}

const pad = (text, width) => String(text).padEnd(width);
const padl = (text, width) => String(text).padStart(width);

/** The table of `measureAnalyse`'s figures. */
export function printAnalyse(results, runs) {
  const line = (text = '') => console.log(text);
  line(`## Analyse a document (?v=analyse): click → review shown, unthrottled CPU, 1280 px, 24 KB slices (medians of ${runs})`);
  line(`${pad('text', 22)}${padl('bytes (UTF-8)', 14)}${padl('review shown', 14)}${padl('longest task', 14)}`
    + `${padl('before review', 15)}${padl('long tasks', 12)}${padl('progress', 10)}${padl('frame gap', 11)}${padl('items', 8)}`);
  for (const r of results) {
    line(`${pad(r.name, 22)}${padl(r.bytes.toLocaleString('en'), 14)}${padl(ms(r.shownMs), 14)}${padl(ms(r.longestMs), 14)}`
      + `${padl(ms(r.longestBeforeReviewMs), 15)}${padl(r.longTasks, 12)}${padl(r.progressUpdates, 10)}${padl(ms(r.maxFrameGapMs), 11)}${padl(r.items, 8)}`);
  }
  line('(longest task: click → review painted; before review: the longest ending before the task that puts the review in the DOM,');
  line(' i.e. the slices; long tasks: > 50 ms; progress: value changes of the bar seen; frame gap: longest between two frames)');
  for (const r of results) {
    line(`  ${r.name} runs (review shown/longest task ms, long tasks): ${r.runs.map((x) => `${x.shownMs.toFixed(0)}/${x.longestMs.toFixed(0)}, ${x.longTasks}`).join('; ')}; summary: ${r.summary}`);
  }
  line();
}

async function main() {
  const dist = resolve(process.argv[2] ?? join(ROOT, 'dist'));
  const runs = 3;
  const server = await serveDir(dist, { compress: false });
  try {
    const started = Date.now();
    const results = await measureAnalyse(server, runs);
    printAnalyse(results, runs);
    console.log(`(${dist}, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  } finally {
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => { console.error(e); process.exit(1); });
}
