/**
 * Renders each agency's packet files (letter PDF + workbook), in this thread or spread over worker threads
 * (each with its own pdfmake and exceljs). Output bytes do not depend on which thread rendered a packet.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { composeLetterText } from "../letters/letter-text.ts";
import { TemplateError, templateErrorDiagnostic, type LetterWording } from "../letters/templates.ts";
import { loadLetterWording } from "../io/templates.ts";
import type { AgencyAssignment, ResolvedDecision } from "../resolve/resolve-decision.ts";
import type { RenderContext } from "../write/context.ts";
import { OUTPUT_FORMATS, type OutputFormat } from "./formats.ts";
import { settlePacket, startPacket, type PacketFiles } from "./packet-render.ts";
import type { CheckedDocxWriter } from "./render-documents.ts";
import type { PacketJob, PacketReply, PacketWorkerData } from "./packet-worker.ts";
import { sha256 } from "./manifest.ts";
import { fontChoice } from "../io/fonts.ts";

export type Progress = ((stage: string, done: number, total: number) => void) | undefined;
/** Receives packet `index` (of the assignments given) once rendered. */
export type PacketHandler = (index: number, files: PacketFiles) => Promise<void>;

export interface PacketRenderer {
  /** SHA-256 of the wording (templates) and the letter formats: part of every packet's input fingerprint */
  readonly fingerprint: string;
  /** worker threads the last render used (0: this thread) */
  readonly workersUsed: number;
  /**
   * Renders the packets and hands each to `onPacket` as soon as it is done (in completion order), so that a
   * large build never holds every packet in memory. Resolves when every packet is handed over and handled.
   */
  render(resolved: ResolvedDecision, assignments: readonly AgencyAssignment[], onPacket: PacketHandler, onProgress?: Progress, checkedDocx?: CheckedDocxWriter): Promise<void>;
  close(): Promise<void>;
}

/**
 * Below this many packets per worker, starting one costs more than it saves: each worker loads pdfmake,
 * exceljs and the fonts and JIT-compiles them anew. Measured on the seed (41 packets, 2 cores): one thread
 * 6.1 s, two workers 6.6 s; a worker reaches the main thread's warm speed only after dozens of packets.
 */
export const MIN_PACKETS_PER_WORKER = 50;

class InProcessPackets implements PacketRenderer {
  readonly fingerprint: string;
  readonly workersUsed = 0;

  constructor(
    private readonly ctx: RenderContext,
    private readonly wording: LetterWording,
    private readonly formats: readonly OutputFormat[],
  ) {
    // the letter's formats are part of what a packet is made from
    this.fingerprint = sha256(JSON.stringify({ wording: wording.sources, formats }));
  }

  /**
   * Composes every letter's wording before rendering: a template that fails on some agency's data (strict
   * mode) becomes a TemplateError here, in this thread, rather than a bare message from a worker.
   */
  checkWording(resolved: ResolvedDecision, assignments: readonly AgencyAssignment[]): void {
    for (const assignment of assignments) composeLetterText(resolved, assignment, this.wording);
  }

  async render(resolved: ResolvedDecision, assignments: readonly AgencyAssignment[], onPacket: PacketHandler, onProgress?: Progress, checkedDocx?: CheckedDocxWriter): Promise<void> {
    this.checkWording(resolved, assignments);
    // One packet in hand while the next renders: its letter DOCX is written on the checker's thread meanwhile.
    let handing: Promise<void> = Promise.resolve();
    for (const [index, assignment] of assignments.entries()) {
      const packet = await startPacket(resolved, assignment, this.ctx, this.wording, this.formats, checkedDocx);
      await handing;
      handing = settlePacket(packet).then(async (files) => {
        await onPacket(index, files);
        onProgress?.("packets", index + 1, assignments.length);
      });
      // awaited before the next packet is handed over, and at the end
      handing.catch(() => undefined);
    }
    await handing;
  }

