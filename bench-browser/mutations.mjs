// What one interaction changes in the DOM: runs the compare toggle of bench-browser/interaction.mjs
// and counts the MutationObserver records of the update (by type, attribute name and tag), the
// nodes added and removed, and the page's size (elements in the compare section and the print copy).
//   node bench-browser/mutations.mjs [--dist DIR]
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { ROOT, serveDir, launchBrowser, newPage } from './lib.mjs';

const { values: args } = parseArgs({ options: { dist: { type: 'string', default: join(ROOT, 'dist') } } });

async function main() {
  const server = await serveDir(resolve(args.dist), { compress: false });
  const browser = await launchBrowser();
  try {
    const { page } = await newPage(browser);
    await page.goto(`${server.url}?v=compare`, { timeout: 300000 });
    await page.waitForSelector('.app:not(.prerendered) #compare-matrix', { timeout: 300000 });
    await page.waitForTimeout(500);
    for (let i = 0; i < 4; i++) {
      const counts = await page.evaluate(() => new Promise((done) => {
        const tally = {};
        const add = (k, n = 1) => { tally[k] = (tally[k] ?? 0) + n; };
        let callbacks = 0;
        const observer = new MutationObserver((records) => {
          // The first callback holds the input's own update; later ones what follows it (the print copy).
          const phase = callbacks++ === 0 ? 'update' : 'later';
          for (const r of records) {
            const element = r.target.nodeType === Node.ELEMENT_NODE ? r.target : r.target.parentElement;
            const where = phase + ' ' + (element?.closest('.print-only') ? 'print' : element?.closest('section.compare') ? 'compare' : 'other');
            if (r.type === 'attributes') add(`${where} attr ${r.attributeName} on ${r.target.tagName}`);
            else if (r.type === 'characterData') add(`${where} text`);
            else {
              add(`${where} added`, r.addedNodes.length);
              if (phase === 'update') for (const n of r.addedNodes) add(`  + ${n.nodeName}${n.className ? '.' + n.className : ''} in ${r.target.nodeName}${r.target.className ? '.' + r.target.className : ''}`);
              add(`${where} removed`, r.removedNodes.length);
            }
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        document.querySelector('#cmp-qingbaijiang-2018').click();
        // Everything until three frames later (the print copy follows after paint).
        requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => {
          observer.disconnect();
          tally.sizeCompare = document.querySelectorAll('section.compare *').length;
          tally.sizePrint = document.querySelectorAll('.print-only *').length;
          tally.sizeAll = document.querySelectorAll('*').length;
          done(tally);
        })));
      }));
      console.log(`toggle ${i}:`, JSON.stringify(Object.entries(counts).sort((a, b) => b[1] - a[1])));
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
