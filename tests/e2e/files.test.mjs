// Several files opened or dropped at once are one analysis, and the documents list names each
// document's file (issue 13). The release build, in Debian's Chromium.
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

// Our own kubeadm config and a net-conf.json whose Network is not its podSubnet.
const KUBEADM = 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.244.0.0/16\n';
const NET_CONF = '{\n  "Network": "10.245.0.0/16",\n  "Backend": {"Type": "vxlan"}\n}\n';

test('opening two files analyses them together and names each document\'s file', async () => {
  const { page, problems } = await openPage(browser, server.url);
  await page.locator('.file-input').setInputFiles([
    { name: 'kubeadm.yaml', mimeType: 'text/yaml', buffer: Buffer.from(KUBEADM) },
    { name: 'net-conf.json', mimeType: 'application/json', buffer: Buffer.from(NET_CONF) },
  ]);
  const finding = page.locator('.finding.error', { hasText: 'flannel/cluster-cidr' });
  await finding.waitFor();
  assert.match(await finding.textContent(), /does not contain --cluster-cidr 10\.244\.0\.0\/16/);
  const chips = page.locator('.chips .chip');
  await chips.filter({ hasText: 'net-conf.json line 1' }).waitFor();
  assert.deepEqual(await chips.allTextContents(), [
    'kubeadm-config · kubeadm.yaml line 1',
    'flannel-net-conf · net-conf.json line 1',
  ]);
  // The chip of the second file marks its first line in the joined editor text.
  await chips.filter({ hasText: 'net-conf.json' }).click();
  await page.waitForFunction(() => {
    const area = document.querySelector('#config-input');
    return area.value.slice(area.selectionStart, area.selectionEnd) === '{';
  });
  assert.deepEqual(problems, []);
});

test('dropping two files on the editor loads both', async () => {
  const { page } = await openPage(browser, server.url);
  await page.evaluate(([kubeadm, netConf]) => {
    const data = new DataTransfer();
    data.items.add(new File([kubeadm], 'kubeadm.yaml'));
    data.items.add(new File([netConf], 'net-conf.json'));
    const editor = document.querySelector('.editor');
    editor.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
    editor.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
  }, [KUBEADM, NET_CONF]);
  await page.locator('.chips .chip', { hasText: 'kubeadm.yaml line 1' }).waitFor();
  assert.match(await page.inputValue('#config-input'), /10\.244\.0\.0\/16\n---\n\{/);
});
