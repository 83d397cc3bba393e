/**
 * A minimal DOCX zipped in memory from hand-written WordprocessingML: the body, optional styles and
 * footnotes, so each reader test states exactly the XML it reads.
 */
import { strToU8, zipSync } from "fflate";

const NS = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
].join(" ");
const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

export interface DocxParts {
  /** children of w:body */
  body: string;
  /** children of w:styles */
  styles?: string;
  /** children of w:footnotes */
  footnotes?: string;
}

export function docxOf(parts: DocxParts): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "_rels/.rels": strToU8(`<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE_DOCUMENT}" Target="word/document.xml"/></Relationships>`),
    "word/document.xml": strToU8(`<?xml version="1.0"?><w:document ${NS}><w:body>${parts.body}</w:body></w:document>`),
  };
  if (parts.styles !== undefined) files["word/styles.xml"] = strToU8(`<w:styles ${NS}>${parts.styles}</w:styles>`);
  if (parts.footnotes !== undefined) files["word/footnotes.xml"] = strToU8(`<w:footnotes ${NS}>${parts.footnotes}</w:footnotes>`);
  return zipSync(files);
}

export const p = (content: string, pPr = ""): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${content}</w:p>`;
export const r = (text: string, rPr = ""): string => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
export const tc = (content: string, tcPr = ""): string => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ""}${content}</w:tc>`;
export const tr = (...cells: string[]): string => `<w:tr>${cells.join("")}</w:tr>`;
export const tbl = (columns: number, ...rows: string[]): string =>
  `<w:tbl><w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(columns)}</w:tblGrid>${rows.join("")}</w:tbl>`;
