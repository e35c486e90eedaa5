// Measures (reported, never enforced): the gzip'd size of the release build's wasm + js + css,
// the time to first findings after load, and input → findings for 10 KB, 100 KB and 1 MB pastes
// (with the longest main-thread task meanwhile, and the time one keystroke then takes). The
// analysis runs in the page's worker: the longest step of podnet's own on the main thread (a
// state update with the render it causes, or a worker reply decoded and rendered) is measured
// from the page's marks, apart from the long tasks the browser's textarea layout makes.
// Prints the numbers and writes them to tests/e2e/output/measurements.json.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { startServer } from './serve.mjs';
import { DIST, openPage, OUTPUT, startRelease } from './browser.mjs';

/** Runs per measurement (the median is what docs/measurements.md reports). */
const ROUNDS = Number(process.env.PODNET_MEASURE_ROUNDS ?? 5);
let server;
let browser;

/** One load's times in whole ms. */
function rounded(load) {
  return {
    total: Math.round(load.total),
    htmlArrived: Math.round(load.htmlArrived),
    domContentLoaded: Math.round(load.domContentLoaded),
    marks: load.marks,
  };
}

/** The medians of a series of loads; `afterHtml` is first findings minus the HTML's arrival. */
function medians(loads) {
  return {
    total: median(loads.map((l) => Math.round(l.total))),
    domContentLoaded: median(loads.map((l) => Math.round(l.domContentLoaded))),
    afterHtml: median(loads.map((l) => Math.round(l.total - l.htmlArrived))),
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
}

before(async () => {
  ({ server, browser } = await startRelease());
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A kube-flannel ConfigMap whose /16 is too small for 300 nodes, padded with other documents. */
function pasteOf(bytes) {
  const head = [
    'kind: ConfigMap', 'apiVersion: v1', 'metadata:', '  name: kube-flannel-cfg', '  namespace: kube-flannel', 'data:',
    '  net-conf.json: |', '    {', '      "Network": "10.244.0.0/16",', '      "Backend": {', '        "Type": "vxlan"', '      }', '    }', '',
  ].join('\n');
  const parts = [head];
  let size = head.length;
  for (let i = 0; size < bytes; i++) {
    const doc = `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-settings-${i}\n  namespace: team-${i % 17}\ndata:\n  LOG_LEVEL: info\n  FEATURE_FLAGS: "search,checkout,cart-${i}"\n`;
    parts.push(doc);
    size += doc.length;
  }
  return parts.join('\n');
}

/** Init script (injected by the browser driver, not by the page): notes when the first error
 * finding enters the DOM, in ms since the navigation started. */
function noteFirstFindings() {
  new MutationObserver((_, observer) => {
    if (document.querySelector('.finding.error')) {
      window.podnetFirstFindings = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Opens `url` in `page`, waits for the first error finding and returns the load's times. */
async function loadTimes(page, url) {
  await page.goto(url);
  await page.locator('.finding.error').first().waitFor();
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    return {
      total: window.podnetFirstFindings,
      // When the page's HTML had arrived: what precedes it is the browser's, not the page's.
      htmlArrived: navigation.responseEnd,
      domContentLoaded: navigation.domContentLoadedEventEnd,
      // The boot script's and the page's own performance marks (ms since navigation start).
      marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])),
    };
  });
}

test('measure: bundle size, first findings after load, input → findings', async () => {
  const files = (await readdir(DIST)).filter((name) => /\.(js|css|wasm)$/.test(name) && name !== 'sw.js' && !name.startsWith('rules.'));
  const sizes = {};
  for (const name of files) {
    const bytes = await readFile(new URL(name, `file://${DIST}`));
    sizes[name] = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  }
  const gzipTotal = Object.values(sizes).reduce((sum, s) => sum + s.gzip, 0);

  // First findings after load: a share link (text and context in the fragment) analyses on its
  // own, so no harness round trip sits in the way. An init script (injected by the browser
  // driver, not by the page) notes when the first error finding enters the DOM.
  const maker = await openPage(browser, server.url);
  await maker.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await maker.page.selectOption('#example-picker', 'flannel-out-of-space');
  await maker.page.click('.share-button');
  const link = await maker.page.locator('#share-link').inputValue();
  await maker.context.close();
  // Two ways a user opens the link: in a fresh browser context (the browser also starts a
  // renderer process for it, which the page cannot influence) and in a tab that already runs
  // (the same context navigating to the link again, a query keeping it a full load).
  // The baseline, in the same run and the same kind of fresh context: a static page whose HTML
  // already holds an error finding. Its time is the browser's own (process start, navigation,
  // parsing) on this machine at this moment; what podnet adds is the difference.
  const baselineDir = await mkdtemp(join(tmpdir(), 'podnet-baseline-'));
  await writeFile(join(baselineDir, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>baseline</title></head><body><p class="finding error">static</p></body></html>\n');
  const baselineServer = await startServer(baselineDir);
  const baseline = [];
  const firstFindings = [];
  const warmFirstFindings = [];
  const warm = await browser.newContext();
  await warm.addInitScript(noteFirstFindings);
  const warmPage = await warm.newPage();
  await warmPage.goto(server.url);
  for (let round = 0; round < ROUNDS; round++) {
    const context = await browser.newContext();
    await context.addInitScript(noteFirstFindings);
    const page = await context.newPage();
    firstFindings.push(await loadTimes(page, link));
    await context.close();
    warmFirstFindings.push(await loadTimes(warmPage, link.replace('#', `?round=${round}#`)));
    const staticContext = await browser.newContext();
    await staticContext.addInitScript(noteFirstFindings);
    baseline.push(await loadTimes(await staticContext.newPage(), baselineServer.url));
    await staticContext.close();
  }
  await warm.close();
  await baselineServer.close();
  await rm(baselineDir, { recursive: true });

  const { page } = await openPage(browser, server.url + '#nodes=300');
  const typing = {};
  for (const [label, bytes] of [['10KB', 10_000], ['100KB', 100_000], ['1MB', 1_000_000]]) {
    const text = pasteOf(bytes);
    const runs = [];
    for (let round = 0; round < ROUNDS; round++) {
      runs.push(await page.evaluate(async (text) => {
        const area = document.querySelector('#config-input');
        // What a paste does: the browser sets the text and fires an input event of type insertFromPaste.
        const paste = (value) => {
          area.value = value;
          area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
        };
        // Start from an empty page: wait until the findings of the last round are gone.
        paste('');
        await new Promise((resolve) => {
          const check = () => (document.querySelector('.finding') ? requestAnimationFrame(check) : resolve());
          check();
        });
        // The longest main-thread task while the text is analysed and rendered: how long a
        // keystroke could wait for the tab.
        const tasks = [];
        const longTasks = [];
        const note = (entries) => entries.forEach((e) => { tasks.push(e.duration); longTasks.push({ startTime: e.startTime, duration: e.duration }); });
        const observer = new PerformanceObserver((list) => note(list.getEntries()));
        observer.observe({ type: 'longtask' });
        // Long animation frames attribute script time to its source: podnet's own script (the
        // wasm-bindgen glue and the wasm it calls, `podnet-*.js`) apart from the browser's style,
        // layout and paint of the frame. The marks cannot tell these apart: yew's effects (the
        // `podnet:rendered` mark) run in a task after the frame that draws the render, so
        // update → rendered spans the browser's layout of the 1 MB textarea.
        const frames = [];
        const frameObserver = new PerformanceObserver((list) => frames.push(...list.getEntries()));
        frameObserver.observe({ type: 'long-animation-frame' });
        const start = performance.now();
        paste(text);
        await new Promise((resolve, reject) => {
          const give_up = setTimeout(() => reject(new Error(`no findings within 60 s for ${text.length} bytes: ${document.querySelector('.results')?.textContent.slice(0, 200)}`)), 60_000);
          const check = () => {
            if (document.querySelector('.finding.error')) { clearTimeout(give_up); resolve(); } else requestAnimationFrame(check);
          };
          check();
        });
        const ms = performance.now() - start;
        // Long tasks that ended before now, whether or not their callback has run yet.
        note(observer.takeRecords());
        observer.disconnect();
        frames.push(...frameObserver.takeRecords());
        frameObserver.disconnect();
        const scripts = frames.flatMap((f) => f.scripts);
        const own = scripts.filter((script) => /podnet-/.test(script.sourceURL));
        const podnetScript = Math.max(0, ...own.map((script) => script.duration));
        const worstOwn = own.reduce((a, b) => (b.duration > (a?.duration ?? -1) ? b : a), null);
        // The frame's own work after the scripts: style, layout, paint.
        const frameRender = Math.max(0, ...frames.map((f) => f.startTime + f.duration - (f.renderStart || f.startTime + f.duration)));
        // The page's own marks. A state update (`podnet:update` → `podnet:updated`) and the
        // render after it (→ `podnet:rendered`) run in one task, as do a worker reply's decoding
        // (`podnet:reply`), its update and render: the longest of those is podnet's own longest
        // step on the main thread. `podnet:request` → `podnet:reply` is the analysis in the
        // worker, messages included (the main thread is free meanwhile).
        const marks = performance.getEntriesByType('mark').filter((m) => m.startTime >= start);
        let update = 0;
        let ownStep = 0;
        let analysis = 0;
        let decode = 0;
        marks.forEach((mark, i) => {
          const after = (name) => marks.slice(i + 1).find((m) => m.name === name);
          if (mark.name === 'podnet:update' && marks[i + 1]?.name === 'podnet:updated') update = Math.max(update, marks[i + 1].startTime - mark.startTime);
          if (mark.name === 'podnet:update' || mark.name === 'podnet:reply') {
            // A reply's update is part of its step: start at the reply.
            const step = mark.name === 'podnet:update' && marks[i - 1]?.name === 'podnet:reply-decoded' ? undefined : after('podnet:rendered');
            if (step) ownStep = Math.max(ownStep, step.startTime - mark.startTime);
          }
          if (mark.name === 'podnet:reply') {
            const decoded = after('podnet:reply-decoded');
            if (decoded) decode = Math.max(decode, decoded.startTime - mark.startTime);
          }
          if (mark.name === 'podnet:request') {
            const reply = after('podnet:reply');
            if (reply) analysis = Math.max(analysis, reply.startTime - mark.startTime);
          }
        });
        // The long tasks that hold none of podnet's marks are the browser's own (the textarea's
        // layout of the pasted text).
        const withMarks = (task) => marks.some((m) => m.startTime >= task.startTime && m.startTime <= task.startTime + task.duration);
        const podnetTasks = longTasks.filter(withMarks).map((t) => t.duration);
        const browserTasks = longTasks.filter((t) => !withMarks(t)).map((t) => t.duration);
        // One keystroke at the end of the text: the time until the page has handled it and
        // drawn the next frame (over the live limit, no analysis runs).
        const keyStart = performance.now();
        area.setRangeText('#', area.value.length, area.value.length, 'end');
        area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: '#' }));
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const keystroke = performance.now() - keyStart;
        // The debounced analysis this keystroke scheduled is dropped as stale by the next round's
        // paste (the page analyses a revision only if nothing changed since).
        return {
          ms, longestTask: Math.max(0, ...tasks), keystroke, analysis, update, ownStep, decode,
          longestTaskWithMarks: Math.max(0, ...podnetTasks), longestBrowserTask: Math.max(0, ...browserTasks),
          podnetScript, podnetScriptInvoker: worstOwn ? `${worstOwn.invoker} (${worstOwn.invokerType})` : '', frameRender,
          worker: window.podnetWorker instanceof Worker,
        };
      }, text));
    }
    typing[label] = {
      bytes: text.length,
      ms: runs.map((run) => Math.round(run.ms)),
      medianMs: median(runs.map((run) => Math.round(run.ms))),
      longestTaskMs: runs.map((run) => Math.round(run.longestTask)),
      medianLongestTaskMs: median(runs.map((run) => Math.round(run.longestTask))),
      // In the worker, request → reply (the main thread is free meanwhile).
      analysisMs: runs.map((run) => Math.round(run.analysis)),
      medianAnalysisMs: median(runs.map((run) => Math.round(run.analysis))),
      // podnet's own longest main-thread step (update + render, or reply decoded + update + render).
      ownStepMs: runs.map((run) => Math.round(run.ownStep)),
      medianOwnStepMs: median(runs.map((run) => Math.round(run.ownStep))),
      updateMs: runs.map((run) => Math.round(run.update)),
      decodeMs: runs.map((run) => Math.round(run.decode)),
      // Long tasks holding one of podnet's marks, and those holding none (the browser's).
      longestTaskWithMarksMs: runs.map((run) => Math.round(run.longestTaskWithMarks)),
      longestBrowserTaskMs: runs.map((run) => Math.round(run.longestBrowserTask)),
      // podnet's longest script in a long animation frame (its own code, whatever the marks
      // say), what ran it, and the longest style + layout + paint of a frame meanwhile.
      podnetScriptMs: runs.map((run) => Math.round(run.podnetScript)),
      podnetScriptInvoker: runs.map((run) => run.podnetScriptInvoker),
      frameRenderMs: runs.map((run) => Math.round(run.frameRender)),
      worker: runs.every((run) => run.worker),
      keystrokeMs: runs.map((run) => Math.round(run.keystroke)),
      medianKeystrokeMs: median(runs.map((run) => Math.round(run.keystroke))),
      debounceMs: 150,
    };
    assert.match(await page.locator('.finding.error').first().textContent(), /flannel\/node-capacity/);
  }

  // The browser's own cost at 1 MB, without podnet: a bare textarea styled like the editor gets
  // the same text (time to lay it out) and then one keystroke (time to the next frame).
  const bare = [];
  for (let round = 0; round < ROUNDS; round++) {
    bare.push(await page.evaluate(async (text) => {
      const area = document.createElement('textarea');
      area.className = 'config-input';
      // Wrapping as the editor does (static/style.css).
      area.style.cssText = 'width: 600px; height: 448px; font-size: 13px; line-height: 20px; '
        + 'white-space: break-spaces; line-break: anywhere; overflow-wrap: anywhere';
      document.body.append(area);
      const start = performance.now();
      area.value = text;
      void area.offsetHeight;
      const layout = performance.now() - start;
      const keyStart = performance.now();
      area.setRangeText('#', text.length, text.length, 'end');
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const keystroke = performance.now() - keyStart;
      area.remove();
      return { layout, keystroke };
    }, pasteOf(1_000_000)));
  }

  const fresh = medians(firstFindings);
  const plain = medians(baseline);
  const measurements = {
    when: new Date().toISOString(),
    sizes,
    gzipTotalBytes: gzipTotal,
    firstFindingsMs: firstFindings.map(rounded),
    firstFindingsMedianMs: fresh,
    warmTabFirstFindingsMs: warmFirstFindings.map(rounded),
    warmTabFirstFindingsMedianMs: medians(warmFirstFindings),
    staticPageBaselineMs: baseline.map(rounded),
    staticPageBaselineMedianMs: plain,
    // podnet's first findings against the static page, both in fresh contexts of this run.
    firstFindingsOverBaseline: Number((fresh.total / plain.total).toFixed(2)),
    firstFindingsMinusBaselineMs: fresh.total - plain.total,
    inputToFindingsMs: typing,
    bareTextarea1MBMs: {
      layout: bare.map((b) => Math.round(b.layout)),
      medianLayout: median(bare.map((b) => Math.round(b.layout))),
      keystroke: bare.map((b) => Math.round(b.keystroke)),
      medianKeystroke: median(bare.map((b) => Math.round(b.keystroke))),
    },
  };
  await writeFile(new URL('measurements.json', OUTPUT), JSON.stringify(measurements, null, 2) + '\n');
  console.log(JSON.stringify(measurements, null, 2));
  assert.ok(gzipTotal > 0);
});
