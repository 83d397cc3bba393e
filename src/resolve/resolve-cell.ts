/**
 * Resolves an agency cell as written ("Sở Kế hoạch và Đầu tư; BQL khu KTM Chu Lai", "UBND các huyện Điện Bàn,
 * Duy Xuyên … và TP Tam Kỳ") to directory ids. Longest alias first, so "và" inside a name never splits it;
 * a group followed directly by member names is an enumeration head, not the whole group.
 * Every phrase that matches nothing is returned, never dropped.
 */
import { foldChar } from "../model/text.ts";
import type { Agency, AgencyDirectory, AgencyGroup } from "./directory-schema.ts";

export interface CellResolution {
  agencies: string[];
  unresolved: string[];
  unspecified: string[];
  qualified: { phrase: string; name: string }[];
}

type Target = { type: "agency"; agency: Agency } | { type: "group"; group: AgencyGroup } | { type: "unspecified" };
interface Alias {
  folded: string;
  target: Target;
}

const SEPARATOR = /^(\s*[;,\n]\s*|\s+và\s+|\s*\.\s*$|\s+)/u;
const HARD_SEPARATOR = /[;,\n]|\s(?:và|va)\s/u;

function collapse(text: string): string {
  return text.normalize("NFC").replace(/[\s\u00a0]+/g, " ").trim();
}

function fold(text: string): string {
  let out = "";
  for (const ch of text) out += foldChar(ch);
  return out;
}

/** Words that start the name of another agency: "… và Hội Nông dân" names two. */
const AGENCY_HEAD = /^(sở|ubnd|ủy ban|uỷ ban|ban|bql|văn phòng|thanh tra|công an|bộ chỉ huy|trung tâm|đài|báo|hội|liên đoàn|liên minh|các|những|tòa án|viện|kho bạc|cục|chi cục|đoàn|mặt trận|trường|bệnh viện|bảo hiểm|tp|thành phố|thị xã|huyện)(?=\s|$)/iu;
const COLLECTIVE = /^(các|những)\s/iu;

/**
 * Whether a phrase no directory knows goes on naming the addressee before it: "Sở Kế hoạch" và "Đầu tư" (no
 * agency's name starts "Đầu tư"), "UBND xã", "phường" (a lower-case word after a comma), "Các Sở", "Ban",
 * "ngành" (single words after a collective "Các …"). A phrase starting "các" names a new collective.
 */
function continuesName(previous: string, separator: string, phrase: string): boolean {
  if (/^\s+và\s+$/u.test(separator)) return !AGENCY_HEAD.test(phrase);
  if (!/^\s*,\s*$/u.test(separator)) return false;
  if (COLLECTIVE.test(phrase)) return false;
  // "Các Sở, Ban, ngành": single words go on; "Các Sở, UBND cấp huyện" names another addressee
  return /^\p{Ll}/u.test(phrase) || (COLLECTIVE.test(previous) && !/\s/u.test(phrase));
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}&]/u.test(ch);

export class AgencyResolver {
  /**
   * Aliases by their folded text (the first one listed wins), and the alias lengths, longest first: a phrase
   * start is looked up once per length, however many agencies the directory has.
   */
  private readonly aliasesByText = new Map<string, Alias>();
  private readonly aliasLengths: number[];
  private readonly membersByGroup = new Map<AgencyGroup, Agency[]>();
  private readonly directoryOrder: ReadonlyMap<string, number>;
  private readonly cache = new Map<string, CellResolution>();
  readonly byId: ReadonlyMap<string, Agency>;

  constructor(readonly directory: AgencyDirectory) {
    const aliases: Alias[] = [];
    const add = (text: string, target: Target) => aliases.push({ folded: fold(collapse(text)), target });
    for (const agency of directory.agencies) {
      for (const a of [agency.name, agency.short, ...agency.aliases]) add(a, { type: "agency", agency });
    }
    for (const group of directory.groups) for (const a of [group.name, ...group.aliases]) add(a, { type: "group", group });
    for (const phrase of directory.unspecified) add(phrase, { type: "unspecified" });
    for (const alias of aliases) if (alias.folded !== "" && !this.aliasesByText.has(alias.folded)) this.aliasesByText.set(alias.folded, alias);
    this.aliasLengths = [...new Set(aliases.map((a) => a.folded.length))].filter((n) => n > 0).sort((a, b) => b - a);
    this.byId = new Map(directory.agencies.map((a) => [a.id, a]));
    this.directoryOrder = new Map(directory.agencies.map((a, i) => [a.id, i]));
  }

