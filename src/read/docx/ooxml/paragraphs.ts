/**
 * A `w:p` read into what it shows: runs with their effective formatting, the displayed text, fields
 * (simple `w:fldSimple` and complex `w:fldChar` begin / instrText / separate / end), drawn line shapes and
 * the paragraphs of its text boxes.
 */
import type { Block } from "./blocks.ts";
import type { ListCounters } from "./numbering.ts";
import { readParaProps, readRunProps } from "./properties.ts";
import { readDrawing, type LineShape } from "./shapes.ts";
import type { ParagraphFormat, RunFormat, StyleContext, StyleSheet } from "./styles.ts";
import { attr, child, childrenOf, tagOf, textOf, type XmlNode } from "./xml.ts";

export interface Run {
  /** w:t text; w:tab → "\t", w:br → "\n" */
  text: string;
  format: RunFormat;
  /** inside a field's code (begin … separate): draws nothing */
  isFieldCode: boolean;
  /** w:footnoteReference: the w:id of the footnote whose number mark the run shows */
  footnoteId?: string;
}

export interface Field {
  /** the instruction, trimmed: "PAGE", "PAGE \* MERGEFORMAT" */
  instruction: string;
  /** the runs of the field: code and result */
  runs: Run[];
}

export interface Paragraph {
  /** the part it belongs to, e.g. "word/document.xml" */
  part: string;
  /** 1-based number in its part, in document order (table cells and text boxes included) */
  index: number;
  /** the text it shows: runs that are neither hidden nor field code */
  text: string;
  runs: Run[];
  format: ParagraphFormat;
  /** the paragraph mark's run formatting: the size an empty paragraph or a run-less field shows */
  markFormat: RunFormat;
  styleId?: string;
  /** part of an automatic list (w:numPr): its number is not in `text` */
  numbered: boolean;
  /** the list label Word shows before the text ("1.\t", "a) ", "-\t"), when the list shows one */
  listLabel?: string;
  fields: Field[];
  lines: LineShape[];
  /** the content of each text box anchored in the paragraph */
  textboxes: Block[][];
  /** the w:sectPr this paragraph closes, for every section but the last */
  sectPr?: XmlNode;
}

/** What reading a part needs: the styles, the part name, the paragraph counter, and the table around. */
export interface ReadContext {
  styles: StyleSheet;
  part: string;
  counter: { next: number };
  /** the part's list counters: numbered paragraphs advance them in reading order */
  lists: ListCounters;
  table?: { styleId: string | undefined };
  /**
   * The part's tree is this reading's own (DocxPackage.xmlToConsume): a table lets go of each row's nodes
   * once the row is read, so the tree and what is read from it are not both held whole.
   */
  consumesTree?: boolean;
  /** reads the block content of a text box (w:txbxContent); supplied by blocks.ts */
  readTextbox: (content: XmlNode, context: ReadContext) => Block[];
}

interface OpenField {
  field: Field;
  inCode: boolean;
}

/** Inline containers whose runs count; deleted revisions (w:del, w:moveFrom) do not. */
const INLINE_CONTAINERS = new Set(["w:hyperlink", "w:smartTag", "w:customXml", "w:ins", "w:moveTo", "w:dir", "w:bdo"]);

class ParagraphBuilder {
  readonly runs: Run[] = [];
  readonly fields: Field[] = [];
  readonly lines: LineShape[] = [];
  readonly textboxes: XmlNode[] = [];
  private readonly open: OpenField[] = [];

  constructor(
    private readonly styles: StyleSheet,
    private readonly styleContext: StyleContext,
  ) {}

