/**
 * The shape checks of the PDF runtime's patches, fed the real pdfmake, pdfkit and fontkit internals (they pass)
 * and fake ones missing a method or a field (the piece is left alone and reported). Nothing here patches.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it, vi } from "vitest";
import { TINOS_PATHS } from "../../../../src/io/fonts.ts";
import { lineMergingProblems, type LineClass, type LineRenderer } from "../../../../src/write/pdf/line-merging.ts";
import { applyPieces, memberProblems, runtimeWarning, type Piece } from "../../../../src/write/pdf/runtime/shape-check.ts";
import { xmpEscapingProblems, type MetadataDocument } from "../../../../src/write/pdf/runtime/xmp-metadata.ts";
import { styleLookupProblems, type StyleStackClass } from "../../../../src/write/pdf/style-lookup.ts";
import {
  deflateCacheProblems,
  subsetCacheProblems,
  subsetSeedingProblems,
  type FontSubset,
  type PdfStream,
  type SubsettingFont,
} from "../../../../src/write/pdf/subset-sharing.ts";

const fromPdfmake = createRequire(createRequire(import.meta.url).resolve("pdfmake"));
const StyleContextStack = (fromPdfmake("./StyleContextStack.js") as { default: StyleStackClass }).default;
const Renderer = (fromPdfmake("./Renderer.js") as { default: { prototype: LineRenderer } }).default;
const Line = (fromPdfmake("./Line.js") as { default: LineClass }).default;
const PDFDocument = fromPdfmake("pdfkit") as new (options: object) => MetadataDocument & {
  font(src: Uint8Array): { _font: SubsettingFont & { font: { createSubset(): FontSubset } } };
  ref(): PdfStream;
};
const bytes = readFileSync(TINOS_PATHS.normal);
const document = () => new PDFDocument({ font: null, autoFirstPage: false });

/** An object with the members of `prototype` except `without` (a stand-in for another version's prototype). */
function copyWithout<T extends object>(prototype: T, without: string): T {
  const copy = Object.create(Object.getPrototypeOf(prototype)) as T;
  for (const name of Object.getOwnPropertyNames(prototype)) {
    if (name !== without) Object.defineProperty(copy, name, Object.getOwnPropertyDescriptor(prototype, name)!);
  }
  return copy;
}

describe("memberProblems", () => {
  it("names what is missing, of another kind, or takes another number of parameters", () => {
    const target = { a: () => 1, b: (x: number, y: number) => x + y, n: "1", list: [] };
    expect(memberProblems("t", target, [{ name: "a", kind: "function", arity: 0 }, { name: "list", kind: "array" }])).toEqual([]);
    expect(
      memberProblems("t", target, [
        { name: "gone", kind: "function" },
        { name: "b", kind: "function", arity: 1 },
        { name: "n", kind: "number" },
      ]),
    ).toEqual(["t.gone: missing", "t.b: takes 2 parameter(s), expected 1", "t.n: number expected, found string"]);
    expect(memberProblems("t", undefined, [{ name: "a", kind: "function" }])).toEqual(["t: not found"]);
  });
});

describe("the pinned pdfmake 0.3.11, pdfkit 0.19.1 and fontkit 2.0.4 have every shape the runtime patches", () => {
  it("style lookup, line merging and the XMP writer", () => {
    expect(styleLookupProblems(StyleContextStack)).toEqual([]);
    expect(lineMergingProblems(Renderer.prototype, Line)).toEqual([]);
    expect(xmpEscapingProblems(PDFDocument.prototype, document())).toEqual([]);
  });

  it("the subset seeding, the subset encoding cache and the deflate cache", () => {
    const doc = document();
    const embedded = doc.font(bytes)._font;
    const subset = embedded.font.createSubset();
    const stream = doc.ref();
    expect(subsetSeedingProblems(Object.getPrototypeOf(embedded), embedded)).toEqual([]);
    expect(subsetCacheProblems(Object.getPrototypeOf(subset), subset)).toEqual([]);
    expect(deflateCacheProblems(Object.getPrototypeOf(stream), stream)).toEqual([]);
  });
});

