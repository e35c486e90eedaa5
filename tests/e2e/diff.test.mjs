// The diff in an incident: a one-line `az aks create` (seed 002's kubenet command, written on one
// line as people paste it) keeps "After" on screen, marks the changed words, and lists the
// changed flags before the diff, at a desktop and a phone width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

import { ONE_LINE_AKS_CREATE, openPage, OUTPUT, startRelease } from './browser.mjs';


let server;
let browser;

before(async () => {
  ({ server, browser } = await startRelease());
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const [name, viewport, tab] of [
  ['desktop', { width: 1280, height: 800 }, '#tab-split'],
  ['phone', { width: 375, height: 812 }, '#tab-unified'],
]) {
  test(`a one-line command's diff wraps, marks the changed words and lists the changed flags (${name})`, async () => {
    const { page, problems } = await openPage(browser, server.url, { viewport });
    await page.fill('#config-input', ONE_LINE_AKS_CREATE);
    const changes = page.locator('.line-changes li');
    await changes.first().waitFor();
    const listed = (await changes.allTextContents()).join('\n');
    assert.match(listed, /--network-plugin kubenet → --network-plugin azure --network-plugin-mode overlay/);
    await page.click(tab);
    const region = tab === '#tab-split' ? '.split-wrap' : '.diff-text';
    const mark = page.locator(`${region} mark.word.add`, { hasText: 'overlay' });
    await mark.waitFor();
    // Nothing scrolls sideways: the long line wraps inside its view, and the changed words
    // are inside the window.
    const overflow = await page.locator(region).evaluate((element) => element.scrollWidth - element.clientWidth);
    assert.ok(overflow <= 1, `the diff scrolls sideways by ${overflow} px`);
    const box = await mark.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= viewport.width, JSON.stringify(box));
    assert.ok(await page.locator(`${region} mark.word.del`, { hasText: 'kubenet' }).count() >= 1);
    await page.screenshot({ path: fileURLToPath(new URL(`diff-one-line-${name}.png`, OUTPUT)), fullPage: true });
    assert.deepEqual(problems, []);
  });
}
