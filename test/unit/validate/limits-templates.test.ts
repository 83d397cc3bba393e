/**
 * The word limit of validate/limits.ts holds for the letters' wording too: a template that writes, or expands
 * to, a run without a space that pdfmake would take minutes to break is stopped with template/too-large, at
 * the block or the place in the file.
 */
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES_DIR, loadLetterWording } from "../../../src/io/templates.ts";
import { renderParagraph } from "../../../src/letters/templates.ts";
import { MODEL_LIMITS } from "../../../src/validate/limits.ts";
import { LETTER_DATA as DATA } from "../../support/letter-template-data.ts";

async function openingFrom(source: string) {
  const dir = mkdtempSync(join(tmpdir(), "vanban-limits-templates-"));
  cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
  writeFileSync(join(dir, "letter", "opening.hbs"), source);
  const wording = await loadLetterWording(dir);
  return () => renderParagraph(wording, "opening", DATA);
}

const tooLarge = (where: object) => expect.objectContaining({ code: "template/too-large", message: expect.stringMatching(/without a space/), where: expect.objectContaining(where) });

describe("templates within the word limit", () => {
  it("a word written in the template is stopped at its line and column", async () => {
    const render = await openingFrom(`Kính gửi {{agency.name}}\nvà ${"a".repeat(15_000)} xong`);
    expect(render).toThrow(tooLarge({ line: 2, column: 3 }));
  });

  it("a block that runs its outputs together is stopped at the block", async () => {
    // the innermost block gives the 7 keys of decision (50 characters), the one around it 7 times that
    const render = await openingFrom(`Kính gửi\n  {{#each agency}}{{#each @root.decision}}{{#each @root.decision}}{{@key}}{{/each}}{{/each}}{{/each}}`);
    expect(render).toThrow(tooLarge({ line: 2, column: 18 }));
  });

  it("a word at the limit, and the bundled wording, render", async () => {
    expect((await openingFrom(`Kính gửi ${"a".repeat(MODEL_LIMITS.wordChars)} xong`))()).toMatch(/^Kính gửi a+ xong$/);
    expect(renderParagraph(await loadLetterWording(), "opening", DATA)).toMatch(/Quyết định/);
  });
});
