// trunk post_build hook: makes the page load under `connect-src 'none'`.
//
// wasm-bindgen's loader fetch()es the .wasm file, and trunk boots it from an inline <script>; the
// page's CSP forbids both (no connections at all, scripts only from 'self'). This hook moves the
// wasm bytes into a same-origin script and replaces the inline boot code and the wasm preload with
// one <script type="module" src>, so the page makes no fetch of any kind.
//
// The bytes are LZMA-compressed here (`xz --format=lzma`, preset 9e with lc=4, pb=0; Debian's
// xz-utils: 15% smaller than zopfli's gzip on podnet's wasm) and written as base64; the browser
// decodes them (natively with Uint8Array.fromBase64 where it can) and decompresses them with
// podnet's own LZMA decoder, `boot/lzma` (a no_std Rust crate of about 250 lines written from
// the LZMA specification, built here to a 2.2 KB wasm, 1.7 KB in the script), which this hook
// builds, checks (it decodes the page's wasm with it in node and compares every byte before it
// writes anything) and inlines. Then WebAssembly.compile. performance.mark('podnet:…') calls
// time each step. Measured on podnet's wasm, the script transfers at about the size of the
// compressed wasm itself, where a plain base64 string costs +45% and a one-character-per-byte
// string +25% (ARCHITECTURE.md).
//
// The analysis runs in a module worker (`podnet-worker-….js`, written here too) on the same
// compiled module, which the boot script posts to it first: no second copy of the wasm ships.
// The worker imports the same wasm-bindgen glue, instantiates the module and answers each
// request `[revision, text, context]` with `[revision, bytes]` through web/src/worker.rs's
// `analyse` (bytes: web/src/wire.rs), or `[revision, null]` when it could not analyse (the page
// then analyses by itself). Where a module worker cannot start, the page analyses by itself.
// The generated scripts carry one comment line each: their bytes count in the page's size.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) throw new Error('TRUNK_STAGING_DIR is not set: run this as a trunk post_build hook');

const files = await readdir(stage);
const wasmName = files.find((name) => name.endsWith('_bg.wasm'));
const jsName = files.find((name) => name.endsWith('.js') && !name.startsWith('podnet-boot-'));
if (!wasmName || !jsName) throw new Error(`expected one _bg.wasm and one .js in ${stage}, found ${files.join(', ')}`);

const wasm = await readFile(join(stage, wasmName));
// Preset 9e with four literal context bits and no position bits (lc=4, pb=0): wasm's bytes
// follow the byte before them more than their position, 1 KB (0.4%) smaller than lc=3, pb=2.
const packed = execFileSync('xz', ['--format=lzma', '--lzma1=preset=9e,lc=4,lp=0,pb=0', '--stdout', join(stage, wasmName)], {
  maxBuffer: 64 * 1024 * 1024,
});

/** Bytes decoded per call of boot/lzma's `run`: V8 replaces a wasm function's baseline code by
 * optimised code between calls, never during one, so the stream is decoded in short calls; the
 * boot script yields to the browser every four (scheduler.yield where there is one), so
 * decompressing is no long task. */
const CHUNK = 1 << 15;

/** boot/lzma built for the browser: cargo (the page's toolchain, without the page's std build
 * and flags, which are for the page's crate) and binaryen's wasm-opt from node_modules. */
function lzmaDecoder() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const target = join(root, 'target', 'boot-lzma');
  const env = { ...process.env, CARGO_TARGET_DIR: target };
  for (const name of Object.keys(env)) {
    if (name.startsWith('CARGO_UNSTABLE_') || name.endsWith('RUSTFLAGS') || name.startsWith('CARGO_PROFILE_')) delete env[name];
  }
  execFileSync('cargo', ['build', '--quiet', '--locked', '--release', '--target', 'wasm32-unknown-unknown',
    '--manifest-path', join(root, 'boot', 'lzma', 'Cargo.toml')], { env, stdio: 'inherit' });
  const built = join(target, 'wasm32-unknown-unknown', 'release', 'podnet_lzma.wasm');
  const optimised = join(target, 'podnet_lzma.opt.wasm');
  execFileSync(join(root, 'node_modules', 'binaryen', 'bin', 'wasm-opt'),
    ['-O3', '--strip-debug', '--strip-producers', built, '-o', optimised], { stdio: 'inherit' });
  return optimised;
}

/** Decodes `packed` with the decoder as the boot script drives it: the same steps, in node. */
async function unpack(decoderBytes, packed, size) {
  const { exports: lzma } = (await WebAssembly.instantiate(decoderBytes)).instance;
  const input = lzma.memory.buffer.byteLength;
  const output = input + packed.length;
  const probs = (output + size + 1) & ~1;
  lzma.memory.grow(Math.ceil((probs + 2 * lzma.probabilities(packed[0]) - input) / 65536));
  new Uint8Array(lzma.memory.buffer, input, packed.length).set(packed);
  let status = lzma.start(input, packed.length, output, size, probs) ? 2 : 0;
  for (let until = CHUNK; status === 0; until += CHUNK) status = lzma.run(until);
  if (status !== 1) throw new Error('boot/lzma: the stream did not decode');
  return new Uint8Array(lzma.memory.buffer, output, size).slice();
}

