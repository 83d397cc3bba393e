/**
 * Opens a DOCX package: unzips its XML parts within the limits of src/read/zip.ts, finds the main document
 * part through `_rels/.rels`, and parses parts on demand. Inputs that are not a DOCX fail with a typed
 * `DocxReadError` naming why.
 */
import { strFromU8 } from "fflate";
import { listZipEntries, unzipEntries, zipLimitExceeded } from "../../zip.ts";
import { attr, findAll, parseXml, wellFormedProblem, type XmlNode } from "./xml.ts";

export type DocxReadFailure = "empty" | "not-zip" | "corrupt-zip" | "not-docx" | "malformed-xml" | "password-protected" | "legacy-doc" | "too-large";

/** An input that cannot be checked; `message` is meant for the user as is. */
export class DocxReadError extends Error {
  constructor(
    readonly kind: DocxReadFailure,
    message: string,
  ) {
    super(message);
    this.name = "DocxReadError";
  }
}

export interface DocxPackage {
  /** every entry's name, e.g. "word/document.xml", "word/media/image1.png" */
  names: string[];
  /** the main document part, normally "word/document.xml" */
  mainPart: string;
  /** whether the package has this XML part (only XML parts are unpacked; media are listed in `names`) */
  has(name: string): boolean;
  /** the part as a string (throws if missing) */
  text(name: string): string;
  /** the part parsed (cached) */
  xml(name: string): XmlNode[];
  /**
   * The part parsed for one reading that may take its tree apart as it goes (not cached): the main part,
   * whose tree a long table makes the largest thing a reading holds (140 MB for 10,000 rows).
   */
  xmlToConsume(name: string): XmlNode[];
}

const ZIP_MAGIC = [0x50, 0x4b]; // "PK"
/** OLE2 compound file: legacy .doc, or an encrypted OOXML package (MS-OFFCRYPTO). */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MAIN_DOCUMENT_TYPE = /\/officeDocument$/;

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** OLE directory entry names are UTF-16LE: an encrypted package has a stream named "EncryptionInfo". */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

function classifyNonZip(bytes: Uint8Array): DocxReadError {
  if (bytes.length === 0) return new DocxReadError("empty", "the file is empty");
  if (startsWith(bytes, OLE_MAGIC)) {
    return containsUtf16(bytes, "EncryptionInfo")
      ? new DocxReadError("password-protected", "the document is password-protected (encrypted OLE package); remove the password in Word and check again")
      : new DocxReadError("legacy-doc", "the file is an OLE compound document (legacy Word .doc?), not a DOCX; save it as .docx first");
  }
  return new DocxReadError("not-zip", "the file is not a DOCX: it is not a zip package");
}

const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

function corruptZip(error?: unknown): DocxReadError {
  const reason = error === undefined ? "no central directory" : error instanceof Error ? error.message : String(error);
  return new DocxReadError("corrupt-zip", `the file is a corrupt or truncated zip package (${reason})`);
}

function unzip(bytes: Uint8Array): { names: string[]; files: Map<string, Uint8Array> } {
  const entries = listZipEntries(bytes);
  if (entries === undefined) throw corruptZip();
  const exceeded = zipLimitExceeded(entries, isXmlPart);
  if (exceeded !== undefined) throw new DocxReadError("too-large", exceeded);
  try {
    return { names: entries.map((e) => e.name), files: unzipEntries(bytes, isXmlPart) };
  } catch (error) {
    throw corruptZip(error);
  }
}

/** The main document part named by `_rels/.rels`, else the conventional word/document.xml. */
function findMainPart(files: Map<string, Uint8Array>): string | undefined {
  const rels = files.get("_rels/.rels");
  if (rels) {
    const relation = findAll(parsePart("_rels/.rels", strFromU8(rels)), "Relationship").find((r) => MAIN_DOCUMENT_TYPE.test(attr(r, "Type") ?? ""));
    const target = attr(relation, "Target")?.replace(/^\//, "");
    if (target !== undefined && files.has(target)) return target;
  }
  return files.has("word/document.xml") ? "word/document.xml" : undefined;
}

function notDocx(names: readonly string[]): DocxReadError {
  const what = names.some((n) => n.startsWith("xl/"))
    ? " (it looks like an XLSX workbook)"
    : names.some((n) => n.startsWith("ppt/"))
      ? " (it looks like a PPTX presentation)"
      : "";
  return new DocxReadError("not-docx", `the zip package is not a DOCX: it has no word/document.xml${what}`);
}

function parsePart(name: string, xml: string): XmlNode[] {
  // the parser itself accepts mismatched or unclosed tags (a truncated part) without a word
  const problem = wellFormedProblem(xml);
  if (problem) throw new DocxReadError("malformed-xml", `${name} is not well-formed XML (line ${problem.line}: ${problem.message})`);
  try {
    return parseXml(xml);
  } catch (error) {
    throw new DocxReadError("malformed-xml", `${name} is not well-formed XML (${error instanceof Error ? error.message : String(error)})`);
  }
}

export function openDocxPackage(bytes: Uint8Array): DocxPackage {
  if (!startsWith(bytes, ZIP_MAGIC)) throw classifyNonZip(bytes);
  const { names, files } = unzip(bytes);
  const mainPart = findMainPart(files);
  if (mainPart === undefined) throw notDocx(names);
  const parsed = new Map<string, XmlNode[]>();
  const text = (name: string) => {
    const data = files.get(name);
    if (!data) throw new Error(`no part ${name} in the package`);
    return strFromU8(data);
  };
  return {
    names,
    mainPart,
    has: (name) => files.has(name),
    text,
    xml(name) {
      let nodes = parsed.get(name);
      if (!nodes) parsed.set(name, (nodes = parsePart(name, text(name))));
      return nodes;
    },
    xmlToConsume: (name) => parsePart(name, text(name)),
  };
}

/** Relationship id → part name, for a part's `_rels` file ("word/document.xml" → rId7 → "word/header1.xml"); an XLSX package's too. */
export function relationships(pkg: Pick<DocxPackage, "has" | "xml">, partName: string): Map<string, string> {
  const slash = partName.lastIndexOf("/");
  const dir = partName.slice(0, slash + 1);
  const relsName = `${dir}_rels/${partName.slice(slash + 1)}.rels`;
  const map = new Map<string, string>();
  if (!pkg.has(relsName)) return map;
  for (const rel of findAll(pkg.xml(relsName), "Relationship")) {
    if (attr(rel, "TargetMode") === "External") continue;
    const target = attr(rel, "Target") ?? "";
    map.set(attr(rel, "Id") ?? "", target.startsWith("/") ? target.slice(1) : normalisePath(`${dir}${target}`));
  }
  return map;
}

/** "word/../customXml/item1.xml" → "customXml/item1.xml" */
function normalisePath(path: string): string {
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "..") out.pop();
    else if (segment !== ".") out.push(segment);
  }
  return out.join("/");
}
