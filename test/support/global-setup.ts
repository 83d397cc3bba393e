import { spawnSync } from "node:child_process";

/**
 * CLI tests run the compiled dist/ as users do: compile once per test run. Type errors are reported
 * by `npm test` (which type-checks first) and `npm run typecheck`; tsc still emits, so tests can run.
 */
export default function setup(): void {
  spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], { stdio: "inherit" });
  // the CLI as shipped (test/support/cli.ts runs it)
  spawnSync(process.execPath, ["scripts/bundle.mjs"], { stdio: "inherit" });
}
