/**
 * pdfmake 0.3.11 on Node, set up once per thread (the package exports a singleton instance):
 * - fonts are served from pdfmake's virtual file system, from the bytes in the render context, so rendering
 *   reads no file; every URL and every local path is refused (and pdfmake stops warning about policies);
 * - what fontkit works out about the fonts is shared between documents (see "Font sharing" below);
 * - metadata strings reach pdfkit's XMP packet XML-escaped (runtime/xmp-metadata.ts).
 *
 * Font sharing. pdfkit calls `fontkit.create(bytes)` for every document and shapes every word afresh, and a
 * fresh fontkit font decodes its tables again (≈ 230 ms of a ≈ 250 ms letter before this). Two caches, both
 * keyed by the identity of a font buffer registered here and so limited to these fonts:
 * 1. Decoded tables: read-only once decoded, and fontkit itself shares them between fonts of one file
 *    (`getVariation` sets `font._tables = this._tables`). A font made from a registered buffer takes that
 *    buffer's table store on its first table access.
 * 2. Shaped words: pdfkit caches `layoutRun(word)` per document; here the cache is per font buffer. Words are
 *    shaped by one font per buffer whose glyphs carry the code points of the text being shaped. A plain fontkit
 *    font keeps a glyph's code points from the first time it saw the glyph, and those become the ToUnicode map:
 *    space and no-break space are both glyph 3 in Tinos, so a font cached whole would make a letter's text layer
 *    depend on the letters drawn before it. With the code points of the text itself, a document's bytes do not
 *    depend on what was drawn before, and they equal pdfkit's own output (tested with `sharedCaches: false`).
 * 3. Encoded font subsets and their deflated streams (subset-sharing.ts): every document's subset starts with
 *    the same fixed repertoire, so one encoding serves almost every letter.
 * 4. Measured text (measured-text.ts): a text node measured before in the same style and fonts is copied from
 *    its first measurement, with this document's font objects.
 * And pdfmake's style lookups take a fast path (style-lookup.ts), and words that look alike are drawn as one
 * text object (line-merging.ts). Everything else stays per document: the pdfkit font objects and ToUnicode maps.
 *
 * Chunked layout (chunks.ts): a document with a long table is laid out and drawn one chunk of rows at a time,
 * so that pdfmake holds one chunk's pages, not the document's (`renderChunkedPdf`).
 *
 * Render options. `renderPdf(definition, fonts, { sharedCaches, lineMerging })` (both on by default) chooses
 * the fast paths per document. The patched methods tell documents apart by what pdfmake hands them: a font set
 * is registered under one pdfmake family per combination of options, each family with its own font buffers
 * (copies of the same bytes), so fontkit and pdfkit objects know their document's options from their font
 * buffer, and pdfmake's style stacks from their default style's font family. No switch is shared between
 * documents. `sharedCaches: false` gives the same bytes (tested); `lineMerging: false` the same pages.
 *
 * Every piece is checked against the installed pdfmake, pdfkit and fontkit before it is patched
 * (runtime/shape-check.ts); a piece that does not match is left alone and `pdfRuntimeStatus()` returns one
 * warning naming it.
 */
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { createRequire } from "node:module";
import type { Content, TDocumentDefinitions, TFontDictionary } from "pdfmake/interfaces.js";
import type { FaceName, FontBytes } from "../../layout/font-bytes.ts";
import { parsedFace } from "../../layout/font-faces.ts";
import { installLineMerging, lineMergingProblems, type Inline, type LineClass, type LineRenderer } from "./line-merging.ts";
import { installFastStyleLookup, styleLookupProblems, type StyleStack, type StyleStackClass } from "./style-lookup.ts";
import { installMeasuredTextCache, measuredTextProblems, type TextBreakerClass, type TextInlinesClass } from "./measured-text.ts";
import {
  deflateCacheProblems,
  installDeflateCache,
  installSubsetCache,
  installSubsetSeeding,
  repertoireGlyphs,
  subsetCacheProblems,
  subsetSeedingProblems,
  type FontSubset,
  type PdfStream,
  type RepertoireGlyph,
  type SubsettingFont,
} from "./subset-sharing.ts";
import {
  applyPieces,
  memberProblems,
  runtimeWarning,
  type PatchPiece,
  type Piece,
  type PieceReport,
  type PdfRuntimeWarning,
} from "./runtime/shape-check.ts";
import { escapeInfoForXmp, installXmpEscaping, xmpEscapingProblems, xmpEscapingWorks, type MetadataDocument } from "./runtime/xmp-metadata.ts";
import { chunkCut, type ChunkedDocument, type TableChunk } from "./chunks.ts";
import { collectGarbage } from "../collect-garbage.ts";

