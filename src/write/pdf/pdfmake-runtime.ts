/**
 * pdfmake 0.3.11 on Node, set up once per thread (the package exports a singleton instance):
 * - fonts are served from pdfmake's virtual file system, from the bytes in the render context, so rendering
 *   reads no file; every URL and every local path is refused (and pdfmake stops warning about policies);
 * - what fontkit works out about the fonts is shared between documents (see "Font sharing" below).
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
 *    depend on what was drawn before, and they equal pdfkit's own output (tested with `sharedCaches(false)`).
 * 3. Encoded font subsets and their deflated streams (subset-sharing.ts): every document's subset starts with
 *    the same fixed repertoire, so one encoding serves almost every letter.
 * And pdfmake's style lookups take a fast path (style-lookup.ts), and words that look alike are drawn as one
 * text object (line-merging.ts). Everything else stays per document: the
 * pdfkit font objects and ToUnicode maps. `sharedCaches(false)` turns the caches and the fast path off; the
 * bytes are the same (tested).
 */
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { createRequire } from "node:module";
import type { TDocumentDefinitions, TFontDictionary } from "pdfmake/interfaces.js";
import type { FaceName, FontBytes } from "../../io/fonts.ts";
import { parsedFace } from "../../layout/font-faces.ts";
import { installLineMerging, type LineRenderer } from "./line-merging.ts";
import { installFastStyleLookup, type StyleStackClass } from "./style-lookup.ts";
import {
  installSubsetSharing,
  repertoireGlyphs,
  type FontSubset,
  type PdfStream,
  type RepertoireGlyph,
  type SubsettingFont,
} from "./subset-sharing.ts";

