/**
 * Articles and the end of the body (spec §4): BODY-ARTICLE ("Điều N." bold, indented like the body),
 * BODY-POINT (điểm letters a b c d đ e g h i k l m n o p q r s t u v x y, then ")"), BODY-PART
 * ("Phần I" / "Chương I" alone on a line, bold, centred; its title caps bold centred), BODY-END ("./."),
 * BODY-APPENDIX-REF (a document with a Phụ lục mentions it; several are numbered I, II, …).
 */
import { PointOrder } from "../../model/point-order.ts";
import { POINT_LETTERS } from "../../model/refs.ts";
import type { Paragraph } from "../../read/docx/ooxml/paragraphs.ts";
import { ARTICLE_PATTERN, linesOf, normalise, POINT_PATTERN, visibleRuns } from "../parts/text.ts";
import { describeExpected, lookFinding, type Look } from "./look.ts";
import { failed, judge, notEvaluated, whereOf, type Finding, type LayoutRule } from "./outcome.ts";

const BODY_END_MARK = "./.";
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/** The runs that draw the first `length` characters of a paragraph. */
function leadingRuns(p: Paragraph, length: number) {
  const runs = visibleRuns(linesOf(p)[0]?.runs ?? []);
  const out = [];
  let used = 0;
  for (const run of runs) {
    if (used >= length) break;
    out.push(run);
    used += run.text.length;
  }
  return out;
}

const article: LayoutRule = {
  id: "BODY-ARTICLE",
  check(ctx) {
    const allowed = ctx.layout.body.firstLineIndentTwipsAllowed;
    const expected = `"Điều N." bold at the start, number followed by ".", first line ${allowed.join(" or ")} tw like the body`;
    const { articles, kind, bodyParagraphs } = ctx.parts;
    if (articles.length === 0) return kind === "decision" ? failed('no article ("Điều 1. …") in the body', expected) : notEvaluated("no articles in this document", expected);
    const bodyLeft = bodyParagraphs.filter((p) => !articles.includes(p)).map((p) => p.format.indentLeftTwips)[0] ?? 0;
    const findings = articles.map((p): Finding => {
      const text = normalise(p.text);
      const label = text.match(/^Điều\s+\d+\s*\.?/u)![0];
      const problems: string[] = [];
      if (!label.endsWith(".")) problems.push(`"${label}" has no "." after the number`);
      const notBold = leadingRuns(p, label.trim().length).filter((r) => !r.format.bold);
      if (notBold.length > 0) problems.push(`"${label.trim()}" is not bold`);
      if (!allowed.includes(p.format.firstLineTwips) || p.format.indentLeftTwips !== bodyLeft) problems.push(`indented ${p.format.indentLeftTwips}/${p.format.firstLineTwips} tw (left/first line), not like the body`);
      const finding: Finding = { measured: `"${label.trim()}" ${notBold.length ? "regular" : "bold"}, first line ${p.format.firstLineTwips} tw`, where: whereOf(ctx, p) };
      if (problems.length > 0) finding.problem = `${label.trim()}: ${problems.join("; ")}`;
      return finding;
    });
    return judge(findings, expected, `${articles.length} articles as expected`);
  },
};

const point: LayoutRule = {
  id: "BODY-POINT",
  check(ctx) {
    const expected = `letters ${POINT_LETTERS.join(" ")} in order, then ")"`;
    const findings: Finding[] = [];
    const order = new PointOrder();
    for (const p of ctx.parts.bodyParagraphs) {
      const text = normalise(p.text);
      // a khoản ("1.") or an article starts a new list of điểm
      if (ARTICLE_PATTERN.test(text) || /^\d+\./u.test(text)) order.restart();
      const letter = text.match(POINT_PATTERN)?.[1];
      if (letter === undefined) continue;
      const verdict = order.take(letter);
      const finding: Finding = { measured: `${letter})`, where: whereOf(ctx, p) };
      if (verdict.kind === "not-a-letter") finding.problem = `điểm "${letter})" is not a Vietnamese điểm letter (no f, j, w, z)`;
      else if (verdict.kind === "out-of-order") finding.problem = `điểm "${letter})" where "${verdict.expected})" was expected`;
      findings.push(finding);
    }
    if (findings.length === 0) return notEvaluated("the body has no điểm (a), b), …)", expected);
    return judge(findings, expected, `${findings.length} điểm in sequence`);
  },
};

const part: LayoutRule = {
  id: "BODY-PART",
  check(ctx) {
    const headingLook: Look = { bold: true, alignment: "center" };
    const titleLook: Look = { caps: true, bold: true, alignment: "center" };
    const expected = `"Phần/Chương + numeral" alone on its line, ${describeExpected(headingLook)}; title ${describeExpected(titleLook)}`;
    const { partHeadings } = ctx.parts;
    if (partHeadings.length === 0) return notEvaluated("the body has no Phần or Chương", expected);
    const findings = partHeadings.flatMap(({ heading, title }) => {
      const line = linesOf(heading)[0]!;
      const headingFinding = lookFinding(ctx, line, headingLook, "the heading");
      if (!/^(Phần|Chương|PHẦN|CHƯƠNG)\s+(thứ\s+\S+|[IVXLC]+)$/u.test(line.text)) headingFinding.problem = [headingFinding.problem, `"${line.text}" is not alone on its line`].filter(Boolean).join("; ");
      if (!title) return [{ ...headingFinding, problem: [headingFinding.problem, `"${line.text}" has no title line after it`].filter(Boolean).join("; ") }];
      return [headingFinding, lookFinding(ctx, linesOf(title)[0]!, titleLook, "the title")];
    });
    return judge(findings, expected, `${partHeadings.length} part headings as expected`);
  },
};

const end: LayoutRule = {
  id: "BODY-END",
  check(ctx) {
    const expected = `the body ends with "${BODY_END_MARK}"`;
    const last = ctx.parts.bodyParagraphs.at(-1);
    if (!last) return notEvaluated("no body paragraphs found", expected);
    const text = normalise(last.text);
    const measured = `ends "${text.slice(-6)}"`;
    return text.endsWith(BODY_END_MARK)
      ? { status: "pass", message: "ends with ./.", expected, measured, where: whereOf(ctx, last) }
      : failed(`the last body paragraph does not end with "${BODY_END_MARK}"`, expected, measured, whereOf(ctx, last));
  },
};

const appendixReference: LayoutRule = {
  id: "BODY-APPENDIX-REF",
  check(ctx) {
    const expected = "the body mentions its Phụ lục; several are numbered I, II, …";
    const { appendices, bodyParagraphs } = ctx.parts;
    if (appendices.length === 0) return notEvaluated("the document has no appendix", expected);
    const mention = bodyParagraphs.find((p) => /phụ lục/iu.test(p.text));
    const findings: Finding[] = [
      mention ? { measured: "mentioned", where: whereOf(ctx, mention) } : { measured: "not mentioned", problem: "the body never mentions the Phụ lục" },
    ];
    if (appendices.length > 1) {
      appendices.forEach((a, i) => {
        const numeral = normalise(a.heading.text).split(" ").at(-1);
        if (numeral !== ROMAN[i]) findings.push({ measured: normalise(a.heading.text), where: whereOf(ctx, a.heading), problem: `appendix ${i + 1} is headed "${normalise(a.heading.text)}", expected numeral ${ROMAN[i]}` });
      });
    }
    return judge(findings, expected, "the body refers to the appendix");
  },
};

export const ARTICLE_RULES: readonly LayoutRule[] = [article, point, part, end, appendixReference];
