// The editor wraps long lines (issue 16: "lines do not wrap"): for seed 002's kubenet command on
// one line there is no sideways scroll at 1280 and 375 px, each finding's underline sits under
// its text on the wrapped row (checked against a mirror of the textarea: a div with its computed
// text metrics, where a Range measures the text), the next line's number is beside its first
// row, and the pointer and the caret name the finding under them, not every finding of the line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { ONE_LINE_AKS_CREATE, openPage, OUTPUT, startRelease } from './browser.mjs';

const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url);


let server;
let browser;

before(async () => {
  ({ server, browser } = await startRelease());
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Where the textarea lays out `offset` (a UTF-16 offset of its value), and where its line 2
 * starts, relative to the textarea's border box: measured in a mirror, a div given the
 * textarea's computed text metrics and content width, with a Range over the text. */
function mirrorRects([offset, length]) {
  const area = document.querySelector('#config-input');
  const style = getComputedStyle(area);
  const mirror = document.createElement('div');
  for (const p of ['font-family', 'font-size', 'line-height', 'letter-spacing', 'tab-size', 'white-space',
    'line-break', 'overflow-wrap', 'word-break', 'padding-top', 'padding-left', 'padding-right']) {
    mirror.style.setProperty(p, style.getPropertyValue(p));
  }
  const box = area.getBoundingClientRect();
  Object.assign(mirror.style, {
    position: 'absolute', top: '0', left: '0', boxSizing: 'content-box',
    width: `${area.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)}px`,
  });
  // A character on line 2 (empty in the paste), so a Range has a box there.
  mirror.textContent = area.value + 'X';
  document.body.append(mirror);
  const text = mirror.firstChild;
  const range = document.createRange();
  const origin = mirror.getBoundingClientRect();
  const rel = (r) => ({ x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height });
  range.setStart(text, offset);
  range.setEnd(text, offset + length);
  const span = [...range.getClientRects()].map(rel).filter((r) => r.w > 0);
  const secondLine = area.value.indexOf('\n') + 1;
  range.setStart(text, secondLine);
  range.setEnd(text, secondLine + 1);
  const line2 = rel(range.getBoundingClientRect());
  mirror.remove();
  return { span, line2, scrollTop: area.scrollTop, areaBox: { x: box.left, y: box.top }, clientTop: area.clientTop, clientLeft: area.clientLeft };
}

for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 375, height: 812 }]]) {
  test(`a long line wraps; its underline, its number and the hover follow the rows (${name})`, async () => {
    const { page, problems } = await openPage(browser, server.url, { viewport });
    await page.fill('#config-input', ONE_LINE_AKS_CREATE);
    const finding = page.locator('.finding').first();
    await finding.waitFor();
    const underline = page.locator('.underline u').first();
    await underline.waitFor({ state: 'attached' });

    // No sideways scroll, in the editor or the page.
    const widths = await page.evaluate(() => {
      const area = document.querySelector('#config-input');
      return { area: [area.scrollWidth, area.clientWidth], page: [document.documentElement.scrollWidth, innerWidth] };
    });
    assert.ok(widths.area[0] <= widths.area[1], `editor scrolls sideways: ${widths.area}`);
    assert.ok(widths.page[0] <= widths.page[1], `page scrolls sideways: ${widths.page}`);

    // The underline sits under the flagged text, on the row the textarea wrapped it to.
    const [line, column] = (await finding.locator('.position').textContent()).match(/\d+/g).map(Number);
    assert.equal(line, 1);
    const marked = await underline.textContent();
    assert.equal(ONE_LINE_AKS_CREATE.slice(column - 1, column - 1 + marked.length), marked);
    const mirror = await page.evaluate(mirrorRects, [column - 1, marked.length]);
    const drawn = await page.evaluate(() => [...document.querySelector('.underline u').getClientRects()]
      .map((r) => ({ x: r.left, y: r.top, w: r.width, h: r.height })).filter((r) => r.w > 0));
    assert.ok(mirror.span.length >= 1 && drawn.length === mirror.span.length, JSON.stringify({ drawn, mirror }));
    assert.ok(mirror.span[0].y >= 20, `the flagged text is on a wrapped row: ${JSON.stringify(mirror.span)}`);
    mirror.span.forEach((want, i) => {
      const got = drawn[i];
      const x = got.x - mirror.areaBox.x - mirror.clientLeft;
      const y = got.y - mirror.areaBox.y - mirror.clientTop + mirror.scrollTop;
      assert.ok(Math.abs(x - want.x) < 1.5 && Math.abs(y - want.y) < 3 && Math.abs(got.w - want.w) < 1.5,
        `row ${i}: drawn ${JSON.stringify(got)} at ${x},${y}; text at ${JSON.stringify(want)}`);
    });

    // Line 2's number is beside line 2's first row, not beside line 1's second row.
    const two = await page.evaluate(() => {
      const gutter = document.querySelector('.gutter');
      const walker = document.createTreeWalker(gutter, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.search(/(^|\n)2\n/);
        if (at >= 0) {
          const start = node.data.indexOf('2', at);
          const range = document.createRange();
          range.setStart(node, start);
          range.setEnd(node, start + 1);
          return { y: range.getBoundingClientRect().top, rows: node.data.slice(0, start).split('\n').length - 1 };
        }
      }
      return null;
    });
    assert.ok(two, 'line 2 is numbered');
    assert.ok(two.rows >= 2, `line 1 takes ${two.rows} rows`);
    const gutterY = two.y - mirror.areaBox.y - mirror.clientTop + mirror.scrollTop;
    assert.ok(Math.abs(gutterY - mirror.line2.y) < 4, `"2" at ${gutterY}, line 2 starts at ${mirror.line2.y}`);

    // Hover over the flagged text: the title names that finding alone.
    const message = await finding.locator('.message').textContent();
    const first = drawn[0];
    await page.mouse.move(first.x + Math.min(first.w / 2, 10), first.y + first.h / 2);
    await page.waitForFunction((text) => document.querySelector('#config-input').title.includes(text), message);
    const title = await page.locator('#config-input').getAttribute('title');
    assert.equal(title.match(/Line \d+:/g).length, 1, title);
    // Over the text before it ("az"), which no finding's span covers here, no title.
    const start = await page.evaluate(() => {
      const area = document.querySelector('#config-input').getBoundingClientRect();
      return { x: area.left + 10, y: area.top + 12 };
    });
    await page.mouse.move(start.x, start.y);
    await page.waitForFunction(() => document.querySelector('#config-input').title === '');
    if (name === 'phone') {
      // The README's picture of the wrapped command (the editor panel alone).
      await page.locator('.input-panel').screenshot({ path: fileURLToPath(new URL('editor-wrap-mobile-light.png', OUTPUT)) });
      await copyFile(new URL('editor-wrap-mobile-light.png', OUTPUT), new URL('editor-wrap-mobile-light.png', SCREENSHOTS));
    }
    assert.deepEqual(problems, []);
  });
}

