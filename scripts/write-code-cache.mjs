// Writes the code caches of the CLI's chunks (cli*.cache in the bundle's folder, argv[2]; run by
// scripts/bundle.mjs): loads the bundled CLI, runs commands that touch the code most starts need (commander,
// reading and validating a model), then saves the code V8 compiled for them. Chunks these commands do not load
// get no cache.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const SEED = "seeds/qd-503-2013.yaml";
const { loadCli, writeCodeCache } = await import(pathToFileURL(resolve(process.argv[2], "main.js")).href);
const cli = loadCli();
await cli.run(["--help"]);
if (existsSync(SEED)) await cli.run(["validate", SEED]);
writeCodeCache(cli);
