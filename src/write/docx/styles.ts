/** Document-wide styling: the defaults (FONT, single spacing) and one paragraph style per table text size. */
import { LineRuleType, type IStylesOptions } from "docx";
import { ptToHalfPt } from "../../layout/units.ts";
import type { DocumentPlan } from "../../plan/nodes.ts";
import { SINGLE_LINE_240 } from "./runs.ts";

/** The paragraph style of the cells of tables whose text is `sizePt`: their runs name no font, size or colour. */
export const tableCellStyleId = (sizePt: number): string => `VanbanTableCell${ptToHalfPt(sizePt)}`;

function tableSizes(plan: DocumentPlan): number[] {
  const sizes = new Set<number>();
  for (const section of plan.sections) for (const block of section.blocks) if (block.kind === "table") sizes.add(block.sizePt);
  return [...sizes].sort((a, b) => a - b);
}

export function documentStyles(plan: DocumentPlan): IStylesOptions {
  const font = { font: plan.font.family, color: plan.font.colour };
  return {
    default: {
      document: {
        run: { ...font, size: ptToHalfPt(plan.baseSizePt), language: { value: plan.metadata.language } },
        paragraph: { spacing: { before: 0, after: 0, line: SINGLE_LINE_240, lineRule: LineRuleType.AUTO } },
      },
    },
    paragraphStyles: tableSizes(plan).map((sizePt) => ({
      id: tableCellStyleId(sizePt),
      name: `Vanban Table Cell ${sizePt} pt`,
      basedOn: "Normal",
      quickFormat: true,
      run: { ...font, size: ptToHalfPt(sizePt) },
    })),
  };
}
