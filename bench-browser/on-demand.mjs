// On-demand benchmark: on a first visit (throttled like the load figures, cache off), once the home
// page has loaded and the app answers, a click on a link of the main navigation (the comparison,
// a document's page with its text, the calculator, the page "Analyse a document"); the time from the click until that view is on
// screen, which includes fetching, compiling and starting its chunks (src/view/parts.rs). Also the
// bytes those chunks cost over the wire.
import { launchBrowser, newPage, throttle, median } from './lib.mjs';

/** The views measured: the link clicked and an element that shows the view is there. */
export const ON_DEMAND_VIEWS = [
  { name: 'compare', link: 'a.nav-link[href*="v=compare"]', shown: '#compare-matrix' },
  { name: 'document page', link: 'a.nav-link[href*="v=doc"]', shown: '.reader .doc-text p' },
  { name: 'calculator', link: 'a.nav-link[href*="v=evaluate"]', shown: '#eval-target' },
  { name: 'analyse a document', link: 'a.nav-link[href*="v=analyse"]', shown: '#analyse-paste' },
];

async function openOnce(browser, url, view) {
  const { context, page, errors } = await newPage(browser, { width: 375, height: 800 });
  const cdp = await throttle(page);
  await page.goto(url, { waitUntil: 'commit', timeout: 120000 });
  await page.waitForSelector('.app:not(.prerendered) .site-header', { timeout: 120000 });
  await page.waitForLoadState('networkidle', { timeout: 120000 });
  let wire = 0;
  cdp.on('Network.loadingFinished', (e) => { wire += e.encodedDataLength; });
  // Timed in the page: from the click to the frame after the view appeared (that frame was painted).
  await page.evaluate(({ link, shown }) => {
    window.__opened = null;
    const start = performance.now();
    const seen = () => {
      if (!document.querySelector(shown)) return false;
      requestAnimationFrame(() => setTimeout(() => { window.__opened = performance.now() - start; }, 0));
      return true;
    };
    const observer = new MutationObserver(() => { if (seen()) observer.disconnect(); });
    observer.observe(document, { subtree: true, childList: true });
    document.querySelector(link).click();
  }, view);
  await page.waitForFunction(() => window.__opened !== null, null, { timeout: 120000, polling: 50 });
  const ms = await page.evaluate(() => window.__opened);
  await context.close();
  if (errors.length) throw new Error(errors.join('\n'));
  return { ms, wire };
}

/** `runs` first opens of each on-demand view; medians. */
export async function measureOnDemand(server, runs) {
  const browser = await launchBrowser();
  try {
    const out = {};
    for (const view of ON_DEMAND_VIEWS) {
      await openOnce(browser, server.url, view); // unrecorded: the browser's own start-up
      const list = [];
      for (let i = 0; i < runs; i++) list.push(await openOnce(browser, server.url, view));
      out[view.name] = { ms: median(list.map((r) => r.ms)), wire: median(list.map((r) => r.wire)), runs: list.map((r) => r.ms) };
    }
    return out;
  } finally {
    await browser.close();
  }
}
