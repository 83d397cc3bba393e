import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { loadTinos } from "../../../src/io/fonts.ts";
import { parsedFace } from "../../../src/layout/font-faces.ts";

describe("parsedFace", () => {
  it("gives the same parsed face for the same buffer, another for another face", async () => {
    const fonts = await loadTinos();
    expect(parsedFace(fonts.normal)).toBe(parsedFace(fonts.normal));
    // identity, not toBe: a failed toBe compares the two fonts deeply
    expect(parsedFace(fonts.bold) === parsedFace(fonts.normal)).toBe(false);
  });

  it("uses the fontkit pdfkit loads (the PDF runtime shapes words with these faces for pdfkit)", () => {
    const fromLayout = createRequire(new URL("../../../src/layout/font-faces.ts", import.meta.url)).resolve("fontkit");
    const pdfmake = createRequire(import.meta.url).resolve("pdfmake");
    const pdfkit = createRequire(pdfmake).resolve("pdfkit");
    expect(createRequire(pdfkit).resolve("fontkit")).toBe(fromLayout);
  });
});
