// The host's side, for real: the nginx server block of docs/deploy.md ("## nginx server block",
// its first ```nginx block, taken verbatim but for the port and the root) runs in Debian's nginx
// with the brotli_static module (scripts/setup.sh installs both) over the built dist/. Every file
// kind is checked for its content type, its precompressed encoding (br, gzip, none), Vary, the
// documented security headers and its caching; then a short journey runs in Chromium through it.
// A second nginx, given the block with one header removed, shows the checks notice a missing header.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { launchBrowser, openPage, appReady, screenshot, ROOT } from './harness.mjs';

const DIST = join(ROOT, 'dist');
const DEPLOY = join(ROOT, 'docs', 'deploy.md');
const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/** The first ```nginx block after the heading "## nginx server block" of docs/deploy.md. */
function serverBlock(markdown) {
  const heading = markdown.indexOf('\n## nginx server block\n');
  assert.ok(heading >= 0, 'docs/deploy.md has a "## nginx server block" section');
  const block = markdown.slice(heading).match(/\n```nginx\n([\s\S]*?)\n```\n/);
  assert.ok(block, 'the section has an ```nginx block');
  return block[1];
}

/** The block with its two placeholders replaced; fails if either is not there exactly once. */
function placed(block, port, root) {
  let out = block;
  for (const [placeholder, value] of [['listen 8080;', `listen 127.0.0.1:${port};`], ['root /srv/policy-explorer;', `root ${root};`]]) {
    assert.equal(out.split(placeholder).length, 2, `the block has "${placeholder}" once`);
    out = out.replace(placeholder, value);
  }
  return out;
}

/** The security headers the block must send, as docs/deploy.md lists them ("Headers to set ..."). */
function documentedHeaders(markdown) {
  const section = markdown.slice(markdown.indexOf('## Headers to set where the host allows it'));
  const lines = section.match(/\n```\n([\s\S]*?)\n```\n/)[1].split('\n');
  return lines.map((line) => {
    const colon = line.indexOf(': ');
    return [line.slice(0, colon).toLowerCase(), line.slice(colon + 2)];
  });
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForPort(port, child, log) {
  const deadline = Date.now() + 10000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${await log()}`);
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => { socket.destroy(); resolve(true); });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not listen on ${port}:\n${await log()}`);
}

/** Starts nginx (not as a daemon) with `block` inside a minimal configuration; resolves to { url, stop }. */
async function startNginx(block) {
  assert.ok(existsSync(NGINX), `${NGINX} is installed (scripts/setup.sh installs Debian's nginx)`);
  assert.ok(existsSync(BROTLI_MODULE), `${BROTLI_MODULE} is installed (libnginx-mod-http-brotli-static, scripts/setup.sh)`);
  const dir = await mkdtemp(join(tmpdir(), 'nginx-e2e-'));
  const port = await freePort();
  const conf = [
    `load_module ${BROTLI_MODULE};`,
    // As root the workers would otherwise switch to nobody; the directive is ignored (with a warning) otherwise.
    process.getuid?.() === 0 ? 'user root;' : '',
    'daemon off;',
    'master_process on;',
    'worker_processes 1;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    'events { worker_connections 64; }',
    'http {',
    `  access_log ${dir}/access.log;`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${dir}/${kind};`),
    placed(block, port, DIST),
    '}',
    '',
  ].join('\n');
  await writeFile(join(dir, 'nginx.conf'), conf);
  const log = async () => (await readFile(join(dir, 'error.log'), 'utf8').catch(() => '')) + stderr;
  let stderr = '';
  const child = spawn(NGINX, ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // Should this process end without `stop` (a crash), nginx must not outlive it.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  const stop = async () => {
    process.removeListener('exit', orphanGuard);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, child, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}/`, stop };
}

