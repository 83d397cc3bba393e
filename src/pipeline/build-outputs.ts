/**
 * Renders every output of a model: the decision DOCX, the appendix XLSX and, per agency that must act,
 * a packet (letter PDF + its workbook + manifest), handing each file to a sink as soon as it exists.
 * With a previous build, units whose inputs did not change are copied from it instead (incremental build:
 * the result is byte-identical to a full build). Renderers are imported lazily (exceljs costs ~450 ms).
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { AgencyAssignment, ResolvedDecision } from "../resolve/resolve-decision.ts";
import type { Decision } from "../model/schema.ts";
import { composeDecisionPlan } from "../plan/decision.ts";
import type { OutputFormat } from "./formats.ts";
import { renderDocument, type CheckedDocx, type CheckedDocxWriter } from "./render-documents.ts";
import type { RenderContext } from "../write/context.ts";
import { DOCUMENTS_UNIT, documentsKey, packetKey, packetUnit, type KeyContext } from "./input-keys.ts";
import type { PacketFiles } from "./packet-render.ts";
import type { PacketRenderer, Progress } from "./packet-renderer.ts";
import { manifestBytes, manifestEntryOf, sortEntries, type ManifestEntry } from "./manifest.ts";
import type { OutputSink } from "../io/output-sink.ts";
import { ManifestingSink } from "./manifesting-sink.ts";
import {
  agencySlugs,
  agencyXlsxName,
  appendixXlsxName,
  decisionFileName,
  letterFileName,
  MANIFEST_NAME,
  PACKETS_DIR,
} from "./output-names.ts";

/** What a previous build offers for reuse: its units' fingerprints and a reader of its files. */
export interface PreviousBuild {
  units: Record<string, OutputUnit>;
  /** bytes and location of a previous file if it still has the recorded SHA-256, else undefined */
  read(entry: ManifestEntry): Promise<{ data: Uint8Array; source: string } | undefined>;
}

/** A DOCX just rendered breaks a layout rule (vanban check): the build stops and writes nothing. */
export class LayoutCheckError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(`the rendered DOCX fails ${diagnostics.length} layout rule(s)`);
  }
}

export interface OutputUnit {
  input: string;
  files: ManifestEntry[];
}

export interface BuildOptions {
  /** only these agency ids get packets; undefined = all */
  agencies?: readonly string[];
  /** false = packets only (used with --agency) */
  documents: boolean;
  /** the formats of the decision and the letters */
  formats: readonly OutputFormat[];
  packets: PacketRenderer;
  toolVersion: string;
  previous?: PreviousBuild | undefined;
  /**
   * runs the layout checker on every rendered DOCX (the decision, each letter); error diagnostics stop the
   * build. The checks may run beside the rendering (pipeline/layout-checker.ts): all are awaited before the
   * build returns, so nothing is committed before every DOCX has passed.
   */
  checkLayout?: ((docx: Uint8Array, name: string) => Promise<Diagnostic[]>) | undefined;
  /**
   * writes a plan's DOCX and checks it on the checker's thread, while this thread writes the PDF (with
   * `checkLayout`, which checks the DOCX rendered elsewhere: a packet worker's)
   */
  checkedDocx?: CheckedDocxWriter | undefined;
  onProgress?: Progress;
}

export type StageTimes = Record<string, number>;

export interface BuildResult {
  /** every file written, sorted by path */
  entries: ManifestEntry[];
  assignments: readonly AgencyAssignment[];
  /** packet folder per agency id */
  packetDirs: Map<string, string>;
  units: Record<string, OutputUnit>;
  /** units copied from the previous build */
  reused: string[];
  times: StageTimes;
}

async function timed<T>(times: StageTimes, stage: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    times[stage] = (times[stage] ?? 0) + performance.now() - start;
  }
}

/** A file of a unit: rendered now, or kept from the previous build (then `source` is where it lies). */
type UnitFile = [path: string, data: Uint8Array, source?: string];

/** The previous unit's files, if its fingerprint matches and every file is still intact. */
async function reusable(previous: PreviousBuild | undefined, unit: string, input: string): Promise<UnitFile[] | undefined> {
  const old = previous?.units[unit];
  if (!old || old.input !== input) return undefined;
  const files: UnitFile[] = [];
  for (const entry of old.files) {
    const found = await previous!.read(entry);
    if (!found) return undefined;
    files.push([entry.path, found.data, found.source]);
  }
  return files;
}

async function writeUnit(out: ManifestingSink, files: readonly UnitFile[]): Promise<ManifestEntry[]> {
  for (const [path, data, source] of files) await (source ? out.reuse(path, data, source) : out.write(path, data));
  return files.map(([path, data]) => manifestEntryOf(path, data));
}

