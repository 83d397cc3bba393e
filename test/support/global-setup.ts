import { spawnSync } from "node:child_process";

/**
 * CLI tests run the CLI as users do, bundled (scripts/bundle.mjs, about a second): bundle once per test run.
 * Type errors are reported by `npm test` (which type-checks first) and `npm run typecheck`.
 */
export default function setup(): void {
  spawnSync(process.execPath, ["scripts/bundle.mjs"], { stdio: "inherit" });
}