  async close(): Promise<void> {}
}

class WorkerPackets implements PacketRenderer {
  private readonly workers: Worker[] = [];
  workersUsed = 0;

  get fingerprint(): string {
    return this.fallback.fingerprint;
  }

  constructor(
    private readonly count: number,
    private readonly auto: boolean,
    private readonly data: Omit<PacketWorkerData, "decision" | "directory">,
    private readonly fallback: InProcessPackets,
  ) {}

  async render(resolved: ResolvedDecision, assignments: readonly AgencyAssignment[], onPacket: PacketHandler, onProgress?: Progress, checkedDocx?: CheckedDocxWriter): Promise<void> {
    // "auto" starts a worker per MIN_PACKETS_PER_WORKER packets; an explicit number is taken as asked.
    const count = Math.min(this.count, this.auto ? Math.floor(assignments.length / MIN_PACKETS_PER_WORKER) : assignments.length);
    this.workersUsed = count < 2 ? 0 : count;
    if (count < 2) return this.fallback.render(resolved, assignments, onPacket, onProgress, checkedDocx);
    this.fallback.checkWording(resolved, assignments);
    // Packets are handled one after another, in the order they arrive; a failure is reported below.
    let handled: Promise<void> = Promise.resolve();
    let next = 0;
    let done = 0;
    const workerData: PacketWorkerData = { ...this.data, decision: resolved.decision, directory: resolved.directory };
    await Promise.all(
      Array.from({ length: count }, async () => {
        const worker = new Worker(new URL("./packet-worker.js", import.meta.url), { workerData });
        this.workers.push(worker);
        await new Promise<void>((resolve, reject) => {
          const send = () => {
            if (next >= assignments.length) return resolve();
            const job: PacketJob = { index: next, agencyId: assignments[next]!.agency.id };
            next++;
            worker.postMessage(job);
          };
          worker.on("message", (reply: PacketReply) => {
            if ("error" in reply) return reject(new Error(reply.error));
            handled = handled.then(() => onPacket(reply.index, reply.files));
            handled.catch(reject);
            onProgress?.("packets", ++done, assignments.length);
            send();
          });
          worker.on("error", reject);
          worker.once("online", send);
        });
      }),
    );
    await handled;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

export interface PacketRendererOptions {
  templatesDir?: string | undefined;
  /** "auto" (default), or a number of worker threads; 0 renders in this thread */
  workers?: string | undefined;
  /** the letter's formats (default: all) */
  formats?: readonly OutputFormat[] | undefined;
}

export async function createPacketRenderer(
  ctx: RenderContext,
  options: PacketRendererOptions,
): Promise<{ renderer?: PacketRenderer; diagnostics: Diagnostic[] }> {
  let wording: LetterWording;
  try {
    wording = await loadLetterWording(options.templatesDir);
  } catch (error) {
    if (error instanceof TemplateError) return { diagnostics: [templateErrorDiagnostic(error)] };
    throw error;
  }
  const formats = options.formats ?? OUTPUT_FORMATS;
  const inProcess = new InProcessPackets(ctx, wording, formats);
  const auto = options.workers === undefined || options.workers === "auto";
  // the main thread renders the decision meanwhile: auto leaves it one core (on 2 cores, no worker at all:
  // 1,000 letters took 79 s with two workers and 56 s in one thread in issue 16's measurements)
  const requested = auto ? Math.min(availableParallelism() - 1, 4) : Number(options.workers);
  // Workers run compiled JavaScript; under tsx or vitest (sources in .ts) letters render in this thread.
  const compiled = import.meta.url.endsWith(".js");
  if (!compiled || !(requested >= 2)) return { renderer: inProcess, diagnostics: [] };
  const data = { profile: ctx.layout.id, wording, formats: [...formats], fonts: fontChoice(ctx.fonts) };
  return { renderer: new WorkerPackets(requested, auto, data, inProcess), diagnostics: [] };
}
