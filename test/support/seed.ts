import { readFileSync } from "node:fs";
import { loadValidationEnv } from "../../src/pipeline/environment.ts";
import { importSource } from "../../src/recognize/import-source.ts";
import type { ValidationEnv } from "../../src/validate/context.ts";

export const SEED_TEXT_FILE = "seeds/qd-503-2013.txt";
export const SEED_MODEL_FILE = "seeds/qd-503-2013.yaml";

export function seedText(): string {
  return readFileSync(SEED_TEXT_FILE, "utf8");
}

let envPromise: Promise<ValidationEnv> | undefined;
export function validationEnv(): Promise<ValidationEnv> {
  envPromise ??= loadValidationEnv().then(({ env }) => env!);
  return envPromise;
}

export async function importText(text: string, options: { fix?: boolean } = {}) {
  return importSource(new TextEncoder().encode(text), "input.txt", await validationEnv(), options);
}

/** Line number (1-based) of the first line of `text` equal to `line` (after trimming NBSP/space), after `from`. */
export function lineOf(text: string, line: string, from = 1): number {
  const lines = text.split("\n");
  for (let i = from - 1; i < lines.length; i++) if (lines[i]!.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, "") === line) return i + 1;
  throw new Error(`line not found: ${line}`);
}
