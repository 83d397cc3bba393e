/**
 * The closing row (spec §5–6): Nơi nhận in the left column, level with the signature block in the right
 * one, in a row that cannot split so the two stay together. Columns as in the header grid.
 */
import { AlignmentType, Paragraph, type Table } from "docx";
import type { RecipientsPlan, SignaturePlan } from "../../layout/closing-plan.ts";
import type { ProfileLayout } from "../../layout/profiles.ts";
import { ptToHalfPt, ptToTwips } from "../../layout/units.ts";
import { borderlessTable } from "./borderless-table.ts";
import { centredParagraph, textRun } from "./paragraphs.ts";
import { GAP_PT } from "./styles.ts";

function recipientsCell(plan: RecipientsPlan, layout: ProfileLayout): Paragraph[] {
  const { font, recipients } = layout;
  return [
    // RECIP-LABEL: flush left, 12 pt bold italic, level with the capacity line
    new Paragraph({
      spacing: { before: ptToTwips(GAP_PT.beforeClosing) },
      children: [textRun(font, plan.label, { sizePt: recipients.labelSizePt, bold: true, italic: true })],
    }),
    // RECIP-ITEMS: one per line, 11 pt
    ...plan.items.map((item) => new Paragraph({ children: [textRun(font, item, { sizePt: recipients.itemSizePt })] })),
  ];
}

function signatureCell(plan: SignaturePlan, layout: ProfileLayout): Paragraph[] {
  const { font, signature } = layout;
  const bold = { sizePt: signature.sizePt, bold: true };
  const blankLine = () => new Paragraph({ alignment: AlignmentType.CENTER, run: { size: ptToHalfPt(signature.sizePt) } });
  return [
    // SIGN-TITLE: caps bold centred, the capacity line level with "Nơi nhận:"
    ...plan.titleLines.map((line, i) => centredParagraph(font, line, bold, i === 0 ? { spacing: { before: ptToTwips(GAP_PT.beforeClosing) } } : {})),
    // SIGN-NAME: bold, under the space left for the signature and seal
    ...Array.from({ length: signature.nameGapLines }, blankLine),
    centredParagraph(font, plan.name, bold),
  ];
}

export function closingRow(signature: SignaturePlan, recipients: RecipientsPlan, layout: ProfileLayout, columnsTwips: readonly number[]): Table {
  return borderlessTable(columnsTwips, [{ cells: [recipientsCell(recipients, layout), signatureCell(signature, layout)], cantSplit: true }]);
}
