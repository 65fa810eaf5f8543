// The browser benchmarks (transfer, load, interaction, memory, analyse a document): prints every
// figure next to its budget and writes them all to target/bench/results.json. Run through
// scripts/bench.sh, which builds the sites first; see BENCHMARKS.md.
//
//   node bench-browser/run.mjs [--dist DIR] [--scale 10=DIR]... [--load-runs N] [--samples N] [--skip-load] [--skip-interaction]
//                      [--skip-analyse]
//                      [--only search,compare,evaluation,memory]
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadavg, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import {
  ROOT, compressedSizes, listFiles, serveDir, launchBrowser, kb, ms, verdict, NETWORK, CPU_SLOWDOWN,
} from './lib.mjs';
import { renderStaticHome, firstLoadRequests, measureLoad, STATIC_PATH } from './load.mjs';
import { measureInteractions } from './interaction.mjs';
import { measureRepeat } from './repeat.mjs';
import { measureOnDemand, ON_DEMAND_VIEWS } from './on-demand.mjs';
import { measureAnalyse, printAnalyse } from './analyse.mjs';

/** The budgets (BENCHMARKS.md). KB are 1000 bytes; ratios are against the static twin of the home page. */
export const BUDGETS = {
  firstLoadBrotli: 200_000,
  ttiRatio: 2.0,
  contentRatio: 1.1,
  onDemandOpenMs: 1500,
  repeatRatio: 1.0,
  repeatWire: 0,
  interactionMedianMs: 16,
};

const { values: args } = parseArgs({
  options: {
    dist: { type: 'string', default: join(ROOT, 'dist') },
    scale: { type: 'string', multiple: true, default: [] },
    'load-runs': { type: 'string', default: '7' },
    samples: { type: 'string', default: '30' },
    'large-samples': { type: 'string', default: '12' },
    'skip-load': { type: 'boolean', default: false },
    'skip-interaction': { type: 'boolean', default: false },
    'skip-analyse': { type: 'boolean', default: false },
    // Comma-separated subset of the interaction parts: search (with clear and filter), compare, evaluation, memory.
    only: { type: 'string' },
    out: { type: 'string', default: join(ROOT, 'target', 'bench', 'results.json') },
  },
});

const line = (text = '') => console.log(text);
const pad = (text, width) => String(text).padEnd(width);
const padl = (text, width) => String(text).padStart(width);

