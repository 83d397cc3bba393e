/**
 * The two task tables of a letter: the tasks the agency leads (chủ trì) and those it supports (phối hợp).
 * Columns: ref ("II.3"), content, product, the other agencies as written (the support cell in the lead table,
 * the lead cell in the support table), the deadline as written, the due date dd/mm/yyyy or "—".
 * APX-TABLE: the header row repeats on every page, header cells bold, rows are not split across pages.
 */
import type { Content, CustomTableLayout, TableCell } from "pdfmake/interfaces.js";
import type { TextMeasurer } from "../../layout/measure.ts";
import type { ProfileLayout } from "../../layout/profiles.ts";
import type { AssignedTask, Role } from "../../resolve/assignments.ts";
import { formatShortDate } from "../../model/dates.ts";
import { TASK_COLUMNS } from "../../letters/letter-text.ts";

/** Shown for a task with no fixed due date ("Thường xuyên"). */
export const NO_DUE_DATE = "—";

const CELL_PADDING_PT = 3;
const GRID_STROKE_PT = 0.5;
/**
 * Shares of the text width (after padding) for the columns whose content is free text; the ref and due-date
 * columns are measured, and the content column takes what is left.
 */
const COLUMN_SHARE = { product: 0.18, others: 0.18, deadline: 0.12 } as const;

const GRID: CustomTableLayout = {
  hLineWidth: () => GRID_STROKE_PT,
  vLineWidth: () => GRID_STROKE_PT,
  paddingLeft: () => CELL_PADDING_PT,
  paddingRight: () => CELL_PADDING_PT,
  paddingTop: () => CELL_PADDING_PT,
  paddingBottom: () => CELL_PADDING_PT,
};

export interface TaskTableInput {
  role: Role;
  tasks: readonly AssignedTask[];
  /** six headings from the column template */
  headings: readonly string[];
  textWidthPt: number;
}

const nfc = (text: string) => text.normalize("NFC");

/** Widths of the six columns in points, without cell padding (pdfmake adds it). */
function taskColumnWidths(input: TaskTableInput, layout: ProfileLayout, measurer: TextMeasurer): number[] {
  const size = layout.appendix.tableSizePt;
  const widest = (texts: string[], bold: boolean) => Math.max(...texts.map((t) => measurer.widthPt(t, size, { bold, kern: true })));
  const [refHeading = "", , , , , dueHeading = ""] = input.headings;
  // A heading may wrap at spaces, so only its longest word must fit.
  const words = (heading: string) => heading.split(/\s+/).filter(Boolean);
  const ref = Math.ceil(Math.max(widest(input.tasks.map((t) => t.ref), false), widest(words(refHeading), true)));
  const due = Math.ceil(Math.max(widest([formatShortDate("2000-12-31"), NO_DUE_DATE], false), widest(words(dueHeading), true)));
  // pdfmake adds the padding and the vertical rules (one more than the columns) to the widths given
  const inner = input.textWidthPt - TASK_COLUMNS * 2 * CELL_PADDING_PT - (TASK_COLUMNS + 1) * GRID_STROKE_PT;
  const product = inner * COLUMN_SHARE.product;
  const others = inner * COLUMN_SHARE.others;
  const deadline = inner * COLUMN_SHARE.deadline;
  const content = inner - ref - due - product - others - deadline;
  return [ref, content, product, others, deadline, due];
}

function row(task: AssignedTask, role: Role): TableCell[] {
  // The other side of the task: who supports a task the agency leads, who leads a task it supports.
  const others = role === "lead" ? task.task.support.text : task.task.lead.text;
  return [
    { text: task.ref, alignment: "center" },
    { text: nfc(task.task.content) },
    { text: nfc(task.task.product) },
    { text: nfc(others) },
    { text: nfc(task.task.deadline.text), alignment: "center" },
    { text: task.due ? formatShortDate(task.due) : NO_DUE_DATE, alignment: "center" },
  ];
}

export function taskTable(input: TaskTableInput, layout: ProfileLayout, measurer: TextMeasurer): Content {
  const header: TableCell[] = input.headings.map((heading) => ({ text: heading, bold: true, alignment: "center" }));
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: taskColumnWidths(input, layout, measurer),
      body: [header, ...input.tasks.map((task) => row(task, input.role))],
    },
    layout: GRID,
    fontSize: layout.appendix.tableSizePt,
    lineHeight: 1,
    alignment: "left",
    margin: [0, 0, 0, layout.body.spaceAfterPt],
  };
}
