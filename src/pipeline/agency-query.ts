/**
 * What `--agency` names: an agency id, its name, short name or an alias, its packet folder ("so-noi-vu"), or
 * a group ("Các Sở": every member with a letter); among the agencies that get a letter in this build.
 */
import { foldVietnamese } from "../model/text.ts";
import type { AgencyResolver } from "../resolve/resolve-cell.ts";
import type { ResolvedDecision } from "../resolve/resolve-decision.ts";
import { agencySlugs } from "./output-names.ts";

export type AgencyQueryResult = { ids: string[] } | { suggestions: string[] };

/** Edit distance, bounded by the longer string: the names compared are a few dozen characters. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

export function agenciesFor(query: string, resolved: ResolvedDecision, resolver: AgencyResolver): AgencyQueryResult {
  const withLetters = resolved.assignments.map((a) => a.agency);
  const has = new Set(withLetters.map((a) => a.id));
  if (has.has(query)) return { ids: [query] };
  const slugs = agencySlugs(withLetters);
  const bySlug = [...slugs].find(([, slug]) => slug === query);
  if (bySlug) return { ids: [bySlug[0]] };
  const named = resolver.resolve(query);
  const folded = foldVietnamese(query);
  const ids = named.unresolved.length === 0 ? named.agencies.filter((id) => has.has(id)) : withLetters.filter((a) => foldVietnamese(a.name) === folded).map((a) => a.id);
  if (ids.length > 0) return { ids };
  const candidates = withLetters.flatMap((a) => [a.id, a.name, slugs.get(a.id)!].map((text) => ({ text, score: distance(folded, foldVietnamese(text)) })));
  const suggestions = [...new Set(candidates.sort((x, y) => x.score - y.score).map((c) => c.text))].slice(0, 3);
  return { suggestions };
}
