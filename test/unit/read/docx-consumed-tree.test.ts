/**
 * Reading the main part takes its tree apart as it goes (ReadContext.consumesTree): a table lets go of each
 * row's nodes once the row is read, so a long table's tree and what is read from it are not both held whole.
 * Other parts' trees (cached, read again) stay as parsed.
 */
import { describe, expect, it } from "vitest";
import { partContext, readBlocks, type Block } from "../../../src/read/docx/ooxml/blocks.ts";
import { ListCounters, readNumbering } from "../../../src/read/docx/ooxml/numbering.ts";
import { openDocxPackage } from "../../../src/read/docx/ooxml/package.ts";
import { StyleSheet } from "../../../src/read/docx/ooxml/styles.ts";
import { childrenOf, findAll, parseXml, type XmlNode } from "../../../src/read/docx/ooxml/xml.ts";
import { collectGarbage } from "../../../src/write/collect-garbage.ts";
import { packDocx, p, r, sectPr } from "../../support/fixture/ooxml-package.ts";

const row = (text: string, extra = "") => `<w:tr><w:tc>${p(r(text))}</w:tc><w:tc>${p(`${r(`${text} b`)}${extra}`)}</w:tc></w:tr>`;
const TEXT_BOX = `<w:r><w:pict><w:txbxContent>${p(r("hộp"))}</w:txbxContent></w:pict></w:r>`;
const table = (rows: string) => `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="6000"/></w:tblGrid>${rows}</w:tbl>`;
/** the body with its table: the first three rows, then a fourth holding a text box, inside a content control */
const BODY = `<w:body>${table(`${row("một")}${row("hai")}<w:sdt><w:sdtContent>${row("ba")}${row("bốn", TEXT_BOX)}</w:sdtContent></w:sdt>`)}${sectPr()}</w:body>`;
const DOCUMENT = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${BODY}</w:document>`;

const pkg = openDocxPackage(packDocx({ body: BODY }));
const styles = new StyleSheet(pkg);
const lists = readNumbering(pkg);
const bodyOf = (tree: XmlNode[]) => findAll(tree, "w:body")[0]!;
const cellTexts = (blocks: readonly Block[]) =>
  blocks.flatMap((b) => (b.kind === "table" ? b.table.rows.map((row) => row.cells.map((c) => c.paragraphs.map((x) => x.text).join(" "))) : []));

describe("a consuming reading of the main part", () => {
  it("reads what a reading that keeps the tree reads, and leaves the table's node without its rows", () => {
    const kept = parseXml(DOCUMENT);
    const read = readBlocks(childrenOf(bodyOf(kept)), partContext(styles, pkg.mainPart, new ListCounters(lists)));
    expect(parseXml(DOCUMENT)).toEqual(kept);

    const consumed = parseXml(DOCUMENT);
    const taken = readBlocks(childrenOf(bodyOf(consumed)), partContext(styles, pkg.mainPart, new ListCounters(lists), true));
    expect(taken).toEqual(read);
    expect(cellTexts(taken)).toEqual([["một", "một b"], ["hai", "hai b"], ["ba", "ba b"], ["bốn", "bốn b hộp"]]);
    const tbl = findAll(consumed, "w:tbl")[0]!;
    expect(childrenOf(tbl)).toEqual([]);
  });

  it("holds no row it has read: while the last row is read, the first three can be collected", async () => {
    const tree = parseXml(DOCUMENT);
    const rows = findAll(tree, "w:tr").map((tr) => new WeakRef(tr));
    expect(rows).toHaveLength(4);
    // a WeakRef keeps its target until the job that made it ends
    await new Promise((resolve) => setImmediate(resolve));
    const context = partContext(styles, pkg.mainPart, new ListCounters(lists), true);
    let alive: boolean[] | undefined;
    // the text box of the fourth row is read while that row is
    context.readTextbox = (content, outer) => {
      collectGarbage();
      alive = rows.map((ref) => ref.deref() !== undefined);
      return readBlocks(childrenOf(content), { ...outer, table: undefined });
    };
    readBlocks(childrenOf(bodyOf(tree)), context);
    expect(alive).toEqual([false, false, false, true]);
  });
});