export type { PdfRuntimeWarning, PatchPiece, PieceReport } from "./runtime/shape-check.ts";

/** The fast paths of one render; each is on unless set to false. */
export interface PdfRenderOptions {
  /**
   * Share fontkit's decoded tables, shaped words, encoded subsets and their deflated streams with other
   * documents, and take the fast style lookup. Off, the bytes are the same (tested), only slower.
   */
  sharedCaches?: boolean;
  /** Draw words that look alike and sit edge to edge as one text object. Off, the pages look the same; the bytes differ. */
  lineMerging?: boolean;
}
type FastPaths = Required<PdfRenderOptions>;

interface Pdfmake {
  virtualfs: { writeFileSync(name: string, content: Uint8Array): void; readFileSync(name: string): unknown };
  addFonts(fonts: TFontDictionary): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

/** The parts of fontkit's TTFFont and Glyph that the sharing touches. */
interface Glyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}
type GlyphClass = new (id: number, codePoints: number[], font: FontkitFont) => Glyph;
interface FontkitFont {
  stream: { buffer: Uint8Array };
  _tables: Record<string, unknown>;
  _getTable(table: unknown): unknown;
  getGlyph(id: number, codePoints?: number[]): Glyph;
  glyphForCodePoint(codePoint: number): Glyph;
  createSubset(): FontSubset;
  unitsPerEm: number;
  hhea: { ascent: number };
}
/** pdfkit's EmbeddedFont (not exported by pdfkit). */
interface EmbeddedFont {
  font: FontkitFont;
  scale: number;
  layoutRun(text: string, features?: unknown): unknown;
  layoutCached(text: string): unknown;
}
interface PdfkitDocument extends MetadataDocument {
  font(src: Uint8Array): { _font: EmbeddedFont };
  ref(): PdfStream;
}

const require = createRequire(import.meta.url);
const pdfmakeEntry = require.resolve("pdfmake");
const fromPdfmake = createRequire(pdfmakeEntry);
const pdfmake = fromPdfmake(pdfmakeEntry) as Pdfmake;
// pdfkit and fontkit exactly as pdfmake loads them (fontkit's CommonJS build, the one src/layout/font-faces.ts loads).
const pdfkitEntry = fromPdfmake.resolve("pdfkit");
const PDFKitDocument = fromPdfmake("pdfkit") as new (options: object) => PdfkitDocument;
const fontkitEntry = createRequire(pdfkitEntry).resolve("fontkit");
const fontkit = createRequire(pdfkitEntry)("fontkit") as { create(bytes: Uint8Array): FontkitFont };

const VERSIONS = {
  pdfmake: (fromPdfmake("../package.json") as { version: string }).version,
  pdfkit: (createRequire(pdfkitEntry)("../package.json") as { version: string }).version,
  fontkit: (createRequire(fontkitEntry)("../package.json") as { version: string }).version,
};

/** pdfmake's own API, which every render needs: without it there is no unpatched path to fall back to. */
const CORE_PROBLEMS = [
  ...memberProblems("pdfmake", pdfmake, [
    { name: "virtualfs", kind: "object" },
    { name: "addFonts", kind: "function" },
    { name: "setUrlAccessPolicy", kind: "function" },
    { name: "setLocalAccessPolicy", kind: "function" },
    { name: "createPdf", kind: "function" },
  ]),
  ...memberProblems("pdfmake.virtualfs", pdfmake.virtualfs, [
    { name: "writeFileSync", kind: "function" },
    { name: "readFileSync", kind: "function" },
  ]),
];
if (CORE_PROBLEMS.length === 0) {
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
}

const FACES: readonly FaceName[] = ["normal", "bold", "italics", "bolditalics"];

interface SharedFont {
  /** decoded tables, the store of every fontkit font made from this file */
  tables: Record<string, unknown>;
  /** the font words are shaped with, and pdfkit's scale for it (when shared-runs is installed) */
  shaper?: Pick<EmbeddedFont, "font" | "scale">;
  /** shaped words (pdfkit runs, positions in 1/1000 em), read-only */
  runs: Map<string, unknown>;
  /** the glyphs every subset of this font starts with (subset-sharing.ts; when subset-seeding is installed) */
  repertoire?: readonly RepertoireGlyph[];
  /** whether the font has a glyph for a code point, as asked so far (line merging) */
  hasGlyph: Map<number, boolean>;
}

