// The analysis runs in a Web Worker on the page's own wasm module (issue 16, "never a blocked
// tab"); without a worker the page analyses by itself. The times are measure.test.mjs's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { openPage, startRelease } from './browser.mjs';

let server;
let browser;

before(async () => {
  ({ server, browser } = await startRelease());
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** How many times the page marked `name` (its performance marks, web/src/worker.rs). */
const marks = (page, name) => page.evaluate((name) => performance.getEntriesByName(name).length, name);

test('a paste is analysed in the worker, and its findings, fixes and values work as before', async () => {
  const { page, requests, problems } = await openPage(browser, server.url + '#nodes=300');
  assert.equal(await page.evaluate(() => window.podnetWorker instanceof Worker), true);
  await page.fill('#config-input', 'db:\n  token: FAKEtoken9c2f1e7a4b8d3c6e5f0a1b2c\n---\nkind: ConfigMap\napiVersion: v1\nmetadata:\n  name: kube-flannel-cfg\n  namespace: kube-flannel\ndata:\n  net-conf.json: |\n    {"Network": "10.244.0.0/16", "Backend": {"Type": "vxlan"}}\n');
  await page.locator('.finding.error').first().waitFor();
  assert.ok(await marks(page, 'podnet:request') >= 1, 'the page asked the worker');
  assert.ok(await marks(page, 'podnet:reply') >= 1, 'the worker answered');
  // The redaction crossed with its values: the editor shows a placeholder, "Show my values" the token.
  await page.waitForFunction(() => document.querySelector('#config-input').value.includes('REDACTED_'));
  await page.check('#show-values');
  assert.match(await page.inputValue('#config-input'), /FAKEtoken9c2f1e7a4b8d3c6e5f0a1b2c/);
  await page.uncheck('#show-values');
  // Apply all: the text becomes the corrected config, with the user's value kept.
  await page.click('.apply-all');
  await page.waitForFunction(() => document.querySelector('#config-input').value.includes('10.244.0.0/15'));
  await page.check('#show-values');
  assert.match(await page.inputValue('#config-input'), /FAKEtoken9c2f1e7a4b8d3c6e5f0a1b2c/);
  assert.deepEqual(requests.filter((url) => !url.startsWith(server.url) && !url.startsWith('data:')), []);
  assert.deepEqual(problems, []);
});

test('a large paste says that it is being analysed, and the answer replaces the note', async () => {
  const { page, problems } = await openPage(browser, server.url + '#nodes=300');
  const lines = ['kind: ConfigMap', 'apiVersion: v1', 'metadata:', '  name: kube-flannel-cfg', '  namespace: kube-flannel', 'data:',
    '  net-conf.json: |', '    {"Network": "10.244.0.0/16", "Backend": {"Type": "vxlan"}}'];
  while (lines.join('\n').length < 300_000) lines.push(`# line ${lines.length + 1} of a long paste, padded with comments`);
  const seen = await page.evaluate(async (text) => {
    // Notes every text the status line shows while the analysis runs.
    const shown = [];
    const status = document.querySelector('.analyse-status');
    const observer = new MutationObserver(() => shown.push(status.textContent));
    observer.observe(status, { childList: true, subtree: true, characterData: true });
    const area = document.querySelector('#config-input');
    area.value = text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    // The answer's findings, then the note gone (it may clear a render after the findings
    // arrive); a ceiling, so a note that never goes fails the assertion below instead of hanging.
    const ceiling = performance.now() + 30_000;
    await new Promise((resolve) => {
      const check = () => ((document.querySelector('.finding.error') && status.textContent === '') || performance.now() > ceiling
        ? resolve() : requestAnimationFrame(check));
      check();
    });
    observer.disconnect();
    return { shown, now: status.textContent };
  }, lines.join('\n') + '\n');
  assert.ok(seen.shown.some((text) => /Analysing 29\d KB/.test(text)), seen.shown.join(' | '));
  // A paste is analysed by itself: the status never says the results are of an older text.
  assert.ok(!seen.shown.some((text) => /before your last edits/.test(text)), seen.shown.join(' | '));
  assert.equal(seen.now, '', 'the note is gone with the answer');
  assert.deepEqual(problems, []);
});

test('without Web Workers the page analyses by itself', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await context.addInitScript(() => { delete window.Worker; });
  await page.reload();
  await page.waitForSelector('#config-input');
  await page.selectOption('#example-picker', 'flannel-out-of-space');
  await page.locator('.finding.error').first().waitFor();
  assert.equal(await page.evaluate(() => 'podnetWorker' in window), false);
  assert.equal(await marks(page, 'podnet:request'), 0);
  assert.match(await page.locator('.finding.error').first().textContent(), /node 257 gets no range/);
  assert.deepEqual(problems, []);
});
