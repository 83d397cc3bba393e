/**
 * What changed between two versions of a model, in the terms a văn thư sends out: tasks added, removed or
 * changed (which cells, and which agencies moved), groups renamed or relabelled, and the agencies whose
 * letters change. Both sides are resolved models, so a change report speaks of effective assignments: the
 * letters it lists are exactly the packets whose content changes (the packet view the build fingerprints).
 */
import { ownPacketView, sharedPacketView } from "../resolve/assignments.ts";
import { tableEntries } from "../model/refs.ts";
import type { Decision, Group } from "../model/schema.ts";
import type { Agency } from "../resolve/directory-schema.ts";
import type { AgencyAssignment, ResolvedDecision, ResolvedTask, Role } from "../resolve/resolve-decision.ts";

export type TaskField = "ref" | "number" | "content" | "product" | "lead" | "support" | "deadline" | "due" | "result" | "funding" | "followUp" | "notes";

export interface AgencyMove {
  agency: string;
  /** the agency's role in the task before and after; "" when it had none */
  from: Role | "";
  to: Role | "";
}

export interface TaskChange {
  kind: "added" | "removed" | "changed";
  ref: string;
  group: string;
  fields: { field: TaskField; from: string; to: string }[];
  moves: AgencyMove[];
}

export interface GroupChange {
  kind: "added" | "removed" | "renamed" | "relabelled";
  /** the group's label as written, after the change where it still exists */
  label: string;
  from: string;
  to: string;
}

export interface ModelDiff {
  documentChanged: string[];
  groups: GroupChange[];
  tasks: TaskChange[];
  /** agencies whose letter/packet content changes, with their name */
  affectedAgencies: { id: string; name: string }[];
}

const TEXT_FIELDS = ["number", "content", "product", "lead", "support", "deadline", "result", "funding", "followUp", "notes"] as const;

const groupLabel = (t: ResolvedTask) => t.groups.map((g) => [g.group, g.title].filter(Boolean).join(". ")).join(" › ");

function roleOf(task: ResolvedTask | undefined, id: string): Role | "" {
  if (!task) return "";
  if (task.lead.includes(id)) return "lead";
  return task.support.includes(id) ? "support" : "";
}

function agencyMoves(before: ResolvedTask | undefined, after: ResolvedTask | undefined, names: (id: string) => string): AgencyMove[] {
  const ids = [...new Set([...(before ? [...before.lead, ...before.support] : []), ...(after ? [...after.lead, ...after.support] : [])])];
  return ids.flatMap((id) => {
    const from = roleOf(before, id);
    const to = roleOf(after, id);
    return from === to ? [] : [{ agency: names(id), from, to }];
  });
}

function taskFields(before: ResolvedTask | undefined, after: ResolvedTask | undefined): TaskChange["fields"] {
  const fields: TaskChange["fields"] = TEXT_FIELDS.flatMap((field) => {
    const from = before?.task[field] ?? "";
    const to = after?.task[field] ?? "";
    return from === to ? [] : [{ field, from, to }];
  });
  const due = [before?.due ?? "", after?.due ?? ""] as const;
  if (due[0] !== due[1]) fields.push({ field: "due", from: due[0], to: due[1] });
  return fields;
}

/**
 * Pairs the tasks of two versions: same ref and content first, then same content (a row without STT deleted
 * above shifts the refs "II.2c" → "II.2b" of the rows after it), then same ref (an edited content).
 */
export function pairTasks(before: readonly ResolvedTask[], after: readonly ResolvedTask[]): Map<ResolvedTask, ResolvedTask> {
  const pairs = new Map<ResolvedTask, ResolvedTask>(); // after → before
  const taken = new Set<ResolvedTask>();
  const passes: ((t: ResolvedTask) => string)[] = [(t) => `${t.ref}\n${t.task.content}`, (t) => t.task.content, (t) => t.ref];
  for (const key of passes) {
    const free = new Map<string, ResolvedTask[]>();
    for (const o of before) if (!taken.has(o)) free.set(key(o), [...(free.get(key(o)) ?? []), o]);
    for (const n of after) {
      if (pairs.has(n)) continue;
      const o = free.get(key(n))?.shift();
      if (o) pairs.set(n, o), taken.add(o);
    }
  }
  return pairs;
}

function diffTasks(before: ResolvedDecision, after: ResolvedDecision): TaskChange[] {
  const names = (id: string) => after.agencies.get(id)?.name ?? before.agencies.get(id)?.name ?? id;
  const pairs = pairTasks(before.tasks, after.tasks);
  const changes: TaskChange[] = [];
  for (const task of after.tasks) {
    const o = pairs.get(task);
    const fields = taskFields(o, task);
    if (o && o.ref !== task.ref) fields.unshift({ field: "ref", from: o.ref, to: task.ref });
    const moves = agencyMoves(o, task, names);
    if (!o) changes.push({ kind: "added", ref: task.ref, group: groupLabel(task), fields, moves });
    else if (fields.length > 0 || moves.length > 0) changes.push({ kind: "changed", ref: task.ref, group: groupLabel(task), fields, moves });
  }
  const paired = new Set(pairs.values());
  for (const o of before.tasks) if (!paired.has(o)) changes.push({ kind: "removed", ref: o.ref, group: groupLabel(o), fields: [], moves: agencyMoves(o, undefined, names) });
  return changes;
}

