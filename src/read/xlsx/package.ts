/**
 * Opens an XLSX package within the limits of src/read/zip.ts (entry count, inflated size and ratio: only
 * the XML parts are inflated) and parses its parts on demand. What cannot be read is an `XlsxReadError`
 * naming why, meant for the user as is. The small parts (workbook, relationships) are parsed and checked
 * as XML; the worksheets and shared strings are scanned (sheet-xml.ts).
 */
import { XMLValidator } from "fast-xml-parser";
import { strFromU8 } from "fflate";
import { parseXml, type XmlNode } from "../docx/ooxml/xml.ts";
import { listZipEntries, unzipEntries, zipLimitExceeded } from "../zip.ts";

export class XlsxReadError extends Error {
  constructor(
    readonly kind: "corrupt" | "too-large",
    message: string,
  ) {
    super(message);
    this.name = "XlsxReadError";
  }
}

export interface XlsxPackage {
  has(name: string): boolean;
  /** the part as text; throws XlsxReadError when it is missing */
  text(name: string): string;
  /** the part parsed (cached); throws XlsxReadError when it is missing or not well-formed */
  xml(name: string): XmlNode[];
}

const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

export function openXlsxPackage(bytes: Uint8Array): XlsxPackage {
  const entries = listZipEntries(bytes);
  if (entries === undefined) throw new XlsxReadError("corrupt", "its central directory is missing or damaged (a truncated file?)");
  const exceeded = zipLimitExceeded(entries, isXmlPart);
  if (exceeded !== undefined) throw new XlsxReadError("too-large", exceeded);
  let files: Map<string, Uint8Array>;
  try {
    files = unzipEntries(bytes, isXmlPart);
  } catch (error) {
    throw new XlsxReadError("corrupt", `a part cannot be unpacked (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = new Map<string, XmlNode[]>();
  const text = (name: string) => {
    const data = files.get(name);
    if (!data) throw new XlsxReadError("corrupt", `the package has no part ${name}`);
    return strFromU8(data);
  };
  return {
    has: (name) => files.has(name),
    text,
    xml(name) {
      const cached = parsed.get(name);
      if (cached) return cached;
      const xml = text(name);
      // the parser itself accepts a truncated part without a word
      const valid = XMLValidator.validate(xml);
      if (valid !== true) throw new XlsxReadError("corrupt", `${name} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
      const nodes = parseXml(xml);
      parsed.set(name, nodes);
      return nodes;
    },
  };
}
