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

export function decodeHtml(bytes: Uint8Array, place: Place): Decoded {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const charset = hasBom ? undefined : declaredCharset(bytes);
  if (charset === undefined || charset === "utf-8" || charset === "utf8") return decodeText(bytes, place);
  try {
    return { text: new TextDecoder(charset).decode(bytes), diagnostics: [] };
  } catch {
    return { diagnostics: [diagnose("read/corrupt", { format: "HTML page", reason: `its charset "${charset}" is not one this reader knows` }, place)] };
  }
}