/** Shared state by font file (the first buffer registered with those bytes). */
const sharedFonts = new WeakMap<Uint8Array, SharedFont>();
/** Every buffer registered with pdfmake: its font file's shared state, and the fast paths of the documents drawn with it. */
const faceBuffers = new WeakMap<Uint8Array, { shared: SharedFont; fast: FastPaths }>();
/** The fast paths by registered pdfmake family (for the style stacks, which know only their default style). */
const familyFast = new Map<string, FastPaths>();

// ---- pieces that need no font: checked and installed when this module loads --------------------------------

const styleStack = fromPdfmake("./StyleContextStack.js") as { default: StyleStackClass };
const layoutBuilder = fromPdfmake("./LayoutBuilder.js") as { default: { prototype: LayoutBuilderLike } };
const tableProcessor = fromPdfmake("./TableProcessor.js") as { default: { prototype: TableRowProcessor } };
const renderer = fromPdfmake("./Renderer.js") as { default: { prototype: LineRenderer } };
const line = fromPdfmake("./Line.js") as { default: LineClass };
const textInlines = fromPdfmake("./TextInlines.js") as { default: TextInlinesClass };
const textBreaker = fromPdfmake("./TextBreaker.js") as { default: TextBreakerClass };
const fastLookup = Symbol("vanban fast style lookup");
const probeDocument = () => new PDFKitDocument({ font: null, autoFirstPage: false, info: { CreationDate: new Date(0) } });

/** Whether documents drawn with this pdfmake family take the shared caches. */
const sharesCaches = (family: unknown): boolean => typeof family === "string" && familyFast.get(family)?.sharedCaches === true;

function styleFast(stack: StyleStack & { [fastLookup]?: boolean }): boolean {
  return (stack[fastLookup] ??= sharesCaches(stack.defaultStyle?.font));
}

/** The fontkit font of a laid-out word (pdfmake's inline → pdfkit's EmbeddedFont → fontkit), and its registration. */
function inlineFace(inline: unknown): { font: { hasGlyphForCodePoint?: (codePoint: number) => boolean }; face: { shared: SharedFont; fast: FastPaths } } | undefined {
  const font = (inline as { font?: { font?: { stream?: { buffer?: unknown } } } } | undefined)?.font?.font;
  const buffer = font?.stream?.buffer;
  const face = buffer instanceof Uint8Array ? faceBuffers.get(buffer) : undefined;
  return face && { font: font as { hasGlyphForCodePoint?: (codePoint: number) => boolean }, face };
}

function lineFast(drawn: { inlines: readonly unknown[] }): boolean {
  return inlineFace(drawn.inlines[0])?.face.fast.lineMerging ?? false;
}

/** No glyph of the word is .notdef (whose width pdfkit writes wrongly); unknown fonts never join. */
function drawnAsMeasured(inline: Inline): boolean {
  const found = inlineFace(inline);
  if (!found || typeof found.font.hasGlyphForCodePoint !== "function") return false;
  const known = found.face.shared.hasGlyph;
  for (const character of inline.text) {
    const codePoint = character.codePointAt(0)!;
    let has = known.get(codePoint);
    if (has === undefined) known.set(codePoint, (has = found.font.hasGlyphForCodePoint(codePoint)));
    if (!has) return false;
  }
  return true;
}

/** pdfmake's LayoutBuilder and Renderer, as far as chunked layout uses them. */
type LaidOutPages = unknown[] & { [NEXT_CHUNK]?: () => LaidOutPages };
interface LayoutBuilderLike {
  layoutDocument(docStructure: unknown, ...rest: unknown[]): LaidOutPages;
  /**
   * pdfmake pushes an entry for every vertically aligned cell and empties it only in the constructor: each
   * entry is read while its row is laid out, and holds the row's cells and their closures after that.
   */
  verticalAlignmentItemStack?: unknown[];
}
interface PageRenderer {
  renderPages(pages: LaidOutPages): void;
}
/** On the content array of a document laid out in chunks: its chunks. */
const CHUNKED = Symbol("vanban chunked document");
/** On the pages of a chunk: lays out the next one. */
const NEXT_CHUNK = Symbol("vanban next chunk");

