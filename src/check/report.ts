/**
 * What `vanban check` reports: one result per layout rule of spec/layout.md (ids as the spec writes
 * them), each passed, failed or not evaluated, with the measured value, the expected value or range
 * (from `layout/profiles.ts`) and where in the document.
 */
import type { Profile } from "../model/schema.ts";
import type { DocumentKind } from "./parts/document-parts.ts";

/** The rules of spec §1–7 that a DOCX can show, in the spec's order. §8 (PDF, XLSX, REPRO) concerns other files. */
export const LAYOUT_RULE_IDS = [
  "PAGE-SIZE", "PAGE-ORIENT", "PAGE-MARGIN", "FONT", "PAGE-NUM", "PAGE-NUM-APPENDIX",
  "HDR-QH", "HDR-TN", "HDR-TN-LINE", "HDR-PARENT", "HDR-ISSUER", "HDR-ISSUER-LINE", "HDR-NUMBER", "HDR-DATE",
  "TITLE-TYPE", "TITLE-SUBJECT", "TITLE-LINE", "TITLE-VV",
  "BODY-AUTHORITY", "BODY-BASIS", "BODY-DECIDES", "BODY-PARA", "BODY-ARTICLE", "BODY-POINT", "BODY-PART", "BODY-END", "BODY-APPENDIX-REF",
  "SIGN-PREFIX", "SIGN-TITLE", "SIGN-NAME", "SIGN-DIGITAL",
  "RECIP-LABEL", "RECIP-ITEMS", "RECIP-KG",
  "APX-HEAD", "APX-TITLE", "APX-REF", "APX-TABLE",
] as const;

export type LayoutRuleId = (typeof LAYOUT_RULE_IDS)[number];

export type RuleStatus = "pass" | "fail" | "not-evaluated";

/** A place in the document: 1-based section and paragraph number (in `part`, the main document unless said). */
export interface Where {
  section?: number;
  /** a header or footer part, e.g. "word/header1.xml"; absent for the main document */
  part?: string;
  paragraph?: number;
  /** the start of the paragraph's text */
  excerpt?: string;
}

export interface RuleResult {
  ruleId: LayoutRuleId;
  status: RuleStatus;
  message: string;
  measured?: string;
  expected?: string;
  where?: Where;
  /**
   * Irregularities of the official wording that the rule notes without failing (spec's "as written"
   * cases, e.g. a trích yếu in capitals): reported as warnings.
   */
  warnings?: string[];
}

export interface CheckReport {
  profile: Profile;
  /** what the document was recognised as */
  kind: DocumentKind;
  results: RuleResult[];
}

/** "§1 ¶12 "Căn cứ Luật…"" */
export function formatWhere(where: Where | undefined): string {
  if (!where) return "";
  const place = [where.part, where.section !== undefined ? `§${where.section}` : undefined, where.paragraph !== undefined ? `¶${where.paragraph}` : undefined]
    .filter(Boolean)
    .join(" ");
  return where.excerpt !== undefined ? `${place} "${where.excerpt}"` : place;
}
