/**
 * Ctrl-C (SIGINT) and SIGTERM while vanban works: one handler for the process, which runs the cleanups of the
 * work in progress (a build drops its half-written folder and its lock), says so in one line (no stack
 * trace) and exits 130 or 143. While nothing is registered, the signal is not vanban's to handle (`watch`
 * stops watching; otherwise Node's default applies).
 */
import { EXIT } from "./output.ts";

type Cleanup = () => Promise<void>;

const cleanups = new Set<Cleanup>();

function onSignal(signal: NodeJS.Signals): void {
  process.stderr.write(`\nvanban: interrupted (${signal}); previous outputs kept\n`);
  void Promise.allSettled([...cleanups].map((cleanup) => cleanup())).finally(() =>
    process.exit(signal === "SIGINT" ? EXIT.interrupted : EXIT.terminated),
  );
}

/** Makes the work in progress interruptible until the returned function is called. */
export function interruptible(cleanup: Cleanup = async () => undefined): () => void {
  if (cleanups.size === 0) {
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    }
  };
}