/** pdfmake's TableProcessor and the page writer, as far as the row pages are read. */
interface RowWriter {
  transactionLevel: number;
  context(): { page: number };
}
interface TableRowProcessor {
  tableNode: object;
  endRow(rowIndex: number, writer: RowWriter, pageBreaks: unknown): void;
}
interface RowLayoutBuilder {
  writer: RowWriter;
  processRow(options: { tableNode?: object; rowIndex?: number; cells?: readonly unknown[] }): { positions?: { pageNumber?: number }[] };
}
/** On a chunk's table node: the page (0-based) each of its rows starts and ends on, as laid out last. */
const ROW_PAGES = Symbol("vanban row pages");
interface RowPages {
  start: number[];
  end: number[];
  /** rows laid out inside an unbreakable block not yet placed: they land where the block is committed */
  pending: number[];
}

/**
 * Records the pages of a chunk's table rows. pdfmake records a cell's position where an unbreakable block was
 * first tried, not where it was placed, so a row kept whole (in an unbreakable block: pdfmake's
 * dontBreakRows, or the header kept with the first row) lies on the page current once its block is
 * committed; a row that may split lies on the pages its lines were added to.
 */
function installRowPages(builder: RowLayoutBuilder, processor: TableRowProcessor): void {
  const { processRow } = builder;
  const { endRow } = processor;
  const pagesOf = (table: object | undefined) => (table as { [ROW_PAGES]?: RowPages } | undefined)?.[ROW_PAGES];
  builder.processRow = function (this: RowLayoutBuilder, options) {
    const begun = this.writer.context().page;
    const result = processRow.call(this, options);
    const pages = pagesOf(options.tableNode);
    if (pages && options.rowIndex !== undefined && this.writer.transactionLevel === 0) {
      const numbers = (result.positions ?? []).flatMap((p) => (typeof p.pageNumber === "number" ? [p.pageNumber - 1] : []));
      // a row begun at the foot of a page reaches down from there, unless it asked for a new page (keep-with-next)
      const broken = (options.cells ?? []).some((cell) => (cell as { pageBreak?: unknown } | undefined)?.pageBreak === "before");
      if (!broken) numbers.push(begun);
      [pages.start[options.rowIndex], pages.end[options.rowIndex]] = [Math.min(...numbers), Math.max(...numbers)];
    }
    return result;
  };
  processor.endRow = function (this: TableRowProcessor, rowIndex, writer, pageBreaks) {
    const pages = pagesOf(this.tableNode);
    const placed = pages?.end[rowIndex] !== undefined;
    endRow.call(this, rowIndex, writer, pageBreaks);
    if (!pages || placed) return;
    pages.pending.push(rowIndex);
    if (writer.transactionLevel > 0) return;
    const page = writer.context().page;
    for (const row of pages.pending) pages.start[row] = pages.end[row] = page;
    pages.pending = [];
  };
}

/** The first and last page (1-based) each plan row of a chunk was laid out on. */
function rowPages(pages: RowPages, chunk: TableChunk): ([number, number] | undefined)[] {
  return Array.from({ length: chunk.to - chunk.from }, (_, i) => {
    const [start, end] = [pages.start[chunk.headerRows + i], pages.end[chunk.headerRows + i]];
    return start === undefined || end === undefined ? undefined : [start + 1, end + 1];
  });
}

