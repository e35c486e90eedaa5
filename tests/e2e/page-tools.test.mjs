// Issue 16's page items in the release build, in Debian's Chromium: each finding's span underlined
// in the editor (message on hover and at the caret), "Copy report" and "Copy for an AI chat"
// (Markdown from the core, secrets redacted, nothing sent), the text slips, and axe-core at 1280 and
// 375 px in both themes with results showing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

import { openPage, startRelease } from './browser.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SECRETS = ['FAKEtokenEXAMPLE', 'FAKE-Passw0rd-EXAMPLE', 'FAKEpskEXAMPLEshort', 'platform-team@example.org'];
let server;
let browser;

before(async () => {
  ({ server, browser } = await startRelease());
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('each finding is underlined at its span; its message shows on hover and at the caret', async () => {
  const { page, problems } = await openPage(browser, server.url, { viewport: { width: 1280, height: 800 } });
  await page.selectOption('#example-picker', 'flannel-out-of-space');
  const error = page.locator('.finding.error').first();
  await error.waitFor();
  const message = await error.locator('.message').textContent();
  const [line, column] = (await error.locator('.position').textContent()).match(/\d+/g).map(Number);
  const underline = page.locator('.underline.error u').first();
  await underline.waitFor();
  const marked = await underline.textContent();
  const area = page.locator('#config-input');
  const value = await area.inputValue();
  // The underlined text is the text at the finding's line and column.
  const lineText = value.split('\n')[line - 1];
  assert.equal(lineText.slice(column - 1, column - 1 + marked.length), marked);
  assert.ok(marked.trim().length > 0, `underlined: ${JSON.stringify(marked)}`);
  // It sits on that line of the editor: the same text metrics, 20 px lines, 8 px padding.
  const [box, areaBox] = [await underline.boundingBox(), await area.boundingBox()];
  assert.equal(Math.floor((box.y + box.height / 2 - areaBox.y - 8) / 20) + 1, line);
  // Only the lines in view are drawn.
  assert.ok(await page.locator('.underline-row').count() <= 30);

  // Hover: the message becomes the editor's title.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction((text) => document.querySelector('#config-input').title.includes(text), message);

  // Keyboard: the finding's position button selects its span and says the message by the editor.
  await error.locator('.position').click();
  await page.waitForFunction(() => document.activeElement?.id === 'config-input');
  const selected = await page.evaluate(() => {
    const a = document.querySelector('#config-input');
    return a.value.slice(a.selectionStart, a.selectionEnd);
  });
  assert.equal(selected, marked);
  await page.locator('#editor-finding', { hasText: message }).waitFor();
  const describedBy = await area.getAttribute('aria-describedby');
  assert.ok(describedBy.split(' ').includes('editor-finding'));
  // The caret leaves the span: the line under the editor empties.
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.querySelector('#editor-finding').textContent === '');
  // An edit not yet analysed draws no underline at stale places; the analysis brings them back.
  await page.keyboard.type('  ');
  await page.locator('.underline.error u').first().waitFor();
  assert.deepEqual(problems, [], 'no console errors');
});

test('the underlines follow the editor when it scrolls down', async () => {
  const { page } = await openPage(browser, server.url, { viewport: { width: 1280, height: 800 } });
  await page.selectOption('#example-picker', 'aks-kubenet');
  const mark = page.locator('.underline u').first();
  await mark.waitFor({ state: 'attached' });
  // Scrolled down past its line, the mark is no longer drawn.
  await page.evaluate(() => {
    const area = document.querySelector('#config-input');
    area.value = area.value + '\n'.repeat(200);
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  });
  await page.waitForFunction(() => document.querySelector('#config-input').value.endsWith('\n\n'));
  await page.locator('.underline u').first().waitFor({ state: 'attached' });
  await page.evaluate(() => { document.querySelector('#config-input').scrollTop = 2000; });
  await page.waitForFunction(() => document.querySelectorAll('.underline u').length === 0);
});

test('Copy report gives the findings, numbers and fix as Markdown; Copy for an AI chat adds the redacted config; nothing is sent', async () => {
  const { page, context, requests, problems } = await openPage(browser, server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.selectOption('#example-picker', 'flannel-out-of-space');
  const message = await page.locator('.finding.error .message').first().textContent();
  await page.locator('.copy-markdown').click();
  await page.locator('.output .copy-status', { hasText: 'report as Markdown' }).waitFor();
  const report = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(report.startsWith('## podnet report\n'), report);
  assert.ok(report.includes(message), 'the first error');
  assert.match(report, /- Capacity: pool 10\.244\.0\.0\/16, a \/24 per node: 256 node ranges/);
  assert.match(report, /```diff\n--- original\n\+\+\+ fixed\n[\s\S]*\+ {2}"Network": "10\.244\.0\.0\/15"/);

  assert.match(await page.locator('#prompt-note').textContent(), /sends nothing/);
  await page.locator('.copy-prompt').click();
  await page.locator('.output .copy-status', { hasText: 'Copied the prompt' }).waitFor();
  const prompt = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(prompt, /^I am debugging a Kubernetes pod network\./);
  assert.ok(prompt.includes(await page.locator('#config-input').inputValue()), 'the config');
  assert.ok(prompt.endsWith(report), 'the report after it');

  // Secrets stay redacted in both.
  await page.selectOption('#example-picker', 'fake-secrets');
  await page.locator('.redactions, .redaction-panel, .finding').first().waitFor();
  for (const button of ['.copy-markdown', '.copy-prompt']) {
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.locator(button).click();
    await page.waitForFunction(async () => (await navigator.clipboard.readText()).length > 0);
    const text = await page.evaluate(() => navigator.clipboard.readText());
    for (const secret of SECRETS) assert.ok(!text.includes(secret), `${button} holds ${secret}`);
    if (button === '.copy-prompt') assert.match(text, /REDACTED_/);
  }
  assert.deepEqual(requests.filter((url) => !url.startsWith(server.url)), [], 'no request leaves the page');
  assert.deepEqual(problems, [], 'no console errors');
});

test('Copy for an AI chat at 1 MB: the prompt holds the documents the findings point at and says what it left out', async () => {
  const { page, context, problems } = await openPage(browser, server.url + '#nodes=300');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  // The kube-flannel ConfigMap (a /16 for 300 nodes) among ordinary ConfigMaps, 1 MB in all.
  const head = 'kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: kube-flannel-cfg\n  namespace: kube-flannel\ndata:\n'
    + '  net-conf.json: |\n    {"Network": "10.244.0.0/16", "Backend": {"Type": "vxlan"}}\n';
  const parts = [];
  for (let i = 0; parts.join('').length < 500_000; i++) {
    parts.push(`---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-settings-${i}\ndata:\n  LOG_LEVEL: info\n`);
  }
  const text = parts.join('') + '---\n' + head + parts.join('');
  await page.evaluate((value) => {
    const area = document.querySelector('#config-input');
    area.value = value;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  await page.locator('.finding.error').first().waitFor({ timeout: 60_000 });
  await page.locator('.copy-prompt').click();
  await page.locator('.output .copy-status', { hasText: 'Copied the prompt' }).waitFor();
  const prompt = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(text.length > 1_000_000, `${text.length} bytes pasted`);
  assert.ok(prompt.length < 20_000, `the prompt is ${prompt.length} characters`);
  assert.ok(prompt.includes(head), 'the ConfigMap the finding is about, whole');
  assert.ok(prompt.includes(`The config is ${text.length} bytes in ${text.split('\n').length - 1} lines`), prompt.slice(0, 600));
  assert.match(prompt, /Left out: \d+ lines, \d+ bytes\./);
  assert.ok(!prompt.includes('app-settings-100\n'), 'a ConfigMap no finding is about stays out');
  assert.deepEqual(problems, []);
});

test('text slips: one value replaced, no space before the colon, copyable next steps, empty panels hidden', async () => {
  const { page } = await openPage(browser, server.url);
  await page.fill('#config-input', '{"Network": "10.244.0.0/16", "Backend": {"Type": "ipsec", "PSK": "FAKEpskEXAMPLEshort0123456789abcdef0123456789abcdef0123456789abcdef01"}}');
  await page.locator('.finding').first().waitFor();
  const panel = await page.locator('.redactions').textContent();
  assert.match(panel, /1 value replaced by a placeholder/);
  assert.doesNotMatch(await page.locator('body').textContent(), /1 values/);
  await page.selectOption('#example-picker', 'aks-kubenet');
  await page.locator('.next-steps .copy-command').first().waitFor();
  await page.fill('#config-input', 'just some words\n');
  const inputError = page.locator('.input-error');
  await inputError.waitFor();
  assert.match(await inputError.textContent(), /^Line \d+, column \d+: \S/);
  assert.equal(await page.locator('.findings .summary').count(), 0, 'no "0 errors" above an input error');
  assert.equal(await page.locator('.results-summary').count(), 0);
  assert.equal(await page.locator('.output').count(), 0, 'no empty corrected-config panel');
  assert.equal(await page.locator('.next-steps').count(), 0);
});

test('axe-core: no serious or critical violation at 1280 and 375 px, light and dark, with results showing', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 812 }]) {
    for (const colorScheme of ['light', 'dark']) {
      // bypassCSP only so that axe-core can be injected; the CSP test is in stories.test.mjs.
      const { page, context } = await openPage(browser, server.url, { bypassCSP: true, colorScheme, viewport });
      await page.addScriptTag({ path: AXE });
      for (const example of ['flannel-out-of-space', 'fake-secrets', 'aks-kubenet']) {
        await page.selectOption('#example-picker', example);
        await page.locator('.finding').first().waitFor();
        await page.locator('.output .copy-prompt').waitFor();
        await page.locator('.pictures').waitFor();
        // The out-of-space example's marks are in view (the others' may be scrolled out of it).
        if (example === 'flannel-out-of-space') await page.locator('.underline u').first().waitFor();
        const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), [],
          `${example} ${viewport.width}px ${colorScheme}`);
      }
      await context.close();
    }
  }
});

test("the editor's placeholder is read whole at 375 px: every line of it fits the editor", async () => {
  const { page, problems } = await openPage(browser, server.url, { viewport: { width: 375, height: 812 } });
  const fit = await page.evaluate(() => {
    const area = document.querySelector('#config-input');
    const style = getComputedStyle(area);
    const context = document.createElement('canvas').getContext('2d');
    context.font = `${style.fontSize} ${style.fontFamily}`;
    const room = area.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return area.placeholder.split('\n').map((line) => ({ line, width: context.measureText(line).width, room }));
  });
  assert.ok(fit.some(({ line }) => line.includes('Nothing leaves this tab.')), JSON.stringify(fit));
  for (const { line, width, room } of fit) assert.ok(width <= room, `"${line}" is ${width} px in ${room} px`);
  assert.deepEqual(problems, []);
});

test('at 375 px the gutter leaves the editor its width, and its numbers stay on the text lines', async () => {
  const { page, problems } = await openPage(browser, server.url, { viewport: { width: 375, height: 812 } });
  await page.selectOption('#example-picker', 'flannel-out-of-space');
  await page.locator('.finding.error').first().waitFor();
  const sizes = await page.evaluate(() => {
    const gutter = document.querySelector('.gutter');
    const area = document.querySelector('#config-input');
    return {
      gutter: gutter.getBoundingClientRect().width,
      area: area.getBoundingClientRect().width,
      gutterLine: getComputedStyle(gutter).lineHeight,
      areaLine: getComputedStyle(area).lineHeight,
    };
  });
  assert.ok(sizes.gutter <= 50, `gutter ${sizes.gutter} px`);
  assert.equal(sizes.gutterLine, sizes.areaLine);
  assert.deepEqual(problems, []);
});
