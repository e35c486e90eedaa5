// Measures (reported, never enforced): the gzip'd size of the release build's wasm + js + css,
// the time to first findings after load, and input → findings for 10 KB, 100 KB and 1 MB pastes.
// Prints the numbers and writes them to tests/e2e/output/measurements.json.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

import { startServer } from './serve.mjs';
import { launch, openPage, OUTPUT } from './browser.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
let server;
let browser;

before(async () => {
  server = await startServer(DIST);
  browser = await launch();
  await mkdir(OUTPUT, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A kube-flannel ConfigMap whose /16 is too small for 300 nodes, padded with other documents. */
function pasteOf(bytes) {
  const head = [
    'kind: ConfigMap', 'apiVersion: v1', 'metadata:', '  name: kube-flannel-cfg', '  namespace: kube-flannel', 'data:',
    '  net-conf.json: |', '    {', '      "Network": "10.244.0.0/16",', '      "Backend": {', '        "Type": "vxlan"', '      }', '    }', '',
  ].join('\n');
  const parts = [head];
  let size = head.length;
  for (let i = 0; size < bytes; i++) {
    const doc = `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-settings-${i}\n  namespace: team-${i % 17}\ndata:\n  LOG_LEVEL: info\n  FEATURE_FLAGS: "search,checkout,cart-${i}"\n`;
    parts.push(doc);
    size += doc.length;
  }
  return parts.join('\n');
}

test('measure: bundle size, first findings after load, input → findings', async () => {
  const files = (await readdir(DIST)).filter((name) => /\.(js|css|wasm)$/.test(name) && name !== 'sw.js');
  const sizes = {};
  for (const name of files) {
    const bytes = await readFile(new URL(name, `file://${DIST}`));
    sizes[name] = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  }
  const gzipTotal = Object.values(sizes).reduce((sum, s) => sum + s.gzip, 0);

  // First findings after load: a share link (text and context in the fragment) analyses on its
  // own, so no harness round trip sits in the way. An init script (injected by the browser
  // driver, not by the page) notes when the first error finding enters the DOM.
  const maker = await openPage(browser, server.url);
  await maker.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await maker.page.selectOption('#example-picker', 'flannel-out-of-space');
  await maker.page.click('.share-button');
  const link = await maker.page.locator('#share-link').inputValue();
  await maker.context.close();
  const firstFindings = [];
  for (let round = 0; round < 3; round++) {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('.finding.error')) {
          window.podnetFirstFindings = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    await page.goto(link);
    await page.locator('.finding.error').first().waitFor();
    firstFindings.push(await page.evaluate(() => ({
      total: window.podnetFirstFindings,
      domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    })));
    await context.close();
  }

  const { page } = await openPage(browser, server.url + '#nodes=300');
  const typing = {};
  for (const [label, bytes] of [['10KB', 10_000], ['100KB', 100_000], ['1MB', 1_000_000]]) {
    const text = pasteOf(bytes);
    const runs = [];
    for (let round = 0; round < 3; round++) {
      runs.push(await page.evaluate(async (text) => {
        const area = document.querySelector('#config-input');
        const type = (value) => { area.value = value; area.dispatchEvent(new InputEvent('input', { bubbles: true })); };
        type('');
        await new Promise((resolve) => setTimeout(resolve, 400));
        const start = performance.now();
        type(text);
        await new Promise((resolve, reject) => {
          const give_up = setTimeout(() => reject(new Error('no findings within 60 s')), 60_000);
          const check = () => {
            if (document.querySelector('.finding.error')) { clearTimeout(give_up); resolve(); } else requestAnimationFrame(check);
          };
          check();
        });
        return performance.now() - start;
      }, text));
    }
    typing[label] = { bytes: text.length, ms: runs.map((ms) => Math.round(ms)), debounceMs: 150 };
    assert.match(await page.locator('.finding.error').first().textContent(), /flannel\/node-capacity/);
  }

  const measurements = {
    when: new Date().toISOString(),
    sizes,
    gzipTotalBytes: gzipTotal,
    firstFindingsMs: firstFindings.map((f) => ({ total: Math.round(f.total), domContentLoaded: Math.round(f.domContentLoaded) })),
    inputToFindingsMs: typing,
  };
  await writeFile(new URL('measurements.json', OUTPUT), JSON.stringify(measurements, null, 2) + '\n');
  console.log(JSON.stringify(measurements, null, 2));
  assert.ok(gzipTotal > 0);
});