function installChunkedLayout(builder: LayoutBuilderLike, renderer: PageRenderer): void {
  const layoutDocument = builder.layoutDocument;
  builder.layoutDocument = function (this: LayoutBuilderLike, docStructure: unknown, ...rest: unknown[]) {
    const chunked = (docStructure as { [CHUNKED]?: ChunkedDocument } | undefined)?.[CHUNKED];
    if (!chunked) return layoutDocument.call(this, docStructure, ...rest);
    // pdfDocument, styles, defaultStyle, background, header, footer, watermark; pageBreakBefore is each chunk's own
    const settings = Array.from({ length: 7 }, (_, i) => rest[i]);
    const layOut = (from: number, pagesBefore: number, rows: number): LaidOutPages => {
      const chunk = chunked.chunk(from, pagesBefore, rows);
      const recorded: RowPages = { start: [], end: [], pending: [] };
      (chunk.table as { [ROW_PAGES]?: RowPages })[ROW_PAGES] = recorded;
      // The previous chunks' rows are drawn: a chunk keeps only its own (the 10,000-row appendix had kept
      // about 17 MB a chunk, 0.4 MB a page, to the end of the document).
      if (Array.isArray(this.verticalAlignmentItemStack)) this.verticalAlignmentItemStack.length = 0;
      const pages = layoutDocument.call(this, chunk.content, ...settings, chunk.pageBreakBefore);
      if (chunk.last) return pages;
      const cut = chunkCut(rowPages(recorded, chunk), chunk.from, chunked.cuttable, pages.length);
      // no page to cut at (rows as tall as the chunk's pages): the same chunk with twice the rows
      if (!cut) return layOut(from, pagesBefore, 2 * (chunk.to - chunk.from));
      const kept: LaidOutPages = pages.slice(0, cut.keepPages);
      kept[NEXT_CHUNK] = () => layOut(cut.nextRow, pagesBefore + cut.keepPages, chunked.rows);
      return kept;
    };
    return layOut(chunked.firstRow, 0, chunked.rows);
  };
  const renderPages = renderer.renderPages;
  renderer.renderPages = function (this: PageRenderer, pages: LaidOutPages) {
    // a chunk's pages are drawn, then let go, before the next chunk is laid out
    for (let batch: LaidOutPages | undefined = pages; batch; batch = batch[NEXT_CHUNK]?.()) {
      renderPages.call(this, batch);
      if (batch[NEXT_CHUNK]) collectGarbage();
    }
  };
}

let xmpEscaped = false;
const reports = new Map<PatchPiece, PieceReport>();
const record = (done: PieceReport[]) => {
  for (const report of done) reports.set(report.piece, report);
};

record(
  applyPieces([
    {
      piece: "style-lookup",
      check: () => styleLookupProblems(styleStack.default),
      install: () => installFastStyleLookup(styleStack.default, styleFast),
    },
    {
      piece: "measured-text",
      check: () => measuredTextProblems(textInlines.default, textBreaker.default),
      install: () => installMeasuredTextCache(textInlines.default, sharesCaches),
    },
    {
      piece: "line-merging",
      check: () => lineMergingProblems(renderer.default.prototype, line.default),
      install: () => installLineMerging(renderer.default.prototype, lineFast, drawnAsMeasured),
    },
    {
      piece: "chunked-layout",
      check: () => [
        ...memberProblems("pdfmake LayoutBuilder.prototype", layoutBuilder.default.prototype, [{ name: "layoutDocument", kind: "function", arity: 9 }]),
        ...memberProblems("pdfmake Renderer.prototype", renderer.default.prototype, [{ name: "renderPages", kind: "function", arity: 1 }]),
        ...memberProblems("pdfmake LayoutBuilder.prototype", layoutBuilder.default.prototype, [{ name: "processRow", kind: "function", arity: 1 }]),
        ...memberProblems("pdfmake TableProcessor.prototype", tableProcessor.default.prototype, [{ name: "endRow", kind: "function", arity: 3 }]),
      ],
      install: () => {
        installRowPages(layoutBuilder.default.prototype as unknown as RowLayoutBuilder, tableProcessor.default.prototype);
        installChunkedLayout(layoutBuilder.default.prototype, renderer.default.prototype as unknown as PageRenderer);
      },
    },
    {
      piece: "xmp-escaping",
      check: () => xmpEscapingProblems(PDFKitDocument.prototype, probeDocument()),
      install: () => {
        const prototype = PDFKitDocument.prototype;
        const original = prototype._addInfo;
        installXmpEscaping(prototype);
        if (!xmpEscapingWorks(probeDocument())) {
          prototype._addInfo = original;
          throw new Error("an escaped title did not reach a probe document's XMP packet");
        }
        xmpEscaped = true;
      },
    },
  ]),
);

// ---- pieces that need a font: checked and installed with the first font set registered ----------------------

let fontPiecesChecked = false;
/** Which font pieces are installed (registration prepares only what they use). */
const installed = (piece: PatchPiece) => reports.get(piece)?.installed === true;

