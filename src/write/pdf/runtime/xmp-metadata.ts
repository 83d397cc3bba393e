/**
 * pdfkit 0.19 writes the document information twice: into the Info dictionary (as PDF strings, escaped by its
 * object writer) and, for every PDF version above 1.3 (any `subset` or `tagged` setting or none), into an XMP
 * packet, a metadata stream of XML built by string templates (`_addInfo` in pdfkit.js: Title, Author, Subject
 * as dc:title/dc:creator/dc:description, Creator as xmp:CreatorTool, Producer, Keywords) with no escaping, so
 * an "&" or "<" in a title makes the packet malformed XML. Here `_addInfo` sees XML-escaped copies of the
 * strings; the Info dictionary keeps them exactly.
 *
 * When `_addInfo` is not what this was written for, the runtime escapes the strings before they reach pdfkit
 * instead (`escapeInfoForXmp`): the packet stays well-formed, and the Info dictionary then shows the entities.
 */
import { memberProblems } from "./shape-check.ts";

/** pdfkit's PDFDocument as far as the metadata goes. */
export interface MetadataDocument {
  info: Record<string, unknown>;
  metadata?: { getXML(): string };
  _addInfo(): void;
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/**
 * Text for XML 1.0 content: the five special characters as entities; characters XML cannot hold at all (C0
 * controls other than tab, line feed and carriage return, lone surrogates, U+FFFE/U+FFFF) as U+FFFD.
 */
export function escapeXmlText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&<>"']|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => ENTITIES[c] ?? "\ufffd");
}

/** A copy of an info object with every string (and String object) XML-escaped; dates and the rest as they are. */
export function escapeInfoForXmp<T extends Record<string, unknown>>(info: T): T {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(info)) {
    copy[key] = typeof value === "string" || value instanceof String ? escapeXmlText(String(value)) : value;
  }
  return copy as T;
}

/** What the escaping relies on: PDFDocument.prototype._addInfo(), which reads `this.info` and appends to `this.metadata`. */
export function xmpEscapingProblems(documentPrototype: MetadataDocument, probe: MetadataDocument): string[] {
  const problems = [
    ...memberProblems("pdfkit PDFDocument.prototype", documentPrototype, [
      { name: "_addInfo", kind: "function", arity: 0 },
      { name: "endMetadata", kind: "function", arity: 0 },
    ]),
    ...memberProblems("pdfkit PDFDocument instance", probe, [
      { name: "info", kind: "object" },
      { name: "metadata", kind: "object" },
    ]),
  ];
  if (problems.length > 0) return problems;
  problems.push(...memberProblems("pdfkit PDFDocument instance.metadata", probe.metadata, [{ name: "getXML", kind: "function", arity: 0 }]));
  return problems;
}

/** Makes `_addInfo` write escaped copies of the info strings (the Info dictionary is written from `info` itself, before). */
export function installXmpEscaping(documentPrototype: MetadataDocument): void {
  const addInfo = documentPrototype._addInfo;
  documentPrototype._addInfo = function (this: MetadataDocument) {
    const info = this.info;
    this.info = escapeInfoForXmp(info);
    try {
      addInfo.call(this);
    } finally {
      this.info = info;
    }
  };
}

/**
 * Whether the installed escaping works on a probe document: its packet, after `_addInfo`, holds a title with
 * "&" and "<" as entities (checked once, after installing).
 */
export function xmpEscapingWorks(probe: MetadataDocument): boolean {
  const title = "vanban <probe> & title";
  const before = probe.info;
  probe.info = { ...before, Title: title };
  try {
    probe._addInfo();
    return probe.metadata?.getXML().includes(escapeXmlText(title)) ?? false;
  } finally {
    probe.info = before;
  }
}
