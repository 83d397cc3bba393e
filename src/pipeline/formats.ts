/** The formats every document is written in: DOCX to edit in Word before signing, PDF to publish and send. */
export const OUTPUT_FORMATS = ["docx", "pdf"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** "docx,pdf" → the formats in their canonical order; undefined with the unknown names when one is not a format. */
export function parseFormats(text: string): { formats: OutputFormat[] } | { unknown: string[] } {
  const names = text.split(",").map((name) => name.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((name) => !(OUTPUT_FORMATS as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) return { unknown: unknown.length > 0 ? unknown : [text] };
  return { formats: OUTPUT_FORMATS.filter((format) => names.includes(format)) };
}
