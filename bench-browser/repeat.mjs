// Repeat-visit benchmark: the home page opened a second time, once the service worker
// (static/sw.js) holds the build, under the same throttling as the first-visit load figures.
import { launchBrowser, newPage, median } from './lib.mjs';
import { measureVisit } from './load.mjs';

async function repeatOnce(browser, url) {
  const { context, page, errors } = await newPage(browser, { width: 375, height: 800, serviceWorkers: 'allow' });
  // First visit, unthrottled: the worker installs and takes control.
  await page.goto(url);
  await page.waitForSelector('.app:not(.prerendered) .doc-card', { timeout: 60000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
  // Second visit, throttled like the first-visit figures (HTTP cache off; the worker's cache is not).
  return measureVisit({ context, page, errors }, url);
}

/** `runs` repeat visits (each in a fresh context); medians of the same figures as `measureLoad`. */
export async function measureRepeat(server, runs) {
  const browser = await launchBrowser();
  try {
    await repeatOnce(browser, server.url); // unrecorded: the browser's own start-up
    const list = [];
    for (let i = 0; i < runs; i++) list.push(await repeatOnce(browser, server.url));
    return {
      fcp: median(list.map((r) => r.fcp)),
      content: median(list.map((r) => r.content)),
      tti: median(list.map((r) => r.tti)),
      wire: median(list.map((r) => r.wire)),
      runs: list,
    };
  } finally {
    await browser.close();
  }
}
