import { existsSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { formatDiagnostics } from "../diagnostics/format.ts";
import { diagnose } from "../diagnostics/rules.ts";
import { BuildSession } from "../pipeline/build-session.ts";
import { runBuild, type BuildCommandOptions } from "./build.ts";
import { EXIT } from "./output.ts";
import { interruptible } from "./signals.ts";

/** Editors save by writing in place or by replacing the file: watch the folder and debounce. */
const DEBOUNCE_MS = 250;
const WAIT_FOR_OTHER_BUILD_SECONDS = 600;
/** How often a deleted folder is looked for again (a watch on it ended with it). */
const FOLDER_POLL_MS = 500;

/**
 * `vanban watch <model.yaml>`: an incremental build on every save, one summary per rebuild with the
 * validation diagnostics. A model with errors writes nothing; the last good outputs stay. A deleted or moved
 * folder is reported and watched for until it is back (then the model is rebuilt); Ctrl-C while idle stops
 * with 0, during a rebuild it interrupts it (130, previous outputs kept).
 */
export async function runWatch(file: string, options: BuildCommandOptions): Promise<number> {
  const path = resolve(file);
  const folder = dirname(path);
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let poll: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  let rebuilds = 0;
  // fonts, measurer and the layout-check thread stay warm from one rebuild to the next
  const session = new BuildSession();
  const report = (ruleId: "watch/folder-gone" | "watch/model-gone") =>
    process.stderr.write(`${formatDiagnostics([diagnose(ruleId, { folder }, { file })])}\n`);

  const rebuild = (reason: string) => {
    running = running.then(async () => {
      if (!existsSync(path)) return report("watch/model-gone");
      rebuilds++;
      process.stderr.write(`— ${reason} (build ${rebuilds}) —\n`);
      // Ctrl-C now interrupts the rebuild (the build drops what it half wrote) instead of waiting for it.
      const done = interruptible();
      try {
        // Letters in this thread: after the first build pdfmake and the fonts are warm. A build started by hand
        // into the same folder is waited for, not reported as busy.
        await runBuild(file, { ...options, workers: "0", wait: WAIT_FOR_OTHER_BUILD_SECONDS, session, command: "watch" });
      } finally {
        done();
      }
    });
  };

  /** The folder went away (deleted, moved, a share that dropped): say so, and look for it until it is back. */
  const folderGone = () => {
    watcher?.close();
    watcher = undefined;
    clearTimeout(timer);
    report("watch/folder-gone");
    poll = setInterval(() => {
      if (!existsSync(folder)) return;
      clearInterval(poll);
      startWatching();
      rebuild(`${basename(folder)} is back`);
    }, FOLDER_POLL_MS);
  };

  const startWatching = () => {
    watcher = watch(folder, (_event, name) => {
      if (!existsSync(folder)) return folderGone();
      if (name !== basename(path)) return;
      clearTimeout(timer);
      timer = setTimeout(() => rebuild(`${basename(path)} changed`), DEBOUNCE_MS);
    });
    watcher.on("error", () => (existsSync(folder) ? undefined : folderGone()));
  };

  rebuild("start");
  if (existsSync(folder)) startWatching();
  else folderGone();
  process.stderr.write(`watching ${file}; Ctrl-C to stop\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      watcher?.close();
      clearTimeout(timer);
      clearInterval(poll);
      void running.then(() => session.close()).then(() => done());
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return EXIT.ok;
}
