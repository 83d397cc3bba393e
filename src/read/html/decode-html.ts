/**
 * HTML bytes → a string by the page's own charset (a BOM, else `<meta charset>` or the http-equiv
 * Content-Type that Word's and LibreOffice's "Save as HTML" write, e.g. windows-1252), else as UTF-8 text.
 */
import { diagnose, type Place } from "../../diagnostics/rules.ts";
import { decodeText, type Decoded } from "../text/decode-text.ts";

/** HTML's encoding sniffing looks at the first 1,024 bytes; Word puts its meta after long style blocks, so look further. */
const META_WINDOW = 16 * 1024;
const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;

function declaredCharset(bytes: Uint8Array): string | undefined {
  return Buffer.from(bytes.subarray(0, META_WINDOW)).toString("latin1").match(META_CHARSET)?.[1]?.toLowerCase();
}

/** The WHATWG decoder for a label ("latin1" → windows-1252), or undefined for a label it does not know. */
function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

export function decodeHtml(bytes: Uint8Array, place: Place): Decoded {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const charset = hasBom ? undefined : declaredCharset(bytes);
  if (charset === undefined) return decodeText(bytes, place);
  const decoder = decoderFor(charset);
  if (decoder === undefined) return { diagnostics: [diagnose("read/corrupt", { format: "HTML page", reason: `its charset "${charset}" is not one this reader knows` }, place)] };
  // a meta readable as ASCII cannot be UTF-16 (Word's "charset=unicode" on a page saved in another encoding): HTML reads it as UTF-8
  if (decoder.encoding === "utf-8" || decoder.encoding.startsWith("utf-16")) return decodeText(bytes, place);
  return { text: decoder.decode(bytes), diagnostics: [] };
}
