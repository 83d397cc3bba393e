// Writes the code caches of the CLI's chunks (cli*.cache in the bundle's folder, argv[2]; run by
// scripts/bundle.mjs): loads the bundled CLI, runs commands that touch the code most starts need (commander,
// reading and validating a model, the build's modules), then saves the code V8 compiled for them. Chunks these
// commands do not load get no cache.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const SEED = "seeds/qd-503-2013.yaml";
const { loadCli, writeCodeCache } = await import(pathToFileURL(resolve(process.argv[2], "main.js")).href);
const cli = loadCli();
await cli.run(["--help"]);
if (existsSync(SEED)) await cli.run(["validate", SEED]);
// a build of a model that is not there loads every module of a build and stops at reading it, writing nothing
const scratch = mkdtempSync(join(tmpdir(), "vanban-code-cache-"));
await cli.run(["build", join(scratch, "absent.yaml"), "-o", join(scratch, "out")]);
rmSync(scratch, { recursive: true, force: true });
writeCodeCache(cli);
