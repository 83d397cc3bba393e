/**
 * A build into out/<document>/ as one atomic transaction, incremental against the build already there:
 * units whose input fingerprints are unchanged are copied, the rest rendered. Beside the outputs it keeps
 * the model (model.yaml) and a change log against the previous build's model (CHANGES.md). Every write
 * holds the folder's lock (io/output-lock.ts): one build per folder at a time.
 */
import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";
import { diffModels, formatChanges } from "../diff/model-diff.ts";
import { withoutRedundantOverrides } from "../resolve/prune-overrides.ts";
import type { AgencyResolver } from "../resolve/resolve-cell.ts";
import { resolveDecision, type ResolvedDecision } from "../resolve/resolve-decision.ts";
import { readRegularFileBoundedSync } from "../io/bounded-read.ts";
import { parseModel } from "../io/model-file.ts";
import { OutputPathError, OutputTransaction, recoverInterrupted, type TransactionOptions } from "../io/output-dir.ts";
import { acquireOutputLock, type LockOptions, type OutputLock } from "../io/output-lock.ts";
import { MAX_INPUT_BYTES } from "../io/read-text.ts";
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
  checkedDocx?: BuildOptions["checkedDocx"];
  formats: BuildOptions["formats"];
  /** the folder's lock: the command recorded in it, how long to wait for another build (default: not at all) */
  lock?: LockOptions;
  /** test hooks of the commit (simulated kills) */
  transaction?: TransactionOptions;
}

/**
 * Subscribes `abort` to interruptions and returns the unsubscribe. `abort` drops the half-written folder (the
 * previous outputs stay) and makes every later write fail; what happens next (the CLI exits) is the caller's.
 */
export type InterruptHook = (abort: () => Promise<void>) => () => void;

export interface FolderBuildResult extends BuildResult {
  changes: string;
}

/** A file of the previous build, or undefined when it is missing, unreadable, not a regular file or larger than it may be. */
function readOptional(path: string, limit = MAX_INPUT_BYTES): Buffer | undefined {
  try {
    const read = readRegularFileBoundedSync(path, limit);
    return read.truncated ? undefined : Buffer.from(read.bytes);
  } catch {
    return undefined;
  }
}

/** A manifest lists every file of a build: far more than a model, still bounded. */
const MAX_MANIFEST_BYTES = 8 * MAX_INPUT_BYTES;

/** The folder's manifest as a previous build wrote it; undefined when it is missing or damaged. */
interface FolderManifest {
  files: ManifestEntry[];
  units: Record<string, OutputUnit>;
}

function readFolderManifest(target: string): FolderManifest | undefined {
  const bytes = readOptional(join(target, MANIFEST_NAME), MAX_MANIFEST_BYTES);
  if (!bytes) return undefined;
  try {
    const parsed = JSON.parse(bytes.toString("utf8")) as Partial<FolderManifest>;
    return Array.isArray(parsed.files) && parsed.units ? (parsed as FolderManifest) : undefined;
  } catch {
    return undefined;
  }
}

function previousBuild(target: string): PreviousBuild | undefined {
  // a missing or damaged manifest only costs a full build
  const manifest = readFolderManifest(target);
  if (!manifest) return undefined;
  return {
    units: manifest.units,
    async read(entry: ManifestEntry) {
      const source = join(target, entry.path);
      const data = readOptional(source, entry.bytes);
      return data && sha256(data) === entry.sha256 ? { data: new Uint8Array(data), source } : undefined;
    },
  };
}

const INITIAL_CHANGES = (decision: Decision) =>
  `# Thay đổi\n\nBản dựng đầu tiên của ${decision.document.number}/${decision.document.symbol}.\n`;

/** CHANGES.md against the previous build's model; unchanged model → the previous change log stays. */
async function changeLog(target: string, resolved: ResolvedDecision, resolver: AgencyResolver, source: string): Promise<string> {
  const { decision } = resolved;
  const previousSource = readOptional(join(target, MODEL_SNAPSHOT_NAME))?.toString("utf8");
  const previousChanges = readOptional(join(target, CHANGES_NAME))?.toString("utf8");
  if (previousSource === undefined) return INITIAL_CHANGES(decision);
  if (previousSource === source) return previousChanges ?? INITIAL_CHANGES(decision);
  const loaded = parseModel(previousSource, MODEL_SNAPSHOT_NAME);
  if (!loaded.decision) return INITIAL_CHANGES(decision);
  const before = loaded.migratedFrom ? withoutRedundantOverrides(loaded.decision, resolver) : loaded.decision;
  return formatChanges(diffModels(resolveDecision(before, resolver), resolved), `Thay đổi so với bản dựng trước (${decision.document.number}/${decision.document.symbol})`);
}

