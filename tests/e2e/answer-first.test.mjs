// The answer first on a phone: the count and the first finding right under the editor, the
// Context form folded until a finding asks for a value (its button opens the form and focuses
// the field), and the values the paste already states shown in the fields they answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { openPage, startRelease } from './browser.mjs';

const PHONE = { width: 375, height: 812 };
let server;
let browser;

before(async () => {
  ({ server, browser } = await startRelease());
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('on a phone the summary sits under the editor and leads to the first error', async () => {
  const { page, problems } = await openPage(browser, server.url, { viewport: PHONE });
  await page.fill('#config-input', '{"Network": "10.0.0.0/22", "SubnetLen": 24, "Backend": {"Type": "vxlan"}}\n');
  const summary = page.locator('.results-summary');
  await summary.waitFor();
  assert.match(await summary.textContent(), /^\d+ errors?, \d+ warnings?, \d+ notes?/);
  const editor = await page.locator('#config-input').boundingBox();
  const context = await page.locator('details.context-panel').boundingBox();
  const box = await summary.boundingBox();
  assert.ok(box.y > editor.y && box.y < context.y, `summary at ${box.y}, editor ${editor.y}, context ${context.y}`);
  const first = page.locator('.finding').first();
  const lead = await page.locator('.goto-finding').textContent();
  await page.click('.goto-finding');
  await page.waitForFunction(() => document.activeElement?.classList.contains('finding'));
  const focused = await page.evaluate(() => document.activeElement.textContent);
  assert.ok(focused.includes(lead.replace(/^[a-z]+: /, '').slice(0, 40)), `${lead} | ${focused}`);
  assert.ok(await first.isVisible());
  assert.deepEqual(problems, []);
});

test('a capacity note asks for the target node count: the folded form opens on the field', async () => {
  const { page } = await openPage(browser, server.url, { viewport: PHONE });
  const details = page.locator('details.context-panel');
  const open = () => details.evaluate((element) => element.open);
  assert.equal(await open(), false);
  await page.fill('#config-input', '{"Network": "10.244.0.0/16", "Backend": {"Type": "vxlan"}}\n');
  const ask = page.locator('.finding .ask', { hasText: 'Give a target node count' });
  await ask.waitFor();
  // A finding that asks for a value opens the form by itself.
  assert.equal(await open(), true);
  await page.click('details.context-panel > summary');
  assert.equal(await open(), false, 'the user can fold it again');
  await ask.click();
  await page.waitForFunction(() => document.activeElement?.id === 'target-nodes');
  assert.equal(await open(), true);
});

test('values the paste states show in the fields they answer, as coming from the paste', async () => {
  const { page } = await openPage(browser, server.url, { viewport: PHONE });
  await page.fill('#config-input', 'az aks create -g rg -n aks --network-plugin kubenet --node-count 3 --max-pods 50\n');
  const note = page.locator('.field-nodes .from-paste');
  await note.waitFor({ state: 'attached' });
  await page.click('details.context-panel > summary');
  assert.match(await note.textContent(), /^3 from the paste: .*--node-count/);
  assert.equal(await page.getAttribute('#target-nodes', 'placeholder'), '3');
  assert.equal(await page.inputValue('#target-nodes'), '', 'the context itself stays empty');
  assert.match(await page.locator('.field-max-pods .from-paste').textContent(), /^50 from the paste/);
});

test('an empty page offers no value toggle, and the first Tab is a skip link to the results', async () => {
  const { page } = await openPage(browser, server.url, { viewport: PHONE });
  assert.equal(await page.locator('#show-values').count(), 0, 'nothing pasted, nothing to show');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
  const address = page.url();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'results');
  assert.equal(page.url(), address, 'the address (which holds the context) is unchanged');
  await page.fill('#config-input', 'db:\n  token: FAKEtoken9c2f1e7a4b8d3c6e5f0a1b2c\n');
  await page.locator('#show-values').waitFor();
});
