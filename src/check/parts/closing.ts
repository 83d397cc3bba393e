/**
 * The closing (spec §5–6), found by content after the body: the signature block starts at a capacity
 * line ("TM. …", "KT. …") or sits beside "Nơi nhận:" in a borderless table; its name is the last line
 * after the space left for signing. Nơi nhận is its label line and the lines after it.
 */
import type { Block, Cell } from "../../read/docx/ooxml/blocks.ts";
import type { Paragraph } from "../../read/docx/ooxml/paragraphs.ts";
import { isBlank, isCaps, linesOf, normalise, PREFIX_LIKE_PATTERN, RECIPIENTS_PATTERN, type TextLine } from "./text.ts";

export interface SignaturePart {
  /** capacity and title lines, top to bottom */
  titleLines: TextLine[];
  name?: TextLine;
  /** empty paragraphs between the last title line and the name */
  blankParagraphs: number;
  cell?: Cell;
  /** index of the closing table row, when in a table */
  row?: number;
}

export interface RecipientsPart {
  label: TextLine;
  items: TextLine[];
  cell?: Cell;
  row?: number;
}

export interface ClosingPart {
  /** index in the section's blocks where the closing starts (the body ends before it) */
  startBlock: number;
  signature?: SignaturePart;
  recipients?: RecipientsPart;
}

const isCapacityLine = (p: Paragraph): boolean => {
  const text = normalise(p.text);
  return PREFIX_LIKE_PATTERN.test(text) && isCaps(text);
};
const isRecipientsLabel = (p: Paragraph): boolean => RECIPIENTS_PATTERN.test(normalise(p.text));
/** "(Đã ký)", "(ký, ghi rõ họ tên, đóng dấu)": notes in place of a signature, not lines of the block */
const isNote = (line: TextLine): boolean => /^\(.*\)$/u.test(line.text);

/** Signature lines from the paragraphs of its block: titles until the first gap, the name last. */
function readSignature(paragraphs: readonly Paragraph[]): SignaturePart | undefined {
  const start = paragraphs.findIndex((p) => !isBlank(p));
  if (start < 0) return undefined;
  const titleLines: TextLine[] = [];
  let i = start;
  for (; i < paragraphs.length && !isBlank(paragraphs[i]!); i++) titleLines.push(...linesOf(paragraphs[i]!).filter((l) => !isNote(l)));
  const rest = paragraphs.slice(i);
  const nameIndex = rest.findLastIndex((p) => linesOf(p).some((l) => !isNote(l)));
  if (nameIndex < 0) {
    // no gap: the last title line is the name
    const name = titleLines.pop();
    return name ? { titleLines, name, blankParagraphs: 0 } : undefined;
  }
  const name = linesOf(rest[nameIndex]!).filter((l) => !isNote(l)).at(-1)!;
  return { titleLines, name, blankParagraphs: rest.slice(0, nameIndex).filter(isBlank).length };
}

function readRecipients(paragraphs: readonly Paragraph[], labelParagraph: Paragraph): RecipientsPart {
  const from = paragraphs.indexOf(labelParagraph);
  const lines = paragraphs.slice(from).flatMap(linesOf);
  const labelIndex = lines.findIndex((l) => RECIPIENTS_PATTERN.test(l.text));
  return { label: lines[labelIndex]!, items: lines.slice(labelIndex + 1) };
}

/** The closing in a table: recipients in the cell with "Nơi nhận:", the signature in the cell with a capacity line, else the other cell. */
function closingTable(blocks: readonly Block[], from: number): ClosingPart | undefined {
  for (let b = from; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.kind !== "table") continue;
    for (const [row, r] of block.table.rows.entries()) {
      const recipientsCell = r.cells.find((c) => c.paragraphs.some(isRecipientsLabel));
      const signatureCell = r.cells.find((c) => c.paragraphs.some(isCapacityLine)) ?? (recipientsCell ? r.cells.filter((c) => c !== recipientsCell).at(-1) : undefined);
      if (!recipientsCell && !signatureCell) continue;
      const closing: ClosingPart = { startBlock: b };
      if (recipientsCell) {
        const label = recipientsCell.paragraphs.find(isRecipientsLabel)!;
        closing.recipients = { ...readRecipients(recipientsCell.paragraphs, label), cell: recipientsCell, row };
      }
      const signature = signatureCell ? readSignature(signatureCell.paragraphs.slice(Math.max(0, signatureCell.paragraphs.findIndex(isCapacityLine)))) : undefined;
      if (signature && signatureCell) closing.signature = { ...signature, cell: signatureCell, row };
      return closing;
    }
  }
  return undefined;
}

/** The closing as top-level paragraphs: the signature from its capacity line, Nơi nhận from its label. */
function closingParagraphs(blocks: readonly Block[], from: number): ClosingPart | undefined {
  const paragraphs = blocks.slice(from).flatMap((b) => (b.kind === "paragraph" ? [b.paragraph] : []));
  const capacity = paragraphs.findIndex(isCapacityLine);
  const label = paragraphs.findIndex(isRecipientsLabel);
  if (capacity < 0 && label < 0) return undefined;
  const first = paragraphs[Math.min(...[capacity, label].filter((i) => i >= 0))]!;
  const closing: ClosingPart = { startBlock: blocks.findIndex((b) => b.kind === "paragraph" && b.paragraph === first) };
  if (label >= 0) closing.recipients = readRecipients(paragraphs.slice(0, capacity > label ? capacity : undefined), paragraphs[label]!);
  if (capacity >= 0) {
    const signature = readSignature(paragraphs.slice(capacity, label > capacity ? label : undefined));
    if (signature) closing.signature = signature;
  }
  return closing;
}

/** The closing after block `from` of the main section (tables first: the usual layout). */
export function findClosing(blocks: readonly Block[], from: number): ClosingPart | undefined {
  const inTable = closingTable(blocks, from);
  const inParagraphs = closingParagraphs(blocks, from);
  if (inTable && inParagraphs) return inTable.startBlock <= inParagraphs.startBlock ? inTable : inParagraphs;
  return inTable ?? inParagraphs;
}