/** GET without any decoding: { status, headers, body (the bytes as sent) }. */
function get(url, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject).end();
  });
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The files to check: [path in dist, content type, cache-control], from the built index.html. */
async function filesToCheck() {
  const index = await readFile(join(DIST, 'index.html'), 'utf8');
  const entry = index.match(/<meta name="app-entry" content="\.\/([^"]+)" data-wasm="\.\/([^"]+)"/);
  assert.ok(entry, 'index.html names the glue and the module');
  const hashed = (pattern) => {
    const found = [...index.matchAll(/(?:href|src)="\.\/([^"]+)"/g)].map((m) => m[1]).find((name) => pattern.test(name));
    assert.ok(found, `index.html links a file like ${pattern}`);
    return found;
  };
  return [
    [entry[2], 'application/wasm', IMMUTABLE],
    [entry[1], 'text/javascript', IMMUTABLE],
    [hashed(/^boot-[0-9a-f]{8,16}\.js$/), 'text/javascript', IMMUTABLE],
    [hashed(/^style-[0-9a-f]{8,16}\.css$/), 'text/css', IMMUTABLE],
    [hashed(/^favicon-[0-9a-f]{8,16}\.svg$/), 'image/svg+xml', IMMUTABLE],
    // The on-demand parts: the split loader (preloaded) and a chunk it fetches.
    [hashed(/^split-[0-9a-f]{16}\.js$/), 'text/javascript', IMMUTABLE],
    [(await readdir(DIST)).find((name) => /^chunk-compare-[0-9a-f]{16}\.wasm$/.test(name)), 'application/wasm', IMMUTABLE],
    ['index.html', 'text/html; charset=utf-8', 'no-cache'],
    ['doc-panjin-2019.html', 'text/html; charset=utf-8', 'no-cache'],
    ['data/index.json', 'application/json; charset=utf-8', 'no-cache'],
    // Every document's metadata, where home's index lists only the first ones.
    ['data/document-list.json', 'application/json; charset=utf-8', 'no-cache'],
    ['data/targets.json', 'application/json; charset=utf-8', 'no-cache'],
    // The targets split by document (policy_data::by_document).
    ['data/indicators.json', 'application/json; charset=utf-8', 'no-cache'],
    ['data/targets/panjin-2019.json', 'application/json; charset=utf-8', 'no-cache'],
    ['data/texts.json', 'application/json; charset=utf-8', 'no-cache'],
    ['data/targets.csv', 'text/csv; charset=utf-8', 'no-cache'],
    ['sw.js', 'text/javascript', 'no-cache'],
  ];
}

/**
 * Everything wrong with the server at `url`, as sentences (none when it serves dist/ as
 * docs/deploy.md says). Collecting rather than failing at the first lets the test show that a
 * broken block is noticed.
 */
