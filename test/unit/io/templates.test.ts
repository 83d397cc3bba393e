/**
 * Letter templates as read (src/io/templates.ts) and expanded (src/letters/templates.ts): hard links refused like
 * symlinks, a misspelt field inside {{#if}} / {{#each}} an error at its position, an exploding expansion
 * stopped at the block that overflows.
 */
import { cpSync, linkSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES_DIR, loadLetterWording } from "../../../src/io/templates.ts";
import { LETTER_TEMPLATES, MAX_TEMPLATE_OUTPUT_CHARS, renderParagraph, type LetterWording } from "../../../src/letters/templates.ts";
import { LETTER_DATA as DATA } from "../../support/letter-template-data.ts";

/** A copy of the bundled templates whose opening.hbs is `opening`. */
function templatesWith(opening: string): string {
  const dir = mkdtempSync(join(tmpdir(), "vanban-templates-"));
  cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
  writeFileSync(join(dir, "letter", "opening.hbs"), opening);
  return dir;
}

describe("letter templates: reading", () => {
  it("the bundled templates load", async () => {
    const wording = await loadLetterWording();
    expect(Object.keys(wording.sources).sort()).toEqual([...LETTER_TEMPLATES].sort());
  });

  it("refuses a template that is a hard link (a second name of a file from anywhere), like a symlink", async () => {
    const dir = templatesWith("x");
    const outside = join(mkdtempSync(join(tmpdir(), "vanban-outside-")), "secret.txt");
    writeFileSync(outside, "not wording");
    rmSync(join(dir, "letter", "closing.hbs"));
    linkSync(outside, join(dir, "letter", "closing.hbs"));
    await expect(loadLetterWording(dir)).rejects.toMatchObject({ code: "template/unsafe-path", message: expect.stringMatching(/hard link/) });
  });
});

describe("letter templates: fields inside blocks", () => {
  it.each([
    ["{{#if agency.nmae}}x{{/if}}", 1, 6, /"nmae" is not a field of agency/],
    ["text\n{{#each agency.nmae}}{{this}}{{/each}}", 2, 8, /"nmae" is not a field of agency/],
    ["{{#each agency}}{{nmae}}{{/each}}", 1, 18, /"nmae" is not a field: the value before it is text/],
    ["{{#with agency}}{{nmae}}{{/with}}", 1, 18, /"nmae" is not a field of agency/],
    ["{{#unless (twoDigits lead.cuont)}}x{{/unless}}", 1, 21, /"cuont" is not a field of lead/],
    ["{{#if report.via}}{{else}}{{agensy.name}}{{/if}}", 1, 28, /"agensy" is not a field of the letter data/],
    ["{{@root.agency.nmae}}", 1, 2, /"nmae" is not a field of agency/],
  ])("%j is refused at %i:%i (the field's own position; columns from 0)", async (source, line, column, message) => {
    await expect(loadLetterWording(templatesWith(source))).rejects.toMatchObject({ code: "template/field", message: expect.stringMatching(message), where: { line, column } });
  });

  it("names used correctly in blocks load", async () => {
    const source = "{{#if report.via}}(qua {{report.via}}){{/if}}{{#each agency}}{{@key}}={{this}} {{../lead.label}} {{/each}}{{#with agency}}{{name}}{{/with}}{{@root.agency.name}}";
    const wording = await loadLetterWording(templatesWith(source));
    expect(renderParagraph(wording, "opening", DATA)).toBe("name=Sở Nội vụ chủ trì short=SNV chủ trì addressee=Sở Nội vụ chủ trì Sở Nội vụSở Nội vụ");
  });
});

describe("letter templates: expansion", () => {
  it(`stops an expansion past ${MAX_TEMPLATE_OUTPUT_CHARS} characters at the block that overflows`, async () => {
    // 7^6 runs of the innermost block if nothing stopped it
    const nested = `${"{{#each @root.decision}}".repeat(6)}{{this}}${"{{/each}}".repeat(6)}`;
    const wording: LetterWording = await loadLetterWording(templatesWith(`Kính gửi\n${nested}`));
    const started = Date.now();
    expect(() => renderParagraph(wording, "opening", DATA)).toThrow(expect.objectContaining({ code: "template/too-large", where: expect.objectContaining({ line: 2 }) }));
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("a template that is long by itself (not through blocks) is stopped too", async () => {
    const wording = await loadLetterWording(templatesWith("{{agency.name}} ".repeat(3000)));
    expect(() => renderParagraph(wording, "opening", DATA)).toThrow(expect.objectContaining({ code: "template/too-large" }));
    expect(readFileSync(join(wording.dir, "letter", "opening.hbs"), "utf8").length).toBeLessThan(64 * 1024);
  });
});
