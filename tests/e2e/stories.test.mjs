// The page's stories end to end (release build on 127.0.0.1, Debian's Chromium): each example,
// the share link, keyboard-only use, axe-core, no foreign requests, offline, and screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { openPage, OUTPUT, settled, startRelease } from './browser.mjs';

const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url);
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SECRETS = ['FAKEtokenEXAMPLE', 'FAKE-Passw0rd-EXAMPLE', 'FAKEpskEXAMPLEshort', 'platform-team@example.org',
  'FAKEwJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY', 'api.prod.corp.internal'];
let server;
let browser;

before(async () => {
  ({ server, browser } = await startRelease());
  await mkdir(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function foreign(requests) {
  return requests.filter((url) => !url.startsWith(server.url) && !url.startsWith('data:') && !url.startsWith('blob:'));
}

test('the VXLAN MTU story: delegate mtu 1500 is an error, the fix sets 1450, the packet bar shows 50 bytes of headers', async () => {
  const { page, requests, problems } = await openPage(browser, server.url);
  await page.selectOption('#example-picker', 'vxlan-mtu');
  const error = page.locator('.finding.error').first();
  await error.waitFor();
  assert.match(await error.textContent(), /flannel\/delegate-mtu/);
  const added = await page.locator('.split-cell.add').allTextContents();
  assert.ok(added.some((line) => line.includes('"mtu": 1450')), added.join('|'));
  assert.match(await page.locator('.mtu-picture figcaption').textContent(), /1500.*50.*pod MTU 1450/);
  assert.equal(await page.locator('.mtu-picture .segment').count(), 5);
  assert.equal(await page.locator('.mtu-picture .configured-segment.overflow').count(), 1);
  assert.match(await page.locator('.mtu-picture .overflow-note').textContent(), /pod MTU 1500 .*50 bytes over the underlay MTU 1500/);
  assert.match(await page.locator('.mtu-picture .overflow-label').textContent(), /50 B over/);
  assert.match(await page.locator('.chips').textContent(), /flannel-configmap/);
  assert.deepEqual(foreign(requests), []);
  assert.deepEqual(problems, []);
});

test('the AKS kubenet story: retirement, the overlay command and the az aks update next step', async () => {
  const { page } = await openPage(browser, server.url);
  await page.selectOption('#example-picker', 'aks-kubenet');
  await page.locator('.finding').first().waitFor();
  assert.match(await page.locator('.findings').textContent(), /aks\/kubenet-retirement/);
  await page.click('#tab-unified');
  const added = (await page.locator('.diff-line.add').allTextContents()).join('\n');
  assert.match(added, /--network-plugin-mode overlay/);
  assert.match(await page.locator('.next-steps').textContent(), /az aks update/);
  assert.equal(await page.inputValue('#ctx-platform'), 'azure');
  assert.match(page.url(), /platform=azure/);
  assert.match(page.url(), /vnet-cidr=10.20.0.0\/16/);
  assert.equal(await page.locator('.capacity-picture svg').count(), 1);
  const service = await page.locator('.capacity-picture .lane.service').textContent();
  assert.match(service, /service range/);
  assert.match(service, /10\.0\.0\.0\/16/);
});

test('the fake-secrets story: the editor shows placeholders, the toggle shows values, copy redacted stays redacted', async () => {
  const { page, context } = await openPage(browser, server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.selectOption('#example-picker', 'fake-secrets');
  await page.locator('.redaction-list li').first().waitFor();
  const shown = await page.inputValue('#config-input');
  for (const secret of SECRETS) assert.ok(!shown.includes(secret), `${secret} shown`);
  assert.ok((await page.locator('.redaction-list li').count()) >= 7);
  await page.check('#show-values');
  assert.match(await page.inputValue('#config-input'), /FAKEtokenEXAMPLE/);
  await page.click('.copy-redacted');
  await page.locator('.copy-status', { hasText: 'Copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  for (const secret of SECRETS) assert.ok(!copied.includes(secret), `${secret} copied`);
  assert.match(copied, /REDACTED_/);
  await page.click('.copy-mine');
  await page.locator('.copy-status', { hasText: 'with your values' }).waitFor();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /FAKE-Passw0rd-EXAMPLE/);
});

test('a value that looks like a placeholder is kept, and the redaction panel says so', async () => {
  const { page } = await openPage(browser, server.url);
  await page.fill('#config-input', 'db:\n  token: FAKEtoken9c2f1e7a4b8d3c6e5f0a1b2c\n  password: REPLACE_ME\n');
  await page.locator('.kept-placeholders li').first().waitFor();
  assert.match(await page.locator('.kept-placeholders').textContent(), /line 3\s*REPLACE_ME/);
  assert.equal(await page.locator('.kept-placeholders li').count(), 1);
  const shown = await page.inputValue('#config-input');
  assert.ok(!shown.includes('FAKEtoken9c2f1e7a4b8d3c6e5f0a1b2c'), 'the token is redacted');
  assert.match(shown, /password: REPLACE_ME/);
});

test('a paste podnet cannot read shows why, and no count or corrected config beside it', async () => {
  const { page } = await openPage(browser, server.url);
  await page.fill('#config-input', 'the cluster is out of IPs, help\n');
  await page.locator('.input-error').waitFor();
  await settled(page, '');
  assert.equal(await page.locator('.findings .summary').count(), 0, 'no "0 errors, 0 warnings, 0 notes"');
  assert.equal(await page.locator('section.output').count(), 0, 'no corrected config to copy');
  // A readable paste brings both back.
  await page.fill('#config-input', '{"Network": "10.244.0.0/16", "Backend": {"Type": "vxlan"}}');
  await page.locator('section.output').waitFor();
  assert.match(await page.locator('.findings .summary').textContent(), /0 errors/);
});

test('each next-step command has a copy button that copies exactly that command', async () => {
  const { page, context } = await openPage(browser, server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.selectOption('#example-picker', 'flannel-out-of-space');
  await page.locator('.next-steps .copy-command').first().waitFor();
  const first = page.locator('.next-steps li').first();
  const command = await first.locator('code').first().textContent();
  assert.match(command, /^kubectl /);
  await first.locator('.copy-command').first().click();
  await page.locator('.next-steps .copy-status', { hasText: 'copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), command);
});

test('opening a file loads it and analyses it at once', async () => {
  const { page } = await openPage(browser, server.url + '#nodes=300');
  await page.locator('.file-input').setInputFiles({
    name: 'net-conf.json', mimeType: 'application/json',
    buffer: Buffer.from('{\n  "Network": "10.244.0.0/16",\n  "Backend": {"Type": "vxlan"}\n}\n'),
  });
  await page.locator('.finding.error').first().waitFor();
  assert.match(await page.inputValue('#config-input'), /10\.244\.0\.0\/16/);
  assert.match(await page.locator('.chips').textContent(), /flannel-net-conf/);
});

test('dropping a file on the editor loads it', async () => {
  const { page } = await openPage(browser, server.url + '#nodes=300');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['{"Network": "10.0.0.0/22", "Backend": {"Type": "vxlan"}}'], 'net-conf.json'));
    const editor = document.querySelector('.editor');
    editor.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
    editor.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
  });
  await page.locator('.finding.error').first().waitFor();
  assert.match(await page.locator('.finding.error').first().textContent(), /node 5 gets no range/);
});

test('the share button waits for a text, and making a link moves nothing on the page', async () => {
  const { page, context } = await openPage(browser, server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  assert.ok(await page.locator('.share-button').isDisabled(), 'nothing to share on an empty page');
  await page.fill('#config-input', '{"Network": "10.244.0.0/16", "Backend": {"Type": "vxlan"}}');
  await page.locator('.share-button:enabled').waitFor();
  const top = () => page.evaluate(() => document.querySelector('.inputs').getBoundingClientRect().top + window.scrollY);
  const before = await top();
  await page.click('.share-button');
  await page.locator('#share-link').waitFor();
  assert.match(await page.locator('#share-link').inputValue(), /#t=/);
  assert.equal(await top(), before, 'the link appears without moving the page');
  await page.fill('#config-input', '');
  await page.locator('.share-button:disabled').waitFor();
});

test('the share link holds no secret and reproduces the view', async () => {
  const { page, context } = await openPage(browser, server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.selectOption('#example-picker', 'fake-secrets');
  await page.locator('.redaction-list li').first().waitFor();
  await page.fill('#target-nodes', '40');
  // The context change is analysed after a short debounce: wait for the results of nodes=40
  // (the fragment says the state has it, aria-busy that the analysis caught up), not for time.
  await settled(page, 'nodes=40');
  await page.check('#show-values');
  await page.click('.share-button');
  const link = await page.locator('#share-link').inputValue();
  for (const secret of SECRETS) assert.ok(!link.includes(secret), `${secret} in the link`);
  assert.ok(!decodeURIComponent(link).includes('FAKE'), 'not even in percent-decoded form');
  assert.match(link, /#nodes=40&t=/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  // Rules and lines match; a check that needs a secret's value (the ipsec PSK length) can only
  // say "not checked" in the shared view, because the link does not carry the value.
  const where = (p) => p.locator('.finding').evaluateAll((items) => items.map((item) =>
    `${item.querySelector('.rule').textContent} ${item.querySelector('.position').textContent}`).sort());
  const findings = await where(page);
  assert.ok(findings.length > 0);

  const opened = await openPage(browser, link);
  await settled(opened.page, 'nodes=40');
  await opened.page.locator('.finding').first().waitFor();
  assert.equal(await opened.page.inputValue('#target-nodes'), '40');
  const text = await opened.page.inputValue('#config-input');
  assert.match(text, /REDACTED_TOKEN_1/);
  for (const secret of SECRETS) assert.ok(!text.includes(secret), `${secret} in the opened view`);
  assert.deepEqual(await where(opened.page), findings);
  assert.deepEqual(foreign(opened.requests), []);
});

test('keyboard only: pick an example, jump to a finding line, switch diff tabs, with a visible focus ring', async () => {
  const { page } = await openPage(browser, server.url + '#nodes=300');
  const tabTo = async (predicate, limit = 80) => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(predicate)) return true;
    }
    return false;
  };
  assert.ok(await tabTo(() => document.activeElement?.id === 'example-picker'), 'the picker is reachable');
  await page.keyboard.press('ArrowDown');
  await page.locator('.finding.error').first().waitFor();
  assert.ok(await tabTo(() => document.activeElement?.classList.contains('goto-line')), 'a finding line button');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'config-input');
  const selected = await page.evaluate(() => {
    const area = document.activeElement;
    return area.value.slice(area.selectionStart, area.selectionEnd);
  });
  // The finding's own span is selected: the Network value it is about.
  assert.equal(selected, '10.244.0.0/16');
  // 1280 px wide: side by side is the selected tab, so it is the one in the tab order.
  assert.ok(await tabTo(() => document.activeElement?.id === 'tab-split'), 'the diff tabs');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-unified');
  assert.equal(await page.getAttribute('#tab-unified', 'aria-selected'), 'true');
  await page.locator('.diff-text').waitFor();
});

test('axe-core finds no serious or critical violation, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page } = await openPage(browser, server.url, { bypassCSP: true, colorScheme });
    await page.selectOption('#example-picker', 'fake-secrets');
    await page.locator('.finding').first().waitFor();
    await page.addScriptTag({ path: AXE });
    const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), [], colorScheme);
  }
});

