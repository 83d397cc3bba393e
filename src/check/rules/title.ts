/**
 * Title block rules (spec §3): TITLE-TYPE ("QUYẾT ĐỊNH" caps bold centred), TITLE-SUBJECT (the trích
 * yếu bold centred; capitals are the official wording, noted as a warning), TITLE-LINE (1/3–1/2 of the
 * trích yếu's widest line), TITLE-VV ("V/v …" only in a công văn, never in a Quyết định).
 */
import { ptToTwips, twipsToPt } from "../../layout/units.ts";
import { sectionTextWidthTwips, wrappedWidthsPt } from "../geometry.ts";
import { isCaps, linesOf, normalise } from "../parts/text.ts";
import { checkLine } from "./lines.ts";
import { describeExpected, lookFinding, type Look } from "./look.ts";
import { failed, judge, notEvaluated, whereOf, withWarnings, type LayoutRule, type RuleContext } from "./outcome.ts";

const LETTER = "a công văn has no type line and no trích yếu block (see TITLE-VV)";

const titleLook = (ctx: RuleContext, caps: boolean): Look => ({ ...(caps ? { caps: true } : {}), bold: true, sizeRangePt: ctx.layout.title.sizeRangePt, alignment: "center" });

const typeLine: LayoutRule = {
  id: "TITLE-TYPE",
  check(ctx) {
    const look = titleLook(ctx, true);
    const expected = `document type line, ${describeExpected(look)}`;
    const { title, kind } = ctx.parts;
    if (kind === "letter") return notEvaluated(LETTER, expected);
    if (!title) return failed("no document type line (e.g. \"QUYẾT ĐỊNH\") after the header grid", expected);
    return judge([lookFinding(ctx, linesOf(title.type)[0]!, look, "the type line")], expected, `"${normalise(title.type.text)}" as expected`);
  },
};

const subject: LayoutRule = {
  id: "TITLE-SUBJECT",
  check(ctx) {
    const look = titleLook(ctx, false);
    const expected = `trích yếu in sentence case, ${describeExpected(look)}`;
    const { title, kind } = ctx.parts;
    if (kind === "letter") return notEvaluated(LETTER, expected);
    if (!title || title.subject.length === 0) return failed("no trích yếu after the type line", expected);
    const lines = title.subject.flatMap(linesOf);
    const text = lines.map((l) => l.text).join(" ");
    // TITLE-SUBJECT asks for sentence case; capitals are kept as the official text writes them
    const warnings = isCaps(text) ? [`the trích yếu is in capitals ("${text}"); the rule asks for sentence case`] : [];
    return withWarnings(judge(lines.map((l) => lookFinding(ctx, l, look, "trích yếu line")), expected, "bold, in range, centred"), warnings);
  },
};

const titleLine: LayoutRule = {
  id: "TITLE-LINE",
  check(ctx) {
    const range = ctx.layout.header.shortLineShareRange;
    const { title, kind, mainSection } = ctx.parts;
    if (kind === "letter") return notEvaluated(LETTER, "line 1/3–1/2 of the trích yếu's width");
    if (!title || title.subject.length === 0) return notEvaluated("no trích yếu to measure the line against", "line 1/3–1/2 of the trích yếu's width");
    const boxTwips = sectionTextWidthTwips(mainSection);
    const widest = Math.max(
      ...title.subject.flatMap(linesOf).flatMap((l) => {
        const f = l.paragraph.format;
        return wrappedWidthsPt(l, twipsToPt(boxTwips - f.indentLeftTwips - f.indentRightTwips), ctx.measurer);
      }),
    );
    return checkLine(ctx, title.line, { under: "the trích yếu", textWidthPt: widest, shareRange: range, shareLabel: "1/3–1/2" });
  },
};

const subjectLine: LayoutRule = {
  id: "TITLE-VV",
  check(ctx) {
    const { header, kind, subjectLine: lines } = ctx.parts;
    const first = lines[0];
    if (kind !== "letter") {
      const expected = `no "V/v" line in a ${kind === "decision" ? "Quyết định" : "document with a type line"}`;
      if (!first) return { status: "pass", message: 'no "V/v" line', expected, measured: "none" };
      return failed(`"V/v" line in a ${kind === "decision" ? "Quyết định" : "typed document"}: "V/v" belongs to a công văn only`, expected, `"${first.text}"`, whereOf(ctx, first.paragraph, first.text));
    }
    if (!first) return notEvaluated('no "V/v" line found');
    const vv = first.paragraph;
    const look: Look = { bold: false, sizeRangePt: ctx.layout.title.vvSizeRangePt };
    const minBeforeTwips = ptToTwips(ctx.layout.title.vvSpaceBeforePt);
    const expected = `"V/v …" under "Số:", ${describeExpected(look)}, ≥ ${ctx.layout.title.vvSpaceBeforePt} pt before`;
    const [finding, ...wrapped] = lines.map((line) => lookFinding(ctx, line, look, "the V/v line"));
    const problems = finding!.problem ? [finding!.problem] : [];
    const number = header?.number;
    // the space left above it: its own, and the number paragraph's after it when it follows that
    const beforeTwips = vv.format.spaceBeforeTwips + (number && number.paragraph.index === vv.index - 1 ? number.paragraph.format.spaceAfterTwips : 0);
    if (beforeTwips < minBeforeTwips) problems.push(`${beforeTwips / 20} pt before, expected ≥ ${ctx.layout.title.vvSpaceBeforePt} pt`);
    if (number && (first.cell !== number.cell || vv.index < number.paragraph.index)) problems.push(`not under "Số:" in its ${number.cell ? "cell" : "column"}`);
    if (problems.length > 0) finding!.problem = problems.join("; ");
    return judge([finding!, ...wrapped], expected, "V/v line as expected");
  },
};

export const TITLE_RULES: readonly LayoutRule[] = [typeLine, subject, titleLine, subjectLine];
