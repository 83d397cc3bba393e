import { diagnose } from "../diagnostics/rules.ts";
import type { Rule } from "./context.ts";

// XML 1.0 allows tab, line feed and carriage return among the C0 controls, and no others (nor U+FFFE/FFFF,
// nor a surrogate without its pair).
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A control character would make the DOCX/XLSX XML unreadable: an error, before anything is written. */
export const checkControlCharacters: Rule = (_decision, _env, texts) =>
  texts.flatMap(([path, text]) => {
    const found = FORBIDDEN.exec(text);
    return found ? [diagnose("model/control-character", { code: found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0") }, { path })] : [];
  });
