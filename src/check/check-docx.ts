/**
 * `checkDocx`: reads any DOCX back once, as the OOXML layer (effective formatting through styles) and as
 * the source document `vanban import` reads; recognises its parts with the import's recognizer
 * (src/recognize), and checks every layout rule of spec/layout.md that a DOCX can show on the paragraphs
 * each part maps back to, with the numbers of the chosen profile (`layout/profiles.ts`). Synchronous:
 * unzipping, parsing and measuring are all in memory.
 */
import type { TextMeasurer } from "../layout/measure.ts";
import { profileLayout } from "../layout/profiles.ts";
import type { Profile } from "../model/schema.ts";
import { readCoreProperties } from "../read/docx/ooxml/document.ts";
import { openDocxPackage } from "../read/docx/ooxml/package.ts";
import { readDocxWithSource } from "../read/docx/read-docx.ts";
import { recognizeStructure } from "../recognize/parts.ts";
import { documentParts } from "./parts/document-parts.ts";
import { LAYOUT_RULE_IDS, type CheckReport, type RuleResult } from "./report.ts";
import { RULES_BY_ID } from "./rules/index.ts";
import type { RuleContext } from "./rules/outcome.ts";

export interface CheckOptions {
  profile: Profile;
  measurer: TextMeasurer;
}

/**
 * Checks a DOCX. Throws `DocxReadError` (from `src/read/docx/ooxml/package.ts`) when the bytes are not a readable
 * DOCX: not a zip, a corrupt zip, a zip without word/document.xml, a password-protected file.
 */
export function checkDocx(bytes: Uint8Array, options: CheckOptions): CheckReport {
  const read = readDocxWithSource(bytes);
  const parts = documentParts(read, recognizeStructure(read.source).parts, options.measurer);
  const ctx: RuleContext = { doc: read.docx, parts, layout: profileLayout(options.profile), measurer: options.measurer };
  const results = LAYOUT_RULE_IDS.map((ruleId): RuleResult => {
    const rule = RULES_BY_ID.get(ruleId);
    if (!rule) throw new Error(`no check for layout rule ${ruleId}`);
    return { ruleId, ...rule.check(ctx) };
  });
  return { profile: options.profile, kind: ctx.parts.kind, results };
}

const PROFILE_IDS: readonly Profile[] = ["nd30", "tt01"];

/** The profile a document names in its core properties' keywords (our renderer writes "nd30; …"), if any. */
export function profileFromKeywords(bytes: Uint8Array): Profile | undefined {
  const keywords = readCoreProperties(openDocxPackage(bytes)).keywords ?? "";
  return PROFILE_IDS.find((id) => keywords.split(/[;,\s]+/).includes(id));
}
