import { execFileSync } from "node:child_process";

/** CLI tests run the compiled dist/ as users do; compile once per test run. */
export default function setup(): void {
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], { stdio: "inherit" });
}
