/**
 * The PDF runtime on a pdfmake/pdfkit/fontkit whose internals differ from the pinned ones: before the runtime
 * loads, four methods it patches are replaced by ones taking another number of parameters (as another
 * version's might). Those pieces stay unpatched, the status gives one warning naming them, and rendering
 * takes pdfmake's own path for them. (This file runs in its own process: vitest's forks pool isolates files.)
 */
import { createRequire } from "node:module";
import { XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTinos } from "../../../../src/io/fonts.ts";
import type { FontBytes } from "../../../../src/layout/font-bytes.ts";
import { composeDecisionPlan } from "../../../../src/plan/decision.ts";
import { readPdfObjects, readPdfText } from "../../../support/pdf-text.ts";
import { loadSeed } from "../../../support/seed-docx.ts";

type Method = (this: unknown, ...args: unknown[]) => unknown;
const fromPdfmake = createRequire(createRequire(import.meta.url).resolve("pdfmake"));
const fontkit = createRequire(fromPdfmake.resolve("pdfkit"))("fontkit") as { create(bytes: Uint8Array): { createSubset(): object } };

/** Replaces `prototype[name]` with a wrapper that does the same but declares one parameter more or less. */
function reshape(prototype: Record<string, Method>, name: string, declared: 0 | 1): void {
  const original = prototype[name]!;
  prototype[name] =
    declared === 1
      ? function (this: unknown, first: unknown, ...rest: unknown[]) {
          return original.call(this, first, ...rest);
        }
      : function (this: unknown, ...all: unknown[]) {
          return original.apply(this, all);
        };
}

let runtime: typeof import("../../../../src/write/pdf/pdfmake-runtime.ts");
let writePdf: typeof import("../../../../src/write/pdf/write-pdf.ts").writePdf;
let fonts: FontBytes;

beforeAll(async () => {
  fonts = await loadTinos();
  reshape((fromPdfmake("./Renderer.js") as { default: { prototype: Record<string, Method> } }).default.prototype, "renderLine", 1);
  reshape((fromPdfmake("./TableProcessor.js") as { default: { prototype: Record<string, Method> } }).default.prototype, "endRow", 1);
  reshape((fromPdfmake("pdfkit") as { prototype: Record<string, Method> }).prototype, "_addInfo", 1);
  reshape(Object.getPrototypeOf(fontkit.create(fonts.normal).createSubset()) as Record<string, Method>, "encode", 1);
  runtime = await import("../../../../src/write/pdf/pdfmake-runtime.ts");
  ({ writePdf } = await import("../../../../src/write/pdf/write-pdf.ts"));
});

const TITLE = 'Sở "A" & <B>';
const definition = () => ({
  version: "1.7" as const,
  info: { title: TITLE, author: TITLE, creationDate: new Date(Date.UTC(2013, 1, 6)), modDate: new Date(Date.UTC(2013, 1, 6)) },
  content: [
    { text: "Xây dựng, triển khai Chương trình ban hành văn bản QPPL năm 2013 ".repeat(6) },
    { text: "Ỷ ỹ Ữ ữ Ặ ặ Đ đ ẫ ậ ờ ✓", bold: true },
  ],
});
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe("the runtime on internals that differ from the pinned versions", () => {
  it("leaves those pieces unpatched and reports them in one warning, the rest patched", () => {
    const status = runtime.pdfRuntimeStatus(fonts);
    const left = status.pieces.filter((p) => !p.installed).map((p) => p.piece);
    expect(left).toEqual(["line-merging", "chunked-layout", "xmp-escaping", "subset-cache", "deflate-cache"]);
    expect(status.pieces.filter((p) => p.installed).map((p) => p.piece)).toEqual(["style-lookup", "measured-text", "font-buffers", "shared-tables", "shared-runs", "subset-seeding"]);
    const warning = status.warning!;
    expect(warning.code).toBe("pdf-runtime/unpatched");
    expect(warning.pieces.map((p) => p.piece)).toEqual(left);
    expect(warning.pieces[0]!.problems).toEqual(["pdfmake Renderer.prototype.renderLine: takes 1 parameter(s), expected 3"]);
    expect(warning.pieces[1]!.problems).toEqual(["pdfmake TableProcessor.prototype.endRow: takes 1 parameter(s), expected 3"]);
    expect(warning.pieces[4]!.problems).toEqual(["needs subset-cache, which is left alone"]);
    expect(warning.message).toContain("pdfmake 0.3.11");
  });

  it("renders with pdfmake's own drawing: line merging on gives the bytes of line merging off", async () => {
    const merged = await runtime.renderPdf(definition(), fonts);
    expect(same(merged, await runtime.renderPdf(definition(), fonts, { lineMerging: false }))).toBe(true);
    expect(same(merged, await runtime.renderPdf(definition(), fonts, { sharedCaches: false }))).toBe(true);
    expect((await readPdfText(merged)).flat).toContain("Ỷ ỹ Ữ ữ Ặ ặ Đ đ ẫ ậ ờ");
  });

  it("lays a long table out whole without the chunked layout: the bytes of a document with no chunks", async () => {
    const { decision, ctx } = await loadSeed();
    const plan = composeDecisionPlan(decision, ctx.layout, ctx.measurer);
    const whole = await writePdf(plan, ctx.fonts, { toolName: "vanban-test", chunkRows: Number.POSITIVE_INFINITY });
    expect(same(await writePdf(plan, ctx.fonts, { toolName: "vanban-test", chunkRows: 5 }), whole)).toBe(true);
  });

  it("keeps the XMP packet well-formed without the patched writer, escaping on the way in", async () => {
    const pdf = await runtime.renderPdf(definition(), fonts);
    const packets = [...readPdfObjects(pdf).values()].filter((o) => /\/Type \/Metadata/.test(o.dict));
    expect(packets).toHaveLength(1);
    const xml = Buffer.from(packets[0]!.stream!).toString("utf8");
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain("Sở &quot;A&quot; &amp; &lt;B&gt;");
    // the fallback's cost, as the warning says: the Info dictionary shows the entities
    expect((await readPdfText(pdf)).info.Title).toBe("Sở &quot;A&quot; &amp; &lt;B&gt;");
  });
});
