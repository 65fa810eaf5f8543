// Every file the host serves `immutable` is named by its own final bytes (docs/deploy.md): a
// returning visitor must never hold a stale file under a current name. Checked here independently
// of the build's own code (crates/site/src/names.rs), with the immutable rule read from
// docs/deploy.md's nginx server block:
//
// 1. each such file in dist/ carries the first 16 hex digits of the SHA-256 of its bytes;
// 2. dist/ and target/site-pack-0/ (scripts/test.sh builds it the same way but with every shared
//    chunk on its own, SITE_PACK_BELOW=0) share no name with different bytes: every file the
//    setting changed has a new name, and the service worker lists only files that exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ROOT } from './harness.mjs';

const DIST = join(ROOT, 'dist');
const OTHER = join(ROOT, 'target', 'site-pack-0');

/** The regular expression of the location docs/deploy.md serves with `immutable`. */
async function immutableRule() {
  const markdown = await readFile(join(ROOT, 'docs', 'deploy.md'), 'utf8');
  const match = markdown.match(/location ~ "([^"]+)" \{\n\s*set \$site_cache "public, max-age=31536000, immutable";/);
  assert.ok(match, 'docs/deploy.md has an immutable location');
  return new RegExp(match[1]);
}

/** Every file under `dir` (paths relative to it), compressed copies left out. */
async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || /\.(br|gz)$/.test(entry.name)) continue;
    out.push(relative(dir, join(entry.parentPath ?? entry.path, entry.name)));
  }
  return out.sort();
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** The immutable files of `dir` whose name is not their bytes' digest, and how many were checked. */
async function misnamed(dir, rule) {
  const wrong = [];
  let checked = 0;
  for (const name of await files(dir)) {
    if (!rule.test(name)) continue;
    checked += 1;
    const digest = name.match(/-([0-9a-f]+)(?:_bg)?\.[a-z]+$/)[1];
    if (digest.length !== 16 || !sha256(await readFile(join(dir, name))).startsWith(digest)) wrong.push(name);
  }
  return { wrong, checked };
}

test('every file served immutable is named by the digest of its bytes', async () => {
  const rule = await immutableRule();
  const { wrong, checked } = await misnamed(DIST, rule);
  assert.ok(checked >= 8, `only ${checked} immutable files found`);
  assert.deepEqual(wrong, [], 'not named by their bytes');
  // The entry point names them: the glue and the main module are among them.
  const index = await readFile(join(DIST, 'index.html'), 'utf8');
  const entry = index.match(/<meta name="app-entry" content="\.\/([^"]+)" data-wasm="\.\/([^"]+)"/);
  assert.ok(entry && rule.test(entry[1]) && rule.test(entry[2]), 'the glue and the module are served immutable');
});

test('a build that differs only in a post-processing setting gives every changed file a new name', { skip: !existsSync(OTHER) && 'target/site-pack-0 not built (scripts/test.sh builds it)' }, async () => {
  const rule = await immutableRule();
  const ours = (await files(DIST)).filter((name) => rule.test(name));
  const theirs = new Set((await files(OTHER)).filter((name) => rule.test(name)));
  const same = ours.filter((name) => theirs.has(name));
  for (const name of same) {
    const [a, b] = await Promise.all([readFile(join(DIST, name)), readFile(join(OTHER, name))]);
    assert.ok(a.equals(b), `${name} has different bytes in the two builds under one name`);
  }
  assert.deepEqual((await misnamed(OTHER, rule)).wrong, [], 'the second build is named by content too');
  // The setting did change files (else this test would prove nothing): the loader, and the glue
  // that imports it, have other bytes, hence other names; the chunks it did not touch kept theirs.
  const changed = ours.filter((name) => !theirs.has(name));
  for (const stem of ['split-', 'app-']) {
    assert.ok(changed.some((name) => name.startsWith(stem) && name.endsWith('.js')), `no ${stem}*.js changed: ${changed.join(', ')}`);
  }
  assert.ok(same.some((name) => name.startsWith('chunk-compare-')), `the comparison's chunk kept its name: ${same.join(', ')}`);
  // Each build's service worker lists files of its own build only.
  for (const dir of [DIST, OTHER]) {
    const sw = await readFile(join(dir, 'sw.js'), 'utf8');
    const listed = JSON.parse(sw.match(/const ASSETS = (\[[^\]]*\])/)[1]);
    for (const name of listed) assert.ok(existsSync(join(dir, name)), `${relative(ROOT, dir)}/sw.js lists ${name}, which is not there`);
  }
});