describe("a prototype missing a method, or with another one, is reported", () => {
  it("style lookup: no getProperty; getStyleProperty taking other parameters", () => {
    const FakeStack = function () {} as unknown as StyleStackClass;
    FakeStack.prototype = copyWithout(StyleContextStack.prototype, "getProperty");
    FakeStack.getStyleProperty = StyleContextStack.getStyleProperty;
    expect(styleLookupProblems(FakeStack)).toEqual(["pdfmake StyleContextStack.prototype.getProperty: missing"]);
    const Other = class extends StyleContextStack {
      static override getStyleProperty = (item: Record<string, unknown>) => item;
    } as unknown as StyleStackClass;
    expect(styleLookupProblems(Other)).toEqual(["pdfmake StyleContextStack.getStyleProperty: takes 1 parameter(s), expected 4"]);
  });

  it("style lookup: a stack that does not keep its pushed items in styleOverrides", () => {
    const Other = class extends StyleContextStack {
      override push(_item: unknown) {}
    } as unknown as StyleStackClass;
    expect(styleLookupProblems(Other)).toContain("pdfmake StyleContextStack.prototype.push: does not add to styleOverrides");
  });

  it("line merging: no renderLine; a Line that keeps no x", () => {
    expect(lineMergingProblems(copyWithout(Renderer.prototype, "renderLine"), Line)).toEqual(["pdfmake Renderer.prototype.renderLine: missing"]);
    const NoX = class {
      inlines: unknown[] = [];
      addInline(inline: unknown) {
        this.inlines.push(inline);
      }
    } as unknown as LineClass;
    expect(lineMergingProblems(Renderer.prototype, NoX)).toEqual(["pdfmake Line.prototype.addInline: does not set x from the widths before"]);
  });

  it("XMP escaping: no _addInfo", () => {
    expect(xmpEscapingProblems(copyWithout(PDFDocument.prototype, "_addInfo"), document())).toEqual(["pdfkit PDFDocument.prototype._addInfo: missing"]);
  });

  it("subsets: EmbeddedFont.encode only inherited (PDFFont's abstract one), no TTFSubset.encode, a stream without its chunk list", () => {
    const doc = document();
    const embedded = doc.font(bytes)._font;
    const subset = embedded.font.createSubset();
    const stream = doc.ref();
    expect(subsetSeedingProblems(copyWithout(Object.getPrototypeOf(embedded), "encode"), embedded)).toEqual(["pdfkit EmbeddedFont.prototype.encode: takes 0 parameter(s), expected 2"]);
    expect(subsetCacheProblems(copyWithout(Object.getPrototypeOf(subset), "encode"), subset)).toEqual(["fontkit TTFSubset.prototype.encode: missing"]);
    expect(deflateCacheProblems(Object.getPrototypeOf(stream), { ...stream, buffer: undefined } as unknown as PdfStream)).toEqual([
      "pdfkit PDFReference instance.buffer: missing",
    ]);
  });
});

describe("applyPieces", () => {
  const piece = (name: Piece["piece"], problems: string[], extra: Partial<Piece> = {}): Piece & { install: ReturnType<typeof vi.fn> } => ({
    piece: name,
    check: () => problems,
    install: vi.fn(),
    ...extra,
  }) as Piece & { install: ReturnType<typeof vi.fn> };

  it("installs the pieces that pass, leaves the others alone and those that need them, and makes one warning of it", () => {
    const style = piece("style-lookup", []);
    const merging = piece("line-merging", ["pdfmake Renderer.prototype.renderLine: missing"]);
    const buffers = piece("font-buffers", ["pdfmake.virtualfs.readFileSync: does not return the buffer written"]);
    const tables = piece("shared-tables", [], { requires: ["font-buffers"] });
    const throwing = piece("subset-cache", []);
    throwing.install.mockImplementation(() => {
      throw new Error("boom");
    });
    const reports = applyPieces([style, merging, buffers, tables, throwing]);
    expect(reports.map((r) => [r.piece, r.installed])).toEqual([
      ["style-lookup", true],
      ["line-merging", false],
      ["font-buffers", false],
      ["shared-tables", false],
      ["subset-cache", false],
    ]);
    expect(style.install).toHaveBeenCalledOnce();
    expect(merging.install).not.toHaveBeenCalled();
    expect(tables.install).not.toHaveBeenCalled();
    expect(reports[3]!.problems).toEqual(["needs font-buffers, which is left alone"]);
    expect(reports[4]!.problems).toEqual(["installing it failed: boom"]);

    const warning = runtimeWarning(reports, { pdfmake: "9.9.9" })!;
    expect(warning.code).toBe("pdf-runtime/unpatched");
    expect(warning.pieces.map((p) => p.piece)).toEqual(["line-merging", "font-buffers", "shared-tables", "subset-cache"]);
    expect(warning.pieces[0]!.problems).toEqual(["pdfmake Renderer.prototype.renderLine: missing"]);
    expect(warning.message).toMatch(/^the PDF runtime left 4 piece\(s\) unpatched \(line-merging, font-buffers, shared-tables, subset-cache\).*pdfmake 9\.9\.9/);
    expect(runtimeWarning(reports.slice(0, 1), {})).toBeUndefined();
  });

  it("a check that throws leaves its piece alone", () => {
    const broken = piece("deflate-cache", [], {
      check: () => {
        throw new Error("no such prototype");
      },
    });
    expect(applyPieces([broken])).toEqual([{ piece: "deflate-cache", installed: false, problems: ["deflate-cache: no such prototype"] }]);
    expect(broken.install).not.toHaveBeenCalled();
  });
});
