/**
 * Schema 1 → schema 2. The one appendix becomes `appendices[0]` with its groups as items; a signer's prefix,
 * capacity and titles become its lines as written; the agency ids and due dates schema 1 stored beside the
 * text become overrides guarded by the text they were stored for, so that the migrated model sends every
 * task where the old one did. Overrides that only repeat what the text says are dropped by the resolver
 * (resolve/prune-overrides.ts), which knows the directory.
 */
import type { z } from "zod";
import { listTasks } from "./refs.ts";
import { decisionSchemaV1, type DecisionV1 } from "./schema-v1.ts";
import { SCHEMA_VERSION, type Decision, type Override, type Row, type Signer } from "./schema.ts";

type SignerV1 = DecisionV1["signer"];
type AppendixV1 = NonNullable<DecisionV1["appendix"]>;

function migrateSigner(signer: SignerV1): Signer {
  const first = [signer.prefix, signer.capacity].filter(Boolean).join(" ");
  return { lines: [first, ...signer.titles].filter(Boolean), name: signer.name };
}

function migrateAppendix(appendix: AppendixV1): Decision["appendices"][number] {
  return {
    heading: appendix.heading,
    title: appendix.title,
    reference: appendix.reference,
    planYear: appendix.planYear,
    columns: appendix.columns.map((c) => ({ role: c.key, label: c.label })),
    items: appendix.groups.map((group) => ({
      group: group.numeral,
      title: group.title,
      items: group.tasks.map(
        (task): Row => ({
          number: task.number,
          content: task.content,
          product: task.product,
          lead: task.lead.text,
          support: task.support.text,
          deadline: task.deadline.text,
          ...(task.notes === undefined ? {} : { notes: task.notes }),
          rows: [],
        }),
      ),
    })),
  };
}

/** The stored ids and dates of schema 1, as overrides of the migrated tasks (same order, one level). */
function storedValues(appendix: AppendixV1, migrated: Pick<Decision, "appendices">): Override[] {
  const refs = listTasks(migrated);
  const tasks = appendix.groups.flatMap((g) => g.tasks);
  return tasks.flatMap((task, i) => {
    const ref = refs[i]!.ref;
    const out: Override[] = [];
    for (const field of ["lead", "support"] as const) {
      const agencies = task[field].agencies;
      if (agencies) out.push({ task: ref, field, text: task[field].text, agencies });
    }
    if (task.deadline.due) out.push({ task: ref, field: "deadline", text: task.deadline.text, due: task.deadline.due });
    return out;
  });
}

export function migrateFromV1(v1: DecisionV1): Decision {
  const appendices = v1.appendix ? [migrateAppendix(v1.appendix)] : [];
  // in the order of the schema, so that a migrated file reads like one written by `vanban import`
  return {
    schemaVersion: SCHEMA_VERSION,
    profile: v1.profile,
    issuer: v1.issuer,
    document: v1.document,
    subject: v1.subject,
    authority: v1.authority,
    legalBases: v1.legalBases,
    proposal: v1.proposal,
    decides: v1.decides,
    preamble: [],
    articles: v1.articles,
    content: [],
    attachments: [],
    signer: migrateSigner(v1.signer),
    recipients: v1.recipients,
    appendices,
    ...(v1.letters ? { letters: { ...v1.letters, signer: migrateSigner(v1.letters.signer) } } : {}),
    overrides: v1.appendix ? storedValues(v1.appendix, { appendices }) : [],
  };
}

export type Migration = { decision: Decision; from: string } | { error: z.ZodError };

/** Reads data without `schemaVersion` as schema 1. */
export function migrateData(data: unknown): Migration {
  const parsed = decisionSchemaV1.safeParse(data);
  if (!parsed.success) return { error: parsed.error };
  return { decision: migrateFromV1(parsed.data), from: "1" };
}
