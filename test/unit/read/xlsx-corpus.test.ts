/**
 * `vanban import` on the real workbooks of ../shared/corpus/xlsx (see its README), when that folder
 * exists: what every workbook of the kind must give, never facts about one file (unseen workbooks of the
 * same kinds are imported the same way): exit 0 without a stack trace, appendices with rows, and no row
 * that is only a template's STT.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../../src/cli/output.ts";
import { isGroup, type Group, type Row } from "../../../src/model/schema.ts";
import { readSource } from "../../../src/read/read-source.ts";
import { recognizeDocument } from "../../../src/recognize/recognize-document.ts";
import { runCliInProcess, STACK_LINE } from "../../support/cli.ts";

const FOLDER = path.resolve("../shared/corpus/xlsx");
const files = existsSync(FOLDER) ? readdirSync(FOLDER).filter((name) => name.endsWith(".xlsx")).sort() : [];

const rowsOf = (items: readonly (Group | Row)[]): Row[] => items.flatMap((item) => (isGroup(item) ? rowsOf(item.items) : [item, ...rowsOf(item.rows)]));
/** Something besides the STT: the row is a row of the table, not of an empty numbered template. */
const hasText = (row: Row) => Object.entries(row).some(([key, value]) => key !== "number" && key !== "rows" && (typeof value === "string" ? value !== "" : Object.values(value ?? {}).some((v) => v !== "")));

describe.skipIf(files.length === 0)(`vanban import on the workbooks of ${FOLDER}`, () => {
  it.each(files)("%s", async (name) => {
    const file = path.join(FOLDER, name);
    const run = await runCliInProcess(["import", file, "--json"]);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.status).toBe(EXIT.ok);
    const { summary } = JSON.parse(run.stdout);
    expect(summary.appendices.length).toBeGreaterThan(0);
    for (const appendix of summary.appendices) expect(appendix.rows).toBeGreaterThan(0);
    // the rows themselves, as the recognizer reads them
    const decision = recognizeDocument(readSource(new Uint8Array(readFileSync(file)), { name }).document!, { file: name }).decision!;
    for (const appendix of decision.appendices) expect(rowsOf(appendix.items).filter((row) => !hasText(row))).toEqual([]);
  });
});

describe.skipIf(files.length > 0)("vanban import on the corpus workbooks", () => {
  it.skip(`skipped: ${FOLDER} is absent (the real workbooks of issue #15 live there)`, () => {});
});
