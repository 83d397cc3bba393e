/**
 * Long tables written batch by batch, so that docx's object tree (every row, cell, paragraph and run) and its
 * compiled form never hold more than one batch of rows: a 10,000-task appendix built whole took about 800 MB.
 *
 * The document is compiled with each long table as its properties and a slot element where its rows go. Each
 * batch of rows is then compiled as the same table in a document of its own (same options, same section), its
 * `<w:tr>` elements taken from between two marker elements and written into the slot. docx escapes `<` in
 * every text and attribute value, so a marker's tag in its output can only be the marker: the splice cuts
 * docx's own output at elements put there for it, and parses no XML. Cells hold text runs only, nothing that
 * refers to another part (images, numbering, notes) and that a batch's own document would number apart. A
 * batch ends only where no cell merged down crosses, as docx writes the merged-over cells of a table from the
 * cell above them. The bytes are those of the table built whole (test/unit/write/docx/batched-tables.test.ts).
 */
import { Document, Table, XmlComponent, type ITableOptions, type TableRow } from "docx";
import type { SectionPlan, TableNode } from "../../plan/nodes.ts";
import { cuttableRows, partEnd } from "../../plan/table.ts";
import { collectGarbage } from "../collect-garbage.ts";
import { tableOptions, tableRows, type BlockContext, type TableSlots } from "./blocks.ts";
import { documentXmlOf } from "./package-parts.ts";
import type { DocxFont } from "./runs.ts";
import { sectionOptions } from "./section.ts";

/**
 * Rows of a long table built at once: a memory knob, not layout (any value gives the same bytes). Before the
 * collections every ROWS_PER_COLLECTION rows, the 10,000-task decision DOCX peaked near 420 MB with 250, 450 MB
 * with 500, 380 MB with 100 (810 MB whole); each batch costs the compile of a small document of its own (5–10 ms).
 */
export const ROWS_PER_BATCH = 250;
/** Rows between two garbage collections (collect-garbage.ts): a few each for a 10,000-task appendix. */
const ROWS_PER_COLLECTION = 2000;

/** An empty element of a name docx never writes: `<name/>` in the compiled XML. */
class Marker extends XmlComponent {
  constructor(name: string) {
    super(name);
  }
}

const tagOf = (name: string): string => `<${name}/>`;
const BATCH_START = "vanban:batch-start";
const BATCH_END = "vanban:batch-end";

/** The long table in the document: its properties, and the slot its rows are written into. */
class SlotTable extends Table {
  constructor(options: Omit<ITableOptions, "rows">, slotName: string) {
    super({ ...options, rows: [] });
    this.root.push(new Marker(slotName));
  }
}

/** One batch of the table's rows, between the two markers. */
class BatchTable extends Table {
  constructor(options: Omit<ITableOptions, "rows">, rows: TableRow[]) {
    super({ ...options, rows });
    const first = this.root.indexOf(rows[0]);
    if (first < 0) throw new Error("docx's Table does not hold its rows as children");
    this.root.splice(first, 0, new Marker(BATCH_START));
    this.root.push(new Marker(BATCH_END));
  }
}

/** Where the batches of a table end: after at least `rowsPerBatch` rows, at the first row no merged cell runs past. */
export function batchEnds(node: TableNode, rowsPerBatch: number): number[] {
  const cuttable = cuttableRows(node.rows);
  const ends: number[] = [];
  for (let from = 0; from < node.rows.length; from = ends.at(-1)!) ends.push(partEnd(cuttable, from, rowsPerBatch));
  return ends;
}

interface Slot {
  tag: string;
  node: TableNode;
  ctx: BlockContext;
  section: SectionPlan;
}

/** The long tables of one document: slots while the document is built, their rows written in after it is compiled. */
export class TableBatches {
  private readonly slots: Slot[] = [];

  constructor(
    private readonly font: DocxFont,
    private readonly rowsPerBatch: number,
  ) {
    if (!(rowsPerBatch >= 1)) throw new Error(`rows per batch must be at least 1, not ${rowsPerBatch}`);
  }

  /** Takes the long tables of `section` (a batch is compiled in a section like it). */
  inSection(section: SectionPlan): TableSlots {
    return {
      slotFor: (node, ctx) => {
        if (node.rows.length <= this.rowsPerBatch) return undefined;
        const name = `vanban:rows-${this.slots.length}`;
        this.slots.push({ tag: tagOf(name), node, ctx, section });
        return new SlotTable(tableOptions(node, ctx), name);
      },
    };
  }

  /** The compiled document's XML with each slot's rows written in, one batch built at a time. */
  fill(documentXml: string): string {
    const pieces: string[] = [];
    let at = 0;
    for (const slot of this.slots) {
      const found = documentXml.indexOf(slot.tag, at);
      if (found < 0 || documentXml.includes(slot.tag, found + 1)) throw new Error(`the compiled document does not hold ${slot.tag} once`);
      pieces.push(documentXml.slice(at, found));
      let from = 0;
      let collected = 0;
      for (const to of batchEnds(slot.node, this.rowsPerBatch)) {
        pieces.push(this.rowsXml(slot, from, to));
        from = to;
        // what docx built for the batches so far is garbage: let it go every so many rows
        if (to - collected >= ROWS_PER_COLLECTION) {
          collectGarbage();
          collected = to;
        }
      }
      at = found + slot.tag.length;
    }
    pieces.push(documentXml.slice(at));
    return pieces.join("");
  }

  /** The `<w:tr>` elements of rows `from` to `to`, as docx writes them in the whole table. */
  private rowsXml(slot: Slot, from: number, to: number): string {
    const table = new BatchTable(tableOptions(slot.node, slot.ctx), tableRows(slot.node, slot.ctx, from, to));
    const xml = documentXmlOf(new Document({ sections: [sectionOptions(this.font, slot.section, true, [table])] }));
    const start = xml.indexOf(tagOf(BATCH_START));
    const end = xml.indexOf(tagOf(BATCH_END));
    if (start < 0 || end < start) throw new Error("a batch's compiled rows are not between their markers");
    return xml.slice(start + tagOf(BATCH_START).length, end);
  }
}
