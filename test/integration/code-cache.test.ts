/**
 * The bundled binary's V8 code caches (src/cli/bin.ts; dist/bundle/cli*.cache beside the CLI's chunks, written
 * by scripts/bundle.mjs, run by the global setup): the same output with and without them, and caches that are
 * missing, damaged, made for another Node or another chunk, or rejected by V8 are passed over without a word.
 * The bundle is loaded in this process (loadCli); child processes only where a fresh V8 is needed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Script } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHILD_PROCESS_SKIP, runCli, runCliInProcess, type CliRun } from "../support/cli.ts";
import { SEED_MODEL_FILE } from "../support/seed.ts";

interface LoadedCli {
  run(args: readonly string[]): Promise<number>;
  chunks: ReadonlyMap<string, { script: Script; fromCache: boolean }>;
}
interface Bin {
  loadCli(cacheDir?: string): LoadedCli;
  writeCodeCache(cli: Pick<LoadedCli, "chunks">, cacheDir: string): void;
}

const BUNDLE = resolve("dist/bundle");
const root = mkdtempSync(join(tmpdir(), "vanban-code-cache-"));
const VALIDATE = ["validate", SEED_MODEL_FILE, "--json"];
let bin: Bin;
let cached: CliRun;

/** Which of the chunks `cli` compiled took their cache. */
const cacheUse = (cli: LoadedCli) => [...cli.chunks].map(([name, chunk]) => ({ name, fromCache: chunk.fromCache }));

/** A folder of the shipped caches, each passed through `edit` (header: its first line, as JSON). */
function cacheDir(name: string, edit: (bytes: Buffer, header: { key: string; sha256: string }) => Buffer): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const file of readdirSync(BUNDLE).filter((f) => f.endsWith(".cache"))) {
    const bytes = readFileSync(join(BUNDLE, file));
    writeFileSync(join(dir, file), edit(bytes, JSON.parse(bytes.subarray(0, bytes.indexOf(0x0a)).toString("utf8"))));
  }
  return dir;
}

/** `bytes` with `header` in place of their first line */
const withHeader = (bytes: Buffer, header: object) => Buffer.concat([Buffer.from(JSON.stringify(header)), bytes.subarray(bytes.indexOf(0x0a))]);

describe.skipIf(CHILD_PROCESS_SKIP !== "")(`the bundle's code caches${CHILD_PROCESS_SKIP}`, () => {
  beforeAll(async () => {
    bin = (await import(join(BUNDLE, "main.js"))) as Bin;
    const cli = bin.loadCli();
    cached = await runCliInProcess(VALIDATE, cli.run);
    expect(cached.status).toBe(0);
    // every chunk validate loads has its cache, and V8 took it
    expect(cacheUse(cli).filter((c) => !c.fromCache)).toEqual([]);
    expect(cli.chunks.size).toBeGreaterThan(1);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("gives the same output without them, and missing caches are no error", async () => {
    const cli = bin.loadCli(join(root, "absent"));
    expect(await runCliInProcess(VALIDATE, cli.run)).toEqual(cached);
    expect(cacheUse(cli).filter((c) => c.fromCache)).toEqual([]);
    // a second command on the same load: commander's own output
    const cachedHelp = await runCliInProcess(["build", "--help"], bin.loadCli().run);
    expect(cachedHelp.stdout).toContain("Usage: vanban build");
    expect(await runCliInProcess(["build", "--help"], cli.run)).toEqual(cachedHelp);
  });

  it("passes over damaged caches, and those made for another Node or another chunk", async () => {
    const dirs = [
      cacheDir("flipped", (bytes) => {
        const flipped = Buffer.from(bytes);
        flipped[flipped.length - 100]! ^= 0xff;
        return flipped;
      }),
      cacheDir("truncated", (bytes) => bytes.subarray(0, bytes.length >> 1)),
      cacheDir("not-a-cache", () => Buffer.from("not a cache")),
      cacheDir("other-node", (bytes, header) => withHeader(bytes, { ...header, key: header.key.replace(`"node":"${process.version}"`, '"node":"v0.0.0"') })),
      cacheDir("other-chunk", (bytes, header) => withHeader(bytes, { ...header, key: header.key.replace(/"mtimeMs":[\d.]+/, '"mtimeMs":0') })),
    ];
    const version = await runCliInProcess(["--version"], bin.loadCli().run);
    for (const dir of dirs) {
      const cli = bin.loadCli(dir);
      // what the user sees: the same output, no warning
      expect({ dir, run: await runCliInProcess(["--version"], cli.run) }).toEqual({ dir, run: version });
      expect({ dir, fromCache: cacheUse(cli).filter((c) => c.fromCache) }).toEqual({ dir, fromCache: [] });
    }
    expect(await runCliInProcess(VALIDATE, bin.loadCli(dirs[0]).run)).toEqual(cached);
  });

  it("passes over caches V8 rejects (headers that fit, over the data of another script)", () => {
    const dir = join(root, "rejected");
    mkdirSync(dir);
    const names = readdirSync(BUNDLE).filter((f) => /^cli.*\.cache$/.test(f)).map((f) => f.replace(/\.cache$/, ".js"));
    bin.writeCodeCache({ chunks: new Map(names.map((name) => [name, { script: new Script("0"), fromCache: false }])) }, dir);
    // in a process of its own: this one's V8 keeps the chunks compiled above and would not look at a cache
    const probe = `const { loadCli } = await import(${JSON.stringify(join(BUNDLE, "main.js"))});
      const cli = loadCli(${JSON.stringify(dir)});
      process.exitCode = await cli.run(["--version"]);
      const chunks = [...cli.chunks.values()];
      console.log(JSON.stringify({ chunks: chunks.length, rejectedAndPassedOver: chunks.filter((c) => c.script.cachedDataRejected && !c.fromCache).length }));`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", probe], { encoding: "utf8" });
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    const [version, use] = child.stdout.trim().split("\n");
    expect(version).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
    const { chunks, rejectedAndPassedOver } = JSON.parse(use!);
    expect(chunks).toBeGreaterThan(1);
    expect(rejectedAndPassedOver).toBe(chunks);
  });

  it("are what the binary runs: the same output in a child process", () => {
    const child = runCli(VALIDATE);
    expect({ status: child.status, stdout: child.stdout, stderr: child.stderr }).toEqual(cached);
  });
});
