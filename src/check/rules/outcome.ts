/** Building a rule's result from what it measured: findings, pass/fail, places. */
import type { TextMeasurer } from "../../layout/measure.ts";
import type { ProfileLayout, Range } from "../../layout/profiles.ts";
import type { DocxDocument } from "../../read/docx/ooxml/document.ts";
import type { Paragraph } from "../../read/docx/ooxml/paragraphs.ts";
import type { DocumentParts } from "../parts/document-parts.ts";
import { excerpt } from "../parts/text.ts";
import type { LayoutRuleId, RuleResult, Where } from "../report.ts";

export interface RuleContext {
  doc: DocxDocument;
  parts: DocumentParts;
  layout: ProfileLayout;
  measurer: TextMeasurer;
}

export type Outcome = Omit<RuleResult, "ruleId">;

export interface LayoutRule {
  id: LayoutRuleId;
  check(ctx: RuleContext): Outcome;
}

/** One thing a rule looked at: what it measured there and, when wrong, what is wrong. */
export interface Finding {
  measured: string;
  problem?: string;
  where?: Where;
}

export const notEvaluated = (message: string, expected?: string): Outcome => (expected === undefined ? { status: "not-evaluated", message } : { status: "not-evaluated", message, expected });

export const failed = (message: string, expected: string, measured?: string, where?: Where): Outcome => {
  const outcome: Outcome = { status: "fail", message, expected };
  if (measured !== undefined) outcome.measured = measured;
  if (where !== undefined) outcome.where = where;
  return outcome;
};

/** Fails on the first finding with a problem (counting the others); passes with the first measurement. */
export function judge(findings: readonly Finding[], expected: string, passMessage: string): Outcome {
  const bad = findings.filter((f) => f.problem !== undefined);
  const first = bad[0];
  if (first) {
    const more = bad.length > 1 ? ` (and ${bad.length - 1} more of ${findings.length})` : "";
    return failed(`${first.problem}${more}`, expected, first.measured, first.where);
  }
  const outcome: Outcome = { status: "pass", message: passMessage, expected };
  if (findings[0]) {
    outcome.measured = findings.length > 1 ? `${findings[0].measured} (${findings.length} checked)` : findings[0].measured;
    if (findings[0].where) outcome.where = findings[0].where;
  }
  return outcome;
}

/** Adds wording warnings to an outcome. */
export function withWarnings(outcome: Outcome, warnings: readonly string[]): Outcome {
  return warnings.length > 0 ? { ...outcome, warnings: [...warnings] } : outcome;
}

export function whereOf(ctx: RuleContext, p: Paragraph, text: string = p.text): Where {
  const where: Where = { paragraph: p.index, excerpt: excerpt(text) };
  if (p.part !== ctx.doc.pkg.mainPart) where.part = p.part;
  const section = ctx.parts.sectionOf(p);
  if (section !== undefined) where.section = section;
  return where;
}

const trim = (n: number) => String(Math.round(n * 100) / 100);

/** "12–13 pt", or "13 pt" when the range is one value. */
export const formatRange = (range: Range, unit: string): string =>
  range.min === range.max ? `${trim(range.min)} ${unit}` : `${trim(range.min)}–${trim(range.max)} ${unit}`;

export const inRange = (value: number, range: Range): boolean => value >= range.min - 1e-9 && value <= range.max + 1e-9;

export const pt = (value: number): string => `${trim(value)} pt`;