export async function buildOutputs(resolved: ResolvedDecision, ctx: RenderContext, sink: OutputSink, options: BuildOptions): Promise<BuildResult> {
  const { decision } = resolved;
  const out = new ManifestingSink(sink);
  const times: StageTimes = {};
  const units: Record<string, OutputUnit> = {};
  const reused: string[] = [];
  const keys: KeyContext = { ctx, toolVersion: options.toolVersion, wording: options.packets.fingerprint, formats: options.formats };
  const checks: Promise<Diagnostic[]>[] = [];
  /** the check of a DOCX just rendered: done already where `checked` wrote it, else started now */
  const startCheck = (docx: Uint8Array, name: string, checked: CheckedDocx | undefined) => {
    if (checked) return void checks.push(Promise.resolve(checked.diagnosticsAt(name)));
    if (!options.checkLayout) return;
    const check = options.checkLayout(docx, name);
    // awaited below, with the others; until then a failure must not count as unhandled
    check.catch(() => undefined);
    checks.push(check);
  };
  // Without letter settings there are no letters to send: packets are skipped (validate warns: model/letters-missing).
  const all = decision.letters ? resolved.assignments : [];
  const slugs = agencySlugs(all.map((a) => a.agency));
  const chosen = options.agencies ? all.filter((a) => options.agencies!.includes(a.agency.id)) : all;
  const packetKeys = new Map(chosen.map((a) => [a.agency.id, packetKey(resolved, a, keys)]));
  const kept = new Map<string, UnitFile[]>();
  for (const a of chosen) {
    const files = await reusable(options.previous, packetUnit(a.agency.id), packetKeys.get(a.agency.id)!);
    if (files) kept.set(a.agency.id, files);
  }
  const toRender = chosen.filter((a) => !kept.has(a.agency.id));
  const packetDir = (id: string) => `${PACKETS_DIR}/${slugs.get(id)!}`;
  // Each packet is written as soon as it is rendered; the units are listed in agency order at the end.
  const rendered = new Map<string, OutputUnit>();
  const writePacket = async (index: number, { letter, workbook, checked }: PacketFiles) => {
    const assignment = toRender[index]!;
    const id = assignment.agency.id;
    const slug = slugs.get(id)!;
    const packet: [string, Uint8Array][] = [
      ...options.formats.map((format): [string, Uint8Array] => [letterFileName(slug, format), letter[format]!]),
      [agencyXlsxName(slug), workbook],
    ];
    // The letter DOCX goes to Word before signing: it must pass the layout rules too.
    if (letter.docx) startCheck(letter.docx, `${packetDir(id)}/${letterFileName(slug, "docx")}`, checked);
    const manifest = {
      agency: { id, name: assignment.agency.name },
      document: `${decision.document.number}/${decision.document.symbol}`,
      lead: assignment.lead.map((t) => t.ref),
      support: assignment.support.map((t) => t.ref),
      files: packet.map(([name, data]) => manifestEntryOf(name, data)),
    };
    packet.push([MANIFEST_NAME, manifestBytes(manifest)]);
    const files = packet.map(([name, data]): UnitFile => [`${packetDir(id)}/${name}`, data]);
    rendered.set(id, { input: packetKeys.get(id)!, files: await writeUnit(out, files) });
  };
  // Packets may render on worker threads while this thread renders the DOCX and the workbook.
  const packets = timed(times, "packets", () => options.packets.render(resolved, toRender, writePacket, options.onProgress, options.checkedDocx));
  // Its failure is reported where it is awaited, below; until then it must not count as unhandled.
  packets.catch(() => undefined);

  if (options.documents) {
    const input = documentsKey(resolved, keys);
    let files = await reusable(options.previous, DOCUMENTS_UNIT, input);
    if (files) reused.push(DOCUMENTS_UNIT);
    else {
      const plan = composeDecisionPlan(decision, ctx.layout, ctx.measurer);
      files = [];
      // both formats at once: the DOCX may be written on the checker's thread while this one writes the PDF
      const rendered = await timed(times, options.formats.join("+"), () => renderDocument(plan, ctx, options.formats, options.checkedDocx));
      if (rendered.files.docx) startCheck(rendered.files.docx, decisionFileName(decision, "docx"), rendered.checked);
      for (const format of options.formats) files.push([decisionFileName(decision, format), rendered.files[format]!]);
      if (decision.appendices.length > 0) {
        // imported only when a workbook is rendered: a rebuild with nothing changed never loads exceljs
        const { renderAppendixXlsx } = await import("../write/xlsx/appendix-xlsx.ts");
        files.push([appendixXlsxName(decision), await timed(times, "xlsx", () => renderAppendixXlsx(resolved, ctx))]);
      }
    }
    units[DOCUMENTS_UNIT] = { input, files: await writeUnit(out, files) };
  }
  await packets;
  // the time the build waits for the checks after rendering (all of it when they run in this thread)
  const failures = (await timed(times, "check", () => Promise.all(checks))).flat().filter((d) => d.severity === "error");
  if (failures.length > 0) throw new LayoutCheckError(failures);
  const packetDirs = new Map<string, string>();
  for (const { agency } of chosen) {
    packetDirs.set(agency.id, packetDir(agency.id));
    const files = kept.get(agency.id);
    if (files) {
      reused.push(packetUnit(agency.id));
      units[packetUnit(agency.id)] = { input: packetKeys.get(agency.id)!, files: await writeUnit(out, files) };
    } else units[packetUnit(agency.id)] = rendered.get(agency.id)!;
  }
  return { entries: sortEntries(out.entries), assignments: chosen, packetDirs, units, reused, times };
}

/** The overall manifest: every file with its SHA-256, each unit's input fingerprint, the model's hash. */
export function buildManifest(
  decision: Decision,
  result: Pick<BuildResult, "entries" | "units">,
  meta: { modelSha256: string; toolVersion: string },
) {
  return {
    document: `${decision.document.number}/${decision.document.symbol} ${decision.document.date}`,
    profile: decision.profile,
    modelSha256: meta.modelSha256,
    tool: `vanban ${meta.toolVersion}`,
    files: result.entries,
    units: result.units,
  };
}