async function problemsOf(url, files, security) {
  const problems = [];
  const expect = (what, actual, expected) => {
    if (actual !== expected) problems.push(`${what}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  };
  for (const [name, type, cache] of files) {
    const plain = await readFile(join(DIST, name));
    for (const [accept, encoding, suffix] of [['br, gzip, deflate', 'br', '.br'], ['gzip, deflate', 'gzip', '.gz'], [undefined, undefined, ''], ['identity', undefined, '']]) {
      const res = await get(`${url}${name}`, accept);
      const what = `${name} (Accept-Encoding: ${accept ?? 'none'})`;
      expect(`${what} status`, res.status, 200);
      expect(`${what} Content-Type`, res.headers['content-type'], type);
      expect(`${what} Content-Encoding`, res.headers['content-encoding'], encoding);
      expect(`${what} Vary`, res.headers.vary, 'Accept-Encoding');
      expect(`${what} Cache-Control`, res.headers['cache-control'], cache);
      expect(`${what} Access-Control-Allow-Origin`, res.headers['access-control-allow-origin'], name.startsWith('data/') ? '*' : undefined);
      for (const [header, value] of security) expect(`${what} ${header}`, res.headers[header], value);
      const copy = suffix ? await readFile(join(DIST, `${name}${suffix}`)) : plain;
      if (!res.body.equals(copy)) problems.push(`${what}: the body is not ${name}${suffix}`);
      const sent = res.headers['content-encoding'];
      try {
        const decoded = sent === 'br' ? brotliDecompressSync(res.body) : sent === 'gzip' ? gunzipSync(res.body) : res.body;
        if (!decoded.equals(plain)) problems.push(`${what}: the body does not decode to ${name}`);
      } catch (error) {
        problems.push(`${what}: the body does not decode as ${sent}: ${error.message}`);
      }
    }
  }
  // The site's address serves the home page, revalidated; errors carry the security headers too.
  const home = await get(url, 'br');
  expect('/ status', home.status, 200);
  expect('/ Cache-Control', home.headers['cache-control'], 'no-cache');
  expect('/ Content-Encoding', home.headers['content-encoding'], 'br');
  const missing = await get(`${url}no-such-page.html`);
  expect('a missing page: status', missing.status, 404);
  for (const [header, value] of security) expect(`a missing page: ${header}`, missing.headers[header], value);
  return problems;
}

let markdown;
let block;
let files;
let security;
let nginx;
let browser;
before(async () => {
  markdown = await readFile(DEPLOY, 'utf8');
  block = serverBlock(markdown);
  files = await filesToCheck();
  security = documentedHeaders(markdown);
  nginx = await startNginx(block);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await nginx?.stop();
});

test('docs/deploy.md documents the security headers the test expects', () => {
  assert.deepEqual(security.map(([header]) => header), [
    'content-security-policy', 'x-content-type-options', 'referrer-policy', 'permissions-policy',
    'strict-transport-security', 'cross-origin-opener-policy',
  ]);
  for (const file of files) assert.ok(existsSync(join(DIST, `${file[0]}.br`)) && existsSync(join(DIST, `${file[0]}.gz`)), `${file[0]} has its .br and .gz`);
});

test('nginx with the documented block: types, br/gzip/identity, Vary, security headers, caching', async () => {
  assert.deepEqual(await problemsOf(nginx.url, files, security), []);
});

test('the checks notice a block that drops a header or the precompressed copies', async () => {
  const broken = block
    .replace(/^\s*add_header Referrer-Policy .*\n/m, '')
    .replace(/^\s*brotli_static on;\n/m, '');
  assert.notEqual(broken, block);
  const other = await startNginx(broken);
  try {
    const problems = await problemsOf(other.url, files, security);
    assert.ok(problems.some((p) => p.startsWith('index.html (Accept-Encoding: none) referrer-policy')), problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith('app-') && p.includes('Content-Encoding: "gzip", expected "br"')), problems.join('\n'));
  } finally {
    await other.stop();
  }
});

test('through nginx in Chromium: the home page, then a search opens a target (1280px)', async () => {
  const { page, context, problems } = await openPage(browser, nginx.url, 1280);
  try {
    const encodings = new Map();
    page.on('response', (res) => encodings.set(new URL(res.url()).pathname, res.headers()['content-encoding']));
    await page.goto(nginx.url);
    await appReady(page);
    assert.equal(await page.locator('.doc-card').count(), 5, 'the home cards');
    const wasm = [...encodings.keys()].find((path) => path.endsWith('_bg.wasm'));
    assert.equal(encodings.get(wasm), 'br', 'the module came brotli-compressed');
    await page.getByRole('link', { name: '目标', exact: true }).click();
    await page.fill('#search', '班额');
    await page.waitForFunction(() => document.querySelector('#result-count')?.textContent.includes('原文段落'));
    const row = page.locator('.target-row').filter({ hasText: '盘锦' }).filter({ hasText: '45' }).first();
    await row.locator('.target-summary').click();
    await page.locator('.target-detail').waitFor();
    assert.ok((await page.locator('.target-detail').innerText()).includes('市教育局'), 'the opened target shows its units');
    await screenshot(page, 'nginx-search-1280');
    assert.deepEqual(problems, [], 'no console errors and no request leaving the site');
  } finally {
    await context.close();
  }
});
