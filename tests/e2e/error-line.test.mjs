// A pasted error line alone gives an answer: what it means, the likely causes, and the config to
// paste next with the command that prints it (issue 13). The release build, in Debian's Chromium.
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

// Our own flanneld line, worded as flannel prints it (kube.go: "pod cidr not assigned"), three times.
const LINE =
  'E0415 10:19:27.178146       1 main.go:325] Error registering network: failed to acquire lease: node "oracle-k1" pod cidr not assigned\n';

test('an error line alone gets its meaning, its causes and the next paste with a copy button', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.fill('#config-input', LINE.repeat(3));
  const finding = page.locator('.finding.error').first();
  await finding.waitFor();
  assert.equal(await page.locator('.input-error').count(), 0, 'not "no supported config recognised"');
  const text = await finding.textContent();
  assert.match(text, /symptom\/node-pod-cidr-missing/);
  assert.match(text, /Node oracle-k1 has no podCIDR/);
  assert.match(text, /\(3 lines\)/, 'one finding for the repeated line, with its count');
  assert.match(text, /Likely causes, most likely first: 1\. .*--allocate-node-cidrs/);
  const step = page.locator('.next-steps li', { hasText: 'kube-controller-manager' });
  const command = await step.locator('code').first().textContent();
  assert.equal(command, 'kubectl -n kube-system get pod -l component=kube-controller-manager -o yaml');
  await step.locator('.copy-command').first().click();
  await page.locator('.next-steps .copy-status', { hasText: 'copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), command);
  assert.deepEqual(problems, [], 'no console errors');
});
