// Runs bench.html in headless Chromium and prints its results as JSON on stdout.
//
// Usage (from bench/redact-compare, after compare.py built work/wasm-pkg and work/bench):
//   node wasm/bench.mjs --files config.txt,corpus.txt --paste paste.yaml [--seconds 0.6] [--repeats 5]
// Serves bench/redact-compare/ on 127.0.0.1 (a free port) and drives Chromium with playwright-core
// from the repo's node_modules. CHROMIUM overrides the browser (default /usr/bin/chromium).

import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = resolve(here, "..");
const repo = resolve(root, "..", "..");
const require = createRequire(join(repo, "package.json"));
const { chromium } = require("playwright-core");

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith("--")) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);

const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".txt": "text/plain" };
const server = createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname));
  const file = join(root, path);
  if (!file.startsWith(root)) {
    response.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    response.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((done) => server.listen(0, "127.0.0.1", done));
const { port } = server.address();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage();
  const query = new URLSearchParams({
    files: args.files || "",
    paste: args.paste || "",
    seconds: args.seconds || "0.6",
    repeats: args.repeats || "5",
  });
  await page.goto(`http://127.0.0.1:${port}/wasm/bench.html?${query}`);
  await page.waitForFunction(() => window.results, null, { timeout: 600_000, polling: 500 });
  const results = await page.evaluate(() => window.results);
  results.browserVersion = browser.version();
  process.stdout.write(JSON.stringify(results, null, 1) + "\n");
  if (results.error) process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
