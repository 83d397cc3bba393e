/**
 * The parts of a DOCX package before zipping. docx's Packer compiles the parts, then deflates them with
 * fflate's JavaScript deflate; pinZip would then inflate them again to pin their times and deflate them with
 * zlib. Taking the parts from docx's compiler skips both (about a fifth of a letter's DOCX time). The
 * compiler is not docx's public API: where this docx version has none, the parts come from its zip.
 */
import { Packer, type Document } from "docx";
import { strToU8, unzipSync } from "fflate";

type PartData = string | Uint8Array | ArrayBuffer | ArrayBufferView;
interface PackageCompiler {
  compile(file: Document): Map<string, PartData>;
}

const compiler = (Packer as unknown as { compiler?: Partial<PackageCompiler> }).compiler;
const compile = typeof compiler?.compile === "function" ? (compiler as PackageCompiler) : undefined;

/** As docx's own zipping reads a part's data: text as UTF-8, any binary view as its bytes. */
function bytesOf(data: PartData): Uint8Array {
  if (typeof data === "string") return strToU8(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/** docx's compiler is there: documents can be compiled part by part, and tables written batch by batch (batched-tables.ts). */
export const hasDocxCompiler = compile !== undefined;

const DOCUMENT_XML = "word/document.xml";

function textOf(path: string, data: PartData | undefined): string {
  if (typeof data !== "string") throw new Error(`docx's compiler gave no text for ${path}`);
  return data;
}

/** The main part's XML as docx's compiler writes it; only where `hasDocxCompiler`. */
export const documentXmlOf = (document: Document): string => textOf(DOCUMENT_XML, compile?.compile(document).get(DOCUMENT_XML));

/**
 * The package's parts by path, in docx's zip order; `viaZip` takes them from docx's zip (the reference path).
 * `rewriteDocumentXml` edits the main part's XML on the compiler's path (batched-tables.ts fills its slots).
 */
export async function docxPackageParts(document: Document, viaZip = false, rewriteDocumentXml?: (xml: string) => string): Promise<Record<string, Uint8Array>> {
  if (!compile || viaZip) return unzipSync(await Packer.toBuffer(document));
  const parts: Record<string, Uint8Array> = {};
  for (const [path, data] of compile.compile(document)) parts[path] = bytesOf(path === DOCUMENT_XML && rewriteDocumentXml ? rewriteDocumentXml(textOf(path, data)) : data);
  return parts;
}
