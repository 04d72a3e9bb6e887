// The standalone page's service worker (registered by offline.js, from
// index.html only; never by the element embedded in a host's portal): after
// the first visit the page, its modules, styles, the WebAssembly core and the
// samples load with the network off.
//
// It serves only the page's own files, the list scripts/build.mjs writes to
// sw-files.js with a hash of their contents; it never fetches anything else.
// Those it answers from the network, or from its copy when the network is
// off; every other request goes to the network untouched, as without it. A new
// build changes sw-files.js, so the browser installs the new list and the old
// cache is deleted.
importScripts('./sw-files.js');
/* global SPD_FILES, SPD_VERSION */

const CACHE = `spd-score-${SPD_VERSION}`;
const scope = new URL(self.registration.scope);
/** The page's own files, as absolute URLs ('./' is the page itself). */
const OWN = new Set(SPD_FILES.map((f) => new URL(f, scope).href));

self.addEventListener('install', (event) => {
  // The files as the server has them now, not as the HTTP cache kept them.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([...OWN].map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('spd-score-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  // The page opened with a query (?utm…) or as index.html is the page.
  let key = url.origin === scope.origin && url.pathname === `${scope.pathname}index.html` ? scope.href : url.href;
  if (request.mode === 'navigate' && url.origin === scope.origin && url.pathname === scope.pathname) key = scope.href;
  if (!OWN.has(key)) return;
  // The network first, so that online the page is always the server's (and a
  // developer's edit shows without a rebuild); offline, the copy kept at
  // install, one consistent build. The cache is written only at install.
  event.respondWith(
    fetch(request).catch(async (error) => {
      const kept = await caches.open(CACHE).then((cache) => cache.match(key));
      if (kept) return kept;
      throw error;
    }),
  );
});
