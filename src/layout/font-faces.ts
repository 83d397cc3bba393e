/**
 * One parsed fontkit face per font buffer, shared by everything in this thread that measures or shapes text
 * (the text measurer for DOCX and XLSX, the PDF runtime's shaper): a face parses its layout tables (GSUB/GPOS)
 * on first use, 20–90 ms each, so two parses of the same face were a visible part of a build's first letter.
 *
 * fontkit's CommonJS build, the one pdfkit loads, so a build loads and JIT-compiles one fontkit, not two.
 */
import { createRequire } from "node:module";
import type * as Fontkit from "fontkit";

const faces = new WeakMap<Uint8Array, Fontkit.Font>();
/** loaded with the first face: a command that measures nothing (a rebuild with nothing changed) loads no fontkit */
let fontkit: typeof Fontkit | undefined;

/** The face parsed from `bytes` (the same object for the same buffer). */
export function parsedFace(bytes: Uint8Array): Fontkit.Font {
  let face = faces.get(bytes);
  if (!face) {
    fontkit ??= createRequire(import.meta.url)("fontkit") as typeof Fontkit;
    face = fontkit.create(bytes as Buffer) as Fontkit.Font;
    faces.set(bytes, face);
  }
  return face;
}
