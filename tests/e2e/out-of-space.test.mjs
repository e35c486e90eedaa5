// The walking skeleton end to end: the release build, served on 127.0.0.1, in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

import { openPage, OUTPUT, startRelease } from './browser.mjs';

let server;
let browser;

before(async () => {
  ({ server, browser } = await startRelease());
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the out-of-space example shows the error and the corrected Network line', async () => {
  const { page, requests, problems } = await openPage(browser, server.url);
  await page.selectOption('#example-picker', 'flannel-out-of-space');
  const error = page.locator('.finding.error').first();
  await error.waitFor();
  const text = await error.textContent();
  assert.match(text, /flannel\/node-capacity/);
  assert.match(text, /node 257 gets no range/);
  assert.equal(await page.inputValue('#target-nodes'), '300');
  // 1280 px wide (playwright's default): the side-by-side view is the first tab.
  assert.equal(await page.getAttribute('#tab-split', 'aria-selected'), 'true');
  const added = await page.locator('.split-cell.add').allTextContents();
  assert.ok(added.some((line) => line.includes('"Network": "10.244.0.0/15"')), added.join('|'));
  await page.screenshot({ path: fileURLToPath(new URL('out-of-space.png', OUTPUT)), fullPage: true });

  const foreign = requests.filter((url) => !url.startsWith(server.url) && !url.startsWith('data:'));
  assert.deepEqual(foreign, [], 'the page made no request other than its own assets');
  assert.deepEqual(problems, [], 'no console errors');
});

test('typing updates the findings live, and the CSP forbids connections', async () => {
  const { page } = await openPage(browser, server.url);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /connect-src 'none'/);
  // The Context form is folded until it holds a value or a finding asks for one.
  assert.equal(await page.locator('details.context-panel').evaluate((element) => element.open), false);
  await page.click('details.context-panel > summary');
  await page.fill('#target-nodes', '300');
  await page.fill('#config-input', '{"Network": "10.0.0.0/22", "Backend": {"Type": "vxlan"}}');
  await page.locator('.finding.error').first().waitFor();
  assert.match(await page.locator('.finding.error').first().textContent(), /node 5 gets no range/);
  const blocked = await page.evaluate(async () => {
    try { await fetch('http://127.0.0.1:9/'); return 'fetched'; } catch { return 'blocked'; }
  });
  assert.equal(blocked, 'blocked');
});
