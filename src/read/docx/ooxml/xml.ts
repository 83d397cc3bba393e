/**
 * Generic XML nodes of an OOXML part, parsed with fast-xml-parser in document order, with string values
 * and untrimmed text (proto §6): `<w:t>05</w:t>` stays "05" and `xml:space="preserve"` spaces are kept.
 */
import { XMLParser } from "fast-xml-parser";

/** `{ "w:p": XmlNode[], ":@": { "w:val": "26" } }` or `{ "#text": "…" }` */
export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  ignoreDeclaration: true,
  removeNSPrefix: false,
  // no callback here reads the path: without this the parser spells it out as a string for every tag,
  // attribute and text (a sixth of a check's time)
  jPath: false,
});

export function parseXml(xml: string): XmlNode[] {
  return parser.parse(xml) as XmlNode[];
}

/** Tags, comments, processing instructions, CDATA (attribute values may hold ">"), or a lone "<". */
const MARKUP = /<(?:(\/)?([A-Za-z_][\w:.\-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/)?>|!--[\s\S]*?-->|\?[\s\S]*?\?>|!\[CDATA\[[\s\S]*?\]\]>|!DOCTYPE[^>]*>)|</g;

/**
 * Why a part is not well-formed, if it is not: a tag left open (a part cut short), a closing tag that
 * closes another, a stray "<", not one root element. The parser accepts all of these without a word; a
 * scan of the tags is a tenth of the cost of a full validation, which the parse itself makes redundant.
 */
export function wellFormedProblem(xml: string): { line: number; message: string } | undefined {
  const open: { name: string; at: number }[] = [];
  let roots = 0;
  const at = (index: number, message: string) => ({ line: xml.slice(0, index).split("\n").length, message });
  for (const m of xml.matchAll(MARKUP)) {
    const name = m[2];
    if (name === undefined) {
      if (m[0] === "<") return at(m.index, xml.includes(">", m.index) ? "a '<' that opens no tag" : "the part ends inside a tag (cut short?)");
      continue;
    }
    if (m[1]) {
      const top = open.pop();
      if (top?.name !== name) return at(m.index, top ? `</${name}> closes <${top.name}>` : `</${name}> closes nothing`);
    } else {
      if (open.length === 0) roots++;
      if (!m[3]) open.push({ name, at: m.index });
    }
  }
  const unclosed = open.at(-1);
  if (unclosed) return at(unclosed.at, `<${unclosed.name}> is never closed (the part is cut short?)`);
  return roots === 1 ? undefined : at(xml.length, roots === 0 ? "no root element" : `${roots} root elements`);
}

/** The element name of a node, or undefined for text. */
export function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((key) => key !== ":@" && key !== "#text");
}

export function childrenOf(node: XmlNode | undefined): XmlNode[] {
  if (node === undefined) return [];
  const tag = tagOf(node);
  return tag === undefined ? [] : ((node[tag] as XmlNode[] | undefined) ?? []);
}

export function attrsOf(node: XmlNode | undefined): Record<string, string> {
  return (node?.[":@"] as Record<string, string> | undefined) ?? {};
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  return attrsOf(node)[name];
}

/** Direct children with this tag. */
export function childrenNamed(node: XmlNode | undefined, tag: string): XmlNode[] {
  return childrenOf(node).filter((c) => tagOf(c) === tag);
}

export function child(node: XmlNode | undefined, tag: string): XmlNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}

/** Every descendant element with this tag, in document order (not descending into matches). */
export function findAll(nodes: readonly XmlNode[], tag: string): XmlNode[] {
  const found: XmlNode[] = [];
  const walk = (list: readonly XmlNode[]) => {
    for (const node of list) {
      if (tagOf(node) === tag) found.push(node);
      else walk(childrenOf(node));
    }
  };
  walk(nodes);
  return found;
}

/** Concatenated text nodes below `node`. */
export function textOf(node: XmlNode): string {
  if (typeof node["#text"] === "string") return node["#text"];
  return childrenOf(node).map(textOf).join("");
}

/** A numeric attribute (twips, half-points, EMU); undefined when absent or not a number. */
export function numberAttr(node: XmlNode | undefined, name: string): number | undefined {
  const value = attr(node, name);
  if (value === undefined || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** An OOXML on/off property: undefined when absent; present without w:val, or w:val true/1/on, is on. */
export function onOff(node: XmlNode | undefined): boolean | undefined {
  if (node === undefined) return undefined;
  const value = attr(node, "w:val");
  return value === undefined || value === "true" || value === "1" || value === "on";
}