interface Pdfmake {
  virtualfs: { writeFileSync(name: string, content: Uint8Array): void };
  addFonts(fonts: TFontDictionary): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

/** The parts of fontkit's TTFFont and Glyph that the sharing touches. */
interface Glyph {
  id: number;
  codePoints: number[];
}
type GlyphClass = new (id: number, codePoints: number[], font: FontkitFont) => Glyph;
interface FontkitFont {
  stream: { buffer: Uint8Array };
  _tables: Record<string, unknown>;
  _getTable(table: unknown): unknown;
  getGlyph(id: number, codePoints?: number[]): Glyph;
  glyphForCodePoint(codePoint: number): Glyph & { advanceWidth: number };
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
interface PdfkitDocument {
  font(src: Uint8Array): { _font: EmbeddedFont };
  ref(): PdfStream;
}

const require = createRequire(import.meta.url);
const pdfmakeEntry = require.resolve("pdfmake");
const pdfmake = require(pdfmakeEntry) as Pdfmake;
// pdfkit and fontkit exactly as pdfmake loads them (fontkit's CommonJS build; src/layout/measure.ts uses its ESM build).
const pdfkitEntry = createRequire(pdfmakeEntry).resolve("pdfkit");
const PDFKitDocument = createRequire(pdfmakeEntry)("pdfkit") as new (options: object) => PdfkitDocument;
const fontkit = createRequire(pdfkitEntry)("fontkit") as { create(bytes: Uint8Array): FontkitFont };

const styleStack = createRequire(pdfmakeEntry)("./StyleContextStack.js") as { default: StyleStackClass };
const renderer = createRequire(pdfmakeEntry)("./Renderer.js") as { default: { prototype: LineRenderer } };

pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy(() => false);

const FACES: readonly FaceName[] = ["normal", "bold", "italics", "bolditalics"];

interface SharedFont {
  /** decoded tables, the store of every fontkit font made from this buffer */
  tables: Record<string, unknown>;
  /** the font words are shaped with, and pdfkit's scale for it */
  shaper: Pick<EmbeddedFont, "font" | "scale">;
  /** shaped words (pdfkit runs, positions in 1/1000 em), read-only */
  runs: Map<string, unknown>;
  /** the glyphs every subset of this font starts with (subset-sharing.ts) */
  repertoire: readonly RepertoireGlyph[];
}

const shared = new WeakMap<Uint8Array, SharedFont>();
let sharing = true;

/** Turns the shared caches and the fast style lookup off (or on again): for comparing against pdfmake's own output in tests. */
export function sharedCaches(on: boolean): void {
  sharing = on;
}

installFastStyleLookup(styleStack.default, () => sharing);

let merging = true;

/**
 * Turns the joining of same-looking words into one text object off (or on again): for comparing against
 * pdfmake's own word-by-word drawing in tests. The page looks the same either way; the bytes differ.
 */
export function lineMerging(on: boolean): void {
  merging = on;
}

installLineMerging(renderer.default.prototype, () => merging);

function sharedFor(font: FontkitFont): SharedFont | undefined {
  return sharing ? shared.get(font.stream.buffer) : undefined;
}

let patched = false;

/** Installs the two cache hooks, on fontkit's TTFFont and pdfkit's EmbeddedFont prototypes (once per thread). */
function patchPrototypes(bytes: Uint8Array): void {
  if (patched) return;
  patched = true;
  const ttf = Object.getPrototypeOf(fontkit.create(bytes)) as FontkitFont;
  const getTable = ttf._getTable;
  ttf._getTable = function (this: FontkitFont, table: unknown) {
    const tables = sharedFor(this)?.tables;
    if (tables && this._tables !== tables) this._tables = tables;
    return getTable.call(this, table);
  };
  const document = new PDFKitDocument({ font: null, autoFirstPage: false });
  const embedded = Object.getPrototypeOf(document.font(bytes)._font) as EmbeddedFont;
  const stream = Object.getPrototypeOf(document.ref()) as PdfStream;
  installSubsetSharing(
    {
      embedded: embedded as unknown as SubsettingFont,
      subset: Object.getPrototypeOf(fontkit.create(bytes).createSubset()) as FontSubset,
      stream,
    },
    {
      repertoireOf: (font) => shared.get(font.stream.buffer)?.repertoire,
      caching: (font) => sharedFor(font as FontkitFont) !== undefined,
    },
    deflateSync,
  );
  const layoutCached = embedded.layoutCached;
  const layoutRun = embedded.layoutRun;
  embedded.layoutCached = function (this: EmbeddedFont, text: string) {
    const font = sharedFor(this.font);
    if (!font) return layoutCached.call(this, text);
    let run = font.runs.get(text);
    if (run === undefined) {
      run = layoutRun.call(font.shaper, text);
      font.runs.set(text, run);
    }
    return run;
  };
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

function share(bytes: Uint8Array): void {
  if (shared.has(bytes)) return;
  patchPrototypes(bytes);
  const font = shaperFont(bytes);
  shared.set(bytes, {
    tables: font._tables,
    shaper: { font, scale: 1000 / font.unitsPerEm },
    runs: new Map(),
    repertoire: repertoireGlyphs(font),
  });
}

/**
 * Font family by font set. The family is named after a hash of the bytes, and equal bytes arriving in another
 * object (a copy posted to a worker) reuse the buffers registered first, so the caches serve them too.
 */
const families = new WeakMap<FontBytes, { family: string; fonts: FontBytes }>();
const registered = new Map<string, { family: string; fonts: FontBytes }>();

/** Registers a font set with pdfmake (once per distinct bytes). */
function register(fonts: FontBytes): { family: string; fonts: FontBytes } {
  let entry = families.get(fonts);
  if (entry) return entry;
  const hash = createHash("sha256");
  for (const face of FACES) hash.update(fonts[face]);
  const family = `Tinos-${hash.digest("hex").slice(0, 16)}`;
  entry = registered.get(family);
  if (!entry) {
    const files = {} as Record<FaceName, string>;
    for (const face of FACES) {
      files[face] = `vanban/${family}/${face}.ttf`;
      pdfmake.virtualfs.writeFileSync(files[face], fonts[face]);
      share(fonts[face]);
    }
    pdfmake.addFonts({ [family]: files });
    entry = { family, fonts };
    registered.set(family, entry);
  }
  families.set(fonts, entry);
  return entry;
}

/** The ascender of a face as a share of the font size (the baseline's distance below a line's top). */
export function ascenderEm(fonts: FontBytes, face: FaceName): number {
  const bytes = register(fonts).fonts[face];
  const font = parsedFace(bytes) as unknown as FontkitFont;
  return font.hhea.ascent / font.unitsPerEm;
}

/** Lays out and writes one document with the given fonts (the definition's `defaultStyle.font` is replaced). */
export async function renderPdf(definition: TDocumentDefinitions, fonts: FontBytes): Promise<Uint8Array> {
  const font = register(fonts).family;
  const buffer = await pdfmake.createPdf({ ...definition, defaultStyle: { ...definition.defaultStyle, font } }).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
