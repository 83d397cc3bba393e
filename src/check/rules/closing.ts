/**
 * Signature and recipients (spec §5–6): SIGN-PREFIX, SIGN-TITLE, SIGN-NAME, SIGN-DIGITAL, RECIP-LABEL,
 * RECIP-ITEMS, RECIP-KG.
 */
import type { Paragraph } from "../../read/docx/ooxml/paragraphs.ts";
import type { SignaturePart } from "../parts/document-parts.ts";
import { linesOf, normalise, PREFIX_LIKE_PATTERN } from "../parts/text.ts";
import { describeExpected, lookFinding, type Look } from "./look.ts";
import { failed, judge, notEvaluated, pt, whereOf, type Finding, type LayoutRule, type Outcome, type RuleContext } from "./outcome.ts";

const PREFIXES = ["TM.", "KT.", "Q.", "TL.", "TUQ."];
/** SIGN-NAME: no academic titles before the name */
const ACADEMIC_TITLE = /^(GS|PGS|TS|TSKH|ThS|Ths|KS|BS|CN|Th\.S)\.?\s/u;
/** Word's "single" line is about 1.15 × the font size. */
const SINGLE_LINE_HEIGHT = 1.15;

function withSignature(ctx: RuleContext, expected: string, check: (s: SignaturePart) => Outcome): Outcome {
  const signature = ctx.parts.closing?.signature;
  return signature ? check(signature) : failed("no signature block found after the body", expected);
}

const prefix: LayoutRule = {
  id: "SIGN-PREFIX",
  check(ctx) {
    const expected = `capacity line starting ${PREFIXES.join(" ")} (or none when the head signs)`;
    return withSignature(ctx, expected, (s) => {
      const first = s.titleLines[0];
      if (!first) return failed("the signature block has no capacity line", expected);
      const where = whereOf(ctx, first.paragraph, first.text);
      if (!PREFIX_LIKE_PATTERN.test(first.text)) return { status: "pass", message: "no capacity prefix: the head signs in own name", expected, measured: `"${first.text}"`, where };
      const ok = PREFIXES.some((p) => first.text.startsWith(`${p} `));
      return ok
        ? { status: "pass", message: "known capacity prefix", expected, measured: `"${first.text}"`, where }
        : failed(`capacity prefix of "${first.text}" is not one of ${PREFIXES.join(" ")}`, expected, `"${first.text}"`, where);
    });
  },
};

const titles: LayoutRule = {
  id: "SIGN-TITLE",
  check(ctx) {
    const look: Look = { caps: true, bold: true, sizeRangePt: ctx.layout.signature.sizeRangePt, alignment: "center" };
    const expected = `${describeExpected(look)}, in the right column`;
    return withSignature(ctx, expected, (s) => {
      if (s.titleLines.length === 0) return failed("the signature block has no title lines", expected);
      const findings = s.titleLines.map((l) => lookFinding(ctx, l, look, "signature line"));
      const recipients = ctx.parts.closing?.recipients;
      const recipientsCell = recipients?.cell;
      const leftOfRecipients = s.cell && recipientsCell ? s.cell.gridStart < recipientsCell.gridStart : s.titleLines[0]?.column === "left" && recipients?.label.column === "right";
      if (leftOfRecipients) {
        findings.push({ measured: "left column", where: findings[0]!.where!, problem: "the signature is in the left column, Nơi nhận in the right" });
      }
      return judge(findings, expected, `${s.titleLines.length} title line(s) as expected`);
    });
  },
};

/** Space left for signing, in points: empty paragraphs (at the signature size) and the spacing around them. */
function signingSpacePt(ctx: RuleContext, s: SignaturePart): number {
  const last = s.titleLines.at(-1)?.paragraph;
  const name = s.name!.paragraph;
  const paragraphs = (s.cell?.paragraphs ?? ctx.doc.paragraphs).filter((p: Paragraph) => last && p.index > last.index && p.index < name.index);
  const blank = paragraphs.reduce((sum, p) => {
    const lines = p.format.lineRule === "auto" ? (p.format.line / 240) * (p.markFormat.sizeHalfPt / 2) * SINGLE_LINE_HEIGHT : p.format.line / 20;
    return sum + lines + (p.format.spaceBeforeTwips + p.format.spaceAfterTwips) / 20;
  }, 0);
  return blank + name.format.spaceBeforeTwips / 20 + (last ? last.format.spaceAfterTwips / 20 : 0);
}

const name: LayoutRule = {
  id: "SIGN-NAME",
  check(ctx) {
    const look: Look = { bold: true, sizeRangePt: ctx.layout.signature.sizeRangePt, alignment: "center" };
    const min = ctx.layout.signature.minSigningSpacePt;
    const expected = `${describeExpected(look)}, ≥ ${min} pt of space above for signing, no academic title`;
    return withSignature(ctx, expected, (s) => {
      if (!s.name) return failed("the signature block has no name", expected);
      const finding = lookFinding(ctx, s.name, look, "the signer's name");
      const space = signingSpacePt(ctx, s);
      finding.measured = `${finding.measured}, ${pt(space)} above`;
      const problems = finding.problem ? [finding.problem] : [];
      if (space < min) problems.push(`only ${pt(space)} left for the signature`);
      if (ACADEMIC_TITLE.test(s.name.text)) problems.push(`"${s.name.text}" carries an academic title`);
      if (problems.length > 0) finding.problem = problems.join("; ");
      return judge([finding], expected, `"${s.name.text}" as expected`);
    });
  },
};

const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/u;

