/** Paragraphs of running text (spec §4) and the centred headings between them. */
import type { ProfileLayout } from "../layout/profiles.ts";
import { mmToPt } from "../layout/units.ts";
import type { ParagraphNode, ParagraphRole, Run } from "./nodes.ts";

/** BODY-PARA line spacing as a multiple of single (`auto` 240 = 1). */
export const bodyLineSpacing = (layout: ProfileLayout): number => layout.body.lineAuto240 / 240;

export const run = (text: string, emphasis: Omit<Run, "text"> = {}): Run => ({ text: text.normalize("NFC"), ...emphasis });

/** BODY-PARA: justified, first-line indent, ≥ 6 pt after, at the body size. */
export function bodyParagraph(layout: ProfileLayout, role: ParagraphRole, runs: readonly Run[], keepWithNext = false): ParagraphNode {
  return {
    kind: "paragraph",
    role,
    runs,
    sizePt: layout.body.sizePt,
    align: "justify",
    firstLineIndentPt: mmToPt(layout.body.firstLineIndentMm),
    spaceBeforePt: 0,
    spaceAfterPt: layout.body.spaceAfterPt,
    lineSpacing: bodyLineSpacing(layout),
    keepWithNext,
    keepRoomPt: 0,
  };
}

/** BODY-AUTHORITY, BODY-DECIDES: caps bold centred, kept with what follows. */
export function centredHeading(layout: ProfileLayout, role: ParagraphRole, text: string, spaceBeforePt: number, spaceAfterPt: number): ParagraphNode {
  return {
    kind: "paragraph",
    role,
    runs: [run(text, { bold: true })],
    sizePt: layout.body.sizePt,
    align: "center",
    firstLineIndentPt: 0,
    spaceBeforePt,
    spaceAfterPt,
    lineSpacing: bodyLineSpacing(layout),
    keepWithNext: true,
    keepRoomPt: 0,
  };
}

/** BODY-END: the body ends with "./." once; a final "." becomes "./.". */
export function withEndMark(text: string): string {
  const trimmed = text.trimEnd();
  if (trimmed.endsWith("./.")) return text;
  return trimmed.endsWith(".") ? `${trimmed}/.` : `${trimmed}./.`;
}
