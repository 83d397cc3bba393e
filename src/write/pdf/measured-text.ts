/**
 * Measured text shared between documents. pdfmake measures every text node afresh: it splits the text into
 * words, resolves some 25 style properties for each word and measures it (about a third of a letter's
 * render). What comes out depends only on the text, the style it is measured in and the fonts, and the
 * family name says which fonts (pdfmake-runtime.ts names a family after a hash of its bytes). So a node whose
 * text and style were measured before is copied from that first measurement: the seed's letters repeat the
 * same tasks, a decision's appendix repeats its agencies and deadlines, and a rebuild in `watch` repeats
 * almost everything.
 *
 * A copy has its own word objects (layout moves, splits and positions them) holding this document's font
 * objects, asked for in the order pdfmake's own measurement asks for them: a document's fonts are numbered in
 * that order, so its bytes do not change (tested with the shared caches off).
 */
import { memberProblems } from "./runtime/shape-check.ts";

/** A word as pdfmake measured it: its text, resolved style, font object and widths. */
type Word = Record<string, unknown> & { font: unknown };
interface Measured {
  items: Word[];
  minWidth: number;
  maxWidth: number;
}
/** The parts of pdfmake's StyleContextStack and PDFDocument this reads. */
interface StyleStack {
  getProperty(property: string): unknown;
}
interface FontProvider {
  provideFont(family: string, bold: boolean, italics: boolean): unknown;
  fontCache: Record<string, Record<string, unknown>>;
}
interface TextInlines {
  pdfDocument: FontProvider;
  buildInlines(textArray: unknown, stack: StyleStack): Measured;
}
export interface TextInlinesClass {
  prototype: TextInlines & { measure: (...args: unknown[]) => unknown };
}
export interface TextBreakerClass {
  prototype: { getBreaks: (...args: unknown[]) => unknown };
}

/**
 * Every style property pdfmake 0.3.11's measurement reads (TextInlines.buildInlines and measure,
 * TextBreaker.getBreaks): the stack's answers for these are the style part of the key. The shape check reads
 * the property names out of those functions' source, so a pdfmake that reads one more leaves the cache alone.
 */
const STYLE_PROPERTIES = [
  "background", "bold", "characterSpacing", "color", "decoration", "decorationColor", "decorationStyle",
  "decorationThickness", "font", "fontFeatures", "fontSize", "italics", "leadingIndent", "lineHeight", "link",
  "linkToDestination", "linkToPage", "noWrap", "opacity", "preserveLeadingSpaces", "preserveTrailingSpaces",
  "sub", "sup", "wordBreak", "alignment",
].sort();

