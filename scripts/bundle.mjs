// Bundles the CLI (and the worker threads' entries) into dist/bundle/ so that a command loads a few files
// instead of hundreds: run by `npm run build` after tsc. Packages whose internals vanban patches or resolves at
// run time (pdfmake, pdfkit, fontkit, the Tinos font package) stay outside and load from node_modules.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { build, transform } from "esbuild";

// Built in a folder of its own, then put in place of the last bundle whole: a vanban started meanwhile finds
// either bundle complete (chunk names carry a hash, so the folders cannot be merged). A sibling of dist/bundle:
// modules find data/, templates/ and schema/ two folders up.
const OUT = `dist/.bundle-${process.pid}`;
rmSync(OUT, { recursive: true, force: true });
// made here, not by whichever esbuild build writes first: the CLI's chunks are written by this script, and may
// be ready before the workers' build has made the folder
mkdirSync(OUT, { recursive: true });

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  external: ["pdfmake", "pdfkit", "fontkit", "@expo-google-fonts/tinos"],
  logLevel: "warning",
  legalComments: "none",
};

// The worker threads' entries, ES modules sharing chunks, beside main.js (the CLI finds "./packet-worker.js" there)
const workers = build({
  ...common,
  entryPoints: { "packet-worker": "src/pipeline/packet-worker.ts", "check-worker": "src/pipeline/check-worker.ts" },
  outdir: OUT,
  splitting: true,
  format: "esm",
  // CommonJS packages bundled into ESM call require() for Node's own modules
  banner: { js: 'import { createRequire as __vanbanRequire } from "node:module"; const require = __vanbanRequire(import.meta.url);' },
  chunkNames: "[name]-[hash]",
});

// The CLI: esbuild's ES module chunks, each rewritten as CommonJS, so that main.js can compile every chunk with a
// V8 code cache (src/cli/bin.ts). A command still loads only its chunks. import.meta.url is the chunk's URL.
const cli = await build({ ...common, entryPoints: { cli: "src/cli/main.ts" }, outdir: OUT, splitting: true, format: "esm", chunkNames: "cli-[name]-[hash]", write: false });
const toCommonJs = (chunk) =>
  transform(chunk.text.replace(/^#!.*\n/, ""), {
    format: "cjs",
    platform: "node",
    target: "node20",
    // import("./cli-….js") becomes a require() of the chunk, which main.js's require() loads
    supported: { "dynamic-import": false },
    define: { "import.meta.url": "__vanbanImportMetaUrl" },
    banner: 'var __vanbanImportMetaUrl = require("node:url").pathToFileURL(__filename).href;',
    logLevel: "warning",
  }).then(({ code }) => writeFileSync(chunk.path, code));
await Promise.all([workers, ...cli.outputFiles.map(toCommonJs)]);

// The binary: loads the CLI's chunks
await build({ ...common, entryPoints: { main: "src/cli/bin.ts" }, outdir: OUT, format: "esm" });

// The code caches, made by a node process of its own with this one's environment (V8 rejects a cache made under
// other flags), before the bundle is put in place: two builds at once each cache their own folder. (A chunk
// compiled from its cache keeps the file name it was cached under, dist/.bundle-…, in stack traces and
// profiles.) The commands the process runs print their usual output: shown only if it fails.
const cache = spawnSync(process.execPath, ["scripts/write-code-cache.mjs", OUT], { encoding: "utf8" });
if (cache.status !== 0) {
  rmSync(OUT, { recursive: true, force: true });
  throw new Error(`scripts/write-code-cache.mjs failed (exit ${cache.status ?? cache.signal}):\n${cache.stderr}`);
}

const previous = `dist/.bundle-${process.pid}-previous`;
if (existsSync("dist/bundle")) renameSync("dist/bundle", previous);
renameSync(OUT, "dist/bundle");
rmSync(previous, { recursive: true, force: true });
