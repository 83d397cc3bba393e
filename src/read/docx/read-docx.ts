/**
 * A DOCX as a source document: its sections with their page setup, their blocks, and the footnotes. A file
 * that is not a readable DOCX is a diagnostic, never a throw.
 */
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { diagnose, type Place, type RuleId } from "../../diagnostics/rules.ts";
import type { PageSetup, SourceDocument, SourceFootnote } from "../source-document.ts";
import { readDocx, type DocxDocument, type Section } from "./ooxml/document.ts";
import { DocxReadError, type DocxReadFailure } from "./ooxml/package.ts";
import { DocxIndex, sourceBlocks, type BlockContext } from "./source-blocks.ts";

const MM_PER_TWIP = 25.4 / 1440;
const mm = (twips: number | undefined) => (twips === undefined ? undefined : Math.round(twips * MM_PER_TWIP * 10) / 10);

const FAILURE_RULES: Record<DocxReadFailure, RuleId> = {
  empty: "read/empty",
  "legacy-doc": "read/legacy-office",
  "password-protected": "read/encrypted",
  "too-large": "read/too-large",
  "not-zip": "read/corrupt",
  "corrupt-zip": "read/corrupt",
  "not-docx": "read/corrupt",
  "malformed-xml": "read/corrupt",
};

function pageSetup(section: Section): PageSetup {
  const page: PageSetup = {};
  const { widthTwips, heightTwips, orientation } = section.page;
  if (widthTwips !== undefined) page.widthMm = mm(widthTwips)!;
  if (heightTwips !== undefined) page.heightMm = mm(heightTwips)!;
  // w:orient is optional; the page's shape says the same (Word swaps w:w and w:h for landscape)
  if (orientation === "landscape" || orientation === "portrait") page.orientation = orientation;
  else if (widthTwips !== undefined && heightTwips !== undefined) page.orientation = widthTwips > heightTwips ? "landscape" : "portrait";
  const margins = Object.fromEntries(
    (["top", "bottom", "left", "right"] as const).flatMap((side) => (section.margins[side] === undefined ? [] : [[side, mm(section.margins[side])!]])),
  );
  if (Object.keys(margins).length > 0) page.marginsMm = margins;
  return page;
}

function sourceOf(docx: DocxDocument, index?: DocxIndex): SourceDocument {
  const numbers = new Map<string, number>();
  const base = { styles: docx.styles, footnoteNumber: (id: string) => numbers.get(id) ?? numbers.set(id, numbers.size + 1).get(id)!, ...(index ? { index } : {}) };
  const body: BlockContext = { ...base, part: docx.pkg.mainPart };
  const sections = docx.sections.map((section) => ({ page: pageSetup(section), blocks: sourceBlocks(section.blocks, [], body) }));
  const notes: BlockContext = { ...base, part: docx.pkg.mainPart.replace(/[^/]+$/, "footnotes.xml") };
  const footnotes: SourceFootnote[] = docx.footnotes
    .filter((note) => numbers.has(note.id))
    .map((note) => ({ id: numbers.get(note.id)!, mark: String(numbers.get(note.id)), blocks: sourceBlocks(note.blocks, [{ footnote: numbers.get(note.id)! }], notes) }))
    .sort((a, b) => a.id - b.id);
  return { format: "docx", sections, footnotes };
}

/** A DOCX read once as both: the OOXML layer (formatting, geometry) and the source document, tied by positions. */
export interface DocxWithSource {
  docx: DocxDocument;
  source: SourceDocument;
  index: DocxIndex;
}

/** Throws `DocxReadError` when the input is not a readable DOCX. */
export function readDocxWithSource(bytes: Uint8Array): DocxWithSource {
  const docx = readDocx(bytes);
  const index = new DocxIndex();
  return { docx, source: sourceOf(docx, index), index };
}

export function readDocxSource(bytes: Uint8Array, place: Place = {}): { document?: SourceDocument; diagnostics: Diagnostic[] } {
  try {
    return { document: sourceOf(readDocx(bytes)), diagnostics: [] };
  } catch (error) {
    if (!(error instanceof DocxReadError)) throw error;
    return { diagnostics: [diagnose(FAILURE_RULES[error.kind], { format: "DOCX", reason: error.message }, place)] };
  }
}
