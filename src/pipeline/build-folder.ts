/**
 * A build into out/<document>/ as one atomic transaction, incremental against the build already there:
 * units whose input fingerprints are unchanged are copied, the rest rendered. Beside the outputs it keeps
 * the model (model.yaml) and a change log against the previous build's model (CHANGES.md).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { diffModels, formatChanges } from "../diff/model-diff.ts";
import { writeFileAtomic } from "../io/atomic-write.ts";
import { parseModel } from "../io/model-file.ts";
import { OutputTransaction } from "../io/output-dir.ts";
import type { Decision } from "../model/schema.ts";
import type { RenderContext } from "../write/context.ts";
import { buildManifest, buildOutputs, type BuildOptions, type BuildResult, type OutputUnit, type PreviousBuild } from "./build-outputs.ts";
import type { PacketRenderer, Progress } from "./packet-renderer.ts";
import { manifestBytes, manifestEntryOf, sha256, sortEntries, type ManifestEntry } from "./manifest.ts";
import { CHANGES_NAME, MANIFEST_NAME, MODEL_SNAPSHOT_NAME } from "./output-names.ts";

export interface FolderBuildOptions {
  target: string;
  /** the model file's text, kept as model.yaml */
  source: string;
  toolVersion: string;
  /** ignore the previous build: render everything */
  force?: boolean;
  onProgress?: Progress;
  /** where interruptions come from (the CLI: SIGINT and SIGTERM); without it a build is not interruptible */
  onInterrupt?: InterruptHook;
  checkLayout?: BuildOptions["checkLayout"];
  formats: BuildOptions["formats"];
}

/**
 * Subscribes `abort` to interruptions and returns the unsubscribe. `abort` drops the half-written folder (the
 * previous outputs stay) and makes every later write fail; what happens next (the CLI exits) is the caller's.
 */
export type InterruptHook = (abort: () => Promise<void>) => () => void;

export interface FolderBuildResult extends BuildResult {
  changes: string;
}

async function readOptional(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

/** The folder's manifest as a previous build wrote it; undefined when it is missing or damaged. */
interface FolderManifest {
  files: ManifestEntry[];
  units: Record<string, OutputUnit>;
}

async function readFolderManifest(target: string): Promise<FolderManifest | undefined> {
  const bytes = await readOptional(join(target, MANIFEST_NAME));
  if (!bytes) return undefined;
  try {
    const parsed = JSON.parse(bytes.toString("utf8")) as Partial<FolderManifest>;
    return Array.isArray(parsed.files) && parsed.units ? (parsed as FolderManifest) : undefined;
  } catch {
    return undefined;
  }
}

async function previousBuild(target: string): Promise<PreviousBuild | undefined> {
  // a missing or damaged manifest only costs a full build
  const manifest = await readFolderManifest(target);
  if (!manifest) return undefined;
  return {
    units: manifest.units,
    async read(entry: ManifestEntry) {
      const source = join(target, entry.path);
      const data = await readOptional(source);
      return data && sha256(data) === entry.sha256 ? { data: new Uint8Array(data), source } : undefined;
    },
  };
}

const INITIAL_CHANGES = (decision: Decision) =>
  `# Thay đổi\n\nBản dựng đầu tiên của ${decision.document.number}/${decision.document.symbol}.\n`;

/** CHANGES.md against the previous build's model; unchanged model → the previous change log stays. */
async function changeLog(target: string, decision: Decision, source: string, ctx: RenderContext): Promise<string> {
  const previousSource = (await readOptional(join(target, MODEL_SNAPSHOT_NAME)))?.toString("utf8");
  const previousChanges = (await readOptional(join(target, CHANGES_NAME)))?.toString("utf8");
  if (previousSource === undefined) return INITIAL_CHANGES(decision);
  if (previousSource === source) return previousChanges ?? INITIAL_CHANGES(decision);
  const before = parseModel(previousSource, MODEL_SNAPSHOT_NAME).decision;
  if (!before) return INITIAL_CHANGES(decision);
  return formatChanges(diffModels(before, decision, ctx.resolver), `Thay đổi so với bản dựng trước (${decision.document.number}/${decision.document.symbol})`);
}

export async function buildToFolder(decision: Decision, ctx: RenderContext, packets: PacketRenderer, options: FolderBuildOptions): Promise<FolderBuildResult> {
  const previous = options.force ? undefined : await previousBuild(options.target);
  const changes = await changeLog(options.target, decision, options.source, ctx);
  const transaction = await OutputTransaction.begin(options.target);
  const unsubscribe = options.onInterrupt?.(() => transaction.abort());
  try {
    const result = await buildOutputs(decision, ctx, transaction, {
      documents: true,
      formats: options.formats,
      packets,
      toolVersion: options.toolVersion,
      previous,
      checkLayout: options.checkLayout,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    const encoder = new TextEncoder();
    const extras: [string, Uint8Array][] = [
      [MODEL_SNAPSHOT_NAME, encoder.encode(options.source)],
      [CHANGES_NAME, encoder.encode(changes)],
    ];
    for (const [path, data] of extras) await transaction.write(path, data);
    // The manifest lists every file of the folder but itself.
    const entries = sortEntries([...result.entries, ...extras.map(([path, data]) => manifestEntryOf(path, data))]);
    // The profile built with (`--profile` may override the model's), not the model's own.
    const manifest = {
      ...buildManifest(decision, { ...result, entries }, { modelSha256: sha256(options.source), toolVersion: options.toolVersion }),
      profile: ctx.layout.id,
    };
    await transaction.write(MANIFEST_NAME, manifestBytes(manifest));
    await transaction.commit();
    return { ...result, entries, changes };
  } catch (error) {
    await transaction.abort();
    throw error;
  } finally {
    unsubscribe?.();
  }
}

/**
 * After packets were rebuilt in place (`build --agency`): the folder's manifest lists their new files with
 * their SHA-256 and their units' new input fingerprints, so it matches the folder again. A folder without a
 * readable manifest is left as it is (the next full build writes one).
 */
export async function refreshManifestForPackets(target: string, result: Pick<BuildResult, "entries" | "units" | "packetDirs">): Promise<void> {
  const manifest = await readFolderManifest(target);
  if (!manifest) return;
  const dirs = [...result.packetDirs.values()].map((dir) => `${dir}/`);
  manifest.files = sortEntries([...manifest.files.filter((entry) => !dirs.some((dir) => entry.path.startsWith(dir))), ...result.entries]);
  Object.assign(manifest.units, result.units);
  await writeFileAtomic(join(target, MANIFEST_NAME), manifestBytes(manifest));
}
