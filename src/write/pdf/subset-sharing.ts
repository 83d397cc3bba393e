/**
 * One font subset for every letter. pdfkit subsets each font per document, in the order glyphs are first drawn,
 * and encodes that subset (fontkit + restructure) when the document ends: ≈ 16 ms of a five-page letter. Here
 * each embedded font starts its subset with the glyphs of a fixed repertoire, in code point order (ASCII, the
 * Latin letters Vietnamese uses, common punctuation), so almost every letter has the same subset per face and
 * the encoded font file is made once per thread. A glyph outside the repertoire (a ligature, a rare symbol) is
 * appended as pdfkit would; that letter gets its own subset, still cached by its glyph list.
 *
 * The font file stream of such a subset is deflated once too.
 *
 * Three pieces, each checked and installed by itself (runtime/shape-check.ts): the seeding, the encoding cache
 * and the deflate cache.
 *
 * A letter's bytes depend only on the letter: the repertoire is fixed, not collected from the model, so an edit
 * to one task changes only the letters that show it (incremental builds rely on that).
 */

import { memberProblems } from "./runtime/shape-check.ts";

/** Code points every subset starts with, ascending. */
export const SUBSET_REPERTOIRE: readonly number[] = repertoire();

function repertoire(): number[] {
  const points = new Set<number>();
  const range = (from: number, to: number) => {
    for (let cp = from; cp <= to; cp++) points.add(cp);
  };
  range(0x20, 0x7e); // ASCII
  for (const ch of "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư") points.add(ch.codePointAt(0)!);
  range(0x1ea0, 0x1ef9); // Latin Extended Additional: the rest of Vietnamese
  for (const ch of "–—‘’“”…•°§×") points.add(ch.codePointAt(0)!);
  return [...points].sort((a, b) => a - b);
}

/** A repertoire glyph as pdfkit records it: glyph id, advance width in 1/1000 em, code point. */
export interface RepertoireGlyph {
  id: number;
  width: number;
  codePoint: number;
}

/** The parts of fontkit's font and subset, and of pdfkit's EmbeddedFont and PDFReference, that this touches. */
interface SubsetFont {
  stream: { buffer: Uint8Array };
}
interface GlyphSource {
  unitsPerEm: number;
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number };
}
export interface FontSubset {
  font: SubsetFont;
  glyphs: number[];
  includeGlyph(glyph: number): number;
  encode(): Uint8Array;
}
export interface SubsettingFont {
  font: SubsetFont;
  subset: FontSubset;
  widths: number[];
  unicode: number[][];
  encode(text: string, features?: unknown): unknown;
}
export interface PdfStream {
  compress: boolean;
  buffer: Uint8Array[];
  finalize(): void;
}

/** The repertoire's glyphs in a face (code points the face lacks are left out: .notdef is glyph 0 anyway). */
export function repertoireGlyphs(face: GlyphSource): RepertoireGlyph[] {
  const scale = 1000 / face.unitsPerEm;
  return SUBSET_REPERTOIRE.flatMap((codePoint) => {
    const glyph = face.glyphForCodePoint(codePoint);
    return glyph.id === 0 ? [] : [{ id: glyph.id, width: glyph.advanceWidth * scale, codePoint }];
  });
}

export interface SubsetHooks {
  /** the repertoire of a registered font (undefined for any other font: pdfkit's own behaviour) */
  repertoireOf(font: SubsetFont): readonly RepertoireGlyph[] | undefined;
  /**
   * what encoded subsets of this font are cached under (one object per distinct font file; undefined when the
   * document renders without shared caches, or for a font not registered)
   */
  cacheKey(font: SubsetFont): object | undefined;
}

/** Encoded subsets by font file, then by glyph list. Bounded: odd glyph lists are rare, and cheap to redo. */
const encoded = new WeakMap<object, Map<string, { bytes: Uint8Array; glyphs: number[] }>>();
const MAX_SUBSETS_PER_FONT = 16;
/** The font file streams of reused subsets, deflated once (as pdfkit deflates a stream: zlib defaults). */
const deflated = new WeakMap<Uint8Array, Uint8Array | null>();
const seeded = new WeakSet<SubsettingFont>();

/** Adds the repertoire to a document's font before its first text, with the widths and code points pdfkit records. */
function seed(embedded: SubsettingFont, glyphs: readonly RepertoireGlyph[]): void {
  seeded.add(embedded);
  for (const glyph of glyphs) {
    const gid = embedded.subset.includeGlyph(glyph.id);
    embedded.widths[gid] ??= glyph.width;
    embedded.unicode[gid] ??= [glyph.codePoint];
  }
}