function fontPieces(bytes: Uint8Array): Piece[] {
  const probe = probeDocument();
  const embedded = probe.font(bytes)._font;
  const embeddedPrototype = Object.getPrototypeOf(embedded) as EmbeddedFont & SubsettingFont;
  const ttf = fontkit.create(bytes);
  const ttfPrototype = Object.getPrototypeOf(ttf) as FontkitFont;
  const subset = ttf.createSubset();
  const subsetPrototype = Object.getPrototypeOf(subset) as FontSubset;
  const stream = probe.ref();
  const streamPrototype = Object.getPrototypeOf(stream) as PdfStream;
  return [
    {
      piece: "font-buffers",
      // every cache and option lookup finds a document's fonts by the buffers registered here
      check: () => {
        const path = "vanban/probe/identity.ttf";
        pdfmake.virtualfs.writeFileSync(path, bytes);
        const problems: string[] = [];
        if (pdfmake.virtualfs.readFileSync(path) !== bytes) problems.push("pdfmake.virtualfs.readFileSync: does not return the buffer written");
        problems.push(...memberProblems("fontkit TTFFont instance", ttf, [{ name: "stream", kind: "object" }]));
        if (problems.length === 0 && ttf.stream.buffer !== bytes) problems.push("fontkit TTFFont instance.stream.buffer: not the buffer it was made from");
        problems.push(...memberProblems("pdfkit EmbeddedFont instance", embedded, [{ name: "font", kind: "object" }]));
        if (problems.length === 0 && embedded.font.stream?.buffer !== bytes) problems.push("pdfkit EmbeddedFont instance.font: not made from the buffer given");
        return problems;
      },
      install: () => {},
    },
    {
      piece: "shared-tables",
      requires: ["font-buffers"],
      check: () => [
        ...memberProblems("fontkit TTFFont.prototype", ttfPrototype, [{ name: "_getTable", kind: "function", arity: 1 }]),
        ...memberProblems("fontkit TTFFont instance", ttf, [{ name: "_tables", kind: "object" }]),
      ],
      install: () => {
        const getTable = ttfPrototype._getTable;
        ttfPrototype._getTable = function (this: FontkitFont, table: unknown) {
          const face = faceBuffers.get(this.stream.buffer);
          if (face?.fast.sharedCaches && this._tables !== face.shared.tables) this._tables = face.shared.tables;
          return getTable.call(this, table);
        };
      },
    },
    {
      piece: "shared-runs",
      requires: ["font-buffers"],
      check: () => {
        const problems = [
          ...memberProblems("pdfkit EmbeddedFont.prototype", embeddedPrototype, [
            { name: "layoutCached", kind: "function", arity: 1 },
            { name: "layoutRun", kind: "function", arity: 2 },
            { name: "layout", kind: "function", arity: 3 },
          ]),
          ...memberProblems("pdfkit EmbeddedFont instance", embedded, [{ name: "scale", kind: "number" }]),
          ...memberProblems("fontkit TTFFont.prototype", ttfPrototype, [
            { name: "getGlyph", kind: "function", arity: 1 },
            { name: "glyphForCodePoint", kind: "function", arity: 1 },
            { name: "layout", kind: "function" },
          ]),
          ...memberProblems("fontkit TTFFont instance", ttf, [{ name: "unitsPerEm", kind: "number" }]),
        ];
        if (problems.length > 0) return problems;
        // shaperFont makes glyphs with other code points through the glyph's own class
        const glyph = ttf.glyphForCodePoint(0x61);
        problems.push(...memberProblems("fontkit Glyph", glyph, [{ name: "id", kind: "number" }, { name: "codePoints", kind: "array" }]));
        if (problems.length > 0) return problems;
        const copy = new (glyph.constructor as GlyphClass)(glyph.id, [0x61, 0x62], ttf);
        if (copy.id !== glyph.id || copy.codePoints.join() !== "97,98" || copy.advanceWidth !== glyph.advanceWidth)
          problems.push("fontkit Glyph constructor: not (id, codePoints, font)");
        return problems;
      },
      install: () => {
        const layoutCached = embeddedPrototype.layoutCached;
        const layoutRun = embeddedPrototype.layoutRun;
        embeddedPrototype.layoutCached = function (this: EmbeddedFont, text: string) {
          const face = faceBuffers.get(this.font.stream.buffer);
          const shaper = face?.fast.sharedCaches ? face.shared.shaper : undefined;
          if (!shaper) return layoutCached.call(this, text);
          let run = face!.shared.runs.get(text);
          if (run === undefined) {
            run = layoutRun.call(shaper, text);
            face!.shared.runs.set(text, run);
          }
          return run;
        };
      },
    },
    {
      piece: "subset-seeding",
      requires: ["font-buffers"],
      check: () => [
        ...subsetSeedingProblems(embeddedPrototype, embedded as unknown as SubsettingFont),
        ...memberProblems("fontkit TTFFont.prototype", ttfPrototype, [{ name: "glyphForCodePoint", kind: "function", arity: 1 }]),
      ],
      install: () => installSubsetSeeding(embeddedPrototype, (font) => faceBuffers.get(font.stream.buffer)?.shared.repertoire),
    },
    {
      piece: "subset-cache",
      requires: ["font-buffers"],
      check: () => subsetCacheProblems(subsetPrototype, subset),
      install: () =>
        installSubsetCache(subsetPrototype, (font) => {
          const face = faceBuffers.get(font.stream.buffer);
          return face?.fast.sharedCaches ? face.shared : undefined;
        }),
    },
    {
      piece: "deflate-cache",
      requires: ["subset-cache"],
      check: () => deflateCacheProblems(streamPrototype, stream),
      install: () => installDeflateCache(streamPrototype, deflateSync),
    },
  ];
}