  walk(nodes: readonly XmlNode[]): void {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === "w:r") this.run(node);
      else if (tag === "w:fldSimple") this.simpleField(node);
      else if (tag === "w:sdt") this.walk(childrenOf(child(node, "w:sdtContent")));
      else if (tag === "mc:AlternateContent") this.walk(childrenOf(child(node, "mc:Choice")));
      else if (tag !== undefined && INLINE_CONTAINERS.has(tag)) this.walk(childrenOf(node));
    }
  }

  private simpleField(node: XmlNode): void {
    const field: Field = { instruction: (attr(node, "w:instr") ?? "").trim(), runs: [] };
    this.open.push({ field, inCode: false });
    this.walk(childrenOf(node));
    this.open.pop();
    this.fields.push(field);
  }

  private run(r: XmlNode): void {
    const rPr = child(r, "w:rPr");
    const format = this.styles.runFormat(this.styleContext, attr(child(rPr, "w:rStyle"), "w:val"), readRunProps(rPr, this.styles.theme));
    // inside the code of any open field, even as the result of a field nested in that code: not shown
    const run: Run = { text: "", format, isFieldCode: this.open.some((f) => f.inCode) };
    let attachedTo = this.open.at(-1);
    attachedTo?.field.runs.push(run);
    for (const node of childrenOf(r)) {
      const tag = tagOf(node);
      if (tag === "w:t") run.text += textOf(node);
      else if (tag === "w:tab" || tag === "w:ptab") run.text += "\t";
      else if (tag === "w:br" || tag === "w:cr") run.text += "\n";
      else if (tag === "w:noBreakHyphen") run.text += "-";
      else if (tag === "w:footnoteReference") run.footnoteId = attr(node, "w:id");
      else if (tag === "w:instrText" && this.open.length > 0) this.open.at(-1)!.field.instruction += textOf(node);
      else if (tag === "w:fldChar") attachedTo = this.fieldChar(attr(node, "w:fldCharType"), run, attachedTo);
      else if (tag === "w:drawing" || tag === "w:pict") this.drawing(node);
      else if (tag === "mc:AlternateContent") for (const choice of childrenOf(child(node, "mc:Choice"))) this.drawing(choice);
    }
    this.runs.push(run);
  }

  private fieldChar(type: string | undefined, run: Run, attachedTo: OpenField | undefined): OpenField | undefined {
    if (type === "begin") {
      const opened: OpenField = { field: { instruction: "", runs: [run] }, inCode: true };
      this.open.push(opened);
      run.isFieldCode = true;
      return opened;
    }
    const top = this.open.at(-1);
    if (top === undefined) return attachedTo;
    if (top !== attachedTo) top.field.runs.push(run);
    if (type === "separate") top.inCode = false;
    if (type === "end") {
      this.open.pop();
      top.field.instruction = top.field.instruction.trim();
      this.fields.push(top.field);
    }
    return top;
  }

  private drawing(node: XmlNode): void {
    if (tagOf(node) !== "w:drawing" && tagOf(node) !== "w:pict") return;
    const content = readDrawing(node);
    this.lines.push(...content.lines);
    this.textboxes.push(...content.textboxes);
  }

  /** Fields still open at the end of the paragraph (a field spanning paragraphs) are kept as they are. */
  finish(): void {
    for (const { field } of this.open.splice(0)) {
      field.instruction = field.instruction.trim();
      this.fields.push(field);
    }
  }
}

export function readParagraph(p: XmlNode, context: ReadContext): Paragraph {
  const pPr = child(p, "w:pPr");
  const styleId = attr(child(pPr, "w:pStyle"), "w:val");
  const styleContext: StyleContext = {};
  if (context.table) styleContext.table = context.table;
  if (styleId !== undefined) styleContext.paragraphStyleId = styleId;
  const index = context.counter.next++;
  const builder = new ParagraphBuilder(context.styles, styleContext);
  builder.walk(childrenOf(p));
  builder.finish();
  const format = context.styles.paragraphFormat(styleContext, readParaProps(pPr));
  // numbered before the text boxes it anchors are read; numId 0, which takes a paragraph out of its
  // style's list (ECMA-376 17.9.18), names no list: no label
  const listLabel = format.numId === undefined ? undefined : context.lists.label(format.numId, format.listLevel);
  const paragraph: Paragraph = {
    part: context.part,
    index,
    text: builder.runs
      .filter((r) => !r.isFieldCode && !r.format.hidden)
      .map((r) => r.text)
      .join(""),
    runs: builder.runs,
    format,
    markFormat: context.styles.runFormat(styleContext, undefined, readRunProps(child(pPr, "w:rPr"), context.styles.theme)),
    numbered: format.numId !== undefined && format.numId !== "0",
    fields: builder.fields,
    lines: builder.lines,
    textboxes: builder.textboxes.map((content) => context.readTextbox(content, context)),
  };
  if (styleId !== undefined) paragraph.styleId = styleId;
  if (listLabel !== undefined) paragraph.listLabel = listLabel;
  const sectPr = child(pPr, "w:sectPr");
  if (sectPr !== undefined) paragraph.sectPr = sectPr;
  return paragraph;
}
