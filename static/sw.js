// Service worker: keeps a copy of this build of the site, so a repeat visit loads from the cache
// and what a visitor has seen works without a connection.
//
// At build time (crates/site/src/bin/site.rs, crates/site/src/service_worker.rs) the placeholders
// below become the build's cache version (a fingerprint of every file of the site and of the list)
// and the list of the files it precaches at install: the shell (the pages that are not a
// document's, every hashed asset and chunk, the style sheet, the boot script) and the data the
// first view needs (data/index.json, data/indicators.json). The files that grow with the documents
// (doc-<id>.html, data/targets/ and data/texts/, data/targets.json, data/texts.json) are listed
// only while they all fit in the build's budget (`site finish --precache-budget`); otherwise none of
// them, and the worker keeps each as it is fetched instead. A new build or a new dataset installs
// under a new cache name, and the old caches are deleted when it takes over.
//
// - Pages (navigations): network first, the cached copy when offline. A document's page
//   (doc-<id>.html) fetched from the network is kept; offline, a document's page never kept goes
//   to the main page's link of that document (./?v=doc&doc=<id>), where the app says it needs a
//   connection and offers a retry.
// - data/**/*.json: network first (the app checks each file against the fingerprint built into
//   it), and a file fetched is kept. A request asking to bypass caches (`cache: 'reload'`, the
//   app's retry) is never answered from this cache while the network works; its fresh answer is
//   kept too.
// - Everything else (hashed names, so never stale): cache first.
//
// Only same-origin GET requests answered 200 are kept. Host it with `Cache-Control: no-cache`
// next to index.html (docs/deploy.md).

const VERSION = '__SW_VERSION__';
const ASSETS = "__SW_ASSETS__";
const CACHE = `policy-explorer-${VERSION}`;
const PREFIX = 'policy-explorer-';

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // Straight from the server, not from the browser's HTTP cache (which may hold older files).
    await cache.addAll(ASSETS.map((url) => new Request(url, { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

/** Whether a response may be kept: a plain same-origin 200, not reached through a redirect. */
function keepable(response) {
  return response.status === 200 && response.type === 'basic' && !response.redirected;
}

/**
 * The network's answer, kept under `key` when given and `keepable`; the cached copy under `lookup`
 * (any query) when the network fails, else `fallback()` when given, else the failure.
 */
async function networkFirst(event, { lookup, key, fallback }) {
  const request = event.request;
  try {
    const response = await fetch(request);
    if (key && keepable(response)) {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(key, copy)).catch(() => {}));
    }
    return response;
  } catch (error) {
    const cached = await caches.match(lookup ?? request, { cacheName: CACHE, ignoreSearch: true });
    if (cached) return cached;
    if (fallback) return fallback();
    throw error;
  }
}

/** The cached copy; the network when this build's cache lacks the file. */
async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: CACHE });
  return cached ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  const path = url.pathname.slice(scope.pathname.length);
  if (request.mode === 'navigate') {
    // `./?v=...` and `doc-<id>.html?...` are the same cached page whatever their query.
    const page = url.origin + url.pathname;
    const document = path.match(/^doc-([^/]+)\.html$/);
    event.respondWith(networkFirst(event, {
      lookup: page,
      key: document ? page : undefined,
      // The main page's link of the document (boot.js writes the same): the app starts there and
      // says what is missing, instead of the browser's offline error.
      fallback: document ? () => Response.redirect(new URL(url.search || `?v=doc&doc=${document[1]}`, scope).href, 302) : undefined,
    }));
    return;
  }
  if (path.startsWith('data/') && path.endsWith('.json')) {
    // Passed on as it is, so a `cache: 'reload'` retry also bypasses the browser's HTTP cache.
    event.respondWith(networkFirst(event, { key: url.origin + url.pathname }));
    return;
  }
  event.respondWith(cacheFirst(request));
});
