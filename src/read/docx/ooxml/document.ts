/**
 * A DOCX read back as sections of blocks, with each section's page setup, page numbering and its
 * header and footer parts (a section without its own reference of a kind inherits the previous one's).
 */
import { paragraphsOf, partContext, readBlocks, type Block } from "./blocks.ts";
import { openDocxPackage, relationships, type DocxPackage } from "./package.ts";
import type { Paragraph } from "./paragraphs.ts";
import { ListCounters, readNumbering } from "./numbering.ts";
import { StyleSheet } from "./styles.ts";
import { attr, child, childrenNamed, childrenOf, findAll, numberAttr, onOff, tagOf, textOf, type XmlNode } from "./xml.ts";
import { DocxReadError } from "./package.ts";

export type HeaderFooterKind = "default" | "first" | "even";

export interface HeaderFooter {
  part: string;
  blocks: Block[];
  paragraphs: Paragraph[];
}

export interface Section {
  /** 1-based */
  index: number;
  /** w:type: "nextPage" when absent */
  type: string;
  page: { widthTwips?: number; heightTwips?: number; orientation?: string };
  margins: { top?: number; bottom?: number; left?: number; right?: number; gutter: number; header?: number; footer?: number };
  /** w:titlePg: page 1 of the section uses the "first" header and footer */
  titlePage: boolean;
  pageNumberStart?: number;
  pageNumberFormat?: string;
  /** effective parts, inheritance from earlier sections applied */
  headers: Partial<Record<HeaderFooterKind, HeaderFooter>>;
  footers: Partial<Record<HeaderFooterKind, HeaderFooter>>;
  blocks: Block[];
}

export interface Footnote {
  /** w:id, what w:footnoteReference points at */
  id: string;
  blocks: Block[];
}

export interface DocxDocument {
  pkg: DocxPackage;
  styles: StyleSheet;
  sections: Section[];
  /** every paragraph of the main document part in reading order */
  paragraphs: Paragraph[];
  /** settings.xml w:evenAndOddHeaders: even pages use the "even" header and footer */
  evenAndOddHeaders: boolean;
  /** settings.xml w:defaultTabStop: where a tab goes past the last custom stop (every so many twips) */
  defaultTabStopTwips: number;
  /** docProps/core.xml by local name: title, subject, keywords, … */
  core: Record<string, string>;
  /** the footnotes part's notes (Word's separator lines among them, as notes no reference points at) */
  footnotes: Footnote[];
}

type PartReader = (part: string) => HeaderFooter | undefined;

function readSection(
  sectPr: XmlNode | undefined,
  index: number,
  blocks: Block[],
  rels: Map<string, string>,
  readPart: PartReader,
  previous: Section | undefined,
): Section {
  const pgSz = child(sectPr, "w:pgSz");
  const pgMar = child(sectPr, "w:pgMar");
  const pgNumType = child(sectPr, "w:pgNumType");
  const references = (tag: string, inherited: Section["headers"] = {}) => {
    const parts: Section["headers"] = { ...inherited };
    for (const ref of childrenNamed(sectPr, tag)) {
      const part = readPart(rels.get(attr(ref, "r:id") ?? "") ?? "");
      if (part) parts[(attr(ref, "w:type") ?? "default") as HeaderFooterKind] = part;
    }
    return parts;
  };
  const section: Section = {
    index,
    type: attr(child(sectPr, "w:type"), "w:val") ?? "nextPage",
    page: { widthTwips: numberAttr(pgSz, "w:w"), heightTwips: numberAttr(pgSz, "w:h"), orientation: attr(pgSz, "w:orient") },
    margins: {
      top: numberAttr(pgMar, "w:top"),
      bottom: numberAttr(pgMar, "w:bottom"),
      left: numberAttr(pgMar, "w:left"),
      right: numberAttr(pgMar, "w:right"),
      gutter: numberAttr(pgMar, "w:gutter") ?? 0,
      header: numberAttr(pgMar, "w:header"),
      footer: numberAttr(pgMar, "w:footer"),
    },
    titlePage: onOff(child(sectPr, "w:titlePg")) ?? false,
    headers: references("w:headerReference", previous?.headers),
    footers: references("w:footerReference", previous?.footers),
    blocks,
  };
  const start = numberAttr(pgNumType, "w:start");
  if (start !== undefined) section.pageNumberStart = start;
  const format = attr(pgNumType, "w:fmt");
  if (format !== undefined) section.pageNumberFormat = format;
  return section;
}

