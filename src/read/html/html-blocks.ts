/**
 * An HTML element's content as source blocks: block elements end paragraphs, inline elements give runs
 * their look (tags and inline CSS, as Word's "Save as HTML" writes them), <br> is "\n", tables keep their
 * rowspan/colspan and nest. White space collapses as a browser shows it.
 */
import type { Alignment, SourceBlock, SourceCell, SourceParagraph, SourceRow, SourceRun, SourceTable, TreeStep } from "../source-document.ts";
import { joinRuns, textOfRuns } from "../source-document.ts";
import { formatListNumber, type NumberStyle } from "../list-numbers.ts";
import { attrOf, childrenOf, cssOf, isElement, isText, rawText, type HtmlElement, type HtmlNode } from "./dom.ts";

type Look = Omit<SourceRun, "text" | "footnote">;

export interface HtmlContext {
  /** chrome, hidden elements and footnote bodies: not read in the flow */
  skip: (element: HtmlElement) => boolean;
  /** a footnote reference (a link to a footnote body): the footnote's id */
  footnoteOf: (element: HtmlElement) => number | undefined;
}

const BLOCKS = new Set([
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "center", "section", "article",
  "main", "address", "pre", "figure", "figcaption", "caption", "hr", "body", "html",
]);
const ALIGNMENTS: Record<string, Alignment> = { left: "left", start: "left", center: "center", middle: "center", right: "right", end: "right", justify: "justify" };
/** CSS font-size units in points */
const POINTS_PER_UNIT: Record<string, number> = { pt: 1, px: 0.75, pc: 12, in: 72, cm: 72 / 2.54, mm: 72 / 25.4 };
const COLLAPSIBLE = /[ \t\n\r\f]+/g;
/** <ol type>: how a browser numbers the items */
const OL_TYPES: Record<string, NumberStyle> = { "1": "decimal", a: "lowerLetter", A: "upperLetter", i: "lowerRoman", I: "upperRoman" };
/** A span past this is a broken attribute, not a table (browsers clamp colspan at 1,000 and rowspan at 65,534). */
const MAX_SPAN = 1000;
/** More tabs than a line of a page holds are a broken style, not a layout. */
const MAX_TABS = 100;

function lookOf(element: HtmlElement, outer: Look): Look {
  const look = { ...outer };
  const tag = element.tagName;
  if (tag === "b" || tag === "strong" || tag === "th") look.bold = true;
  if (tag === "i" || tag === "em") look.italic = true;
  if (tag === "u" || tag === "ins") look.underline = true;
  const weight = cssOf(element, "font-weight");
  if (weight !== undefined) look.bold = weight === "bold" || weight === "bolder" || Number(weight) >= 600;
  const style = cssOf(element, "font-style");
  if (style !== undefined) look.italic = style === "italic" || style === "oblique";
  const decoration = cssOf(element, "text-decoration") ?? cssOf(element, "text-decoration-line");
  if (decoration !== undefined) look.underline = decoration.includes("underline");
  const transform = cssOf(element, "text-transform");
  if (transform !== undefined) look.caps = transform === "uppercase";
  const size = cssOf(element, "font-size")?.match(/^([\d.]+)\s*(pt|px|pc|in|cm|mm)$/);
  if (size) look.sizePt = Math.round(Number(size[1]) * POINTS_PER_UNIT[size[2]!]! * 10) / 10;
  for (const key of Object.keys(look) as (keyof Look)[]) if (look[key] === false) delete look[key];
  return look;
}

function alignmentOf(element: HtmlElement, outer: Alignment | undefined): Alignment | undefined {
  if (element.tagName === "center") return "center";
  const value = cssOf(element, "text-align") ?? attrOf(element, "align")?.toLowerCase();
  return (value === undefined ? undefined : ALIGNMENTS[value]) ?? outer;
}

const spanOf = (element: HtmlElement, name: string) => Math.min(Math.max(Number.parseInt(attrOf(element, name) ?? "1", 10) || 1, 1), MAX_SPAN);

interface Piece extends SourceRun {
  /** white space kept as written (<br>, <pre>) */
  kept?: boolean;
}

/** Collapses white space across pieces as a browser does, trimming at the paragraph's ends and around breaks. */
function collapse(pieces: readonly Piece[]): SourceRun[] {
  const runs: SourceRun[] = [];
  let atLineStart = true;
  for (const { kept, ...piece } of pieces) {
    let text = kept ? piece.text : piece.text.replace(COLLAPSIBLE, " ");
    if (!kept && (atLineStart || runs.at(-1)?.text.endsWith(" "))) text = text.replace(/^ /, "");
    if (kept && piece.text === "\n") trimEnd(runs);
    if (text === "") continue;
    runs.push({ ...piece, text });
    atLineStart = text.endsWith("\n");
  }
  trimEnd(runs);
  return joinRuns(runs.filter((run) => run.text !== ""));
}

function trimEnd(runs: SourceRun[]): void {
  const last = runs.at(-1);
  if (last && last.text.endsWith(" ") && last.footnote === undefined) last.text = last.text.replace(/ $/, "");
}


class BlockBuilder {
  readonly blocks: SourceBlock[] = [];
  private pieces: Piece[] = [];
  private paragraphStyle: string | undefined;
  private paragraphAlignment: Alignment | undefined;
  private paragraphs = 0;
  private tables = 0;
  /** each ordered list's last item number */
  private readonly listCounters = new Map<HtmlElement, number>();

  constructor(
    private readonly path: readonly TreeStep[],
    private readonly context: HtmlContext,
  ) {}

