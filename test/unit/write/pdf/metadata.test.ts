/**
 * pdfkit writes the document information into an XMP packet (a metadata stream of XML) for every PDF version
 * above 1.3, whatever the `subset` and `tagged` settings, and does not escape it; the runtime escapes what
 * reaches that packet (runtime/xmp-metadata.ts). Every metadata stream must be well-formed XML holding the
 * strings exactly, and the Info dictionary must read back the exact strings.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { loadTinos } from "../../../../src/io/fonts.ts";
import { escapeXmlText } from "../../../../src/write/pdf/runtime/xmp-metadata.ts";
import { pdfRuntimeStatus, renderPdf } from "../../../../src/write/pdf/pdfmake-runtime.ts";
import { readPdfObjects, readPdfText } from "../../../support/pdf-text.ts";

const fonts = await loadTinos();
const NASTY = 'Sở "A" & <B>';
const date = new Date(Date.UTC(2013, 1, 6));
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: true, processEntities: true, htmlEntities: false });

/** The text of every XMP metadata stream, each checked to be well-formed. */
function metadataStreams(pdf: Uint8Array): string[] {
  const xml = [...readPdfObjects(pdf).values()].filter((o) => /\/Type \/Metadata\b/.test(o.dict)).map((o) => Buffer.from(o.stream!).toString("utf8"));
  for (const packet of xml) expect(XMLValidator.validate(packet), packet).toBe(true);
  return xml;
}

/** Every text value in a parsed XML tree under the given element name. */
function valuesOf(node: unknown, name: string, inside = false): string[] {
  if (typeof node === "string") return inside ? [node] : [];
  if (!node || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, value]) => (key.startsWith("@_") ? [] : valuesOf(value, name, inside || key === name)));
}

const info = (text: string) => ({
  title: `${text} (title)`,
  author: `${text} (author)`,
  subject: `${text} (subject)`,
  keywords: `${text} (keywords)`,
  creator: `${text} (creator)`,
  producer: `${text} (producer)`,
  creationDate: date,
  modDate: date,
});

describe("PDF metadata with XML's special characters", () => {
  it("the runtime has its XMP escaping installed", () => {
    expect(pdfRuntimeStatus(fonts).pieces.find((p) => p.piece === "xmp-escaping")?.installed).toBe(true);
  });

  it.each([
    ["PDF 1.7", { version: "1.7" as const }],
    ["PDF 1.4, tagged", { version: "1.4" as const, tagged: true }],
    ["PDF/A-2b", { version: "1.7" as const, subset: "PDF/A-2b" as const }],
    ["PDF/UA", { version: "1.7" as const, subset: "PDF/UA" as const, tagged: true }],
  ])("%s: every metadata stream is well-formed XML with the exact strings, and the Info dictionary reads them back", async (_name, settings) => {
    const pdf = await renderPdf({ ...settings, info: info(NASTY), content: [{ text: "Công văn" }] }, fonts);
    const [packet, ...more] = metadataStreams(pdf);
    expect(more).toHaveLength(0);
    const tree = parser.parse(packet!);
    expect(valuesOf(tree, "dc:title")).toEqual([`${NASTY} (title)`]);
    expect(valuesOf(tree, "dc:creator")).toEqual([`${NASTY} (author)`]);
    expect(valuesOf(tree, "dc:description")).toEqual([`${NASTY} (subject)`]);
    expect(valuesOf(tree, "pdf:Keywords")).toEqual([`${NASTY} (keywords)`]);
    expect(valuesOf(tree, "xmp:CreatorTool")).toEqual([`${NASTY} (creator)`]);
    expect(valuesOf(tree, "pdf:Producer")).toEqual([`${NASTY} (producer)`]);
    const read = (await readPdfText(pdf)).info;
    expect([read.Title, read.Author, read.Subject, read.Keywords, read.Creator, read.Producer]).toEqual(
      ["title", "author", "subject", "keywords", "creator", "producer"].map((k) => `${NASTY} (${k})`),
    );
  });

  it("PDF 1.3 has no metadata stream (pdfkit writes the packet only above 1.3), and its Info dictionary is exact", async () => {
    const pdf = await renderPdf({ version: "1.3", info: info(NASTY), content: [{ text: "x" }] }, fonts);
    expect(metadataStreams(pdf)).toEqual([]);
    expect((await readPdfText(pdf)).info.Title).toBe(`${NASTY} (title)`);
  });

  it("characters XML 1.0 cannot hold become U+FFFD in the packet only; ]]> and entities stay text", async () => {
    const pdf = await renderPdf({ version: "1.7", info: { ...info("a\u0001b ]]> &amp; 𝕍"), creationDate: date }, content: [{ text: "x" }] }, fonts);
    const tree = parser.parse(metadataStreams(pdf)[0]!);
    expect(valuesOf(tree, "dc:title")).toEqual(["a\ufffdb ]]> &amp; 𝕍 (title)"]);
    expect((await readPdfText(pdf)).info.Title).toBe("a\u0001b ]]> &amp; 𝕍 (title)");
  });
});

describe("escapeXmlText", () => {
  it("escapes the five special characters and replaces what XML cannot hold", () => {
    expect(escapeXmlText(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
    expect(escapeXmlText("tab\tline\ncr\r")).toBe("tab\tline\ncr\r");
    expect(escapeXmlText("\u0000\u001f\ufffe\ud800x\udc00")).toBe("\ufffd\ufffd\ufffd\ufffdx\ufffd");
    expect(escapeXmlText("𝕍 Ỷ")).toBe("𝕍 Ỷ");
  });
});