test('screenshots: desktop and 375 px, light and dark; no sideways scrolling at 375 px', async () => {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['mobile', { width: 375, height: 812 }]]) {
    for (const colorScheme of ['light', 'dark']) {
      const { page, context } = await openPage(browser, server.url, { viewport, colorScheme });
      await page.selectOption('#example-picker', 'vxlan-mtu');
      await page.locator('.mtu-picture').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name} ${colorScheme}: ${overflow}px wider than the viewport`);
      const file = `page-${name}-${colorScheme}.png`;
      await page.screenshot({ path: fileURLToPath(new URL(file, OUTPUT)), fullPage: true });
      await copyFile(new URL(file, OUTPUT), new URL(file, SCREENSHOTS));
      await context.close();
    }
  }
});

test('at 375 px no example and no output view scrolls sideways', async () => {
  const { page } = await openPage(browser, server.url, { viewport: { width: 375, height: 812 } });
  for (const id of ['flannel-out-of-space', 'vxlan-mtu', 'aks-kubenet', 'fake-secrets']) {
    await page.selectOption('#example-picker', id);
    await page.locator('.finding').first().waitFor();
    if (id === 'flannel-out-of-space') {
      // Narrow screens open on the unified diff.
      assert.equal(await page.getAttribute('#tab-unified', 'aria-selected'), 'true');
      assert.equal(await page.locator('.diff-text').count(), 1);
    }
    for (const tab of ['#tab-unified', '#tab-split', '#tab-corrected']) {
      if (await page.locator(tab).count()) await page.click(tab);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${id} ${tab}: ${overflow}px wider than the viewport`);
    }
  }
});

