// A document pasted after the editor's text becomes a document of its own: the page puts a `---`
// marker between YAML documents and the documents list shows both (issue 13). The release
// build, in Debian's Chromium, with a real paste from the clipboard.
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

// Our own kubeadm fragment and a kube-flannel ConfigMap whose Network is not its podSubnet.
const KUBEADM = 'networking:\n  podSubnet: 10.100.0.0/16\n';
const CONFIG_MAP = 'kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: kube-flannel-cfg\n  namespace: kube-flannel\ndata:\n  net-conf.json: |\n    {"Network": "10.244.0.0/16", "Backend": {"Type": "vxlan"}}\n';

async function paste(page, context, server, text) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.focus('#config-input');
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('ControlOrMeta+V');
}

test('a ConfigMap pasted after a kubeadm fragment is its own document, checked against it', async () => {
  const { page, problems, context } = await openPage(browser, server.url);
  await paste(page, context, server, KUBEADM);
  await page.locator('.chips .chip', { hasText: 'kubeadm-config' }).waitFor();
  await paste(page, context, server, CONFIG_MAP);
  const chips = page.locator('.chips .chip');
  await chips.filter({ hasText: 'flannel-configmap' }).waitFor();
  assert.equal(await page.inputValue('#config-input'), `${KUBEADM}---\n${CONFIG_MAP}`);
  assert.equal(await chips.count(), 2);
  const finding = page.locator('.finding.error', { hasText: 'flannel/cluster-cidr' });
  await finding.waitFor();
  assert.match(await finding.textContent(), /does not contain --cluster-cidr 10\.100\.0\.0\/16/);
  assert.deepEqual(problems, []);
});
