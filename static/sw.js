// Service worker: keeps a copy of this build of the site, so a repeat visit loads from the cache
// and the whole explorer works without a connection.
//
// At build time (crates/site/src/bin/site.rs, crates/site/src/service_worker.rs) the placeholders below become the
// build's cache version (a fingerprint of every listed file) and the list of its files: the
// pages, Trunk's hashed assets and the published data. A new build or a new dataset therefore
// installs under a new cache name, and the old caches are deleted when it takes over.
//
// - Pages (navigations): network first, the cached copy when offline.
// - data/*.json: network first (the app checks each file against the fingerprint built into it);
//   a request asking to bypass caches (`cache: 'reload'`, the app's retry after a stale copy) is
//   never answered from this cache while the network works.
// - Everything else (hashed names, so never stale): cache first.
//
// Host it with `Cache-Control: no-cache` next to index.html (docs/deploy.md).

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

/** The network's answer; the cached copy (if any) when the network fails. */
async function networkFirst(request, lookup) {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await caches.match(lookup ?? request, { cacheName: CACHE, ignoreSearch: true });
    if (cached) return cached;
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
  if (request.mode === 'navigate') {
    // `./?v=...` and `doc-<id>.html?...` are the same cached page whatever their query.
    event.respondWith(networkFirst(request, url.pathname));
    return;
  }
  const scope = new URL(self.registration.scope);
  const path = url.pathname.slice(scope.pathname.length);
  if (path.startsWith('data/') && path.endsWith('.json')) {
    // Passed on as it is, so a `cache: 'reload'` retry also bypasses the browser's HTTP cache.
    event.respondWith(networkFirst(request));
    return;
  }
  event.respondWith(cacheFirst(request));
});
