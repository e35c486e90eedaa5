// podnet's offline worker: keeps the page's own files so it opens without a network.
//
// On install it stores index.html and every same-origin file the page references (the hashed
// boot script, the wasm bindings, the stylesheet). Requests are answered from the network when it
// answers, else from that store. It never contacts any other origin.
const CACHE = 'podnet-v2';

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const response = await fetch('./', { cache: 'no-cache' });
    const html = await response.clone().text();
    await cache.put('./', response);
    const assets = [...html.matchAll(/(?:src|href)="\.\/([^"#?]+)"/g)].map((m) => './' + m[1]);
    const boot = assets.filter((path) => path.includes('podnet-boot-'));
    // The rules' reference, which findings link to, opens offline too.
    await cache.addAll([...assets, './rules.html', './rules.css']);
    // The boot script imports the wasm bindings and starts the analysis worker: store those too.
    for (const path of boot) {
      const text = await (await cache.match(path)).text();
      const imports = [...text.matchAll(/'\.\/([^']+\.js)'/g)].map((m) => './' + m[1]);
      await cache.addAll(imports);
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(event.request);
      if (response.ok) await cache.put(url.pathname === new URL('./', self.location).pathname ? './' : event.request, response.clone());
      return response;
    } catch (error) {
      const cached = (await cache.match(event.request, { ignoreSearch: true }))
        ?? (event.request.mode === 'navigate' ? await cache.match('./') : undefined);
      if (cached) return cached;
      throw error;
    }
  })());
});
