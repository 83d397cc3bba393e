import { spawnSync } from "node:child_process";

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the compiled CLI as a user would. */
export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [`${process.cwd()}/dist/cli/main.js`, ...args], {
    encoding: "utf8",
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A stack trace line, which users must never see. */
export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
