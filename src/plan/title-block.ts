/** Title blocks: the decision's (spec §3) and an appendix's (spec §7), each with the short line under it. */
import type { TextMeasurer } from "../layout/measure.ts";
import type { ProfileLayout } from "../layout/profiles.ts";
import type { Appendix, Attachment } from "../model/schema.ts";
import type { StackLine, TitleBlockNode } from "./nodes.ts";
import { line, rule } from "./stack.ts";
import { widestWrappedPt } from "./wrap-lines.ts";

const BOLD = { bold: true } as const;

/** TITLE-TYPE, TITLE-SUBJECT (as written), TITLE-LINE: 1/3–1/2 of the trích yếu's widest line as wrapped. */
export function composeDecisionTitle(type: string, subject: string, layout: ProfileLayout, measurer: TextMeasurer, textWidthPt: number): TitleBlockNode {
  const { title } = layout;
  return {
    kind: "titleBlock",
    role: "decision",
    lines: [
      line(type, { sizePt: title.typeSizePt, bold: true, spaceBeforePt: layout.gaps.beforeTitle }),
      line(subject, { sizePt: title.subjectSizePt, bold: true }),
    ],
    rule: rule(layout, widestWrappedPt(measurer, subject, title.subjectSizePt, textWidthPt, BOLD) * layout.header.shortLineShare),
    spaceAfterPt: 0,
  };
}

/**
 * The lines of an appendix's title (APX-HEAD 14 pt bold, APX-TITLE caps bold, APX-REF italic), as the model
 * writes them: shared by the documents and the workbook.
 */
export function appendixTitleLines(appendix: Pick<Appendix, "heading" | "title" | "reference">, layout: ProfileLayout): StackLine[] {
  const a = layout.appendix;
  const lines = [line(appendix.heading, { sizePt: a.headingSizePt, bold: true }), line(appendix.title, { sizePt: a.titleSizePt, bold: true })];
  if (appendix.reference !== "") lines.push(line(appendix.reference, { sizePt: a.referenceSizePt, italic: true }));
  return lines;
}

export function composeAppendixTitle(appendix: Appendix, layout: ProfileLayout, measurer: TextMeasurer, textWidthPt: number): TitleBlockNode {
  return {
    kind: "titleBlock",
    role: "appendix",
    lines: appendixTitleLines(appendix, layout),
    // the short line is sized like TITLE-LINE on the appendix title
    rule: rule(layout, widestWrappedPt(measurer, appendix.title, layout.appendix.titleSizePt, textWidthPt, BOLD) * layout.header.shortLineShare),
    spaceAfterPt: layout.gaps.beforeAppendixTable,
  };
}

/**
 * An attached document's title (Kế hoạch, Quy chế "ban hành kèm theo"): its type as TITLE-TYPE, what it is
 * about as TITLE-SUBJECT, the "(Kèm theo Quyết định số …)" line italic as APX-REF, and the short line.
 */
export function composeAttachmentTitle(attachment: Attachment, layout: ProfileLayout, measurer: TextMeasurer, textWidthPt: number): TitleBlockNode {
  const { title } = layout;
  const lines = [line(attachment.type, { sizePt: title.typeSizePt, bold: true }), line(attachment.title, { sizePt: title.subjectSizePt, bold: true })];
  if (attachment.reference !== "") lines.push(line(attachment.reference, { sizePt: layout.appendix.referenceSizePt, italic: true }));
  return {
    kind: "titleBlock",
    role: "attachment",
    lines,
    rule: rule(layout, widestWrappedPt(measurer, attachment.title, title.subjectSizePt, textWidthPt, BOLD) * layout.header.shortLineShare),
    spaceAfterPt: layout.gaps.beforeAuthority,
  };
}
