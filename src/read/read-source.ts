/**
 * Any input as a source document: the format detected from the bytes (detect.ts), then its reader. The
 * name only labels the diagnostics.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Place } from "../diagnostics/rules.ts";
import { detectFormat, type DetectedFormat, type Detection } from "./detect.ts";
import { readDocxSource } from "./docx/read-docx.ts";
import { readHtmlSource } from "./html/read-html.ts";
import type { SourceDocument } from "./source-document.ts";
import { readTextSource } from "./text/read-text.ts";
import { readXlsxSource } from "./xlsx/read-xlsx.ts";

export interface ReadResult {
  document?: SourceDocument;
  diagnostics: Diagnostic[];
}

type Reader = (bytes: Uint8Array, detection: Detection, place: Place) => ReadResult;

const READERS: Record<DetectedFormat, Reader> = {
  docx: (bytes, _detection, place) => readDocxSource(bytes, place),
  html: (bytes, detection, place) => readHtmlSource(bytes, place, detection.text),
  text: (_bytes, detection, place) => readTextSource(detection.text!, place),
  xlsx: (bytes, _detection, place) => readXlsxSource(bytes, place),
};

export function readSource(bytes: Uint8Array, options: { name?: string } = {}): ReadResult {
  const place: Place = options.name === undefined ? {} : { file: options.name };
  const detection = detectFormat(bytes, place);
  if (detection.format === undefined) return { diagnostics: detection.diagnostics };
  const read = READERS[detection.format](bytes, detection, place);
  return { ...read, diagnostics: [...detection.diagnostics, ...read.diagnostics] };
}
