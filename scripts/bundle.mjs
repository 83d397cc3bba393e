// Bundles the CLI (and the packet worker) into dist/bundle/ so that a command loads a few files instead of
// hundreds: run by `npm run build` after tsc. Packages whose internals vanban patches or resolves at run
// time (pdfmake, pdfkit, fontkit, the Tinos font package) stay outside and load from node_modules.
import { rmSync } from "node:fs";
import { build } from "esbuild";

// chunk names carry a hash: without this, every build would leave the previous chunks beside the new ones
rmSync("dist/bundle", { recursive: true, force: true });

await build({
  entryPoints: { main: "src/cli/main.ts", "packet-worker": "src/pipeline/packet-worker.ts", "check-worker": "src/pipeline/check-worker.ts" },
  outdir: "dist/bundle",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["pdfmake", "pdfkit", "fontkit", "@expo-google-fonts/tinos"],
  // CommonJS packages bundled into ESM call require() for Node's own modules
  banner: { js: 'import { createRequire as __vanbanRequire } from "node:module"; const require = __vanbanRequire(import.meta.url);' },
  // beside the entries: modules find data/, templates/ and schema/ two folders up, and "./packet-worker.js" here
  chunkNames: "[name]-[hash]",
  logLevel: "warning",
  legalComments: "none",
});