/** Runs `work` holding the folder's lock, after completing a commit that a killed build left halfway. */
async function withFolderLock<T>(target: string, options: LockOptions | undefined, work: (lock: OutputLock) => Promise<T>): Promise<T> {
  const lock = await acquireOutputLock(target, options ?? { command: "vanban build" });
  try {
    await recoverInterrupted(target);
    return await work(lock);
  } finally {
    await lock.release();
  }
}

/** `resolver` reads the previous build's model for CHANGES.md, against the same directory. */
export function buildToFolder(resolved: ResolvedDecision, resolver: AgencyResolver, ctx: RenderContext, packets: PacketRenderer, options: FolderBuildOptions): Promise<FolderBuildResult> {
  return withFolderLock(options.target, options.lock, (lock) => buildLocked(resolved, resolver, ctx, packets, options, lock));
}

async function buildLocked(
  resolved: ResolvedDecision,
  resolver: AgencyResolver,
  ctx: RenderContext,
  packets: PacketRenderer,
  options: FolderBuildOptions,
  lock: OutputLock,
): Promise<FolderBuildResult> {
  const { decision } = resolved;
  // An interruption ends the process: the half-written folder goes, and the lock with it. Subscribed before
  // the folder is touched, so that no moment of the build leaves either behind.
  let begun: Promise<OutputTransaction> | undefined;
  const unsubscribe = options.onInterrupt?.(async () => {
    await (await begun?.catch(() => undefined))?.abort();
    await lock.release();
  });
  try {
    const previous = options.force ? undefined : previousBuild(options.target);
    const changes = await changeLog(options.target, resolved, resolver, options.source);
    begun = OutputTransaction.begin(options.target, options.transaction);
    const transaction = await begun;
    try {
      const result = await buildOutputs(resolved, ctx, transaction, {
        documents: true,
        formats: options.formats,
        packets,
        toolVersion: options.toolVersion,
        previous,
        checkLayout: options.checkLayout,
        checkedDocx: options.checkedDocx,
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
    }
  } finally {
    unsubscribe?.();
  }
}

/** Every file under `root` (relative paths); a symbolic link anywhere in the folder is refused. */
async function filesOf(root: string, dir = ""): Promise<string[]> {
  const entries = await readdir(join(root, dir)).catch(() => [] as string[]);
  const files: string[] = [];
  for (const name of entries.sort()) {
    const path = dir ? `${dir}/${name}` : name;
    const info = await lstat(join(root, path));
    if (info.isSymbolicLink()) throw new OutputPathError(join(root, path));
    if (info.isDirectory()) files.push(...(await filesOf(root, path)));
    else if (info.isFile()) files.push(path);
  }
  return files;
}

export interface PacketReplacement {
  /** the packets' files, by path in the build folder (packets/<agency>/…) */
  files: ReadonlyMap<string, Uint8Array>;
  result: Pick<BuildResult, "entries" | "units" | "packetDirs">;
  lock?: LockOptions;
  transaction?: TransactionOptions;
}

/**
 * `build --agency`: those packets replace theirs in out/<document>/ and the folder's manifest lists their new
 * files and input fingerprints, all in one transaction: the folder is rebuilt beside itself from hard links of
 * every other file, so a failure leaves it as it was (no temporary folder inside packets/) and nothing is ever
 * written through a symbolic link. A folder without a readable manifest keeps having none (the next full build
 * writes one).
 */
export function replacePackets(target: string, replacement: PacketReplacement): Promise<void> {
  return withFolderLock(target, replacement.lock, async () => {
    const dirs = [...replacement.result.packetDirs.values()].map((dir) => `${dir}/`);
    const manifest = readFolderManifest(target);
    const kept = (await filesOf(target)).filter((path) => path !== MANIFEST_NAME && !dirs.some((dir) => path.startsWith(dir)));
    const transaction = await OutputTransaction.begin(target, replacement.transaction);
    try {
      for (const path of kept) await transaction.keep(path, join(target, path));
      for (const [path, data] of replacement.files) if (dirs.some((dir) => path.startsWith(dir))) await transaction.write(path, data);
      if (manifest) {
        manifest.files = sortEntries([...manifest.files.filter((entry) => !dirs.some((dir) => entry.path.startsWith(dir))), ...replacement.result.entries]);
        Object.assign(manifest.units, replacement.result.units);
        await transaction.write(MANIFEST_NAME, manifestBytes(manifest));
      }
      await transaction.commit();
    } catch (error) {
      await transaction.abort();
      throw error;
    }
  });
}