/** Checks and installs the font pieces (once per thread), with the first font file registered. */
function checkFontPieces(bytes: Uint8Array): void {
  if (fontPiecesChecked) return;
  fontPiecesChecked = true;
  let pieces: Piece[];
  try {
    pieces = fontPieces(bytes);
  } catch (error) {
    // the probes themselves failed (no EmbeddedFont, no subset …): leave every font piece alone
    const problem = `probing pdfkit and fontkit failed: ${error instanceof Error ? error.message : String(error)}`;
    const names: PatchPiece[] = ["font-buffers", "shared-tables", "shared-runs", "subset-seeding", "subset-cache", "deflate-cache"];
    record(names.map((piece) => ({ piece, installed: false, problems: [problem] })));
    return;
  }
  record(applyPieces(pieces, reports));
}

/**
 * A fontkit font whose glyphs carry the code points they are asked for: fontkit's own `getGlyph` returns the
 * glyph made the first time the id was seen, with that time's code points.
 */
function shaperFont(bytes: Uint8Array): FontkitFont {
  // the face the text measurer uses too: its layout tables are parsed once per thread
  const font = parsedFace(bytes) as unknown as FontkitFont;
  const getGlyph = font.getGlyph.bind(font);
  const variants = new Map<string, Glyph>();
  font.getGlyph = (id: number, codePoints: number[] = []) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph.codePoints.length === codePoints.length && glyph.codePoints.every((c, i) => c === codePoints[i])) return glyph;
    const key = `${id}:${codePoints.join(",")}`;
    let variant = variants.get(key);
    if (!variant) {
      variant = new (glyph.constructor as GlyphClass)(id, codePoints, font);
      variants.set(key, variant);
    }
    return variant;
  };
  return font;
}

function share(bytes: Uint8Array): SharedFont {
  let entry = sharedFonts.get(bytes);
  if (entry) return entry;
  const face = parsedFace(bytes) as unknown as FontkitFont;
  entry = { tables: face._tables, runs: new Map(), hasGlyph: new Map() };
  if (installed("shared-runs")) {
    const font = shaperFont(bytes);
    entry.shaper = { font, scale: 1000 / font.unitsPerEm };
  }
  if (installed("subset-seeding")) entry.repertoire = repertoireGlyphs(face);
  sharedFonts.set(bytes, entry);
  return entry;
}

/** One font set as registered: the first buffers seen with its bytes, and its pdfmake family per combination of options. */
interface FontSet {
  base: string;
  canonical: FontBytes;
  families: Map<string, string>;
}
const setsByObject = new WeakMap<FontBytes, FontSet>();
const setsByName = new Map<string, FontSet>();

/**
 * The registered set for these fonts. Sets are named after the family (never "Tinos" for Times New Roman) and a
 * hash of the bytes, and equal bytes arriving in another object (a copy posted to a worker, fonts loaded again)
 * reuse the buffers registered first, so the caches serve them too.
 */