test('a 1 MB paste is analysed; typing then waits for Analyse (Ctrl+Enter); the gutter follows the scroll', async () => {
  // bypassCSP only so that axe-core can be injected below; the CSP test is elsewhere.
  const { page, requests, problems } = await openPage(browser, server.url + '#nodes=300', { bypassCSP: true });
  const lines = ['kind: ConfigMap', 'apiVersion: v1', 'metadata:', '  name: kube-flannel-cfg', '  namespace: kube-flannel', 'data:',
    '  net-conf.json: |', '    {"Network": "10.244.0.0/16", "Backend": {"Type": "vxlan"}}'];
  while (lines.join('\n').length < 1_000_000) lines.push(`# line ${lines.length + 1} of a long paste, padded with comments`);
  const big = lines.join('\n') + '\n';
  // What a paste does: the text changes and the input event says it came from the clipboard.
  await page.evaluate((text) => {
    const area = document.querySelector('#config-input');
    area.value = text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, big);
  await page.locator('.finding.error').first().waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('.analyse-now').count(), 0);

  // The gutter draws the numbers of the scrolled-to lines.
  await page.evaluate(() => { document.querySelector('#config-input').scrollTop = 20 * 10_000; });
  await page.waitForFunction(() => document.querySelector('.gutter').textContent.startsWith('10001\n'));

  // Typing a /12 (room for 300 nodes): no analysis, a message with a button; the old results stay.
  await page.evaluate(() => {
    const area = document.querySelector('#config-input');
    const at = area.value.indexOf('10.244.0.0/16');
    area.setRangeText('10.0.0.0/12', at, at + '10.244.0.0/16'.length, 'end');
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: '2' }));
  });
  await page.locator('.analyse-wait').waitFor();
  assert.match(await page.locator('.analyse-wait').textContent(), /Above 256 KB podnet analyses when you ask/);
  // The page says the results are stale and keeps the old ones; that no timer analyses above the
  // live limit is the pure state's test (web/src/state.rs), so nothing here waits for time.
  assert.equal(await page.locator('.finding.error').count(), 1, 'the old results stay');
  assert.equal(await page.locator('.results').getAttribute('aria-busy'), 'true');
  // The waiting message and its button pass axe-core too.
  await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), []);
  // Ctrl+Enter in the editor analyses; nothing typed is lost.
  await page.focus('#config-input');
  await page.keyboard.press('Control+Enter');
  await page.locator('.analyse-wait').waitFor({ state: 'detached', timeout: 60_000 });
  await page.locator('.finding.error').waitFor({ state: 'detached', timeout: 60_000 });
  assert.equal(await page.inputValue('#config-input'), big.replace('10.244.0.0/16', '10.0.0.0/12'));
  assert.deepEqual(foreign(requests), []);
  assert.deepEqual(problems, []);
});

test('the page works offline after the first load (service worker)', async () => {
  const { page, context, requests } = await openPage(browser, server.url);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('#config-input');
  await page.selectOption('#example-picker', 'flannel-out-of-space');
  await page.locator('.finding.error').first().waitFor();
  assert.deepEqual(foreign(requests), []);
  await context.setOffline(false);
});
