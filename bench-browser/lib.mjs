// Shared pieces of the benchmarks: a static server for a built site (optionally compressing, like a
// real host), Debian's Chromium through playwright-core, the DevTools-protocol throttling, sizes
// under gzip and brotli, and the statistics every figure is reported with.
import { createServer } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, normalize, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';

export const ROOT = new URL('..', import.meta.url).pathname;

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
};

/** Throttling of the load benchmark: a slow mobile connection and a mid-range phone's CPU. */
export const NETWORK = { latency: 150, downloadKbit: 1600, uploadKbit: 750 };
export const CPU_SLOWDOWN = 4;

/** gzip -9 and brotli -q 11 (node's zlib, the same libraries as the command-line tools). */
export function compressedSizes(body) {
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length,
  };
}

/** Every file under `dir`, as paths relative to it, sorted. */
export async function listFiles(dir) {
  const out = [];
  async function walk(d) {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out.push(relative(dir, path));
    }
  }
  await walk(dir);
  return out.sort();
}

/**
 * Serves `dir` on a free port of 127.0.0.1. `extra` maps URL paths to in-memory bodies (the static
 * comparison page) so dist/ is never written to. With `compress`, responses are brotli-encoded
 * when the browser accepts it and gzip-encoded otherwise, as a static host would serve them;
 * compressed bodies are cached so compression time is not measured.
 */
export async function serveDir(dir, { extra = {}, compress = true } = {}) {
  const cache = new Map();
  const encodingsUsed = new Set();
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const key = path.endsWith('/') ? `${path}index.html` : path;
    let body;
    try {
      body = key in extra ? Buffer.from(extra[key]) : await readFile(join(dir, key));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const headers = { 'content-type': TYPES[extname(key)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const encoding = !compress ? null : accepts.includes('br') ? 'br' : accepts.includes('gzip') ? 'gzip' : null;
    if (encoding) {
      const cacheKey = `${encoding}:${key}:${body.length}`;
      if (!cache.has(cacheKey)) {
        cache.set(cacheKey, encoding === 'br'
          ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })
          : gzipSync(body, { level: 9 }));
      }
      body = cache.get(cacheKey);
      headers['content-encoding'] = encoding;
      headers.vary = 'accept-encoding';
      encodingsUsed.add(encoding);
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    encodingsUsed,
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
  };
}

/** Debian's Chromium, headless, launched exactly as the end-to-end tests launch it. */
export { launchBrowser } from '../e2e/harness.mjs';

/**
 * A fresh context and page of a phone-like width that fail the benchmark on any page error. The
 * service worker (static/sw.js) is blocked unless asked for: a first visit's figures must not
 * include the offline copy it downloads afterwards (bench-browser/repeat.mjs measures it).
 */
export async function newPage(browser, { width = 1280, height = 900, serviceWorkers = 'block' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, serviceWorkers });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console error: ${m.text()}`); });
  return { context, page, errors };
}

/** Applies the network and CPU throttling through the DevTools protocol, with the cache off. */
export async function throttle(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: NETWORK.latency,
    downloadThroughput: (NETWORK.downloadKbit * 1000) / 8,
    uploadThroughput: (NETWORK.uploadKbit * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return cdp;
}

/** Records what a page fetched: URL and bytes on the wire (encodedDataLength), via the DevTools protocol. */
export async function recordRequests(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map();
  const requests = [];
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => requests.push({ url: urls.get(e.requestId), wire: e.encodedDataLength }));
  return { cdp, requests };
}

export function median(values) {
  return quantile(values, 0.5);
}

/** Nearest-rank quantile (p95 of 20 samples is the 19th smallest). */
export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1];
}

export function kb(bytes) {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

export function ms(value) {
  return Number.isFinite(value) ? `${value.toFixed(value < 100 ? 1 : 0)} ms` : 'n/a';
}

export function verdict(ok) {
  return ok ? 'pass' : 'OVER';
}

export async function exists(path) {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
