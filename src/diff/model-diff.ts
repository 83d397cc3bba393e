/**
 * What changed between two versions of a model, in the terms a văn thư sends out: tasks added, removed or
 * changed (which fields), groups renamed, and which agencies' letters and packets are affected.
 * Tasks are matched by group position and STT, so a moved deadline is a change, not a remove + add.
 */
import { assignmentView, listAssignments, type AgencyAssignment } from "../resolve/assignments.ts";
import { listTasks, type TaskRef } from "../model/refs.ts";
import type { Decision, Task } from "../model/schema.ts";
import type { AgencyResolver } from "../resolve/resolve-cell.ts";

export type TaskField = "number" | "content" | "product" | "lead" | "support" | "deadline" | "due" | "notes";

export interface TaskChange {
  kind: "added" | "removed" | "changed";
  ref: string;
  group: string;
  fields: { field: TaskField; from: string; to: string }[];
}

export interface GroupChange {
  kind: "added" | "removed" | "renamed" | "renumbered";
  index: number;
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

const FIELDS: [TaskField, (t: Task) => string][] = [
  ["number", (t) => t.number],
  ["content", (t) => t.content],
  ["product", (t) => t.product],
  ["lead", (t) => t.lead.text],
  ["support", (t) => t.support.text],
  ["deadline", (t) => t.deadline.text],
  ["due", (t) => t.deadline.due ?? ""],
  ["notes", (t) => t.notes ?? ""],
];

function taskKey(ref: TaskRef): string {
  return `${ref.groupIndex}|${ref.effectiveNumber}`;
}

function groupLabel(ref: TaskRef): string {
  return [ref.group.numeral, ref.group.title].filter(Boolean).join(". ");
}

function diffTasks(before: TaskRef[], after: TaskRef[]): TaskChange[] {
  const old = new Map(before.map((r) => [taskKey(r), r]));
  const changes: TaskChange[] = [];
  const seen = new Set<string>();
  for (const r of after) {
    const key = taskKey(r);
    const o = old.get(key);
    seen.add(key);
    if (!o) {
      changes.push({ kind: "added", ref: r.ref, group: groupLabel(r), fields: FIELDS.map(([field, get]) => ({ field, from: "", to: get(r.task) })).filter((f) => f.to !== "") });
      continue;
    }
    const fields = FIELDS.flatMap(([field, get]) => (get(o.task) === get(r.task) ? [] : [{ field, from: get(o.task), to: get(r.task) }]));
    if (fields.length > 0) changes.push({ kind: "changed", ref: r.ref, group: groupLabel(r), fields });
  }
  for (const o of before) {
    if (!seen.has(taskKey(o))) changes.push({ kind: "removed", ref: o.ref, group: groupLabel(o), fields: [] });
  }
  return changes;
}

function diffGroups(before: Decision, after: Decision): GroupChange[] {
  const a = before.appendix?.groups ?? [];
  const b = after.appendix?.groups ?? [];
  const out: GroupChange[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const o = a[i];
    const n = b[i];
    if (!o) out.push({ kind: "added", index: i, from: "", to: `${n!.numeral}. ${n!.title}` });
    else if (!n) out.push({ kind: "removed", index: i, from: `${o.numeral}. ${o.title}`, to: "" });
    else {
      if (o.title !== n.title) out.push({ kind: "renamed", index: i, from: o.title, to: n.title });
      if (o.numeral !== n.numeral) out.push({ kind: "renumbered", index: i, from: o.numeral, to: n.numeral });
    }
  }
  return out;
}

const viewOf = (a: AgencyAssignment | undefined): string => (a ? JSON.stringify(assignmentView(a)) : "");

const TOP_LEVEL = ["profile", "issuer", "document", "subject", "authority", "legalBases", "proposal", "decides", "articles", "signer", "recipients"] as const;

export function diffModels(before: Decision, after: Decision, resolver: AgencyResolver): ModelDiff {
  const documentChanged = TOP_LEVEL.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map(String);
  const lettersChanged = JSON.stringify(before.letters) !== JSON.stringify(after.letters);
  if (lettersChanged) documentChanged.push("letters");
  const appendixHead = (d: Decision) => JSON.stringify({ ...d.appendix, groups: undefined });
  if (appendixHead(before) !== appendixHead(after)) documentChanged.push("appendix");
  const tasksBefore = before.appendix ? listTasks(before.appendix) : [];
  const tasksAfter = after.appendix ? listTasks(after.appendix) : [];
  const oldAssignments = new Map((before.appendix ? listAssignments(before.appendix, resolver) : []).map((a) => [a.agency.id, a]));
  const newAssignments = new Map((after.appendix ? listAssignments(after.appendix, resolver) : []).map((a) => [a.agency.id, a]));
  // Every letter shows the decision's header and the letter settings: those change them all.
  const everyLetter = lettersChanged || ["issuer", "document", "subject", "signer", "profile"].some((k) => documentChanged.includes(k));
  const affected = resolver.directory.agencies.filter((agency) => {
    const o = oldAssignments.get(agency.id);
    const n = newAssignments.get(agency.id);
    if (!o && !n) return false;
    return everyLetter || viewOf(o) !== viewOf(n);
  });
  return {
    documentChanged,
    groups: diffGroups(before, after),
    tasks: diffTasks(tasksBefore, tasksAfter),
    affectedAgencies: affected.map((a) => ({ id: a.id, name: a.name })),
  };
}

/** A change log a văn thư can attach to a follow-up dispatch (Markdown). */
export function formatChanges(diff: ModelDiff, title: string): string {
  const lines = [`# ${title}`, ""];
  if (diff.documentChanged.length === 0 && diff.groups.length === 0 && diff.tasks.length === 0) return `${lines.join("\n")}Không có thay đổi.\n`;
  if (diff.documentChanged.length > 0) lines.push(`Phần văn bản thay đổi: ${diff.documentChanged.join(", ")}.`, "");
  for (const g of diff.groups) {
    const verb = { added: "Thêm nhóm", removed: "Bỏ nhóm", renamed: "Đổi tên nhóm", renumbered: "Đổi số nhóm" }[g.kind];
    lines.push(`- ${verb} ${g.index + 1}: ${g.from ? `"${g.from}"` : ""}${g.from && g.to ? " → " : ""}${g.to ? `"${g.to}"` : ""}`);
  }
  for (const t of diff.tasks) {
    const verb = { added: "Thêm nhiệm vụ", removed: "Bỏ nhiệm vụ", changed: "Sửa nhiệm vụ" }[t.kind];
    lines.push(`- ${verb} ${t.ref} (${t.group})`);
    for (const f of t.fields) lines.push(`  - ${f.field}: "${f.from}" → "${f.to}"`);
  }
  lines.push("", `Cơ quan, đơn vị có công văn thay đổi (${diff.affectedAgencies.length}): ${diff.affectedAgencies.map((a) => a.name).join("; ") || "không có"}.`, "");
  return lines.join("\n");
}
