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
 * A letter's bytes depend only on the letter: the repertoire is fixed, not collected from the model, so an edit
 * to one task changes only the letters that show it (incremental builds rely on that).
 */

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
  /** whether encoded subsets of this font may be reused (font sharing on) */
  caching(font: SubsetFont): boolean;
}

/** Encoded subsets by font buffer, then by glyph list. Bounded: odd glyph lists are rare, and cheap to redo. */
const encoded = new WeakMap<Uint8Array, Map<string, { bytes: Uint8Array; glyphs: number[] }>>();
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

/**
 * Installs the repertoire seeding on pdfkit's EmbeddedFont, the encoding cache on fontkit's TrueType subset and
 * the deflate cache on pdfkit's stream objects.
 */
export function installSubsetSharing(
  prototypes: { embedded: SubsettingFont; subset: FontSubset; stream: PdfStream },
  hooks: SubsetHooks,
  deflate: (bytes: Uint8Array) => Uint8Array,
): void {
  const encodeText = prototypes.embedded.encode;
  prototypes.embedded.encode = function (this: SubsettingFont, text: string, features?: unknown) {
    if (!seeded.has(this)) {
      const glyphs = hooks.repertoireOf(this.font);
      if (glyphs) seed(this, glyphs);
    }
    return encodeText.call(this, text, features);
  };

  const encodeSubset = prototypes.subset.encode;
  prototypes.subset.encode = function (this: FontSubset) {
    if (!hooks.caching(this.font)) return encodeSubset.call(this);
    const buffer = this.font.stream.buffer;
    let byGlyphs = encoded.get(buffer);
    if (!byGlyphs) encoded.set(buffer, (byGlyphs = new Map()));
    const key = this.glyphs.join(",");
    let hit = byGlyphs.get(key);
    if (!hit) {
      const bytes = encodeSubset.call(this);
      if (byGlyphs.size >= MAX_SUBSETS_PER_FONT) byGlyphs.clear();
      hit = { bytes, glyphs: [...this.glyphs] };
      byGlyphs.set(key, hit);
      deflated.set(bytes, null);
    }
    // encoding appends the components of composite glyphs: leave the subset as encoding it would have
    for (const gid of hit.glyphs) this.includeGlyph(gid);
    return hit.bytes;
  };

  const finalize = prototypes.stream.finalize;
  prototypes.stream.finalize = function (this: PdfStream) {
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
