import { spawnSync } from "node:child_process";

/**
 * CLI tests run the CLI as users do, bundled (scripts/bundle.mjs with its code caches, about two seconds):
 * bundle once per test run.
 * Type errors are reported by `npm test` (which type-checks first) and `npm run typecheck`.
 */
export default function setup(): void {
  const bundle = spawnSync(process.execPath, ["scripts/bundle.mjs"], { stdio: "inherit" });
  // else the tests would run the last bundle, not the sources
  if (bundle.status !== 0) throw new Error(`scripts/bundle.mjs failed (exit ${bundle.status ?? bundle.signal})`);
}