const digital: LayoutRule = {
  id: "SIGN-DIGITAL",
  check(ctx) {
    const expected = "optional: number + ISO 8601 time, Times New Roman 10 pt, top right of attachments";
    const parts = new Set(ctx.doc.sections.flatMap((s) => Object.values(s.headers)));
    const stamp = [...parts].flatMap((h) => h.paragraphs).find((p) => ISO_TIME.test(p.text));
    if (!stamp) return notEvaluated("no organisation signature text (optional, electronic copies only)", expected);
    const look: Look = { sizeRangePt: { min: 10, max: 10 }, alignment: "right" };
    return judge([lookFinding(ctx, linesOf(stamp)[0]!, look, "the signature text")], expected, "signature text as expected");
  },
};

const label: LayoutRule = {
  id: "RECIP-LABEL",
  check(ctx) {
    const { labelSizePt } = ctx.layout.recipients;
    const look: Look = { bold: true, italic: true, sizeRangePt: { min: labelSizePt, max: labelSizePt } };
    const expected = `"Nơi nhận:" ${describeExpected(look)}, flush left, level with the capacity line`;
    const closing = ctx.parts.closing;
    const recipients = closing?.recipients;
    if (!recipients) return failed('no "Nơi nhận:" after the body', expected);
    const finding = lookFinding(ctx, recipients.label, look, "the label");
    const p = recipients.label.paragraph;
    const problems = finding.problem ? [finding.problem] : [];
    if (recipients.label.text !== "Nơi nhận:") problems.push(`reads "${recipients.label.text}"`);
    if (!["left", "both"].includes(p.format.alignment) || p.format.indentLeftTwips > 0 || p.format.firstLineTwips > 0) problems.push("not flush left");
    const capacity = closing.signature?.titleLines[0]?.paragraph;
    const firstOf = (paragraphs: readonly Paragraph[] | undefined) => paragraphs?.find((x) => normalise(x.text) !== "");
    if (capacity && recipients.row !== undefined && closing.signature?.cell) {
      const level = recipients.row === closing.signature.row && firstOf(recipients.cell?.paragraphs) === p && firstOf(closing.signature.cell.paragraphs) === capacity && p.format.spaceBeforeTwips === capacity.format.spaceBeforeTwips;
      if (!level) problems.push("not level with the signature's capacity line");
    }
    if (problems.length > 0) finding.problem = problems.join("; ");
    return judge([finding], expected, "label as expected");
  },
};

const LAST_ITEM = /^- Lưu\s*:\s*VT\b.*\.$/u;

const items: LayoutRule = {
  id: "RECIP-ITEMS",
  check(ctx) {
    const { itemSizePt } = ctx.layout.recipients;
    const look: Look = { sizeRangePt: { min: itemSizePt, max: itemSizePt } };
    const expected = `one per line "- …;", ${describeExpected(look)}, the last "- Lưu: VT, … ." ending "."`;
    const recipients = ctx.parts.closing?.recipients;
    if (!recipients) return notEvaluated('no "Nơi nhận:" found', expected);
    if (recipients.items.length === 0) return failed('"Nơi nhận:" lists no recipients', expected);
    const findings = recipients.items.map((item, i): Finding => {
      const finding = lookFinding(ctx, item, look, "recipient");
      const last = i === recipients.items.length - 1;
      const problems = finding.problem ? [finding.problem] : [];
      if (!item.text.startsWith("- ")) problems.push(`"${item.text}" does not start with "- "`);
      if (last && !LAST_ITEM.test(item.text)) problems.push(`the last item "${item.text}" is not the archive line "- Lưu: VT, … ."`);
      if (!last && !item.text.endsWith(";")) problems.push(`"${item.text}" does not end with ";"`);
      if (problems.length > 0) finding.problem = problems.join("; ");
      finding.measured = `"${item.text}", ${finding.measured}`;
      return finding;
    });
    return judge(findings, expected, `${recipients.items.length} recipients as expected`);
  },
};

const addressees: LayoutRule = {
  id: "RECIP-KG",
  check(ctx) {
    const look: Look = { sizeRangePt: ctx.layout.body.sizeRangePt };
    const expected = `"Kính gửi:" ${describeExpected(look)}; several addressees "- …;", the last "."; Nơi nhận starts "- Như trên;"`;
    if (ctx.parts.kind !== "letter") return notEvaluated("only a công văn has Kính gửi", expected);
    const lines = ctx.parts.addressees.flatMap(linesOf);
    if (!lines[0]) return failed('no "Kính gửi:" line in the công văn', expected);
    const findings = [lookFinding(ctx, lines[0], look, "Kính gửi")];
    const listed = lines.slice(1);
    listed.forEach((l, i) => {
      const end = i === listed.length - 1 ? "." : ";";
      if (!l.text.startsWith("- ") || !l.text.endsWith(end)) findings.push({ measured: `"${l.text}"`, where: whereOf(ctx, l.paragraph, l.text), problem: `addressee "${l.text}" should read "- …${end}"` });
    });
    const firstRecipient = ctx.parts.closing?.recipients?.items[0];
    if (firstRecipient && firstRecipient.text !== "- Như trên;") findings.push({ measured: `"${firstRecipient.text}"`, where: whereOf(ctx, firstRecipient.paragraph), problem: `Nơi nhận starts "${firstRecipient.text}", not "- Như trên;"` });
    return judge(findings, expected, "Kính gửi as expected");
  },
};

export const CLOSING_RULES: readonly LayoutRule[] = [prefix, titles, name, digital, label, items, addressees];
