// Launches Debian's Chromium through playwright-core with the flags this machine needs
// (no background connections, no sandbox as root). Never downloads a browser.
import { chromium } from 'playwright-core';

export const OUTPUT = new URL('./output/', import.meta.url);

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