/** docProps/core.xml by local name (title, subject, keywords, …); empty when the part is missing. */
export function readCoreProperties(pkg: DocxPackage): Record<string, string> {
  if (!pkg.has("docProps/core.xml")) return {};
  const root = pkg.xml("docProps/core.xml").find((n) => tagOf(n)?.endsWith("coreProperties"));
  return Object.fromEntries(
    childrenOf(root)
      .filter((n) => tagOf(n) !== undefined)
      .map((n) => [tagOf(n)!.replace(/^\w+:/, ""), textOf(n)]),
  );
}

/** Word's default tab stop when settings.xml names none: 0.5 inch. */
const WORD_DEFAULT_TAB_TWIPS = 720;

function readSettings(pkg: DocxPackage): Pick<DocxDocument, "evenAndOddHeaders" | "defaultTabStopTwips"> {
  const part = pkg.mainPart.replace(/[^/]+$/, "settings.xml");
  const settings = pkg.has(part) ? pkg.xml(part) : [];
  const tabStop = numberAttr(findAll(settings, "w:defaultTabStop")[0], "w:val");
  return {
    evenAndOddHeaders: onOff(findAll(settings, "w:evenAndOddHeaders")[0]) ?? false,
    defaultTabStopTwips: tabStop !== undefined && tabStop > 0 ? tabStop : WORD_DEFAULT_TAB_TWIPS,
  };
}

function readFootnotes(pkg: DocxPackage, styles: StyleSheet, lists: ListCounters): Footnote[] {
  const part = pkg.mainPart.replace(/[^/]+$/, "footnotes.xml");
  if (!pkg.has(part)) return [];
  const context = partContext(styles, part, lists);
  return findAll(pkg.xml(part), "w:footnote").map((note) => ({ id: attr(note, "w:id") ?? "", blocks: readBlocks(childrenOf(note), context) }));
}

/** Reads a DOCX; throws `DocxReadError` when the input is not a readable DOCX. */
export function readDocx(bytes: Uint8Array): DocxDocument {
  const pkg = openDocxPackage(bytes);
  const styles = new StyleSheet(pkg);
  const lists = readNumbering(pkg);
  const body = findAll(pkg.xmlToConsume(pkg.mainPart), "w:body")[0];
  if (!body) throw new DocxReadError("not-docx", `${pkg.mainPart} has no document body (w:body)`);
  const rels = relationships(pkg, pkg.mainPart);
  const parts = new Map<string, HeaderFooter>();
  const readPart: PartReader = (part) => {
    if (!pkg.has(part)) return undefined;
    let read = parts.get(part);
    if (!read) {
      const root = pkg.xml(part).find((n) => tagOf(n) === "w:hdr" || tagOf(n) === "w:ftr");
      const blocks = readBlocks(childrenOf(root), partContext(styles, part, new ListCounters(lists)));
      parts.set(part, (read = { part, blocks, paragraphs: paragraphsOf(blocks) }));
    }
    return read;
  };
  const blocks = readBlocks(childrenOf(body), partContext(styles, pkg.mainPart, new ListCounters(lists), true));
  const sections: Section[] = [];
  let current: Block[] = [];
  for (const block of blocks) {
    current.push(block);
    if (block.kind === "paragraph" && block.paragraph.sectPr) {
      sections.push(readSection(block.paragraph.sectPr, sections.length + 1, current, rels, readPart, sections.at(-1)));
      current = [];
    }
  }
  sections.push(readSection(child(body, "w:sectPr"), sections.length + 1, current, rels, readPart, sections.at(-1)));
  return {
    pkg,
    styles,
    sections,
    paragraphs: paragraphsOf(blocks),
    ...readSettings(pkg),
    core: readCoreProperties(pkg),
    footnotes: readFootnotes(pkg, styles, new ListCounters(lists)),
  };
}