async function transfer(dist, firstLoad) {
  const files = [];
  // The precompressed copies (.br, .gz) are other encodings of the files listed, not files of their own.
  for (const path of (await listFiles(dist)).filter((p) => !/\.(br|gz)$/.test(p))) {
    files.push({ path, ...compressedSizes(await readFile(join(dist, path))) });
  }
  const fetched = new Set(firstLoad.map((r) => decodeURIComponent(r.path).replace(/^\//, '') || 'index.html'));
  const first = files.filter((f) => fetched.has(f.path));
  const sum = (key) => first.reduce((n, f) => n + f[key], 0);
  return {
    files,
    firstLoad: { files: first.map((f) => f.path), raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') },
    unmatchedRequests: [...fetched].filter((p) => !files.some((f) => f.path === p)),
  };
}

function printTransfer(t) {
  line('## Transfer: every file in dist/ (bytes; gzip -9, brotli -q 11)');
  line(`${pad('file', 40)}${padl('raw', 12)}${padl('gzip', 12)}${padl('brotli', 12)}  first load`);
  for (const f of t.files) {
    const first = t.firstLoad.files.includes(f.path) ? 'yes' : '';
    line(`${pad(f.path, 40)}${padl(f.raw.toLocaleString('en'), 12)}${padl(f.gzip.toLocaleString('en'), 12)}${padl(f.brotli.toLocaleString('en'), 12)}  ${first}`);
  }
  const fl = t.firstLoad;
  line(`first load (${fl.files.length} files): raw ${kb(fl.raw)}, gzip ${kb(fl.gzip)}, brotli ${kb(fl.brotli)}`
    + `  — budget ≤ ${kb(BUDGETS.firstLoadBrotli)} brotli: ${verdict(fl.brotli <= BUDGETS.firstLoadBrotli)}`);
  if (t.unmatchedRequests.length) line(`  (requests not found in dist/: ${t.unmatchedRequests.join(', ')})`);
  line();
}

function printLoad(load, runs, encodings) {
  line(`## Load: home page, ${runs} alternating runs each, cache disabled, ${NETWORK.latency} ms latency, `
    + `${NETWORK.downloadKbit / 1000} Mbit/s down, ${NETWORK.uploadKbit} kbit/s up, ${CPU_SLOWDOWN}× CPU slowdown; `
    + `served with ${[...encodings].join('/') || 'no'} compression`);
  line(`${pad('page', 22)}${padl('FCP', 12)}${padl('content shown', 16)}${padl('interactive', 14)}${padl('on the wire', 14)}  (medians)`);
  for (const [name, r] of [['app (wasm)', load.app], ['static HTML copy', load.static]]) {
    line(`${pad(name, 22)}${padl(ms(r.fcp), 12)}${padl(ms(r.content), 16)}${padl(ms(r.tti), 14)}${padl(kb(r.wire), 14)}`);
  }
  line(`ratios app/static: FCP ${load.fcpRatio.toFixed(2)}, content shown ${load.contentRatio.toFixed(2)}, interactive ${load.ttiRatio.toFixed(2)}`
    + `  — budget content ≤ ${BUDGETS.contentRatio}×: ${verdict(load.contentRatio <= BUDGETS.contentRatio)}`
    + `, interactive ≤ ${BUDGETS.ttiRatio}×: ${verdict(load.ttiRatio <= BUDGETS.ttiRatio)}`);
  const runList = (list) => list.map((r) => [r.fcp, r.content, r.firstInput].map((v) => v.toFixed(0)).join('/')).join(', ');
  line(`  app runs (FCP/content shown/first input handled, ms): ${runList(load.app.runs)}`);
  line(`  static runs (FCP/content shown/first input handled, ms): ${runList(load.static.runs)}`);
  line();
}

function printRepeat(repeat, load) {
  line(`## Repeat visit: home page opened again once the service worker holds the build (same throttling, median of ${repeat.runs.length})`);
  line(`FCP ${ms(repeat.fcp)}, content shown ${ms(repeat.content)}, interactive ${ms(repeat.tti)}, page requests on the wire ${kb(repeat.wire)} (the worker's own fetch of the HTML is not seen here)`
    + `  (first visit: interactive ${ms(load.app.tti)}, ${kb(load.app.wire)})`);
  line(`interactive vs the static twin (first visit): ${repeat.ratio.toFixed(2)}×  — budget ≤ ${BUDGETS.repeatRatio}× and ${BUDGETS.repeatWire} bytes: `
    + verdict(repeat.ratio <= BUDGETS.repeatRatio && repeat.wire <= BUDGETS.repeatWire));
  line();
}

function printOnDemand(onDemand) {
  line('## First open of an on-demand view on a first visit (same throttling): click in the main navigation → view shown');
  for (const { name } of ON_DEMAND_VIEWS) {
    const r = onDemand[name];
    line(`${pad(name, 12)} ${padl(ms(r.ms), 10)} (runs ${r.runs.map((v) => v.toFixed(0)).join(', ')} ms), ${kb(r.wire)} on the wire`
      + `  — budget ≤ ${ms(BUDGETS.onDemandOpenMs)}: ${verdict(r.ms <= BUDGETS.onDemandOpenMs)}`);
  }
  line();
}

/** Every budgeted figure of this run next to its budget, in the order of BENCHMARKS.md's table. */
function printSummary(out) {
  line('## Budgets');
  const rows = [];
  const add = (figure, value, budget, ok) => rows.push([figure, value, budget, ok === undefined ? '–' : verdict(ok)]);
  const fl = out.transfer.firstLoad;
  add('first visit, bytes until the explorer answers (brotli)', kb(fl.brotli), `≤ ${kb(BUDGETS.firstLoadBrotli)}`, fl.brotli <= BUDGETS.firstLoadBrotli);
  if (out.load) {
    add('app interactive vs static twin content', `${out.load.ttiRatio.toFixed(2)}×`, `≤ ${BUDGETS.ttiRatio}×`, out.load.ttiRatio <= BUDGETS.ttiRatio);
    add('content shown vs static twin', `${out.load.contentRatio.toFixed(2)}×`, `≤ ${BUDGETS.contentRatio}×`, out.load.contentRatio <= BUDGETS.contentRatio);
  }
  for (const { name } of ON_DEMAND_VIEWS) {
    const r = out.onDemand?.[name];
    if (r) add(`first open of ${name}, click → view shown`, ms(r.ms), `≤ ${ms(BUDGETS.onDemandOpenMs)}`, r.ms <= BUDGETS.onDemandOpenMs);
  }
  if (out.repeat) {
    add('repeat visit (service worker), interactive vs static twin', `${out.repeat.ratio.toFixed(2)}×, ${kb(out.repeat.wire)}`,
      `≤ ${BUDGETS.repeatRatio}×, ${BUDGETS.repeatWire} B`, out.repeat.ratio <= BUDGETS.repeatRatio && out.repeat.wire <= BUDGETS.repeatWire);
  }
  const scales = Object.keys(out.interaction ?? {});
  if (scales.length) {
    const largest = out.interaction[largestScale(scales)];
    const worst = OPS.map(([key, name]) => [name, largest[key]?.median]).filter(([, v]) => v !== undefined)
      .reduce((a, b) => (b[1] > a[1] ? b : a), ['', -Infinity]);
    add(`slowest interaction at ${largestScale(scales)} (${worst[0]})`, ms(worst[1]), `≤ ${ms(BUDGETS.interactionMedianMs)} median`, worst[1] <= BUDGETS.interactionMedianMs);
  }
  for (const [figure, value, budget, ok] of rows) line(`${pad(figure, 62)}${padl(value, 16)}  ${pad(budget, 18)}${ok}`);
  line();
}

const OPS = [
  ['search', 'search (type a word)'],
  ['clearSearch', 'clear the search (full list)'],
  ['filter', 'filter (theme on/off)'],
  ['compare', 'compare (locality off/on)'],
  ['evaluation', 'evaluation (type a value)'],
];

function printInteractions(results) {
  line('## Interaction: input event → DOM updated (median / p95), unthrottled; [+ forced layout]; {next frame\'s callbacks: chart drawing}');
  const scales = Object.keys(results);
  line(`${pad('operation', 32)}${scales.map((s) => padl(`${s} (${results[s].targets} targets)`, 48)).join('')}`);
  for (const [key, name] of OPS) {
    const cells = scales.map((s) => {
      const r = results[s][key];
      if (!r) return padl('–', 48);
      const over = s === largestScale(scales) ? ` ${verdict(r.median <= BUDGETS.interactionMedianMs)}` : '';
      return padl(`${ms(r.median)} / ${ms(r.p95)} [${ms(r.medianLayout)}] {${ms(r.medianFrame)}}${over}`, 48);
    });
    line(`${pad(name, 32)}${cells.join('')}`);
  }
  line(`budget: every interaction ≤ ${BUDGETS.interactionMedianMs} ms median at the largest scale (pass/OVER shown there)`);
  line(`samples (search, clear, filter, compare, evaluation): ${scales.map((s) => `${s}: ${OPS.map(([k]) => results[s][k]?.n ?? 0).join('/')}`).join('; ')}`);
  line();
  line('## Growth with the number of targets (log-log slope of the median between the smallest and largest scale; ≤ 1 is linear or better)');
  for (const [key, name] of OPS) {
    const [a, b] = [scales[0], largestScale(scales)];
    if (a === b || !results[a][key] || !results[b][key]) continue;
    const slope = Math.log(results[b][key].median / results[a][key].median) / Math.log(results[b].targets / results[a].targets);
    line(`${pad(name, 32)} ${a} → ${b}: ×${(results[b][key].median / results[a][key].median).toFixed(1)} for ×${(results[b].targets / results[a].targets).toFixed(0)} targets, slope ${slope.toFixed(2)} ${verdict(slope <= 1.1)}`);
  }
  line();
  line('## Memory (after a garbage collection): JS heap used, wasm linear memory, DOM nodes');
  for (const s of scales) {
    for (const [where, m] of [['home', results[s].memoryHome], ['targets list', results[s].memoryTargets]]) {
      if (!m) continue;
      line(`${pad(`${s} ${where}`, 24)} JS heap ${padl(kb(m.jsHeapUsed), 11)}   wasm memory ${padl(m.wasm === null ? 'n/a' : kb(m.wasm), 11)}   DOM nodes ${m.nodes}`);
    }
    line(`${pad(`${s} start-up`, 24)} unthrottled: page opened → app handles input in ${ms(results[s].startupTti)}`);
  }
  line();
}

function largestScale(scales) {
  return scales[scales.length - 1];
}

async function targetsOf(dist) {
  try {
    const dataset = JSON.parse(await readFile(join(dist, 'data', 'targets.json'), 'utf8'));
    return dataset.documents.reduce((n, d) => n + d.targets.length, 0);
  } catch {
    return NaN;
  }
}

async function main() {
  const dist = resolve(args.dist);
  const out = { date: new Date().toISOString(), budgets: BUDGETS, machine: { cpus: cpus().length, loadBefore: loadavg() } };
  line(`# Benchmarks ${out.date}: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other work on the machine skews the timings)`);
  line();

  // Transfer and load, on the real site.
  const server = await serveDir(dist, { extra: {} });
  const browser = await launchBrowser();
  let staticHtml;
  let firstLoad;
  try {
    staticHtml = await renderStaticHome(browser, server.url);
    firstLoad = await firstLoadRequests(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
  }
  out.transfer = await transfer(dist, firstLoad);
  printTransfer(out.transfer);

  if (!args['skip-load']) {
    const loadServer = await serveDir(dist, { extra: { [STATIC_PATH]: staticHtml } });
    try {
      out.load = await measureLoad(loadServer, Number(args['load-runs']));
      printLoad(out.load, Number(args['load-runs']), loadServer.encodingsUsed);
      out.load.encodings = [...loadServer.encodingsUsed];
      out.repeat = await measureRepeat(loadServer, Number(args['load-runs']));
      out.repeat.ratio = out.repeat.tti / out.load.static.tti;
      printRepeat(out.repeat, out.load);
      out.onDemand = await measureOnDemand(loadServer, Number(args['load-runs']));
      printOnDemand(out.onDemand);
    } finally {
      await loadServer.close();
    }
  }

  // Interactions and memory, on the real site and on the larger ones.
  const sites = args['skip-interaction'] ? [] : [['1×', dist], ...args.scale.map((s) => { const [n, dir] = s.split('='); return [`${n}×`, resolve(dir)]; })];
  out.interaction = {};
  for (const [name, dir] of sites) {
    const siteServer = await serveDir(dir, { compress: false });
    try {
      const samples = Number(name === '1×' ? args.samples : args['large-samples']);
      console.error(`[bench] interactions on ${name} (${dir}), ${samples} samples each`);
      out.interaction[name] = { targets: await targetsOf(dir), dist: dir, ...(await measureInteractions(siteServer.url, { samples, only: args.only?.split(',') })) };
    } finally {
      await siteServer.close();
    }
  }
  if (sites.length) printInteractions(out.interaction);

  // The page "Analyse a document" on the real site, unthrottled (bench-browser/analyse.mjs).
  if (!args['skip-analyse']) {
    const analyseServer = await serveDir(dist, { compress: false });
    try {
      out.analyse = await measureAnalyse(analyseServer, 3);
      printAnalyse(out.analyse, 3);
    } finally {
      await analyseServer.close();
    }
  }
  printSummary(out);

  await mkdir(join(ROOT, 'target', 'bench'), { recursive: true });
  out.machine.loadAfter = loadavg();
  line(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  await writeFile(args.out, JSON.stringify(out, null, 2));
  line(`(all figures: ${args.out})`);
}

main().catch((e) => { console.error(e); process.exit(1); });
