#!/usr/bin/env node
/**
 * The vanban binary as bundled (dist/bundle/main.js). The CLI beside it is esbuild's chunks of it rewritten
 * as CommonJS (cli.js and cli-*.js, scripts/bundle.mjs), loaded as each command needs them, as the ES modules
 * were. Each chunk is compiled with the V8 code cache `npm run build` wrote beside it (cli*.cache) when that
 * cache was made for this Node, this V8 with these flags and this very file, and from its source as usual
 * otherwise: on Node 20 ES modules have no code cache (no module.enableCompileCache), a vm.Script has. A cache
 * holds compiled functions, no state, so the output is the same with or without it.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync, writeFileSync, type Stats } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";
import { isEntryPoint, startProgram } from "./entry-point.ts";
import { installationChanged } from "./installation.ts";

const BUNDLE_DIR = dirname(fileURLToPath(import.meta.url));
const ENTRY_CHUNK = "cli.js";

/** CommonJS's own wrapper: a chunk sees exports, require, module, __filename and __dirname as under require() */
const wrap = (code: string) => `(function (exports, require, module, __filename, __dirname) { ${code}\n})`;

export interface Chunk {
  /** its CommonJS module (esbuild's CommonJS sets module.exports) */
  module: { exports: Record<string, unknown> };
  script: Script;
  /** whether V8 took the chunk's code cache */
  fromCache: boolean;
}

export interface LoadedCli {
  /** `run` of src/cli/main.ts */
  run(args: readonly string[]): Promise<number>;
  /** the chunks compiled so far, by file name */
  chunks: ReadonlyMap<string, Chunk>;
}

/** What a cache was made for. V8 itself checks its version and flags and the source's length only. */
function cacheKey(source: Stats): string {
  return JSON.stringify({ node: process.version, v8: process.versions.v8, arch: process.arch, bytes: source.size, mtimeMs: source.mtimeMs });
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** cli-chunk-X.js → cli-chunk-X.cache */
const cacheName = (chunk: string) => chunk.replace(/\.js$/, ".cache");

/**
 * The cache's V8 data, or undefined when the file is missing or unreadable, made for another Node or another
 * chunk, or damaged: V8 does not check the data's bytes, and compiled code from damaged bytes could crash.
 * File layout: one JSON line { key, sha256 }, then the data.
 */
function readCodeCache(file: string, source: Stats): Buffer | undefined {
  try {
    const bytes = readFileSync(file);
    const headerEnd = bytes.indexOf(0x0a);
    const header = JSON.parse(bytes.subarray(0, headerEnd).toString("utf8")) as { key?: unknown; sha256?: unknown };
    const data = bytes.subarray(headerEnd + 1);
    return header.key === cacheKey(source) && header.sha256 === sha256(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Compiles and runs cli.js; its require() of "./cli-….js" compiles and runs that chunk, once. `cacheDir`: where
 * the code caches are (the bundle's own folder).
 */
export function loadCli(cacheDir: string = BUNDLE_DIR): LoadedCli {
  const chunks = new Map<string, Chunk>();
  const load = (name: string): Chunk => {
    const loaded = chunks.get(name);
    if (loaded) return loaded;
    const file = join(BUNDLE_DIR, name);
    let source: string;
    let stats: Stats;
    try {
      [source, stats] = [readFileSync(file, "utf8"), statSync(file)];
    } catch (error) {
      throw installationChanged(file, error);
    }
    const cachedData = readCodeCache(join(cacheDir, cacheName(name)), stats);
    const script = new Script(wrap(source), { filename: file, cachedData });
    const module = { exports: {} };
    const chunk: Chunk = { module, script, fromCache: cachedData !== undefined && !script.cachedDataRejected };
    // listed before it runs: chunks that import each other get its exports as they are so far, as under require()
    chunks.set(name, chunk);
    const nodeRequire = createRequire(file);
    const require = Object.assign((id: string) => (id.startsWith("./") ? load(id.slice(2)).module.exports : nodeRequire(id)), nodeRequire);
    script.runInThisContext()(module.exports, require, module, file, BUNDLE_DIR);
    return chunk;
  };
  return { run: load(ENTRY_CHUNK).module.exports.run as LoadedCli["run"], chunks };
}

/** Writes the code cache of every chunk `cli` compiled (after it ran: V8 then saves the functions it compiled lazily). */
export function writeCodeCache(cli: LoadedCli, cacheDir: string = BUNDLE_DIR): void {
  for (const [name, { script }] of cli.chunks) {
    const data = script.createCachedData();
    const header = JSON.stringify({ key: cacheKey(statSync(join(BUNDLE_DIR, name))), sha256: sha256(data) });
    writeFileSync(join(cacheDir, cacheName(name)), Buffer.concat([Buffer.from(`${header}\n`, "utf8"), data]));
  }
}

/** Runs one command line, as `run` of src/cli/main.ts does (dist/bench/run-cli.js calls it). */
export function run(args: readonly string[]): Promise<number> {
  return loadCli().run(args);
}

if (isEntryPoint(import.meta.url)) startProgram(run);
