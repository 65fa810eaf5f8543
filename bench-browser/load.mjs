// Load benchmark: the app's home page against a static HTML copy of the same first view, measured
// alternately in the same run under the same throttling (see BENCHMARKS.md for the definitions).
import { launchBrowser, newPage, throttle, recordRequests, median } from './lib.mjs';

/** The control whose click proves the page handles input: the language switch in the header. */
const CONTROL = '#lang-switch';
/** Path under which the static comparison page is served. */
export const STATIC_PATH = '/static-home.html';

/** An element of the home view's real content: the document cards. */
const CONTENT = '.doc-card';

/**
 * Runs in every measured page before its own scripts. Records:
 * - `fcp`: the browser's first-contentful-paint (any text counts, e.g. a "loading" line);
 * - `content`: when the home view's content (a document card) is first on screen: the card is in
 *   the DOM, then the next animation frame has run and the task after it (so that frame was painted);
 * - `firstInput`: the control is clicked every 10 ms from the moment it exists; this is when a click
 *   first gets its response. For the app, the DOM change its handler makes (the language switch's
 *   label turns to 中文); for the static page, which has no handler, the click reaching the page at
 *   all (the element is there and the main thread is free).
 */
export function measurementScript({ control, content, staticPath }) {
  const isStatic = location.pathname.endsWith(staticPath);
  const bench = { fcp: null, content: null, firstInput: null, clicks: 0 };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') bench.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  let timer = null;
  document.addEventListener('click', (e) => {
    if (!e.target.closest?.(control)) return;
    bench.clicks += 1;
    if (isStatic && bench.firstInput === null) { bench.firstInput = performance.now(); clearInterval(timer); }
  }, true);
  let contentSeen = false;
  const check = () => {
    if (!contentSeen && document.querySelector(content)) {
      contentSeen = true;
      requestAnimationFrame(() => setTimeout(() => { bench.content = performance.now(); }, 0));
    }
    const el = document.querySelector(control);
    if (!isStatic && el && el.textContent.trim() === '中文' && bench.firstInput === null) {
      bench.firstInput = performance.now();
      clearInterval(timer);
    }
    if (contentSeen && bench.firstInput !== null) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, characterData: true });
  timer = setInterval(() => {
    const el = document.querySelector(control);
    if (el && bench.firstInput === null) el.click();
  }, 10);
}

/**
 * Runs in a page before its own scripts: keeps the page's WebAssembly memory in `window.__wasmMemory`
 * (for the memory figures) by wrapping `WebAssembly.instantiate(Streaming)`, whatever loader the page uses.
 */
export function captureWasmMemory() {
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    WebAssembly[name] = async function (...args) {
      const result = await original.apply(this, args);
      const instance = result.instance ?? result;
      if (instance?.exports?.memory) window.__wasmMemory = instance.exports.memory;
      return result;
    };
  }
}

/** Options of `measurementScript` for the home page. */
export const HOME_MEASURES = { control: CONTROL, content: CONTENT, staticPath: STATIC_PATH };

/** True once every figure of `measurementScript` is in. */
export function measured() {
  const b = window.__bench;
  return b && b.fcp !== null && b.content !== null && b.firstInput !== null;
}

/**
 * The app's rendered home view (unthrottled), turned into a static page: the same markup and
 * stylesheet, with every script and the wasm preload removed.
 */
export async function renderStaticHome(browser, url) {
  const { context, page, errors } = await newPage(browser);
  await page.goto(url);
  await page.waitForSelector('.app:not(.prerendered) .doc-card', { timeout: 60000 });
  const html = await page.evaluate(() => {
    const root = document.documentElement.cloneNode(true);
    root.querySelectorAll('script, link[rel="modulepreload"], link[rel="preload"]').forEach((el) => el.remove());
    return `<!DOCTYPE html>\n${root.outerHTML}`;
  });
  await context.close();
  if (errors.length) throw new Error(errors.join('\n'));
  return html;
}

/** What a first visit fetches (unthrottled): every request until the app handles input and the network is idle. */
export async function firstLoadRequests(browser, url) {
  const { context, page, errors } = await newPage(browser);
  await context.addInitScript(measurementScript, HOME_MEASURES);
  const { requests } = await recordRequests(page);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(measured, null, { timeout: 120000, polling: 50 });
  await page.waitForLoadState('networkidle');
  await context.close();
  if (errors.length) throw new Error(errors.join('\n'));
  return requests.filter((r) => r.url?.startsWith(url)).map((r) => ({ ...r, path: new URL(r.url).pathname }));
}

async function measureOnce(browser, url) {
  const { context, page, errors } = await newPage(browser, { width: 375, height: 800 });
  return measureVisit({ context, page, errors }, url);
}

/**
 * Loads `url` in `page` throttled and measured (FCP, content shown, first input handled, bytes on
 * the wire), then closes the context; used for first visits here and repeat visits in repeat.mjs.
 */
export async function measureVisit({ context, page, errors }, url) {
  await context.addInitScript(measurementScript, HOME_MEASURES);
  const cdp = await throttle(page);
  let wire = 0;
  cdp.on('Network.loadingFinished', (e) => { wire += e.encodedDataLength; });
  await page.goto(url, { waitUntil: 'commit', timeout: 120000 });
  await page.waitForFunction(measured, null, { timeout: 120000, polling: 100 });
  const { fcp, content, firstInput } = await page.evaluate(() => window.__bench);
  await context.close();
  if (errors.length) throw new Error(errors.join('\n'));
  // Nobody uses what is not shown yet: interactive is the later of content shown and first input handled.
  return { fcp, content, firstInput, tti: Math.max(content, firstInput), wire };
}

/** `runs` alternating loads of the app and of the static page; medians and the ratios. */
export async function measureLoad(server, runs) {
  const browser = await launchBrowser();
  try {
    const app = [];
    const plain = [];
    // One unrecorded load of each first: the browser's own start-up is not the page's cost.
    await measureOnce(browser, server.url);
    await measureOnce(browser, new URL(STATIC_PATH, server.url).href);
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first, so drift in the machine's load hits both alike.
      const order = i % 2 === 0 ? ['app', 'static'] : ['static', 'app'];
      for (const which of order) {
        const result = await measureOnce(browser, which === 'app' ? server.url : new URL(STATIC_PATH, server.url).href);
        (which === 'app' ? app : plain).push(result);
      }
    }
    const summary = (list) => ({
      fcp: median(list.map((r) => r.fcp)),
      content: median(list.map((r) => r.content)),
      tti: median(list.map((r) => r.tti)),
      wire: median(list.map((r) => r.wire)),
      runs: list,
    });
    const a = summary(app);
    const s = summary(plain);
    return { app: a, static: s, fcpRatio: a.fcp / s.fcp, contentRatio: a.content / s.content, ttiRatio: a.tti / s.tti };
  } finally {
    await browser.close();
  }
}
