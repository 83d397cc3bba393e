/** What an agency's packet shows of its assignment (resolve-decision.ts computes the assignments). */
import { copiesFor, letterNumber, type AgencyAssignment, type AssignedTask, type ResolvedDecision } from "./resolve-decision.ts";

/**
 * What an agency's packet shows of its assignment: each task with its ref, its groups as written and its due
 * date, in the order the letter lists them; no positions. Both the incremental build's fingerprints and
 * `vanban diff` compare this view, so "affected" and "rebuilt" always agree.
 */
export function assignmentView(assignment: AgencyAssignment) {
  const task = (t: AssignedTask) => ({ ref: t.ref, groups: t.groups.map((g) => [g.group, g.title]), task: t.task, due: t.due });
  return { agency: assignment.agency, lead: assignment.lead.map(task), support: assignment.support.map(task) };
}

/**
 * Everything an agency's packet (letter and workbook) is made of besides the wording, the profile and the
 * fonts, in two parts: what every packet shares (`sharedPacketView`: the document's header parts, the
 * appendices' title blocks and columns) and what is the agency's own (`ownPacketView`: the letter settings
 * with this letter's own number and copy lines, the name of the agency reports go through, the assignment).
 * The incremental build fingerprints them and `vanban diff` compares them, so the letters a change report
 * lists are exactly the packets whose bytes change. The shared part is computed once per build, not per
 * agency: it holds the whole text of the decision.
 */
export function sharedPacketView(resolved: ResolvedDecision) {
  // the overrides act through the assignment, which is in the own view; the letters' settings are there too
  const { appendices, overrides: _overrides, letters: _letters, ...header } = resolved.decision;
  return { header, appendices: appendices.map(({ items: _rows, ...titleAndColumns }) => titleAndColumns) };
}

export function ownPacketView(resolved: ResolvedDecision, assignment: AgencyAssignment) {
  const { letters } = resolved.decision;
  const id = assignment.agency.id;
  const reportVia = letters?.reportVia;
  return {
    letters: letters && { ...letters, numbers: undefined, copies: undefined, number: letterNumber(letters, resolved.assignments, id) },
    copies: copiesFor(resolved, id),
    reportViaName: reportVia === undefined ? undefined : resolved.agencies.get(reportVia)?.name,
    ...assignmentView(assignment),
  };
}