  walk(node: HtmlNode, look: Look, alignment: Alignment | undefined, pre: boolean): void {
    if (isText(node)) {
      this.add({ ...look, text: node.value, ...(pre ? { kept: true } : {}) }, alignment);
      return;
    }
    if (!isElement(node) || this.context.skip(node)) return;
    const tag = node.tagName;
    if (tag === "br") return this.add({ ...look, text: "\n", kept: true }, alignment);
    // Word's "Save as HTML" writes a tab as a span of no-break spaces that says how many tabs it stands for
    const tabs = Number(cssOf(node, "mso-tab-count") ?? 0);
    if (tabs > 0) return this.add({ ...look, text: "\t".repeat(Math.min(tabs, MAX_TABS)), kept: true }, alignment);
    if (tag === "table") {
      this.flush();
      // a caption is shown above its table
      for (const caption of childrenOf(node)) if (isElement(caption) && caption.tagName === "caption") this.walk(caption, look, alignment, pre);
      this.blocks.push(this.table(node, look, alignmentOf(node, alignment)));
      return;
    }
    const footnote = tag === "a" ? this.context.footnoteOf(node) : undefined;
    if (footnote !== undefined) {
      const mark = rawText(node).replace(COLLAPSIBLE, " ").trim();
      return this.add({ ...look, text: mark, footnote, kept: true }, alignment);
    }
    const isBlock = BLOCKS.has(tag);
    const inner = isBlock ? alignmentOf(node, alignment) : alignment;
    if (isBlock) {
      this.flush();
      this.paragraphStyle = attrOf(node, "class")?.trim() || undefined;
    }
    const number = tag === "li" ? this.listNumber(node) : undefined;
    if (number !== undefined) this.add({ ...lookOf(node, look), text: number, kept: true }, inner);
    const innerLook = lookOf(node, look);
    for (const child of childrenOf(node)) this.walk(child, innerLook, inner, pre || tag === "pre");
    if (isBlock) this.flush();
  }

  /** The number a browser shows before an item of an ordered list ("1. ", "b. ", "IV. "), counting as it goes. */
  private listNumber(li: HtmlElement): string | undefined {
    const list = li.parentNode;
    if (list === null || !isElement(list) || list.tagName !== "ol") return undefined;
    if (cssOf(list, "list-style-type") === "none" || cssOf(list, "list-style") === "none") return undefined;
    const value = Number.parseInt(attrOf(li, "value") ?? "", 10);
    const start = Number.parseInt(attrOf(list, "start") ?? "", 10) || 1;
    const n = Number.isFinite(value) ? value : (this.listCounters.get(list) ?? start - 1) + 1;
    this.listCounters.set(list, n);
    return `${formatListNumber(Math.max(n, 1), OL_TYPES[attrOf(list, "type") ?? "1"] ?? "decimal")}. `;
  }

  private add(piece: Piece, alignment: Alignment | undefined): void {
    if (this.pieces.length === 0) this.paragraphAlignment = alignment;
    this.pieces.push(piece);
  }

  /** Ends the paragraph being built; one with nothing but white space and breaks is no paragraph. */
  flush(): void {
    const runs = collapse(this.pieces);
    this.pieces = [];
    if (runs.every((run) => run.text.trim() === "")) return;
    const paragraph: SourceParagraph = { kind: "paragraph", text: textOfRuns(runs), runs, position: { path: [...this.path, { paragraph: ++this.paragraphs }] } };
    if (this.paragraphAlignment) paragraph.alignment = this.paragraphAlignment;
    if (this.paragraphStyle) paragraph.style = this.paragraphStyle;
    this.blocks.push(paragraph);
  }

  private table(element: HtmlElement, look: Look, alignment: Alignment | undefined): SourceTable {
    const number = ++this.tables;
    const rows: SourceRow[] = rowsOf(element, this.context).map((tr, r) => ({
      cells: childrenOf(tr)
        .filter((c): c is HtmlElement => isElement(c) && (c.tagName === "td" || c.tagName === "th") && !this.context.skip(c))
        .map((td, c): SourceCell => {
          const cellPath: TreeStep[] = [...this.path, { table: number, row: r + 1, cell: c + 1 }];
          const builder = new BlockBuilder(cellPath, this.context);
          builder.walk(td, look, alignmentOf(td, alignmentOf(tr, alignment)), false);
          builder.flush();
          return { rowSpan: spanOf(td, "rowspan"), colSpan: spanOf(td, "colspan"), blocks: builder.blocks, position: { path: cellPath } };
        }),
    }));
    return { kind: "table", rows, position: { path: [...this.path, { table: number }] } };
  }
}

/** The rows of a table in order, through thead/tbody/tfoot (not those of tables nested in its cells). */
function rowsOf(table: HtmlElement, context: HtmlContext): HtmlElement[] {
  return childrenOf(table).flatMap((child): HtmlElement[] => {
    if (!isElement(child) || context.skip(child)) return [];
    if (child.tagName === "tr") return [child];
    return child.tagName === "thead" || child.tagName === "tbody" || child.tagName === "tfoot" ? rowsOf(child, context) : [];
  });
}

/** The blocks of `root`'s content, numbered from 1 under `path`. */
export function htmlBlocks(root: HtmlElement, path: readonly TreeStep[], context: HtmlContext): SourceBlock[] {
  const builder = new BlockBuilder(path, context);
  for (const child of childrenOf(root)) builder.walk(child, lookOf(root, {}), alignmentOf(root, undefined), false);
  builder.flush();
  return builder.blocks;
}
