// The three seed incidents end to end (issue 13): each paste from tests/e2e/stories/ gives the
// diagnosis across its documents, and the page lists every document it recognised.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

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

const story = (name) => readFile(new URL(`./stories/${name}.txt`, import.meta.url), 'utf8');

async function analysed(name) {
  const { page, problems } = await openPage(browser, server.url);
  await page.fill('#config-input', await story(name));
  await page.locator('.finding').first().waitFor();
  await page.waitForFunction(() => document.querySelector('.results')?.getAttribute('aria-busy') === 'false');
  return { page, problems, findings: await page.locator('.findings').textContent(), chips: await page.locator('.chips').textContent() };
}

test('seed 001: a node outside --cluster-cidr and a node without a range, from ps aux and kubectl get nodes', async () => {
  const { page, findings, chips, problems } = await analysed('seed-001-pod-cidr-drift');
  assert.match(findings, /cluster\/node-cidr-outside-pool/);
  assert.match(findings, /node-c's podCIDR 10\.32\.3\.0\/24 lies outside cluster-cidr 10\.244\.0\.0\/16/);
  assert.match(findings, /cluster\/node-cidr-missing/);
  assert.match(findings, /node-d/);
  assert.match(chips, /kube-controller-manager/);
  assert.match(chips, /node-listing/);
  // The documents list is clickable: a document's chip marks its first line in the editor.
  await page.locator('.chips button', { hasText: 'node-listing' }).click();
  await page.waitForFunction(() => document.querySelector('.gutter .line-mark')?.textContent.trim() === '4');
  assert.deepEqual(problems, []);
});

test('seed 002: the kubenet command and the full /24 of a node', async () => {
  const { page, findings, chips } = await analysed('seed-002-kubenet-ceiling');
  assert.match(findings, /aks\/kubenet-retirement/);
  assert.match(findings, /symptom\/pod-ips-exhausted/);
  assert.match(findings, /10\.244\.3\.1-10\.244\.3\.254 is 254 addresses/);
  assert.match(chips, /az-aks-command/);
  assert.match(chips, /error-log/);
  assert.match(await page.locator('.next-steps').textContent(), /az aks update/);
});

test('seed 003: two etcd leases with one PublicIP, and flanneld failing to create its subnet manager', async () => {
  const { findings, chips } = await analysed('seed-003-etcd-lease-conflict');
  assert.match(findings, /flannel\/lease-public-ip/);
  assert.match(findings, /10\.244\.5\.0\/24 and 10\.244\.9\.0\/24 both carry PublicIP 10\.0\.0\.21/);
  assert.match(findings, /symptom\/flannel-subnet-manager/);
  assert.match(chips, /flannel-leases/);
  assert.match(chips, /flanneld-command/);
});
