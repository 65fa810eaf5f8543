// Where the time of one interaction goes: runs the compare or evaluation interaction of
// bench-browser/interaction.mjs under the DevTools CPU profiler and a performance trace, and prints the
// browser's own work (script, style, layout, paint, garbage collection) and the functions with the
// most self and total time. Function names of the wasm come from its name section, which the
// release build's wasm-opt strips: for readable names, copy the built site and replace its module
// with the raw one run through the same tools with names kept, e.g. (H = the hash in the file names)
//   wasm-bindgen --target web --no-typescript --out-dir T --out-name app-H target/wasm32-unknown-unknown/release/app.wasm
//   wasm-opt -Oz -g --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
//     --enable-sign-ext --enable-mutable-globals --enable-multivalue T/app-H_bg.wasm -o COPY/app-H_bg.wasm
//   cp T/app-H.js COPY/ and remove the integrity="…" attributes from COPY/index.html.
//
//   node bench-browser/profile.mjs [--dist DIR] [--op compare|evaluation] [--samples N] [--top N] [--window all|input]
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { ROOT, serveDir, launchBrowser, newPage, median } from './lib.mjs';
import { installTimer, timed, TYPE_IN, CLICK, EVALUATED, CURRENT_VALUES } from './interaction.mjs';

const { values: args } = parseArgs({
  options: {
    dist: { type: 'string', default: join(ROOT, 'dist') },
    op: { type: 'string', default: 'compare' },
    samples: { type: 'string', default: '20' },
    top: { type: 'string', default: '25' },
    // `input`: count only the samples inside the tasks that dispatched the input event (the
    // event's handler, Yew's update in the microtasks after it, and the effects it ran): the work
    // the benchmark's "input → DOM updated" figure times, without what the next frames do.
    window: { type: 'string', default: 'all' },
  },
});

const OPS = {
  compare: {
    path: '?v=compare',
    ready: '#compare-matrix',
    scope: 'section.compare',
    action: () => [CLICK('#cmp-qingbaijiang-2018'), undefined],
    events: ['click'],
  },
  evaluation: {
    path: `?v=evaluate&t=${EVALUATED}&at=2023-06-30`,
    ready: '#eval-current',
    scope: 'section.evaluate',
    action: (i) => [TYPE_IN('#eval-current'), CURRENT_VALUES[i % CURRENT_VALUES.length]],
    events: ['input'],
  },
};

/** Main-thread trace events worth naming, by the DevTools timeline's names. */
const TRACE_EVENTS = ['EventDispatch', 'FunctionCall', 'FireAnimationFrame', 'RunMicrotasks', 'UpdateLayoutTree',
  'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'ParseHTML'];

/** The main thread's tasks (`RunTask`, [start, end] in µs) that hold an event of type `type`. */
function inputTasks(events, main, types) {
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'RunTask');
  const dispatches = onMain.filter((e) => e.name === 'EventDispatch' && types.includes(e.args?.data?.type));
  const windows = [];
  for (const d of dispatches) {
    const task = tasks.find((t) => t.ts <= d.ts && d.ts + d.dur <= t.ts + t.dur);
    if (task && !windows.some(([a]) => a === task.ts)) windows.push([task.ts, task.ts + task.dur]);
  }
  return windows;
}

function selfTimes(profile, windows = null) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    at += deltas[i];
    const dt = (deltas[i + 1] ?? 0) / 1000;
    if (windows && !windows.some(([a, b]) => a <= at && at <= b)) continue;
    self.set(id, (self.get(id) ?? 0) + dt);
  }
  // Total time per function name: a node's self time counts once for every distinct name on its stack.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => n.callFrame.functionName || `(anonymous ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber})`;
  const selfByName = new Map();
  const totalByName = new Map();
  for (const [id, t] of self) {
    const node = byId.get(id);
    selfByName.set(name(node), (selfByName.get(name(node)) ?? 0) + t);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const nm = name(byId.get(cur));
      if (!seen.has(nm)) {
        seen.add(nm);
        totalByName.set(nm, (totalByName.get(nm) ?? 0) + t);
      }
    }
  }
  return { selfByName, totalByName };
}

async function main() {
  const op = OPS[args.op];
  if (!op) throw new Error(`--op must be one of ${Object.keys(OPS).join(', ')}`);
  const samples = Number(args.samples);
  const server = await serveDir(resolve(args.dist), { compress: false });
  const browser = await launchBrowser();
  try {
    const { context, page } = await newPage(browser);
    await context.addInitScript(installTimer);
    await page.goto(`${server.url}${op.path}`, { timeout: 300000 });
    await page.waitForSelector(`.app:not(.prerendered) ${op.ready}`, { timeout: 300000 });
    for (let i = 0; i < 2; i++) await timed(page, op.scope, ...op.action(i)); // warm-up
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'] });
    await cdp.send('Profiler.start');
    const times = [];
    for (let i = 0; i < samples; i++) times.push(await timed(page, op.scope, ...op.action(i)));
    const { profile } = await cdp.send('Profiler.stop');
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
    await context.close();

    console.log(`# ${args.op}: ${samples} samples on ${args.dist} (profiled, so slower than the benchmark)`);
    console.log(`input → DOM updated, median ${median(times.map((t) => t.dom)).toFixed(1)} ms; `
      + `+ forced layout ${median(times.map((t) => t.layout)).toFixed(1)} ms`);
    // Main thread of the page: the thread with the most EventDispatch events.
    const events = trace.traceEvents ?? trace;
    const counts = new Map();
    for (const e of events) if (e.name === 'EventDispatch') counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
    const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    const sums = new Map();
    for (const e of events) {
      if (`${e.pid}:${e.tid}` !== main || e.ph !== 'X' || !TRACE_EVENTS.includes(e.name)) continue;
      sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000);
    }
    console.log('\n## Main thread, per sample (trace events; nested events overlap: FunctionCall holds forced layouts)');
    for (const [n, t] of [...sums].sort((a, b) => b[1] - a[1])) console.log(`${n.padEnd(22)} ${(t / samples).toFixed(2).padStart(8)} ms`);
    let windows = null;
    if (args.window === 'input') {
      windows = inputTasks(events, main, op.events);
      const inside = windows.reduce((sum, [a, b]) => sum + (b - a), 0) / 1000;
      console.log(`\n(functions: only the ${windows.length} tasks that dispatched the input, ${(inside / samples).toFixed(2)} ms per sample)`);
    }
    const { selfByName, totalByName } = selfTimes(profile, windows);
    const top = Number(args.top);
    console.log(`\n## Self time per sample (top ${top})`);
    for (const [n, t] of [...selfByName].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(t / samples).toFixed(2).padStart(8)} ms  ${n.slice(0, 150)}`);
    console.log(`\n## Total time per sample (top ${top * 2})`);
    for (const [n, t] of [...totalByName].sort((a, b) => b[1] - a[1]).filter(([n]) => !process.env.PROFILE_GREP || n.includes(process.env.PROFILE_GREP)).slice(0, top * 2)) console.log(`${(t / samples).toFixed(2).padStart(8)} ms  ${n.slice(0, 150)}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