const decoder = await readFile(lzmaDecoder());
if (Buffer.compare(Buffer.from(await unpack(decoder, packed, wasm.length)), wasm) !== 0) {
  throw new Error("boot/lzma decodes the page's wasm to other bytes: the page would not start");
}

const worker = [
  '// Generated by scripts/inline-wasm.mjs (the analysis worker; see there).',
  `import init, { analyse } from './${jsName}';`,
  'let ready;',
  'onmessage = async ({ data }) => {',
  '  if (data instanceof WebAssembly.Module) {',
  '    ready = init({ module_or_path: data });',
  '    return;',
  '  }',
  '  const [revision, text, context] = data;',
  '  let bytes = null;',
  '  try {',
  '    await ready;',
  '    bytes = analyse(text, context);',
  '  } catch {}',
  '  postMessage([revision, bytes?.length ? bytes : null], bytes ? [bytes.buffer] : []);',
  '};',
  '',
].join('\n');
const workerName = `podnet-worker-${createHash('sha256').update(worker).digest('hex').slice(0, 16)}.js`;
await writeFile(join(stage, workerName), worker);

const boot = [
  '// Generated by scripts/inline-wasm.mjs: boots the wasm without fetch() (the CSP forbids it).',
  '// The podnet:* performance marks time each step (docs/measurements.md reads them).',
  `import init, * as bindings from './${jsName}';`,
  "performance.mark('podnet:boot');",
  '// Native base64 decoding where the browser has it; else atob and one pass over the bytes.',
  'const bytesOf = (base64) => Uint8Array.fromBase64 ? Uint8Array.fromBase64(base64) : (() => {',
  '  const text = atob(base64);',
  '  const bytes = new Uint8Array(text.length);',
  '  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);',
  '  return bytes;',
  '})();',
  `const packed = bytesOf('${packed.toString('base64')}');`,
  `const { exports: lzma } = (await WebAssembly.instantiate(bytesOf('${decoder.toString('base64')}'))).instance;`,
  "performance.mark('podnet:decoded');",
  `const size = ${wasm.length};`,
  'const input = lzma.memory.buffer.byteLength;',
  'const output = input + packed.length;',
  'const probs = (output + size + 1) & ~1;',
  'lzma.memory.grow(Math.ceil((probs + 2 * lzma.probabilities(packed[0]) - input) / 65536));',
  'new Uint8Array(lzma.memory.buffer, input, packed.length).set(packed);',
  'let status = lzma.start(input, packed.length, output, size, probs) ? 2 : 0;',
  '// Short calls, so V8 swaps in optimised code early; a yield every few, so no task is long.',
  `for (let until = ${CHUNK}; status === 0; until += ${CHUNK}) {`,
  '  status = lzma.run(until);',
  `  if (status === 0 && until % ${CHUNK * 4} === 0) await (globalThis.scheduler?.yield?.() ?? new Promise((resolve) => setTimeout(resolve)));`,
  '}',
  "if (status !== 1) throw new Error(\"the page's wasm did not decompress\");",
  'const bytes = new Uint8Array(lzma.memory.buffer, output, size);',
  "performance.mark('podnet:inflated');",
  'const module = await WebAssembly.compile(bytes);',
  "performance.mark('podnet:compiled');",
  'try {',
  `  const worker = new Worker('./${workerName}', { type: 'module' });`,
  '  worker.postMessage(module);',
  '  window.podnetWorker = worker;',
  '} catch {}',
  'const wasm = await init({ module_or_path: module });',
  "performance.mark('podnet:started');",
  'window.wasmBindings = bindings;',
  "dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));",
  '',
].join('\n');
const bootName = `podnet-boot-${createHash('sha256').update(boot).digest('hex').slice(0, 16)}.js`;
await writeFile(join(stage, bootName), boot);
await rm(join(stage, wasmName));

const htmlPath = join(stage, 'index.html');
let html = await readFile(htmlPath, 'utf8');
// trunk's minifier drops attribute quotes: match the tags with or without them.
const inline = /<script type="?module"?>[\s\S]*?<\/script>/;
if (!inline.test(html)) throw new Error('trunk boot script not found in index.html');
html = html.replace(inline, `<script type="module" src="./${bootName}"></script>`);
html = html.replace(/<link[^>]*_bg\.wasm[^>]*>/, '');
await writeFile(htmlPath, html);
console.log(`inline-wasm: ${wasmName} (${wasm.length} bytes, ${packed.length} lzma'd) → ${bootName}, ${workerName}`);
