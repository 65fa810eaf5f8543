// Reads criterion's results of `cargo bench --bench core` (target/criterion/) and prints the table
// of how each core operation's time grows with the number of targets, with the linear-growth budget.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, verdict } from './lib.mjs';

const GROUPS = ['catalog_build', 'first_search', 'search', 'search_scan', 'clear', 'filter', 'compare', 'evaluation'];
const DIR = join(ROOT, 'target', 'criterion');

function time(ns) {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(1)} µs`;
  return `${ns.toFixed(0)} ns`;
}

async function group(name) {
  const rows = [];
  let entries = [];
  try {
    entries = await readdir(join(DIR, name));
  } catch {
    return rows;
  }
  for (const entry of entries) {
    try {
      const bench = JSON.parse(await readFile(join(DIR, name, entry, 'new', 'benchmark.json'), 'utf8'));
      const est = JSON.parse(await readFile(join(DIR, name, entry, 'new', 'estimates.json'), 'utf8'));
      // value_str is "<scale>x/<targets>targets".
      const [scale, targets] = bench.value_str.split('/').map((s) => parseInt(s, 10));
      rows.push({ scale, targets, median: est.median.point_estimate });
    } catch {
      // Not a benchmark directory (criterion's report folder).
    }
  }
  return rows.sort((a, b) => a.scale - b.scale);
}

const table = {};
for (const name of GROUPS) table[name] = await group(name);
const scales = [...new Set(Object.values(table).flat().map((r) => r.scale))].sort((a, b) => a - b);
if (scales.length === 0) {
  console.log('no criterion results under target/criterion: run `cargo bench --bench core` first');
  process.exit(1);
}
const targetsAt = (s) => Object.values(table).flat().find((r) => r.scale === s)?.targets;
console.log('## Native core operations (criterion median; one iteration as described in benches/core.rs)');
console.log(`${'operation'.padEnd(16)}${scales.map((s) => `${s}× (${targetsAt(s)})`.padStart(18)).join('')}   growth ${scales[0]}×→${scales.at(-1)}×  log-log slope`);
for (const name of GROUPS) {
  const rows = table[name];
  if (!rows.length) continue;
  const first = rows[0];
  const last = rows.at(-1);
  const slope = Math.log(last.median / first.median) / Math.log(last.targets / first.targets);
  const cells = scales.map((s) => {
    const r = rows.find((x) => x.scale === s);
    return (r ? time(r.median) : '–').padStart(18);
  });
  console.log(`${name.padEnd(16)}${cells.join('')}   ×${(last.median / first.median).toFixed(1).padEnd(10)}   ${slope.toFixed(2)} ${verdict(slope <= 1.1)}`);
}
console.log('budget: cost grows no faster than linearly with the number of targets (slope ≤ 1, with 0.1 allowed for noise)');
