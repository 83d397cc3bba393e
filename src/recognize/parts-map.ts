/**
 * The structure the recognizer finds in a source document, format-neutral: which blocks (by their source
 * position) hold each part of the layout. `vanban import` builds the model from the same recognition;
 * `vanban check` maps each part back to the file's own paragraphs and cells to measure it.
 */
import type { Located } from "./source-lines.ts";

/** A block of the source (a paragraph, a table), where it stands. */
export type BlockRef = Located;

/**
 * A line of a paragraph (one of the lines its line breaks make), or a column of it: in a tab-aligned
 * header or closing both columns share the paragraph's lines, and `text` is the part in one column.
 */
export interface LineRef extends Located {
  /** the line (or the column's part of it) as written, trimmed */
  text: string;
  /** set when the line is a column of a paragraph laid out by tabs or spaces, not the whole paragraph */
  column?: "left" | "right";
}

export interface HeaderParts {
  /** the table holding the Quốc hiệu, when the header is a table */
  table?: BlockRef;
  /** HDR-PARENT lines above the issuer (may be none) */
  parent: LineRef[];
  issuer: LineRef[];
  nationalName?: LineRef;
  motto?: LineRef;
  number?: LineRef;
  placeDate?: LineRef;
  /** a công văn's "V/v …" under the number, with the lines it wraps onto */
  subjectLine: LineRef[];
}

export interface TitleParts {
  type: BlockRef;
  subject: BlockRef[];
  /** BODY-AUTHORITY lines ("ỦY BAN NHÂN DÂN TỈNH …") */
  authority: BlockRef[];
}

export interface ClosingParts {
  /** capacity and title lines, top to bottom */
  signature: LineRef[];
  name?: LineRef;
  recipientsLabel?: LineRef;
  /** the Nơi nhận lines after the label, as written ("- Như trên;") */
  recipients: LineRef[];
}

export interface AppendixParts {
  /** "appendix": headed "Phụ lục"; "list": a list headed otherwise ("DANH SÁCH …") with its "(Kèm theo …)" line */
  kind: "appendix" | "list";
  heading: BlockRef;
  title?: BlockRef;
  /** "(Kèm theo …)" */
  reference?: BlockRef;
  table?: BlockRef;
}

export type DocumentKind = "decision" | "letter" | "other" | "unknown";

export interface DocumentPartsMap {
  /** decision: type line "QUYẾT ĐỊNH"; letter: no type line, "V/v" under the number (công văn) */
  kind: DocumentKind;
  typeName?: string;
  header?: HeaderParts;
  title?: TitleParts;
  /** "Kính gửi: …" and the addressee lines under it */
  addressees: BlockRef[];
  /** căn cứ and the "Theo đề nghị …" line, before "QUYẾT ĐỊNH:" */
  bases: BlockRef[];
  decides?: BlockRef;
  /** the running text: căn cứ, articles and the paragraphs under them, a letter's paragraphs */
  body: BlockRef[];
  articles: BlockRef[];
  /** "Phần I" / "Chương I" lines and the title line after each */
  partHeadings: { heading: BlockRef; title?: BlockRef }[];
  closing?: ClosingParts;
  appendices: AppendixParts[];
}