const READ_PROPERTY = /getStyleProperty\([^,()]*(?:\([^()]*\))?[^,()]*,\s*\w+,\s*'(\w+)'/g;

function propertiesRead(...functions: unknown[]): string[] {
  const names = new Set<string>();
  for (const fn of functions) for (const match of String(fn).matchAll(READ_PROPERTY)) names.add(match[1]!);
  return [...names].sort();
}

export function measuredTextProblems(TextInlines: TextInlinesClass, TextBreaker: TextBreakerClass): string[] {
  const problems = [
    ...memberProblems("pdfmake TextInlines.prototype", TextInlines.prototype, [
      { name: "buildInlines", kind: "function", arity: 2 },
      { name: "measure", kind: "function", arity: 2 },
    ]),
    ...memberProblems("pdfmake TextBreaker.prototype", TextBreaker.prototype, [{ name: "getBreaks", kind: "function", arity: 2 }]),
  ];
  if (problems.length > 0) return problems;
  const read = propertiesRead(TextInlines.prototype.buildInlines, TextInlines.prototype.measure, TextBreaker.prototype.getBreaks);
  if (read.join() !== STYLE_PROPERTIES.join()) problems.push(`pdfmake's text measurement reads the style properties ${read.join(", ")}, not the ${STYLE_PROPERTIES.length} the cache keys on`);
  return problems;
}

/** Whether JSON writes the value as itself: strings, booleans, finite numbers, null, and arrays and plain objects of them. */
function plain(value: unknown, depth = 0): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (depth > 4 || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.every((v) => plain(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  // pdfmake's own annotations (_textRef and the like) point into the document; a named style is looked up in the document's dictionary
  return Object.entries(value).every(([k, v]) => !k.startsWith("_") && k !== "style" && (v === undefined || plain(v, depth + 1)));
}

/** The cache key of a text measured in a style, or undefined where the measurement may depend on more. */
function keyOf(textArray: unknown, stack: StyleStack): string | undefined {
  const style = STYLE_PROPERTIES.map((property) => stack.getProperty(property) ?? null);
  if (!plain(style)) return undefined;
  // most texts are a plain string, which needs no checking; the style's JSON ends where the text begins, and
  // a key of runs starts with "[[" where a string's cannot (the first property, alignment, is no array)
  if (typeof textArray === "string") return `${JSON.stringify(style)}${textArray}`;
  return plain(textArray) ? JSON.stringify([style, textArray]) : undefined;
}

interface Snapshot extends Measured {
  /** each word's font as pdfmake asked for it: family, bold, italics */
  faces: [string, boolean, boolean][];
}

/**
 * Words kept at most (a few hundred bytes each), counted over all entries. Past that, the least recently used
 * go until half are left: a Map iterates from its oldest entry over every deletion not yet compacted, so
 * dropping one entry per insertion would walk those holes each time.
 */
const MAX_CACHED_WORDS = 50_000;
const cache = new Map<string, Snapshot>();
let cachedWords = 0;
const counts = { hits: 0, misses: 0 };

/** Texts copied from the cache and texts measured into it so far in this thread, and the words it holds. */
export const measuredTextCounts = () => ({ ...counts, words: cachedWords });

function remember(key: string, snapshot: Snapshot): void {
  cache.set(key, snapshot);
  cachedWords += snapshot.items.length;
  if (cachedWords <= MAX_CACHED_WORDS) return;
  for (const [oldKey, old] of cache) {
    if (cachedWords <= MAX_CACHED_WORDS / 2) break;
    cache.delete(oldKey);
    cachedWords -= old.items.length;
  }
}

/** The family and face of each word's font object, from the document's font cache (where provideFont keeps them). */
function facesOf(items: readonly Word[], fonts: FontProvider): [string, boolean, boolean][] | undefined {
  const known = new Map<unknown, [string, boolean, boolean]>();
  for (const [family, types] of Object.entries(fonts.fontCache)) {
    for (const [type, font] of Object.entries(types)) known.set(font, [family, type === "bold" || type === "bolditalics", type === "italics" || type === "bolditalics"]);
  }
  const faces = items.map((item) => known.get(item.font));
  return faces.every((face) => face !== undefined) ? (faces as [string, boolean, boolean][]) : undefined;
}

function copyOf(snapshot: Snapshot, fonts: FontProvider): Measured {
  const items = snapshot.items.map((word, i) => {
    const copy = { ...word };
    const [family, bold, italics] = snapshot.faces[i]!;
    copy.font = fonts.provideFont(family, bold, italics);
    return copy;
  });
  return { items, minWidth: snapshot.minWidth, maxWidth: snapshot.maxWidth };
}

/**
 * Installs the cache. `enabled(family)` says whether documents drawn with that pdfmake family take the
 * shared caches; others are measured by pdfmake's own code throughout.
 */
export function installMeasuredTextCache(TextInlines: TextInlinesClass, enabled: (family: unknown) => boolean): void {
  const prototype = TextInlines.prototype;
  const buildInlines = prototype.buildInlines;
  prototype.buildInlines = function (this: TextInlines, textArray: unknown, stack: StyleStack): Measured {
    const key = enabled(stack.getProperty("font")) ? keyOf(textArray, stack) : undefined;
    if (key === undefined) return buildInlines.call(this, textArray, stack);
    const known = cache.get(key);
    if (known) {
      counts.hits++;
      // most recently used last
      cache.delete(key);
      cache.set(key, known);
      return copyOf(known, this.pdfDocument);
    }
    counts.misses++;
    const measured = buildInlines.call(this, textArray, stack);
    const faces = facesOf(measured.items, this.pdfDocument);
    // the font slot keeps its place among the word's properties
    if (faces) remember(key, { items: measured.items.map((word) => ({ ...word, font: null })), minWidth: measured.minWidth, maxWidth: measured.maxWidth, faces });
    return measured;
  };
}