/** Groups matched by their position in the appendix (appendix, then the path of group positions). */
function groupsByPosition(decision: Decision): Map<string, Group> {
  const out = new Map<string, Group>();
  decision.appendices.forEach((appendix, a) => {
    for (const entry of tableEntries(appendix, [a])) if (entry.kind === "group") out.set(entry.path.join("/"), entry.group);
  });
  return out;
}

function diffGroups(before: Decision, after: Decision): GroupChange[] {
  const a = groupsByPosition(before);
  const b = groupsByPosition(after);
  const out: GroupChange[] = [];
  for (const [position, n] of b) {
    const o = a.get(position);
    if (!o) out.push({ kind: "added", label: n.group, from: "", to: n.title });
    else {
      if (o.group !== n.group) out.push({ kind: "relabelled", label: n.group, from: o.group, to: n.group });
      if (o.title !== n.title) out.push({ kind: "renamed", label: n.group, from: o.title, to: n.title });
    }
  }
  for (const [position, o] of a) if (!b.has(position)) out.push({ kind: "removed", label: o.group, from: o.title, to: "" });
  return out;
}

const TOP_LEVEL = ["profile", "directory", "issuer", "document", "subject", "authority", "legalBases", "proposal", "decides", "preamble", "articles", "content", "attachments", "signer", "recipients", "letters", "overrides"] as const;

export function diffModels(before: ResolvedDecision, after: ResolvedDecision): ModelDiff {
  const documentChanged: string[] = TOP_LEVEL.filter((k) => JSON.stringify(before.decision[k]) !== JSON.stringify(after.decision[k]));
  const heads = (r: ResolvedDecision) => JSON.stringify(r.decision.appendices.map(({ items: _items, ...head }) => head));
  if (heads(before) !== heads(after)) documentChanged.push("appendices");
  const oldAssignments = new Map(before.assignments.map((a) => [a.agency.id, a]));
  const newAssignments = new Map(after.assignments.map((a) => [a.agency.id, a]));
  // a change to what every packet shares changes every letter; else each agency's own view decides
  const sharedChanged = JSON.stringify(sharedPacketView(before)) !== JSON.stringify(sharedPacketView(after));
  const own = (r: ResolvedDecision, a: AgencyAssignment | undefined) => (a && r.decision.letters ? JSON.stringify(ownPacketView(r, a)) : "");
  const letterChanged = (id: string) => {
    const [was, is] = [oldAssignments.get(id), newAssignments.get(id)];
    if (sharedChanged && was && is && before.decision.letters && after.decision.letters) return true;
    return own(before, was) !== own(after, is);
  };
  const agencies: Agency[] = [...new Map([...after.assignments, ...before.assignments].map((a) => [a.agency.id, a.agency])).values()];
  const affected = agencies.filter((agency) => letterChanged(agency.id));
  return {
    documentChanged,
    groups: diffGroups(before.decision, after.decision),
    tasks: diffTasks(before, after),
    affectedAgencies: affected.map((a) => ({ id: a.id, name: a.name })),
  };
}

const ROLE_WORDS: Record<Role | "", string> = { lead: "chủ trì", support: "phối hợp", "": "không" };

/** A change log a văn thư can attach to a follow-up dispatch (Markdown). */
export function formatChanges(diff: ModelDiff, title: string): string {
  const lines = [`# ${title}`, ""];
  if (diff.documentChanged.length === 0 && diff.groups.length === 0 && diff.tasks.length === 0) return `${lines.join("\n")}Không có thay đổi.\n`;
  if (diff.documentChanged.length > 0) lines.push(`Phần văn bản thay đổi: ${diff.documentChanged.join(", ")}.`, "");
  for (const g of diff.groups) {
    const verb = { added: "Thêm nhóm", removed: "Bỏ nhóm", renamed: "Đổi tên nhóm", relabelled: "Đổi số nhóm" }[g.kind];
    lines.push(`- ${verb} ${g.label}: ${g.from ? `"${g.from}"` : ""}${g.from && g.to ? " → " : ""}${g.to ? `"${g.to}"` : ""}`);
  }
  for (const t of diff.tasks) {
    const verb = { added: "Thêm nhiệm vụ", removed: "Bỏ nhiệm vụ", changed: "Sửa nhiệm vụ" }[t.kind];
    lines.push(`- ${verb} ${t.ref} (${t.group})`);
    for (const f of t.fields) lines.push(`  - ${f.field}: "${f.from}" → "${f.to}"`);
    for (const m of t.moves) lines.push(`  - ${m.agency}: ${ROLE_WORDS[m.from]} → ${ROLE_WORDS[m.to]}`);
  }
  lines.push("", `Cơ quan, đơn vị có công văn thay đổi (${diff.affectedAgencies.length}): ${diff.affectedAgencies.map((a) => a.name).join("; ") || "không có"}.`, "");
  return lines.join("\n");
}
