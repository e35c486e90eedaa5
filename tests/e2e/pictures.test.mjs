// The address-space and capacity pictures (issues 16 and 13) at 1280×800 and 375×812, light and
// dark: each block on its own scale, the nodes that get no range past the pool's end, the fix's
// pool beside it, node ranges in use and drifted ones in red. Every label is measured in the
// browser: at least 11 px and wholly inside its SVG. Screenshots go to docs/screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { openPage, startRelease } from './browser.mjs';

const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url);
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WIDTHS = { desktop: { width: 1280, height: 800 }, mobile: { width: 375, height: 812 } };
let server;
let browser;

before(async () => {
  ({ server, browser } = await startRelease());
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const story = (name) => readFile(new URL(`./stories/${name}.txt`, import.meta.url), 'utf8');

/** The page at `viewport` showing the analysis of an example (by id) or a pasted story. */
async function showing(viewport, colorScheme, { example, paste }, figure = '.capacity-picture svg', bypassCSP = false) {
  const { page, problems } = await openPage(browser, server.url, { viewport, colorScheme, bypassCSP });
  if (example) await page.selectOption('#example-picker', example);
  else await page.fill('#config-input', paste);
  await page.locator(figure).waitFor();
  await page.waitForFunction(() => document.querySelector('.results')?.getAttribute('aria-busy') === 'false');
  return { page, problems };
}

/** Every label of the address-space and capacity pictures: its font size, and whether its box
 * lies inside its SVG's box. */
function labels(page, figures = '.capacity-picture, .nodes-picture') {
  return page.locator(figures).evaluateAll((figures) => figures.flatMap((figure) => {
    const svg = figure.querySelector('svg').getBoundingClientRect();
    return [...figure.querySelectorAll('svg text')].map((text) => {
      const box = text.getBoundingClientRect();
      return {
        text: text.textContent,
        size: parseFloat(getComputedStyle(text).fontSize),
        inside: box.left >= svg.left - 0.5 && box.right <= svg.right + 0.5
          && box.top >= svg.top - 0.5 && box.bottom <= svg.bottom + 0.5,
        width: box.width,
      };
    });
  }));
}

async function assertReadable(page, name, figures) {
  const all = await labels(page, figures);
  assert.ok(all.length >= 3, `${name}: labels drawn`);
  for (const label of all) {
    assert.ok(label.size >= 11, `${name}: "${label.text}" is ${label.size} px`);
    assert.ok(label.inside, `${name}: "${label.text}" clips (${label.width} px wide)`);
    assert.ok(label.width > 0, `${name}: "${label.text}" is drawn`);
  }
  return all.map((label) => label.text);
}

for (const [width, viewport] of Object.entries(WIDTHS)) {
  test(`flannel /16 at 300 nodes, ${width}: 44 nodes past the pool's end, the /15 beside it`, async () => {
    const { page, problems } = await showing(viewport, 'light', { example: 'flannel-out-of-space' });
    const texts = await assertReadable(page, `out-of-space ${width}`);
    assert.ok(texts.includes('10.244.255.255'), texts.join('|'));
    assert.ok(texts.some((t) => t.startsWith('44 nodes get no range')), texts.join('|'));
    assert.ok(texts.includes('fix: 10.244.0.0/15, 512 node ranges'), texts.join('|'));
    assert.equal(await page.locator('.nodes-picture rect.overflow').count(), 1);
    assert.equal(await page.locator('.nodes-row').count(), 2);
    // The overflow starts where the pool ends, and the fix's pool is twice as long.
    const [now, fix] = await page.locator('.nodes-row .track').evaluateAll((tracks) => tracks.map((t) => t.getBoundingClientRect().width));
    assert.ok(Math.abs(fix - 2 * now) < 2, `${now} and ${fix}`);
    const overflow = await page.locator('.nodes-picture rect.overflow').boundingBox();
    const end = await page.locator('.nodes-row .pool-end').first().boundingBox();
    assert.ok(Math.abs(overflow.x - (end.x + end.width / 2)) < 2, `${JSON.stringify(overflow)} ${JSON.stringify(end)}`);
    // The text alternative states the same numbers.
    const desc = await page.locator('#nodes-desc').textContent();
    assert.match(desc, /44 nodes get no range: node 257 is the first/);
    assert.match(desc, /fix: 10\.244\.0\.0\/15, 512 node ranges: 300 nodes get a range; 212 ranges free, 58\.6% used/);
    assert.match(await page.locator('#address-desc').textContent(), /300 nodes: full, node 257 gets no range/);
    assert.deepEqual(problems, []);
  });

  test(`AKS kubenet, ${width}: the pod CIDR, the service range and the VNet each readable`, async () => {
    const { page } = await showing(viewport, 'dark', { example: 'aks-kubenet' });
    const texts = await assertReadable(page, `aks ${width}`);
    for (const cidr of ['pod network 10.244.0.0/16', 'service range 10.0.0.0/16', 'VNet 10.20.0.0/16']) {
      assert.ok(texts.includes(cidr), `${cidr} in ${texts.join('|')}`);
    }
    // Each block fills the width: no 1-px slivers.
    const tracks = await page.locator('.capacity-picture .track').evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().width));
    const svg = await page.locator('.capacity-picture svg').boundingBox();
    assert.equal(tracks.length, 3);
    for (const track of tracks) assert.ok(Math.abs(track - svg.width) < 1, `${track} of ${svg.width}`);
    if (width === 'mobile') {
      await page.locator('.pictures').screenshot({ path: fileURLToPath(new URL('pictures-aks-mobile-dark.png', SCREENSHOTS)) });
    }
  });

  test(`seed 001 node podCIDR drift, ${width}: the ranges in use inside the pool, node-c in red`, async () => {
    const { page, problems } = await showing(viewport, 'light', { paste: await story('seed-001-pod-cidr-drift') });
    const texts = await assertReadable(page, `seed 001 ${width}`);
    assert.ok(texts.includes('2 in use, 254 free: new node 255 gets none'), texts.join('|'));
    assert.ok(texts.includes('node-c 10.32.3.0/24'), texts.join('|'));
    assert.equal(await page.locator('.capacity-picture .lane.pool rect.node').count(), 1);
    const red = await page.locator('.capacity-picture .lane.outside');
    assert.match(await red.textContent(), /outside the pod network 10\.244\.0\.0\/16/);
    const fill = await red.locator('rect.bad').evaluate((rect) => getComputedStyle(rect).fill);
    const error = await page.evaluate(() => getComputedStyle(document.querySelector('.picture .note.bad')).fill);
    assert.equal(fill, error, 'the drifted range and its line share the error colour');
    assert.match(await page.locator('#address-desc').textContent(), /node-c 10\.32\.3\.0\/24, 10\.32\.3\.0 to 10\.32\.3\.255: outside the pod network/);
    assert.deepEqual(problems, []);
  });
}

