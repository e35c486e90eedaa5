// Launches Debian's Chromium through playwright-core with the flags this machine needs
// (no background connections, no sandbox as root). Never downloads a browser.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startServer } from './serve.mjs';

export const OUTPUT = new URL('./output/', import.meta.url);

/** Seed 002's kubenet command written on one line, as people paste it: the long line the diff
 * and the editor tests wrap. */
export const ONE_LINE_AKS_CREATE = 'az aks create --resource-group rg-prod-eus2 --name aks-prod-eus2 --node-count 3 '
  + '--node-vm-size Standard_D4ds_v5 --network-plugin kubenet --pod-cidr 10.244.0.0/16 '
  + '--service-cidr 10.0.0.0/16 --dns-service-ip 10.0.0.10\n';

/** The release build under test: `PODNET_DIST` (a folder) or the repository's `dist/`; always
 * with a trailing slash, so file names resolve inside it. */
export const DIST = (() => {
  const dist = process.env.PODNET_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));
  return dist.endsWith('/') ? dist : dist + '/';
})();

/** Serves the release build on 127.0.0.1, launches Chromium and makes the output folder: what
 * every end-to-end file does before its tests. Close both after them. */
export async function startRelease() {
  const server = await startServer(DIST);
  const browser = await launch();
  await mkdir(OUTPUT, { recursive: true });
  return { server, browser };
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
    ],
  });
}

/** A page that records every request and console error. */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(String(error)));
  await page.goto(url);
  await page.waitForSelector('#config-input');
  return { page, requests, problems, context };
}

/** Waits until the page shows the analysis of its current state: the URL fragment holds
 * `fragment` (the context the state has) and the results are no longer marked busy. */
export async function settled(page, fragment) {
  await page.waitForFunction((wanted) => location.hash.includes(wanted)
    && document.querySelector('.results')?.getAttribute('aria-busy') === 'false', fragment);
}
