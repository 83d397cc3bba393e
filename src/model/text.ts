/** Text helpers shared by the importer, the resolver and the renderers. */

/**
 * Lower case without diacritics, đ → d, spaces collapsed: a key for matching, never for output.
 * Keeps one output character per input character (before space collapsing) so that offsets can be mapped.
 */
export function foldChar(ch: string): string {
  if (ch === "đ" || ch === "Đ") return "d";
  return ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().charAt(0) || ch;
}

export function foldVietnamese(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) out += foldChar(ch);
  return out.replace(/[\s\u00a0]+/g, " ").trim();
}

/** ASCII slug for file and folder names: diacritics removed, đ → d, only [a-z0-9-]. */
export function slugify(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80) || "unnamed";
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/** True when the text has letters and none of them is lower case. */
export function isAllCaps(text: string): boolean {
  return UPPER.test(text) && !LOWER.test(text);
}
