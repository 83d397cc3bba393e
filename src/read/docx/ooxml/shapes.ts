/**
 * Drawing objects inside a run: straight line shapes (DrawingML `wps:wsp` with a line geometry, or VML
 * `v:line` / straight connectors) with their widths, and the text boxes whose paragraphs count as text.
 */
import { attr, child, childrenOf, findAll, numberAttr, tagOf, type XmlNode } from "./xml.ts";

const EMU_PER_TWIP = 635;
const LINE_GEOMETRIES = new Set(["line", "straightConnector1"]);
/** VML's straight connector shape type */
const VML_CONNECTOR = /_x0000_t32$/;
const TWIPS_PER_UNIT: Record<string, number> = { pt: 20, in: 1440, cm: 1440 / 2.54, mm: 1440 / 25.4, pc: 240, px: 15, emu: 1 / EMU_PER_TWIP };

export interface LineShape {
  kind: "drawingml" | "vml";
  lengthTwips: number;
  /** a dash preset other than solid */
  dashed: boolean;
  /** floating (wp:anchor / VML absolute) rather than inline */
  anchored: boolean;
  /** wp:positionH of a floating shape: relativeFrom with an alignment or an offset */
  horizontal?: { relativeFrom: string; align?: string; offsetTwips?: number };
}

export interface DrawingContent {
  lines: LineShape[];
  /** w:txbxContent nodes of text boxes */
  textboxes: XmlNode[];
}

/** "159pt" → 3180 twips; a bare number is taken as pixels, as CSS does. */
function cssLengthTwips(value: string | undefined): number | undefined {
  const match = value?.trim().match(/^(-?[\d.]+)\s*(pt|in|cm|mm|pc|px|emu)?$/i);
  if (!match) return undefined;
  return Number(match[1]) * TWIPS_PER_UNIT[(match[2] ?? "px").toLowerCase()]!;
}

function cssProperty(style: string | undefined, name: string): string | undefined {
  return style
    ?.split(";")
    .map((declaration) => declaration.split(":"))
    .find(([key]) => key?.trim().toLowerCase() === name)?.[1];
}

function drawingLine(frame: XmlNode): LineShape | undefined {
  const shape = findAll([frame], "wps:wsp")[0];
  const spPr = child(shape, "wps:spPr");
  const geometry = attr(child(spPr, "a:prstGeom"), "prst");
  if (geometry === undefined || !LINE_GEOMETRIES.has(geometry)) return undefined;
  const extent = child(frame, "wp:extent");
  const cx = numberAttr(extent, "cx") ?? 0;
  const cy = numberAttr(extent, "cy") ?? 0;
  if (cx <= 0 || cy > cx / 10) return undefined; // vertical or slanted: not a rule line
  const dash = attr(child(child(spPr, "a:ln"), "a:prstDash"), "val");
  const line: LineShape = { kind: "drawingml", lengthTwips: cx / EMU_PER_TWIP, dashed: dash !== undefined && dash !== "solid", anchored: tagOf(frame) === "wp:anchor" };
  const positionH = child(frame, "wp:positionH");
  if (positionH !== undefined) {
    line.horizontal = { relativeFrom: attr(positionH, "relativeFrom") ?? "column" };
    const align = child(positionH, "wp:align");
    const offset = child(positionH, "wp:posOffset");
    if (align !== undefined) line.horizontal.align = childrenOf(align).map((n) => n["#text"]).join("");
    if (offset !== undefined) line.horizontal.offsetTwips = Number(childrenOf(offset).map((n) => n["#text"]).join("")) / EMU_PER_TWIP;
  }
  return line;
}

function vmlLine(node: XmlNode): LineShape | undefined {
  const tag = tagOf(node);
  const style = attr(node, "style");
  const dashStyle = attr(child(node, "v:stroke"), "dashstyle");
  const dashed = dashStyle !== undefined && dashStyle !== "solid";
  const anchored = cssProperty(style, "position")?.trim() === "absolute";
  if (tag === "v:line") {
    const [x1] = (attr(node, "from") ?? "0,0").split(",");
    const [x2] = (attr(node, "to") ?? "0,0").split(",");
    const length = Math.abs((cssLengthTwips(x2) ?? 0) - (cssLengthTwips(x1) ?? 0));
    return length > 0 ? { kind: "vml", lengthTwips: length, dashed, anchored } : undefined;
  }
  if (tag === "v:shape" && VML_CONNECTOR.test(attr(node, "type") ?? "")) {
    const width = cssLengthTwips(cssProperty(style, "width"));
    const height = cssLengthTwips(cssProperty(style, "height")) ?? 0;
    return width !== undefined && width > 0 && height <= width / 10 ? { kind: "vml", lengthTwips: width, dashed, anchored } : undefined;
  }
  return undefined;
}

/** The lines and text boxes of a `w:drawing` or `w:pict` element. */
export function readDrawing(node: XmlNode): DrawingContent {
  const content: DrawingContent = { lines: [], textboxes: findAll(childrenOf(node), "w:txbxContent") };
  if (tagOf(node) === "w:drawing") {
    for (const frame of childrenOf(node)) {
      const line = drawingLine(frame);
      if (line) content.lines.push(line);
    }
  } else {
    for (const shape of [...findAll(childrenOf(node), "v:line"), ...findAll(childrenOf(node), "v:shape")]) {
      const line = vmlLine(shape);
      if (line) content.lines.push(line);
    }
  }
  return content;
}
