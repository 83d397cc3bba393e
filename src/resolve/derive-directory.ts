/**
 * A starting agency directory for an issuer vanban has none for: every agency the model's lead and support
 * cells name, split as the resolver splits a cell, once each, in order of first mention. The kind is guessed
 * from the name and the Kính gửi form spells out "UBND"; the clerk checks both and turns the collective
 * phrases ("Các sở, ngành") into groups.
 */
import { listTasks } from "../model/refs.ts";
import type { Decision } from "../model/schema.ts";
import { foldVietnamese, slugify } from "../model/text.ts";
import type { Agency, AgencyDirectory, AgencyKind } from "./directory-schema.ts";
import { AgencyResolver } from "./resolve-cell.ts";

const KINDS: [RegExp, AgencyKind][] = [
  [/^(cac|nhung)\s/, "collective"],
  [/^(ubnd|uy ban nhan dan)\s+(huyen|thanh pho|thi xa|quan|xa|phuong|thi tran|dac khu)\b/, "district"],
  [/^van phong\b/, "office"],
  [/^(ban|ban quan ly|bql)\b/, "board"],
];

const kindOf = (name: string): AgencyKind => KINDS.find(([pattern]) => pattern.test(foldVietnamese(name)))?.[1] ?? "department";

/** "UBND huyện Điện Bàn" → "Ủy ban nhân dân huyện Điện Bàn": the form a Kính gửi line spells out. */
const addresseeOf = (name: string): string => name.replace(/^UBND\b/u, "Ủy ban nhân dân");

/**
 * `current`: the directory the model resolves against until now. The agency the letters send reports through
 * (letters.reportVia, an id) is named in no cell; it is carried over from there, so that a model that names the
 * derived directory still builds (else letters/report-via-unknown).
 */
export function deriveDirectory(decision: Decision, name: string, current?: AgencyDirectory): AgencyDirectory {
  const splitter = new AgencyResolver({ name, agencies: [], groups: [], unspecified: [] });
  const byFolded = new Map<string, Agency>();
  const ids = new Set<string>();
  for (const { task } of listTasks(decision)) {
    for (const phrase of [task.lead, task.support].flatMap((cell) => splitter.resolve(cell).unresolved)) {
      const folded = foldVietnamese(phrase);
      if (byFolded.has(folded)) continue;
      let id = slugify(phrase);
      for (let n = 2; ids.has(id); n++) id = `${slugify(phrase)}-${n}`;
      ids.add(id);
      byFolded.set(folded, { id, name: phrase, short: phrase, kind: kindOf(phrase), addressee: addresseeOf(phrase), aliases: [] });
    }
  }
  const agencies = [...byFolded.values()];
  const via = decision.letters?.reportVia;
  // (none from the cells: nothing derived, and nothing to carry over into)
  const carried = via === undefined || ids.has(via) || agencies.length === 0 ? undefined : current?.agencies.find((agency) => agency.id === via);
  const named = carried && byFolded.get(foldVietnamese(carried.name));
  // a cell names it too, under another id than the current directory's: that id, which the model uses, wins
  if (named) named.id = carried.id;
  else if (carried) agencies.push({ ...carried, aliases: [...carried.aliases] });
  return { name, agencies, groups: [], unspecified: [] };
}
