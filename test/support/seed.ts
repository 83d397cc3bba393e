import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
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

/**
 * The seed cut down to two tasks and three letters, saved in `dir` (same document number, so the same folder
 * name): for tests of what does not depend on the model's size (locks, faults, watch), a build in a second.
 */
export function writeSmallModel(dir: string): string {
  const lines = readFileSync(SEED_MODEL_FILE, "utf8").split("\n");
  const start = lines.findIndex((l) => l === "    items:");
  const end = lines.findIndex((l) => l === "letters:");
  const items = [
    "    items:",
    "      - group: I",
    "        title: CẢI CÁCH THỂ CHẾ",
    "        items:",
    '          - number: "1"',
    "            content: Xây dựng, triển khai Chương trình ban hành văn bản QPPL năm 2013",
    "            product: Quyết định UBND tỉnh",
    "            lead: Sở Tư pháp",
    "            support: Sở Nội vụ",
    "            deadline: Quý I",
    '          - number: "2"',
    "            content: Rà soát các văn bản QPPL đã ban hành",
    "            product: Báo cáo",
    "            lead: Văn phòng UBND tỉnh",
    "            support: Sở Tư pháp",
    "            deadline: Quý II",
  ];
  const file = join(dir, "model.yaml");
  writeFileSync(file, [...lines.slice(0, start), ...items, ...lines.slice(end)].join("\n").replace("$schema=../schema/", `$schema=${resolve("schema")}/`));
  return file;
}
