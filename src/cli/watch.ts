import { watch } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { runBuild, type BuildCommandOptions } from "./build.ts";

/** Editors save by writing in place or by replacing the file: watch the folder and debounce. */
const DEBOUNCE_MS = 250;
const WAIT_FOR_OTHER_BUILD_SECONDS = 600;

/**
 * `vanban watch <model.yaml>`: an incremental build on every save, one summary per rebuild with the
 * validation diagnostics. A model with errors writes nothing; the last good outputs stay.
 */
export async function runWatch(file: string, options: BuildCommandOptions): Promise<number> {
  const path = resolve(file);
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let rebuilds = 0;
  const rebuild = (reason: string) => {
    running = running.then(async () => {
      rebuilds++;
      process.stderr.write(`— ${reason} (build ${rebuilds}) —\n`);
      // Letters in this thread: after the first build pdfmake and the fonts are warm. A build started by hand
      // into the same folder is waited for, not reported as busy.
      await runBuild(file, { ...options, workers: "0", wait: WAIT_FOR_OTHER_BUILD_SECONDS });
    });
  };
  rebuild("start");
  const watcher = watch(dirname(path), (_event, name) => {
    if (name !== basename(path)) return;
    clearTimeout(timer);
    timer = setTimeout(() => rebuild(`${basename(path)} changed`), DEBOUNCE_MS);
  });
  process.stderr.write(`watching ${file}; Ctrl-C to stop\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      watcher.close();
      clearTimeout(timer);
      void running.then(() => done());
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}