function fontSet(fonts: FontBytes): FontSet {
  let set = setsByObject.get(fonts);
  if (set) return set;
  if (CORE_PROBLEMS.length > 0) throw new Error(`pdfmake ${VERSIONS.pdfmake} lacks what vanban renders with: ${CORE_PROBLEMS.join("; ")}`);
  const hash = createHash("sha256");
  for (const face of FACES) hash.update(fonts[face]);
  const base = `${(fonts.family ?? "Tinos").replace(/[^A-Za-z0-9]/g, "")}-${hash.digest("hex").slice(0, 16)}`;
  set = setsByName.get(base);
  if (!set) {
    checkFontPieces(fonts.normal);
    for (const face of FACES) share(fonts[face]);
    set = { base, canonical: fonts, families: new Map() };
    setsByName.set(base, set);
  }
  setsByObject.set(fonts, set);
  return set;
}

/** The pdfmake family that draws with these fast paths: the set's own buffers for the defaults, copies otherwise. */
function familyFor(set: FontSet, fast: FastPaths): string {
  const suffix = `${fast.sharedCaches ? "" : "-uncached"}${fast.lineMerging ? "" : "-unmerged"}`;
  let family = set.families.get(suffix);
  if (family) return family;
  family = set.base + suffix;
  const files = {} as Record<FaceName, string>;
  for (const face of FACES) {
    const canonical = set.canonical[face];
    const bytes = suffix === "" ? canonical : Buffer.from(canonical);
    faceBuffers.set(bytes, { shared: share(canonical), fast });
    files[face] = `vanban/${family}/${face}.ttf`;
    pdfmake.virtualfs.writeFileSync(files[face], bytes);
  }
  pdfmake.addFonts({ [family]: files });
  familyFast.set(family, fast);
  set.families.set(suffix, family);
  return family;
}

/** The ascender of a face as a share of the font size (the baseline's distance below a line's top). */
export function ascenderEm(fonts: FontBytes, face: FaceName): number {
  const font = parsedFace(fontSet(fonts).canonical[face]) as unknown as FontkitFont;
  return font.hhea.ascent / font.unitsPerEm;
}

/** What the runtime patched in this thread, and the one warning to print when it left pieces alone. */
export interface PdfRuntimeStatus {
  versions: { pdfmake: string; pdfkit: string; fontkit: string };
  /** every piece checked so far: all of them once a font set was registered (pass `fonts` to make sure) */
  pieces: PieceReport[];
  warning?: PdfRuntimeWarning;
}

/** The runtime's status; with `fonts`, that set is registered first, so the font pieces are checked too. */
export function pdfRuntimeStatus(fonts?: FontBytes): PdfRuntimeStatus {
  if (fonts) fontSet(fonts);
  const pieces = [...reports.values()];
  const warning = runtimeWarning(pieces, VERSIONS);
  return { versions: { ...VERSIONS }, pieces, ...(warning ? { warning } : {}) };
}

/**
 * The pdfmake font family that renders with these fonts and options draw with: "TimesNewRoman-…" or "Tinos-…"
 * after `fonts.family`, then a hash of the bytes (registered on first use).
 */
export function registeredFamily(fonts: FontBytes, options: PdfRenderOptions = {}): string {
  return familyFor(fontSet(fonts), { sharedCaches: options.sharedCaches ?? true, lineMerging: options.lineMerging ?? true });
}

/**
 * A document with a long table, laid out and drawn chunk by chunk (chunks.ts); where the chunked-layout piece is
 * left alone, the whole document (`whole`) at once.
 */
export function renderChunkedPdf(
  settings: Omit<TDocumentDefinitions, "content">,
  chunked: ChunkedDocument,
  whole: () => TDocumentDefinitions,
  fonts: FontBytes,
  options: PdfRenderOptions = {},
): Promise<Uint8Array> {
  if (!installed("chunked-layout")) return renderPdf(whole(), fonts, options);
  const content = Object.assign([] as Content[], { [CHUNKED]: chunked });
  return renderPdf({ ...settings, content }, fonts, options);
}

/**
 * Lays out and writes one document with the given fonts (the definition's `defaultStyle.font` is replaced)
 * and the fast paths in `options` (all on by default).
 */
export async function renderPdf(definition: TDocumentDefinitions, fonts: FontBytes, options: PdfRenderOptions = {}): Promise<Uint8Array> {
  const font = registeredFamily(fonts, options);
  // without the patched XMP writer, the strings are escaped on their way in (the Info dictionary then shows entities)
  const info = definition.info && !xmpEscaped ? escapeInfoForXmp(definition.info as Record<string, unknown>) : definition.info;
  const buffer = await pdfmake
    .createPdf({ ...definition, ...(info ? { info } : {}), defaultStyle: { ...definition.defaultStyle, font } })
    .getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
