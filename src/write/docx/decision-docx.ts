/**
 * The decision as DOCX: the main portrait section (header grid, title block, preamble, articles,
 * signature and Nơi nhận) and, when the model has one, the landscape appendix section.
 * Pure: everything arrives in `decision` and `ctx`; the output is byte-identical for the same model (REPRO).
 */
import { Document, Packer, type ISectionOptions } from "docx";
import { planRecipients, planSignature } from "../../layout/closing-plan.ts";
import { planHeader } from "../../layout/header-plan.ts";
import type { Decision } from "../../model/schema.ts";
import type { RenderContext } from "../context.ts";
import { pinZip } from "../pin-zip.ts";
import { appendixSection } from "./appendix-section.ts";
import { articles } from "./body.ts";
import { closingRow } from "./closing.ts";
import { headerColumnsTwips, headerGrid } from "./header-grid.ts";
import { coreProperties } from "./metadata.ts";
import { pageNumbering } from "./page-numbers.ts";
import { sectionProperties, textWidthTwips } from "./page-setup.ts";
import { preamble } from "./preamble.ts";
import { documentStyles } from "./styles.ts";
import { titleBlock } from "./title-block.ts";

export async function renderDecisionDocx(decision: Decision, ctx: RenderContext): Promise<Uint8Array> {
  const { layout, measurer } = ctx;
  const { document: doc, issuer } = decision;
  // Word does not kern unless told to: measure without kerning.
  const header = planHeader({ issuer, number: doc.number, symbol: doc.symbol, date: doc.date, kern: false }, layout, measurer);
  const widthTwips = textWidthTwips(layout, "portrait");

  const main: ISectionOptions = {
    properties: sectionProperties(layout, "portrait", false),
    ...pageNumbering(layout),
    children: [
      headerGrid(header, layout, widthTwips),
      ...titleBlock(decision, layout, measurer, widthTwips),
      ...preamble(decision, layout),
      ...articles(decision, layout),
      closingRow(planSignature(decision.signer), planRecipients(decision.recipients), layout, headerColumnsTwips(header, widthTwips)),
    ],
  };
  const sections = decision.appendix ? [main, appendixSection(decision.appendix, layout, measurer)] : [main];

  const document = new Document({ ...coreProperties(decision, header, layout, ctx.toolName), styles: documentStyles(layout), sections });
  return pinZip(await Packer.toBuffer(document), doc.date);
}