test('the out-of-space pictures in light and dark, 1280 and 375 wide (screenshots)', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const [width, viewport] of Object.entries(WIDTHS)) {
      const { page } = await showing(viewport, colorScheme, { example: 'flannel-out-of-space' });
      await assertReadable(page, `${colorScheme} ${width}`);
      await page.locator('.pictures').screenshot({ path: fileURLToPath(new URL(`pictures-${width}-${colorScheme}.png`, SCREENSHOTS)) });
    }
  }
  const { page } = await showing(WIDTHS.mobile, 'light', { paste: await story('seed-001-pod-cidr-drift') });
  await page.locator('.pictures').screenshot({ path: fileURLToPath(new URL('pictures-drift-mobile-light.png', SCREENSHOTS)) });
});

test('seed 003 etcd leases: both leases drawn inside the pool, at the pool\'s scale', async () => {
  const { page } = await showing(WIDTHS.mobile, 'light', { paste: await story('seed-003-etcd-lease-conflict') });
  const texts = await assertReadable(page, 'seed 003');
  assert.ok(texts.some((t) => /^2 in use, 25\d free/.test(t)), texts.join('|'));
  const marks = await page.locator('.capacity-picture .lane.pool rect.node').count();
  assert.equal(marks, 2, 'two leases, apart');
});

test('the packet picture at 375 px: the 50 bytes over the underlay labelled, every label readable', async () => {
  const { page, problems } = await showing(WIDTHS.mobile, 'dark', { example: 'vxlan-mtu' }, '.mtu-picture .configured-row');
  const texts = await assertReadable(page, 'vxlan-mtu', '.mtu-picture');
  assert.deepEqual(texts, ['50 B over', '0', 'underlay MTU 1500']);
  // The overflow sticks out past the underlay line, on the same scale as the row above.
  const over = await page.locator('.mtu-picture .configured-segment.overflow rect').boundingBox();
  const line = await page.locator('.mtu-picture .underlay-line').boundingBox();
  const row = await page.locator('.mtu-picture .segment.payload rect').boundingBox();
  assert.ok(Math.abs(over.x - (line.x + line.width / 2)) < 2, `${JSON.stringify(over)} ${JSON.stringify(line)}`);
  assert.ok(Math.abs(row.x + row.width - over.x) < 2, 'the pod packet that fits ends at the underlay');
  assert.deepEqual(problems, []);
});

test('seed 002 AKS kubenet at 375 px: the pod CIDR and the service range each on its own scale, 3 nodes', async () => {
  const { page, problems } = await showing(WIDTHS.mobile, 'light', { paste: await story('seed-002-kubenet-ceiling') });
  const texts = await assertReadable(page, 'seed 002');
  for (const line of ['pod network 10.244.0.0/16', 'service range 10.0.0.0/16', '10.0.255.255', '3 nodes get a range']) {
    assert.ok(texts.includes(line), `${line} in ${texts.join('|')}`);
  }
  assert.match(await page.locator('#nodes-desc').textContent(), /253 ranges free, 1\.2% used/);
  assert.deepEqual(problems, []);
});

test('axe-core finds no serious or critical violation in the pictures, both widths, light and dark', async () => {
  const drift = await story('seed-001-pod-cidr-drift');
  for (const input of [{ example: 'flannel-out-of-space' }, { paste: drift }, { example: 'vxlan-mtu' }]) {
    for (const [width, viewport] of Object.entries(WIDTHS)) {
      for (const colorScheme of ['light', 'dark']) {
        const { page } = await showing(viewport, colorScheme, input, '.capacity-picture svg', true);
        await page.addScriptTag({ path: AXE });
        const results = await page.evaluate(() => window.axe.run('.pictures', { resultTypes: ['violations'] }));
        const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), [], `${width} ${colorScheme}`);
        await page.context().close();
      }
    }
  }
});