  /** Agencies of a group, in directory order. */
  members(group: AgencyGroup): Agency[] {
    let members = this.membersByGroup.get(group);
    if (!members) {
      members = this.directory.agencies.filter((a) => group.kinds.includes(a.kind));
      this.membersByGroup.set(group, members);
    }
    return members;
  }

  /** The longest alias written at `pos` as whole words. */
  private matchAt(folded: string, pos: number): Alias | undefined {
    if (isWordChar(folded[pos - 1])) return undefined;
    for (const length of this.aliasLengths) {
      if (pos + length > folded.length) continue;
      const alias = this.aliasesByText.get(folded.slice(pos, pos + length));
      if (alias && !isWordChar(folded[pos + length])) return alias;
    }
    return undefined;
  }

  resolve(cell: string): CellResolution {
    const cached = this.cache.get(cell);
    if (cached) return cached;
    const text = collapse(cell);
    const folded = fold(text);
    const ids = new Set<string>();
    const result: CellResolution = { agencies: [], unresolved: [], unspecified: [], qualified: [] };
    // End of the phrase starting at `from`: the next ";", ",", line break or " và ".
    const phraseEnd = (from: number) => from + (HARD_SEPARATOR.exec(text.slice(from))?.index ?? text.length - from);
    let pos = 0;
    let unresolvedFrom = -1; // start of the last unresolved phrase, while no name has been matched since
    while (pos < text.length) {
      const sep = SEPARATOR.exec(text.slice(pos));
      if (sep && sep[0].length > 0) {
        pos += sep[0].length;
        continue;
      }
      const alias = this.matchAt(folded, pos);
      if (!alias) {
        const stop = phraseEnd(pos);
        const phrase = text.slice(pos, stop).replace(/[.\s]+$/, "");
        const previous = unresolvedFrom >= 0 ? result.unresolved.at(-1) : undefined;
        const continues = previous !== undefined && continuesName(previous, text.slice(unresolvedFrom + previous.length, pos), phrase);
        if (phrase && continues) result.unresolved[result.unresolved.length - 1] = text.slice(unresolvedFrom, pos + phrase.length);
        else if (phrase) (result.unresolved.push(phrase), (unresolvedFrom = pos));
        pos = stop;
        continue;
      }
      unresolvedFrom = -1;
      let end = pos + alias.folded.length;
      const tailEnd = phraseEnd(end);
      const tail = text.slice(end, tailEnd).trim().replace(/\.$/, "");
      const afterSpace = end + (text.slice(end).length - text.slice(end).trimStart().length);
      const next = tail !== "" ? this.matchAt(folded, afterSpace) : undefined;
      // "UBND các huyện Điện Bàn, Duy Xuyên …": the group only introduces the names that follow it.
      const enumerationHead = alias.target.type === "group" && next?.target.type === "agency";
      if (!enumerationHead) {
        // Words after a name that start no other name narrow it: "Các Sở … có liên quan".
        const narrowed = tail !== "" && !next;
        const phrase = text.slice(pos, narrowed ? tailEnd : end).trim().replace(/\.$/, "");
        const target = alias.target;
        if (target.type === "unspecified") result.unspecified.push(phrase);
        else if (narrowed) result.qualified.push({ phrase, name: target.type === "group" ? target.group.name : target.agency.name });
        if (narrowed) end = tailEnd;
        if (target.type === "agency") ids.add(target.agency.id);
        if (target.type === "group") for (const m of this.members(target.group)) ids.add(m.id);
      }
      pos = end;
    }
    const rank = (id: string) => this.directoryOrder.get(id)!;
    result.agencies = [...ids].sort((a, b) => rank(a) - rank(b));
    this.cache.set(cell, result);
    return result;
  }
}
