// A fix is a button: "Apply this fix" applies only that finding's fix to the editor's text,
// "Undo" puts the text back, and "Apply all fixes" applies the corrected config.
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

test('apply one fix, undo it, then apply all', async () => {
  const { page, problems } = await openPage(browser, server.url);
  await page.selectOption('#example-picker', 'vxlan-mtu');
  const error = page.locator('.finding.error', { hasText: 'flannel/delegate-mtu' });
  await error.waitFor();
  const original = await page.inputValue('#config-input');
  assert.match(original, /"mtu": 1500/);
  await error.locator('.apply-fix').click();
  await page.waitForFunction(() => document.querySelector('#config-input').value.includes('"mtu": 1450'));
  await error.waitFor({ state: 'detached' });
  assert.equal(await page.locator('.finding.error', { hasText: 'flannel/delegate-mtu' }).count(), 0);
  await page.click('.undo-fix');
  await page.waitForFunction((text) => document.querySelector('#config-input').value === text, original);
  await error.waitFor();
  await page.click('.apply-all');
  await page.waitForFunction(() => !document.querySelector('.finding.error')
    && document.querySelector('#config-input').value.includes('"mtu": 1450'));
  assert.equal(await page.locator('.apply-all').count(), 0, 'nothing left to apply');
  assert.equal(await page.locator('.undo-fix').count(), 1);
  assert.deepEqual(problems, []);
});

test('a paste with a Secret downloads the changed ConfigMap alone, and a placeholder left is called out', async () => {
  const { page } = await openPage(browser, server.url);
  const secret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: registry\nstringData:\n  password: FAKE-Passw0rd-EXAMPLE-9c2f1e7a\n';
  const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kube-flannel-cfg\n  namespace: kube-flannel\ndata:\n'
    + '  net-conf.json: |\n    {\n      "Network": "10.244.0.0/16",\n      "Backend": {"Type": "vxlan"}\n    }\n'
    + '  cni-conf.json: |\n    {\n      "name": "cbr0",\n      "cniVersion": "0.3.1",\n'
    + '      "plugins": [{"type": "flannel", "delegate": {"hairpinMode": true, "isDefaultGateway": true, "mtu": 1500}}]\n    }\n';
  await page.fill('#config-input', `${secret}---\n${configMap}`);
  const button = page.locator('.download', { hasText: 'Download the changed document' });
  await button.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  assert.equal(download.suggestedFilename(), 'kube-flannel.fixed.yml');
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  assert.ok(text.startsWith('apiVersion: v1\nkind: ConfigMap'), text);
  assert.ok(!text.includes('kind: Secret') && !text.includes('REDACTED_'), text);
  assert.match(await page.locator('.copy-status').first().textContent(), /changed document alone/);

  // A placeholder inside the changed document: the next steps warn before any kubectl apply.
  await page.fill('#config-input', `${configMap}  token: FAKEtoken9c2f1e7a4b8d3c6e5f0a1b2c\n`);
  await page.locator('.placeholder-warning', { hasText: 'holds 1 placeholder' }).waitFor();
});
