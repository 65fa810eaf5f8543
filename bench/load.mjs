// Load benchmark: the app's home page against a static HTML copy of the same first view, measured
// alternately in the same run under the same throttling (see BENCHMARKS.md for the definitions).
import { launchBrowser, newPage, throttle, recordRequests, median } from './lib.mjs';

/** The control whose click proves the page handles input: the language switch in the header. */
const CONTROL = '#lang-switch';
/** Path under which the static comparison page is served. */
export const STATIC_PATH = '/static-home.html';

/**
 * Runs in every measured page before its own scripts. Records first contentful paint and clicks the
 * control every 10 ms from the moment it exists. "Interactive" is the time (from navigation start)
 * at which a click first gets its response: for the app, the DOM change its handler makes (the
 * switch's label changes to 中文); for the static page, which has no handler, the moment the click
 * is dispatched to the page at all (the element exists and the main thread is free).
 */
export function measurementScript({ control, staticPath }) {
  const isStatic = location.pathname.endsWith(staticPath);
  const bench = { fcp: null, tti: null, clicks: 0 };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') bench.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  // The wasm module's memory, reachable once Trunk's loader announces the started app.
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail?.wasm?.memory ?? null; });
  let timer = null;
  const done = () => { clearInterval(timer); };
  document.addEventListener('click', (e) => {
    if (!e.target.closest?.(control)) return;
    bench.clicks += 1;
    if (isStatic && bench.tti === null) { bench.tti = performance.now(); done(); }
  }, true);
  const observer = new MutationObserver(() => {
    const el = document.querySelector(control);
    if (!isStatic && el && el.textContent.trim() === '中文' && bench.tti === null) {
      bench.tti = performance.now();
      observer.disconnect();
      done();
    }
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
  timer = setInterval(() => {
    const el = document.querySelector(control);
    if (el && bench.tti === null) el.click();
  }, 10);
}

/**
 * The app's rendered home view (unthrottled), turned into a static page: the same markup and
 * stylesheet, with every script and the wasm preload removed.
 */
export async function renderStaticHome(browser, url) {
  const { context, page, errors } = await newPage(browser);
  await page.goto(url);
  await page.waitForSelector('.doc-card', { timeout: 60000 });
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
  await context.addInitScript(measurementScript, { control: CONTROL, staticPath: STATIC_PATH });
  const { requests } = await recordRequests(page);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench?.tti !== null, null, { timeout: 120000, polling: 50 });
  await page.waitForLoadState('networkidle');
  await context.close();
  if (errors.length) throw new Error(errors.join('\n'));
  return requests.filter((r) => r.url?.startsWith(url)).map((r) => ({ ...r, path: new URL(r.url).pathname }));
}

async function measureOnce(browser, url) {
  const { context, page, errors } = await newPage(browser, { width: 375, height: 800 });
  await context.addInitScript(measurementScript, { control: CONTROL, staticPath: STATIC_PATH });
  const cdp = await throttle(page);
  let wire = 0;
  cdp.on('Network.loadingFinished', (e) => { wire += e.encodedDataLength; });
  await page.goto(url, { waitUntil: 'commit', timeout: 120000 });
  await page.waitForFunction(() => window.__bench?.tti !== null && window.__bench?.fcp !== null, null,
    { timeout: 120000, polling: 100 });
  const { fcp, tti: firstInput } = await page.evaluate(() => window.__bench);
  // Nobody interacts with what is not painted yet: interactive is the later of the two.
  const tti = Math.max(fcp, firstInput);
  await context.close();
  if (errors.length) throw new Error(errors.join('\n'));
  return { fcp, tti, firstInput, wire };
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
      tti: median(list.map((r) => r.tti)),
      wire: median(list.map((r) => r.wire)),
      runs: list,
    });
    const a = summary(app);
    const s = summary(plain);
    return { app: a, static: s, fcpRatio: a.fcp / s.fcp, ttiRatio: a.tti / s.tti };
  } finally {
    await browser.close();
  }
}
