import type { Diagnostic, Fix, Point, Severity } from "./diagnostic.ts";

/**
 * Every rule of the importer, validator and resolver with its severity, message and hint, in one table
 * keyed by id. Tests assert ids and positions, not this wording. Layout rules of the checker use the
 * ids of spec/layout.md; each rule module in `src/check/rules/` holds its own messages.
 */
type Args = Record<string, string | number>;
interface RuleEntry {
  severity: Severity;
  /** an irregularity of the official text, reported and kept as written: `vanban validate` lists it, `build` counts it */
  keptAsWritten?: true;
  message: (a: Args) => string;
  hint?: (a: Args) => string;
}

export const RULES = {
  "input/unreadable": {
    severity: "error",
    message: (a) => `cannot read the file: ${a.reason}`,
    hint: () => "check the path and the file permissions",
  },
  "input/too-large": {
    severity: "error",
    message: (a) => `the input holds more than ${a.limit} bytes, the limit (reading stopped there)`,
    hint: () => "a decision's text is far smaller: is this the right file?",
  },
  "input/binary": {
    severity: "error",
    message: (a) => `the file is not UTF-8 text (${a.reason})`,
    hint: () => "save the scraped page as UTF-8 plain text",
  },
  "input/empty": {
    severity: "error",
    message: () => "the file has no text",
    hint: () => "pass the scraped text of a decision",
  },
  "input/normalised": {
    severity: "info",
    message: (a) => `the input was normalised: ${a.what}`,
  },
  "model/editorial-recipients": {
    keptAsWritten: true,
    severity: "warning",
    message: () => "Nơi nhận is absent from the source; the model holds an editorial list (recipients.origin: editorial)",
    hint: () => "check the editorial Nơi nhận in the model against the signed original",
  },
  "model/subject-caps": {
    keptAsWritten: true,
    severity: "warning",
    message: (a) => `the trích yếu is written in capitals ("${a.text}"); TITLE-SUBJECT asks for sentence case`,
    hint: () => "kept as written; edit `subject` in the model if the signed original is in sentence case",
  },
  "appendix/group-sequence": {
    keptAsWritten: true,
    severity: "warning",
    message: (a) => `group label "${a.found}" where "${a.expected}" was expected`,
    hint: (a) => `kept as written; \`vanban validate --fix\` (or \`import --fix\`) renumbers it to "${a.expected}"`,
  },
  "appendix/empty-number": {
    keptAsWritten: true,
    severity: "warning",
    message: (a) => `row with an empty STT after row ${a.previous}; letters cite it as ${a.fixed} after the number above`,
    hint: (a) => `kept empty as written; \`vanban validate --fix\` (or \`import --fix\`) writes "${a.fixed}" into the STT`,
  },
  "appendix/number-sequence": {
    keptAsWritten: true,
    severity: "warning",
    message: (a) => `task STT "${a.found}" where "${a.expected}" was expected`,
  },
  "text/known-typo": {
    keptAsWritten: true,
    severity: "warning",
    message: (a) => `"${a.found}" — ${a.reason}`,
    hint: (a) => `kept as written; \`vanban validate --fix\` (or \`import --fix\`) changes it to "${a.fixed}"`,
  },
  "text/doubled-phrase": {
    keptAsWritten: true,
    severity: "warning",
    message: (a) => `"${a.found}": the words "${a.phrase}" twice in a row`,
    hint: () => "kept as written; `vanban validate --fix` (or `import --fix`) keeps them once",
  },
  "deadline/unknown-form": {
    severity: "warning",
    message: (a) => `deadline "${a.text}" has no known form; no due date is set`,
    hint: () => 'known forms: "Quý I", "Tháng 3", "30/6/2013", "6 tháng đầu năm", "Trước ngày …", "Chậm nhất đến cuối năm 2013", "Thường xuyên"; or pin a date in `overrides` (field: deadline)',
  },
  "deadline/before-issue": {
    severity: "warning",
    message: (a) => `task ${a.ref}: "${a.text}" falls on ${a.due}, before the document's date (${a.issued})`,
    hint: () => "check the deadline's wording or the appendix's planYear",
  },
  "deadline/empty": {
    severity: "warning",
    message: (a) => `task ${a.ref} has no deadline`,
  },
  "agency/unlisted": {
    severity: "warning",
    message: (a) => `"${a.phrase}" (task ${a.ref}) is in no agency directory: its letter is named and addressed as written`,
    hint: () => "add the agency (or an alias) to the directory the model names, or pin the agencies in `overrides`",
  },
  "agency/unspecified": {
    severity: "info",
    message: (a) => `"${a.phrase}" names no particular agency; no letter is addressed for it`,
  },
  "agency/qualified-group": {
    severity: "info",
    message: (a) => `"${a.phrase}" narrows a group ("${a.group}"); every member of the group is addressed`,
  },
  "cli/unknown-format": {
    severity: "error",
    message: (a) => `unknown output format "${a.formats}"`,
    hint: () => "--formats takes docx, pdf or docx,pdf",
  },
  "agency/unknown-id": {
    severity: "error",
    message: (a) => `agency id "${a.id}" is not in the directory`,
    hint: () => "use an id from the agency directory, or remove `agencies` to resolve from the text",
  },
  "agency/lead-empty": {
    severity: "error",
    message: (a) => `task ${a.ref} has no lead agency (chủ trì)`,
    hint: () => "fill the lead cell",
  },
  "agency/lead-none": {
    severity: "error",
    message: (a) => `the lead cell of task ${a.ref} ("${a.text}") names no particular agency, so no letter would assign it`,
    hint: () => "name the lead agency in the cell, or pin it in `overrides` (task, field: lead, text as written, agencies)",
  },
  "model/yaml": {
    severity: "error",
    message: (a) => `YAML syntax: ${a.reason}`,
  },
  "model/migrated": {
    severity: "warning",
    message: (a) => `the model is written in schema ${a.from}; it was read as schema ${a.to} (positions in it are not shown)`,
    hint: (a) => `\`vanban migrate ${a.file}\` rewrites the file in schema ${a.to}, keeping every value`,
  },
  "model/schema-version": {
    severity: "error",
    message: (a) => `schemaVersion "${a.found}" is not one this vanban reads (it reads "${a.known}")`,
    hint: () => "a newer vanban wrote this file: update vanban, or write schemaVersion as this version knows it",
  },
  "model/body-missing": {
    severity: "error",
    message: () => "the document has no body: neither `articles` (Điều 1, …) nor `content` (sections I., II., …)",
    hint: () => "a Quyết định or Nghị quyết writes its articles; a Kế hoạch or Chỉ thị writes `content`",
  },
  "appendix/span-covered-cell": {
    severity: "error",
    message: (a) => `the ${a.column} cell of a row above is merged down over this row, which writes its own`,
    hint: () => "leave the cell out of the rows a merged cell covers, or shorten its span",
  },
  "appendix/span-too-long": {
    severity: "error",
    message: (a) => `the ${a.column} cell is merged down over ${a.span} rows, past the next group row or the end of the table`,
    hint: () => "a merged cell ends before the next group row: shorten the span",
  },
  "appendix/span-unknown-column": {
    severity: "error",
    message: (a) => `span names "${a.key}", which is no column of the table`,
    hint: () => "name a column by its role (lead, support, deadline …) or, for a column without one, by its label",
  },
  "appendix/too-deep": {
    severity: "error",
    message: (a) => `groups and sub-rows nest deeper than ${a.limit} levels here`,
    hint: () => "an appendix nests three or four levels (I / 1 / a): check the indentation of `items:` and `rows:`",
  },
  "limit/tasks": {
    severity: "error",
    message: (a) => `the model has ${a.count} tasks, over the limit of ${a.limit} (this is the first task past it)`,
    hint: () => "split the plan into several models (one per appendix, or per group), each built on its own",
  },
  "limit/appendix-rows": {
    severity: "error",
    message: (a) => `the appendix has more than ${a.limit} rows (groups and sub-rows included), the limit; this is the first row past it`,
    hint: () => "split the appendix into several appendices or models",
  },
  "limit/agencies": {
    severity: "error",
    message: (a) => `the cells name more than ${a.limit} agencies, the limit of letters one build writes; this task names the first one past it`,
    hint: () => "name a collective addressee (\"UBND cấp xã\") instead of each unit, or split the model",
  },
  "limit/letter-rows": {
    severity: "error",
    message: (a) => `the letters would list more than ${a.limit} task rows in all, the limit; this task is the first past it`,
    hint: () => "a group in every cell (\"Các Sở\") lists each task in every letter: name the agencies that act, or split the model",
  },
  "limit/model-text": {
    severity: "error",
    message: (a) => `the model holds more than ${a.limit} characters of text, the limit; this text is the first past it`,
    hint: () => "split the plan into several models (one per appendix, or per group)",
  },
  "limit/text": {
    severity: "error",
    message: (a) => `this ${a.what === "line" ? "text" : a.what} holds ${a.length} characters, over the limit of ${a.limit} for a ${a.what}`,
    hint: (a) =>
      a.what === "cell"
        ? "split the row into several rows or sub-rows (`rows:`), or move the detail into an attached document"
        : a.what === "paragraph"
          ? "split the text into several paragraphs or items"
          : "this text is a line or two on the page (a trích yếu, a heading, a name): is the right text in this field?",
  },
  "limit/line-breaks": {
    severity: "error",
    message: (a) => `this ${a.what === "line" ? "text" : a.what} has ${a.breaks} line breaks, over the limit of ${a.limit}`,
    hint: () => "a cell or paragraph is a few lines: split it into rows or paragraphs (a pasted list? one item each)",
  },
  "limit/long-word": {
    severity: "error",
    message: (a) => `"${a.start}…" at character ${a.at} runs ${a.length} characters without a space, over the limit of ${a.limit} (it could not be laid out in minutes)`,
    hint: () => "put spaces into it (a pasted table or a URL gone wrong?)",
  },
  "appendix/empty-content": {
    severity: "warning",
    message: (a) => `task ${a.ref} has no content: its letter would list a row without a task`,
    hint: () => "fill the content cell",
  },
  "agency/directory-place": {
    severity: "warning",
    message: (a) => `the document is issued in ${a.issuerPlace}, but the agency directory "${a.directory}" lists the agencies of ${a.directoryPlace}: its letters would go to ${a.directoryPlace}'s agencies`,
    hint: () => "derive a directory for this issuer (`vanban directory model.yaml -o agencies.yaml`), check it, and name it in the model (`directory: agencies.yaml`) or pass --directory",
  },
  "cli/unknown-agency": {
    severity: "error",
    message: (a) => `--agency "${a.query}" names no agency with a letter in this build`,
    hint: (a) => `give an id, a name, an alias, a packet folder or a group${a.suggestions ? `; did you mean: ${a.suggestions}?` : ""}`,
  },
  "model/recipients-punctuation": {
    severity: "warning",
    keptAsWritten: true,
    message: (a) => `the Nơi nhận line "${a.line}" does not end with "${a.expected}" (RECIP-ITEMS)`,
    hint: () => "kept as written, but the build's layout check refuses a Nơi nhận that breaks RECIP-ITEMS: `--fix` (validate or import) ends the line with the mark, or correct it by hand, or build with --no-check",
  },
  "model/signer-prefix": {
    severity: "warning",
    keptAsWritten: true,
    message: (a) => `the capacity line "${a.line}" starts with "${a.found}"; SIGN-PREFIX writes TM., KT., Q., TL. or TUQ.`,
    hint: () => "kept as written; correct the line if the signed original has the prefix with its dot",
  },
  "model/signer-title": {
    severity: "warning",
    message: (a) => `the signer has capacity lines only (${a.lines}), no title line such as "CHỦ TỊCH"`,
    hint: () => 'add the title line: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH"',
  },
  "override/unknown-task": {
    severity: "error",
    message: (a) => `override for task "${a.ref}": no task has that ref`,
    hint: () => "use the ref the letters cite (`vanban validate --json` lists them), or remove the override",
  },
  "override/duplicate": {
    severity: "error",
    message: (a) => `two overrides pin the ${a.field} of task ${a.ref}`,
    hint: () => "keep one",
  },
  "override/stale": {
    severity: "error",
    message: (a) => `the override of task ${a.ref}'s ${a.field} was written for "${a.pinned}", but the cell now reads "${a.current}"`,
    hint: () => "check that the pinned value still holds and set `text` to the cell as it reads now, or remove the override",
  },
  "override/contradicts": {
    severity: "error",
    message: (a) => `the override of task ${a.ref}'s ${a.field} pins ${a.pinned}, but "${a.text}" says ${a.derived}`,
    hint: () => "the text wins: correct the cell, or remove the override",
  },
  "override/redundant": {
    severity: "warning",
    message: (a) => `the override of task ${a.ref}'s ${a.field} repeats what the text says`,
    hint: () => "remove it: the value is derived from the text at every build",
  },
  "override/missing-value": {
    severity: "error",
    message: (a) => `the override gives no \`${a.field}\``,
    hint: () => "an override of lead/support gives `agencies`; of deadline, `due`",
  },
  "model/schema": {
    severity: "error",
    message: (a) => `${a.reason}`,
    hint: () => "see schema/decision.schema.json (editors with the YAML language server check it as you type)",
  },
  "model/not-nfc": {
    severity: "warning",
    message: () => "text is not in Unicode NFC; it is normalised when read",
    hint: () => "save the file with NFC text (precomposed Vietnamese letters)",
  },
  "model/control-character": {
    severity: "error",
    message: (a) => `text holds the control character U+${a.code}, which DOCX and XLSX cannot store`,
    hint: () => "remove it (it usually comes from a copy-paste)",
  },
  "model/number-format": {
    keptAsWritten: true,
    severity: "warning",
    message: (a) => `number "${a.number}" below 10 must be written with a leading zero (HDR-NUMBER)`,
  },
  "model/symbol-format": {
    severity: "warning",
    message: (a) => `ký hiệu "${a.symbol}" ${a.reason} (HDR-NUMBER)`,
  },
  "model/legal-basis-punctuation": {
    keptAsWritten: true,
    severity: "info",
    message: (a) => `căn cứ ${a.index} ends with "${a.found}"; BODY-BASIS expects "${a.expected}" (kept as written)`,
  },
  "model/body-end": {
    keptAsWritten: true,
    severity: "warning",
    message: () => 'the last article does not end with "./." (BODY-END)',
  },
  "model/point-sequence": {
    keptAsWritten: true,
    severity: "warning",
    message: (a) => `point "${a.found}" where "${a.expected}" comes next in the Vietnamese order (BODY-POINT: a b c d đ e g …)`,
    hint: () => "kept as written, but the build's layout check refuses it: relabel the points of that list in order by hand, or build with --no-check",
  },
  "model/point-letter": {
    keptAsWritten: true,
    severity: "warning",
    message: (a) => `point label "${a.label}" is outside the Vietnamese sequence (BODY-POINT)`,
  },
  "letters/report-via-unknown": {
    severity: "error",
    message: (a) => `letters.reportVia "${a.id}" is not an agency id of the directory`,
    hint: () => "use the id of the agency reports go through, as in the agency directory (data/agencies-quang-nam-2013.yaml or --directory), e.g. so-noi-vu; or remove reportVia",
  },
  "model/letters-missing": {
    severity: "warning",
    message: () => "the model has no `letters` settings; the build writes no assignment letters or packets",
    hint: () => "add `letters:` (number, symbol, date, subject, signer, archive) to the model",
  },
  // --- readers of source documents (src/read, issue #15) ---
  "read/empty": {
    severity: "error",
    message: () => "the file is empty",
  },
  "read/legacy-office": {
    severity: "error",
    message: () => "the file is a legacy Word or Excel document (.doc/.xls, an OLE2 compound file), which is not read",
    hint: () => "save it as .docx/.xlsx in Word or Excel (or convert it: `soffice --headless --convert-to docx <file>`)",
  },
  "read/encrypted": {
    severity: "error",
    message: () => "the document is password-protected (an encrypted Office package)",
    hint: () => "remove the password in Word (File → Info → Protect Document) and save it again",
  },
  "read/pdf": {
    severity: "error",
    message: () => "the file is a PDF; its text is not read",
    hint: () => "use the document the PDF was made from (.docx), or the page's HTML or text; Word opens a PDF and saves it as .docx",
  },
  "read/image": {
    severity: "error",
    message: (a) => `the file is a ${a.kind} image, not a document`,
    hint: () => "use the document itself (.docx, or the page's HTML or text); a scan needs text recognition (OCR) first",
  },
  "read/unknown-package": {
    severity: "error",
    message: (a) => `the file is a zip package but neither a DOCX nor an XLSX${a.what}`,
    hint: () => "save the document as .docx (Word or LibreOffice: Save as…, Word Document)",
  },
  "read/corrupt": {
    severity: "error",
    message: (a) => `the ${a.format} cannot be read: ${a.reason}`,
    hint: () => "open it in Word or LibreOffice and save it again",
  },
  "read/too-large": {
    severity: "error",
    message: (a) => `${a.reason}; nothing was unpacked`,
    hint: () => "a document is far smaller: the file is damaged, or built to exhaust memory (a zip bomb)",
  },
  "read/utf16": {
    severity: "info",
    message: (a) => `the text is UTF-16 (${a.how}); it was decoded as such`,
    hint: () => "save it as UTF-8 to be sure of the encoding",
  },
  "read/binary": {
    severity: "error",
    message: (a) => `the file holds binary data (${a.reason}) and is no document format vanban reads`,
    hint: () => "pass a .docx, an HTML page, or the page's text saved as UTF-8",
  },
  "read/invalid-utf8": {
    severity: "error",
    message: (a) => `the text is not valid UTF-8: byte 0x${a.byte} at offset ${a.offset} (line ${a.line})`,
    hint: () => "it is probably Windows-1258 or Windows-1252 (an old Vietnamese or Western code page): open it in a text editor and save it as UTF-8",
  },
  "read/xlsx-uncached-formula": {
    severity: "warning",
    message: (a) => `${a.count} formula cell(s) of sheet "${a.sheet}" hold no saved result (first: ${a.first}); they are read as empty`,
    hint: () => "open the workbook in Excel or LibreOffice and save it again: that stores the formulas' results",
  },
  "read/no-content": {
    severity: "error",
    message: (a) => `no document text was found in the ${a.format}`,
    hint: () => "is this the page or file of the document itself?",
  },
  // --- the output folder, the file system and the command line (issue #17) ---
  // The recognizer (src/recognize): a source document of any format → the model.
  "recognize/header-issuer": {
    severity: "error",
    message: (a) => `no issuer lines in capitals were found in the header (searched ${a.searched})`,
    hint: () => 'the header starts with the issuer, e.g. "ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG NAM", left of or above the Quốc hiệu',
  },
  "recognize/header-number": {
    severity: "error",
    message: (a) => `no "Số: …/…" line was found in the header (searched ${a.searched})`,
    hint: () => 'the header holds the number and ký hiệu, e.g. "Số: 503/QĐ-UBND" (a draft: "Số:      /KH-UBND")',
  },
  "recognize/header-date": {
    severity: "error",
    message: (a) => `no place-date line ("<nơi>, ngày … tháng … năm …") was found in the header (searched ${a.searched})`,
    hint: () => 'the header holds e.g. "Quảng Nam, ngày 06 tháng 02 năm 2013" (a draft: "ngày      tháng 3 năm 2026")',
  },
  "recognize/header-place": {
    severity: "error",
    message: () => 'the date line names no place before ", ngày"',
    hint: () => 'write the place as the date line has it, e.g. "Quảng Nam, ngày 06 tháng 02 năm 2013"',
  },
  "recognize/invalid-date": {
    severity: "error",
    message: (a) => `"${a.text}" is not a calendar date (or gives a day without its month)`,
    hint: () => "correct the day or the month in the source",
  },
  "recognize/no-national-name": {
    severity: "warning",
    message: (a) => `no Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in the header (searched ${a.searched})`,
    hint: () => "the documents vanban builds print it (HDR-QH); check that the source is the whole document",
  },
  "recognize/no-motto": {
    severity: "warning",
    message: (a) => `no Tiêu ngữ "Độc lập - Tự do - Hạnh phúc" under the Quốc hiệu (searched ${a.searched})`,
    hint: () => "the documents vanban builds print it (HDR-TN)",
  },
  "recognize/draft-number": {
    severity: "info",
    message: (a) => `the number before "/${a.symbol}" is blank: a draft; the model leaves it for the văn thư`,
  },
  "recognize/draft-date": {
    severity: "info",
    message: (a) => `the date line leaves the day${String(a.date).length === 4 ? " and the month" : ""} blank: a draft dated ${a.date}`,
  },
  "recognize/title": {
    severity: "error",
    message: (a) => `no document type in capitals after the header (found "${a.found}")`,
    hint: (a) => `the title block starts with the type on a line of its own: ${a.types}, …`,
  },
  "recognize/subject": {
    severity: "error",
    message: (a) => `the ${a.type} has no trích yếu under its type line`,
  },
  "recognize/decision-preamble": {
    severity: "warning",
    message: (a) => `${a.count} paragraph(s) before "QUYẾT ĐỊNH:" are neither căn cứ nor the proposal; kept in \`preamble\``,
    hint: () => "check them in the model: a căn cứ split over two paragraphs, or text the source put there",
  },
  "recognize/body": {
    severity: "error",
    message: (a) => `the ${a.type} has no body: no "QUYẾT ĐỊNH:" with articles, and no sections or paragraphs before the signature`,
  },
  "recognize/articles": {
    severity: "error",
    message: () => 'no "Điều 1." was found after "QUYẾT ĐỊNH:"',
    hint: () => 'each article starts a paragraph with "Điều N."',
  },
  "recognize/article-sequence": {
    severity: "warning",
    keptAsWritten: true,
    message: (a) => `"Điều ${a.found}" follows "Điều ${a.previous}"`,
    hint: () => "kept as written; check the numbering in the source",
  },
  "recognize/before-articles": {
    severity: "warning",
    message: (a) => `"${a.text}" stands between "QUYẾT ĐỊNH:" and "Điều 1." and is not in the model`,
  },
  "recognize/body-table": {
    severity: "warning",
    message: (a) => `a table of ${a.rows} row(s) in the body is not in the model (the body holds paragraphs only)`,
    hint: () => "move a task table into an appendix (PHỤ LỤC) to have it read, or add its content to the model by hand",
  },
  "recognize/signer": {
    severity: "error",
    message: () => 'no signature block after the body (a capacity line such as "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH" or "CHỦ TỊCH", then the name)',
    hint: () => "the signer's capacity and name close the document (SIGN-PREFIX, SIGN-NAME)",
  },
  "recognize/signer-name": {
    severity: "error",
    message: (a) => `the signature block "${a.capacity}" has no name under it`,
    hint: () => "the signer's name stands under the capacity lines (SIGN-NAME)",
  },
  "recognize/no-archive": {
    severity: "warning",
    message: () => 'the Nơi nhận has no "Lưu: …" line; the model holds "Lưu: VT."',
    hint: () => 'the last recipient is the archive, e.g. "- Lưu: VT, NC." (RECIP-ITEMS)',
  },
  "recognize/appendix-no-table": {
    severity: "warning",
    message: (a) => `${a.heading} has no table; it is not in the model`,
    hint: () => "an appendix of text only is not modelled yet: keep it beside the model",
  },
  "recognize/appendix-title": {
    severity: "error",
    message: (a) => `${a.heading} has no title line before its table`,
    hint: () => "the title stands under the heading in capitals (APX-TITLE)",
  },
  "recognize/appendix-reference": {
    severity: "warning",
    message: (a) => `${a.heading} has no "(Kèm theo …)" reference line`,
    hint: () => 'APX-REF: e.g. "(Kèm theo Quyết định số 503/QĐ-UBND ngày 06 tháng 02 năm 2013 của …)"',
  },
  "recognize/appendix-text": {
    severity: "warning",
    message: (a) => `"${a.text}" between the appendix's reference line and its table is not in the model`,
  },
  "recognize/appendix-in-closing": {
    severity: "warning",
    message: (a) => `"${a.heading}" stands in a cell of the table beside the signature (the source joined the two tables); the appendix is not read`,
    hint: () => "in a scrape, a blank line between the signature's table and the appendix separates them; or import the document's Word file",
  },
  "recognize/appendix-split": {
    severity: "warning",
    message: (a) => `${a.heading} holds another table under "${a.title}"; the model keeps it as an appendix of its own with the same heading, titled by that line`,
    hint: () => "check the headings of these appendices in the model",
  },
  "recognize/kept-column": {
    severity: "info",
    message: (a) => `column "${a.label}" has no role; kept by its label as written`,
  },
  "recognize/duplicate-column": {
    severity: "warning",
    message: (a) => `column "${a.label}" reads as a second ${a.role} column; kept by its label`,
    hint: () => "give it a role by hand if it is the main one",
  },
  "recognize/unlabelled-column": {
    severity: "warning",
    message: (a) => `column ${a.column} has no header; kept as "${a.label}"`,
  },
  "recognize/no-lead-column": {
    severity: "info",
    message: () => "the table has no lead (chủ trì) column: an appendix that assigns no tasks and makes no letters",
    hint: () => 'a task table names its lead in a column such as "CƠ QUAN CHỦ TRÌ"',
  },
  "recognize/optional-column-absent": {
    severity: "info",
    message: (a) => `the task table has no ${a.role} column`,
  },
  "recognize/column-numbers-row": {
    severity: "info",
    message: () => "the row of column numbers under the header is not a row of the appendix",
  },
  "recognize/empty-row": {
    severity: "info",
    message: () => "an empty table row is left out",
  },
  "recognize/repeated-header": {
    severity: "info",
    message: () => "the header row repeated inside the table is left out",
  },
  "recognize/case-restored": {
    severity: "warning",
    message: (a) => `the trích yếu is in capitals with "${a.found}" for "${a.written}", which no official text writes in capitals: the site put it in capitals; restored to sentence case with the dictionary: "${a.text}"`,
    hint: () => "check `subject` against the signed original (the words restored are those of src/recognize/case-dictionary.ts)",
  },
  "recognize/elided": {
    severity: "warning",
    message: (a) => `"${a.text}" inside the table: the page leaves rows out here; the rows after it are read as the table's continuation`,
    hint: () => "copy the missing rows from the signed original (or the site's full text) into the model",
  },
  "recognize/group-cells": {
    severity: "warning",
    message: (a) => `group row ${a.label} holds "${a.text}" under "${a.column}" beside its title; a group keeps only its label and title, so the cell is not in the model`,
    hint: () => "if the cell matters, add it to the group's title in the model",
  },
  "recognize/scrape-row-misaligned": {
    severity: "error",
    message: (a) => `"${a.found}" does not start a row of the ${a.columns}-column table (a row starts with its STT, empty or a numeral)`,
    hint: (a) => `a cell is missing or extra in the row above at line ${a.previousLine}; the scrape has one paragraph per cell`,
  },
  "recognize/scrape-row-truncated": {
    severity: "error",
    message: (a) => `the last row has ${a.cells} of ${a.columns} cells: the table is cut off`,
    hint: () => "scrape the whole page again",
  },
  "recognize/attachment-empty": {
    severity: "warning",
    message: (a) => `the attached ${a.type} has no content after its title; it is not in the model`,
  },
  "recognize/run-on-lines": {
    severity: "info",
    message: (a) => `lines run together (a crawler's text) were split into ${a.count} more, where a date line, a type, a reference line or a signature starts; the words are kept`,
  },
  "recognize/footnotes": {
    severity: "info",
    message: (a) => `the document has ${a.count} footnote(s); the model holds no footnotes, and their marks are left out of the text`,
    hint: () => "add what they say to the model by hand where it matters",
  },
  "recognize/normalised": {
    severity: "info",
    message: () => "the text was converted to Unicode NFC",
  },
  "directory/nothing-to-derive": {
    severity: "error",
    message: () => "no task cell of the model names an agency (no lead or support column with text): there is no directory to derive",
    hint: () => "a model without letters needs no directory of its own; for a plan with tasks, check that its appendix has its Chủ trì and Phối hợp columns",
  },
  "recognize/labelled-tasks": {
    severity: "warning",
    message: (a) => `${a.count} task(s) are assigned in the text as labelled lines ("Đơn vị chủ trì: …"), not in an appendix table: the model keeps them as text, so no letter lists them`,
    hint: () => "to send letters for them, add an appendix table of these tasks to the model (STT, Nội dung, Chủ trì, Phối hợp, Thời gian), or send them by hand",
  },
  "recognize/unread": {
    severity: "info",
    message: (a) => `${a.count} block(s) after the closing are neither an appendix nor an attached document and are not in the model (first: "${a.first}")`,
    hint: () => "a site's notices or related-document lists; check that nothing of the document is among them",
  },
  "recognize/workbook-document": {
    severity: "warning",
    message: () => "the workbook holds appendices only: the document's number, date and type come from the appendix's reference line where it names them; its issuer, subject, body and signer are placeholders (…)",
    hint: () => "fill in the document part from the signed original, or merge the workbook into the decision's model: `vanban import <workbook.xlsx> --update <model.yaml>`",
  },
  "recognize/workbook-heading": {
    severity: "warning",
    message: (a) => `sheet "${a.sheet}" has no "PHỤ LỤC" heading above its table; the appendix is headed "${a.heading}" (editorial)`,
    hint: () => "check the heading in the model against the signed original",
  },
  "recognize/workbook-title": {
    severity: "warning",
    message: (a) => `sheet "${a.sheet}" has no title line above its table; the appendix is titled "${a.title}" (editorial)`,
    hint: () => "put the appendix's title in the model (appendices.N.title) as the signed original writes it",
  },
  "recognize/workbook-numbered-rows": {
    severity: "info",
    message: (a) => `sheet "${a.sheet}": ${a.count} row(s) hold only an STT (${a.first} to ${a.last}) and are left out: a numbered template, no tasks`,
  },
  "recognize/workbook-total-rows": {
    severity: "info",
    message: (a) => `sheet "${a.sheet}": ${a.count} totals row(s) ("${a.text}" at ${a.first}) left out: sums are no rows of the appendix`,
  },
  "recognize/workbook-extract": {
    severity: "warning",
    message: (a) => `sheet "${a.sheet}" holds one agency's tasks only ("${a.line}"), not the whole appendix`,
    hint: () => "import the whole appendix workbook (the build's appendix .xlsx); `--update` refuses an extract, which would remove every other task",
  },
  "recognize/workbook-hidden-rows": {
    severity: "warning",
    message: (a) => `sheet "${a.sheet}" has ${a.count} hidden row(s) in its table (filtered out or hidden); they are read as rows like the others`,
    hint: () => "unhide the rows in Excel (or clear the filter) to see them; delete the rows that are no part of the appendix",
  },
  "recognize/workbook-hidden-columns": {
    severity: "warning",
    message: (a) => `sheet "${a.sheet}" has ${a.count} hidden column(s) with text in its table (${a.columns}); they are read as columns like the others`,
    hint: () => "unhide the columns in Excel to see what they hold; delete a column that is no part of the appendix",
  },
  "recognize/workbook-hidden-sheet": {
    severity: "info",
    message: (a) => `sheet "${a.sheet}" is hidden and is not read`,
  },
  "recognize/workbook-sheet-skipped": {
    severity: "info",
    message: (a) => `sheet "${a.sheet}" is no appendix (no table header row, or no "PHỤ LỤC" heading where other sheets have one) and is not read`,
  },
  "recognize/workbook-no-table": {
    severity: "error",
    message: () => "no sheet of the workbook holds an appendix table: a header row with an STT column or with appendix column names (Nội dung, Chủ trì, …)",
    hint: () => "is this the workbook of the appendix? A header row (STT, Nội dung, …) must stand within the first 20 rows of a sheet",
  },
  "recognize/model": {
    severity: "error",
    message: (a) => `the recognized model is not valid at ${a.path}: ${a.reason}`,
    hint: () => "this part of the source could not be read into the model; check it at the place given",
  },
  "output/busy": {
    severity: "error",
    message: (a) => `${a.folder} is being written by another build (${a.holder})`,
    hint: (a) => `wait for it to finish or add --wait; if no such build is running, delete ${a.lock}`,
  },
  "output/stale-lock": {
    severity: "warning",
    message: (a) => `took over the lock of a build that is no longer running (${a.holder})`,
    hint: () => "that build was interrupted; what it left half-written was removed and its last complete output kept",
  },
  "output/unwritable": {
    severity: "error",
    message: (a) => `cannot write ${a.path}: ${a.reason}`,
    hint: (a) => `${a.advice}`,
  },
  "import/update-kept-wording": {
    severity: "warning",
    message: (a) => `the workbook's ${a.field} of ${a.appendix} differs from the model's, which is kept: "${a.workbook}" (model: "${a.model}")`,
    hint: () => "--update merges the table only; if the workbook's wording is the official one, edit the model's line to match",
  },
  "import/no-appendix": {
    severity: "error",
    message: (a) => `no appendix was found in ${a.file} to merge into the model`,
    hint: () => "--update takes a workbook (or a document) holding the appendix table: a header row (STT, Nội dung, …) and its rows",
  },
  "output/exists": {
    severity: "error",
    message: (a) => `${a.path} exists; vanban import does not overwrite it (it may be a model edited since)`,
    hint: (a) => `pass --force to replace it, \`--update ${a.path}\` to merge a workbook's appendix into it, or another -o`,
  },
  "output/symlink": {
    severity: "error",
    message: (a) => `${a.path} is a symbolic link; vanban never writes through one`,
    hint: () => "replace the link by a real folder, or pass the folder it points to with -o",
  },
  "input/wrong-command": {
    severity: "error",
    message: (a) => `this file looks like ${a.looksLike}, not ${a.expected}`,
    hint: (a) => `${a.command}`,
  },
  "watch/folder-gone": {
    severity: "warning",
    message: (a) => `the folder of the watched model (${a.folder}) was deleted or moved; watching for it to come back`,
    hint: () => "restore the folder (or the model file) and the next save rebuilds; Ctrl-C stops watching",
  },
  "watch/model-gone": {
    severity: "warning",
    message: () => "the watched model file was deleted; the last good outputs stay",
    hint: () => "save the model again to rebuild",
  },
  "internal/installation-changed": {
    severity: "error",
    message: (a) => `vanban cannot load its own file ${a.file} (${a.reason}): it was reinstalled, upgraded or rebuilt while this command ran`,
    hint: () => "run the command again (restart vanban watch); the previous outputs are kept",
  },
  "internal/bug": {
    severity: "error",
    message: (a) => `vanban failed unexpectedly: ${a.reason}`,
    hint: () => "this is a bug in vanban: please report it with the command line and this message",
  },
} satisfies Record<string, RuleEntry>;

export type RuleId = keyof typeof RULES;

export interface Place {
  file?: string;
  start?: Point;
  end?: Point;
  at?: string;
  path?: (string | number)[];
  fix?: Fix;
}

/** Builds a diagnostic from the table; `severity` may be raised or lowered by the caller's context. */
/** True for the source irregularities that are kept as written (a build only counts them). */
export function isKeptAsWritten(ruleId: string): boolean {
  return (RULES as Record<string, RuleEntry>)[ruleId]?.keptAsWritten === true;
}

export function diagnose(ruleId: RuleId, args: Args, place: Place = {}, severity?: Severity): Diagnostic {
  const rule: RuleEntry = RULES[ruleId];
  const d: Diagnostic = { ruleId, severity: severity ?? rule.severity, message: rule.message(args), ...place };
  if (rule.hint) d.hint = rule.hint(args);
  return d;
}