/** What the seeding relies on: pdfkit's EmbeddedFont.encode(text, features) and the subset, widths and code points it fills. */
export function subsetSeedingProblems(embeddedPrototype: SubsettingFont, probe: SubsettingFont): string[] {
  return [
    ...memberProblems("pdfkit EmbeddedFont.prototype", embeddedPrototype, [{ name: "encode", kind: "function", arity: 2 }]),
    ...memberProblems("pdfkit EmbeddedFont instance", probe, [
      { name: "subset", kind: "object" },
      { name: "widths", kind: "array" },
      { name: "unicode", kind: "array" },
      { name: "font", kind: "object" },
    ]),
    ...memberProblems("pdfkit EmbeddedFont instance.subset", probe.subset, [{ name: "includeGlyph", kind: "function", arity: 1 }]),
  ];
}

/** Seeds every registered font's subset with the repertoire before the document's first text (pdfkit's EmbeddedFont). */
export function installSubsetSeeding(embeddedPrototype: SubsettingFont, repertoireOf: SubsetHooks["repertoireOf"]): void {
  const encodeText = embeddedPrototype.encode;
  embeddedPrototype.encode = function (this: SubsettingFont, text: string, features?: unknown) {
    if (!seeded.has(this)) {
      const glyphs = repertoireOf(this.font);
      if (glyphs) seed(this, glyphs);
    }
    return encodeText.call(this, text, features);
  };
}

/** What the encoding cache relies on: fontkit's TrueType subset with encode(), includeGlyph(id), its glyph list and font. */
export function subsetCacheProblems(subsetPrototype: FontSubset, probe: FontSubset): string[] {
  return [
    ...memberProblems("fontkit TTFSubset.prototype", subsetPrototype, [
      { name: "encode", kind: "function", arity: 0 },
      { name: "includeGlyph", kind: "function", arity: 1 },
    ]),
    ...memberProblems("fontkit TTFSubset instance", probe, [
      { name: "glyphs", kind: "array" },
      { name: "font", kind: "object" },
    ]),
  ];
}

/** Caches encoded subsets by font file and glyph list (fontkit's TrueType subset). */
export function installSubsetCache(subsetPrototype: FontSubset, cacheKey: SubsetHooks["cacheKey"]): void {
  const encodeSubset = subsetPrototype.encode;
  subsetPrototype.encode = function (this: FontSubset) {
    const key = cacheKey(this.font);
    if (!key) return encodeSubset.call(this);
    let byGlyphs = encoded.get(key);
    if (!byGlyphs) encoded.set(key, (byGlyphs = new Map()));
    const glyphList = this.glyphs.join(",");
    let hit = byGlyphs.get(glyphList);
    if (!hit) {
      const bytes = encodeSubset.call(this);
      if (byGlyphs.size >= MAX_SUBSETS_PER_FONT) byGlyphs.clear();
      hit = { bytes, glyphs: [...this.glyphs] };
      byGlyphs.set(glyphList, hit);
      deflated.set(bytes, null);
    }
    // encoding appends the components of composite glyphs: leave the subset as encoding it would have
    for (const gid of hit.glyphs) this.includeGlyph(gid);
    return hit.bytes;
  };
}

/** What the deflate cache relies on: pdfkit's PDFReference with finalize(), write(chunk), and its compress flag and chunk list. */
export function deflateCacheProblems(streamPrototype: PdfStream, probe: PdfStream): string[] {
  return [
    ...memberProblems("pdfkit PDFReference.prototype", streamPrototype, [
      { name: "finalize", kind: "function", arity: 0 },
      { name: "write", kind: "function", arity: 1 },
    ]),
    ...memberProblems("pdfkit PDFReference instance", probe, [
      { name: "compress", kind: "boolean" },
      { name: "buffer", kind: "array" },
    ]),
  ];
}

/** Deflates the font file stream of a cached subset once (pdfkit's PDFReference). */
export function installDeflateCache(streamPrototype: PdfStream, deflate: (bytes: Uint8Array) => Uint8Array): void {
  const finalize = streamPrototype.finalize;
  streamPrototype.finalize = function (this: PdfStream) {
    const only = this.buffer.length === 1 ? this.buffer[0]! : undefined;
    if (this.compress && only && deflated.has(only)) {
      let bytes = deflated.get(only);
      if (!bytes) deflated.set(only, (bytes = deflate(only)));
      // already deflated: pdfkit keeps the FlateDecode filter its write() set and takes the length from the bytes
      this.compress = false;
      this.buffer = [bytes];
    }
    finalize.call(this);
  };
}
