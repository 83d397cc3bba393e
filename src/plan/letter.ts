/**
 * One công văn (spec §10) to one agency: the header grid with "V/v", "Kính gửi", the opening paragraph, the
 * tasks the agency leads and those it supports as tables, the closing paragraph, the signature and Nơi nhận.
 * Wording from the letter templates (letters/), layout from the profile.
 */
import type { TextMeasurer } from "../layout/measure.ts";
import type { ProfileLayout } from "../layout/profiles.ts";
import type { LetterText } from "../letters/letter-text.ts";
import { copiesFor, type AgencyAssignment, type AssignedTask, type ResolvedDecision, type Role } from "../resolve/resolve-decision.ts";
import { formatShortDate } from "../model/dates.ts";
import type { Letters } from "../model/schema.ts";
import { AS_ABOVE, composeClosing, fitsWithClosing } from "./closing.ts";
import { COLUMN_MODEL, fitColumnsPt, type ColumnRole } from "./columns.ts";
import { composeHeaderGrid } from "./header-grid.ts";
import { withKeepRoom } from "./heights.ts";
import { letterMetadata } from "./metadata.ts";
import type { AddresseeNode, BlockNode, DocumentPlan, PageSetup, TableCell, TableNode, TableRow } from "./nodes.ts";
import { pageNumbering, pageSetup, textHeightPt, textWidthPt } from "./page.ts";
import { bodyParagraph, run } from "./paragraphs.ts";
import { composeTable } from "./table.ts";

/** RECIP-KG: the addressee line above the body. */
export const ADDRESSEE_LABEL = "Kính gửi:";
/** Shown for a task with no fixed due date ("Thường xuyên"). */
export const NO_DUE_DATE = "—";
/** The letters' task tables: ref, content, product, the other agencies, deadline as written, due date. */
export const TASK_TABLE_COLUMNS: readonly ColumnRole[] = ["ref", "content", "product", "others", "deadline", "due"];

function taskCells(task: AssignedTask, role: Role): TableCell[] {
  // The other side of the task: who supports a task the agency leads, who leads a task it supports.
  const others = role === "lead" ? task.task.support : task.task.lead;
  const texts = [task.ref, task.task.content, task.task.product, others, task.task.deadline, task.due ? formatShortDate(task.due) : NO_DUE_DATE];
  return texts.map((text, i) => ({ runs: text === "" ? [] : [run(text)], align: COLUMN_MODEL[TASK_TABLE_COLUMNS[i]!].align }));
}

function taskTable(tasks: readonly AssignedTask[], role: Role, headings: readonly string[], page: PageSetup, layout: ProfileLayout, measurer: TextMeasurer): TableNode {
  const size = layout.appendix.tableSizePt;
  // the text must fit inside the padding and the rules on both sides
  const padding = 2 * (layout.table.paddingPt.x + layout.table.strokePt);
  const widest = (texts: readonly string[], bold: boolean) => Math.max(0, ...texts.map((t) => measurer.widthPt(t, size, { bold })));
  // A heading may wrap at spaces, so only its longest word must fit; refs and dates must not wrap.
  const words = (heading = "") => heading.split(/\s+/).filter(Boolean);
  const minPt = {
    ref: Math.ceil(Math.max(widest(tasks.map((t) => t.ref), false), widest(words(headings[0]), true))) + padding,
    due: Math.ceil(Math.max(widest([formatShortDate("2000-12-31"), NO_DUE_DATE], false), widest(words(headings[5]), true))) + padding,
  };
  const rows: Omit<TableRow, "keepTogether" | "keepRoomPt">[] = [
    { role: "header", cells: headings.map((heading) => ({ runs: [run(heading, { bold: true })], align: "center" })), keepWithNext: true },
    ...tasks.map((task): Omit<TableRow, "keepTogether" | "keepRoomPt"> => ({ role: "item", cells: taskCells(task, role), keepWithNext: false })),
  ];
  return composeTable(
    { role: "tasks", columnsPt: fitColumnsPt(TASK_TABLE_COLUMNS, textWidthPt(page), minPt), rows, pageTextHeightPt: textHeightPt(page), spaceAfterPt: layout.body.spaceAfterPt },
    layout,
    measurer,
  );
}

/** RECIP-KG: one addressee on the label's line; several on their own lines "- …;", the last ending ".". */
export function addresseeLines(names: readonly string[]): string[] {
  const nfc = names.map((name) => name.normalize("NFC"));
  if (nfc.length === 1) return [`${ADDRESSEE_LABEL} ${nfc[0]!}`];
  return [ADDRESSEE_LABEL, ...nfc.map((name, i) => `- ${name}${i === nfc.length - 1 ? "." : ";"}`)];
}

function addressee(name: string, layout: ProfileLayout): AddresseeNode {
  const gap = layout.gaps.aroundAddressee;
  return { kind: "addressee", lines: addresseeLines([name]), sizePt: layout.addressee.sizePt, spaceBeforePt: gap, spaceAfterPt: gap };
}

export function composeLetterPlan(
  resolved: ResolvedDecision,
  letters: Letters,
  assignment: AgencyAssignment,
  text: LetterText,
  layout: ProfileLayout,
  measurer: TextMeasurer,
): DocumentPlan {
  const { decision } = resolved;
  const page = pageSetup(layout, "portrait");
  const width = textWidthPt(page);
  const blocks: BlockNode[] = [
    composeHeaderGrid({ issuer: decision.issuer, number: text.number, symbol: letters.symbol, date: letters.date, subject: letters.subject }, layout, measurer, width),
    addressee(assignment.agency.addressee, layout),
    bodyParagraph(layout, "body", [run(text.opening)]),
  ];
  // A table and its intro are left out when the agency has no task in that role; the intro stays with its table.
  if (assignment.lead.length > 0) {
    blocks.push(bodyParagraph(layout, "intro", [run(text.leadIntro)], true), taskTable(assignment.lead, "lead", text.leadColumns, page, layout, measurer));
  }
  if (assignment.support.length > 0) {
    blocks.push(bodyParagraph(layout, "intro", [run(text.supportIntro)], true), taskTable(assignment.support, "support", text.supportColumns, page, layout, measurer));
  }
  const closingParagraph = bodyParagraph(layout, "body", [run(text.closing)]);
  const closing = composeClosing({ signer: letters.signer, recipients: [AS_ABOVE, ...copiesFor(resolved, assignment.agency.id), letters.archive] }, layout, width);
  // the closing paragraph stays with the signature, so the signature never starts a page alone
  blocks.push({ ...closingParagraph, keepWithNext: fitsWithClosing(closingParagraph, closing, page, measurer) }, closing);
  return {
    kind: "letter",
    font: { family: layout.font.family, colour: layout.font.color },
    baseSizePt: layout.body.sizePt,
    metadata: letterMetadata(decision, letters, text.number, assignment.agency, layout),
    sections: [{ page, numbering: pageNumbering(layout, false), blocks: withKeepRoom(blocks, page, measurer) }],
  };
}