test('the caret in a finding\'s span names that one finding', async () => {
  const { page, problems } = await openPage(browser, server.url, { viewport: { width: 1280, height: 800 } });
  await page.selectOption('#example-picker', 'flannel-out-of-space');
  await page.locator('.finding.error').first().waitFor();
  await page.locator('.underline u').first().waitFor({ state: 'attached' });
  // Every finding's span, from its position and its underline's text, narrowest first.
  const spans = await page.evaluate(() => {
    const value = document.querySelector('#config-input').value;
    const lines = value.split('\n');
    return [...document.querySelectorAll('.finding')].map((f) => {
      const [line, column] = f.querySelector('.position').textContent.match(/\d+/g).map(Number);
      const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
      return { start, message: f.querySelector('.message').textContent };
    });
  });
  assert.ok(spans.length >= 2, JSON.stringify(spans));
  // The caret at each finding's start names a finding that starts there (the narrowest when
  // several do), never one that merely covers the caret's line.
  for (const { start } of spans) {
    await page.evaluate((at) => {
      const area = document.querySelector('#config-input');
      area.focus();
      area.setSelectionRange(at + 1, at + 1);
      area.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true, key: 'ArrowRight' }));
    }, start);
    await page.waitForFunction(() => document.querySelector('#editor-finding').textContent !== '');
    const said = await page.locator('#editor-finding').textContent();
    assert.ok(spans.some((s) => s.start <= start + 1 && said.includes(s.message)), `${said} at ${start}`);
    assert.equal(said.match(/Line \d+:/g).length, 1, said);
  }
  assert.deepEqual(problems, []);
});
