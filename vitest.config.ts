import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";

/**
 * `npm test` runs everything but the LibreOffice checks (test/support/libreoffice.ts: they run with
 * VANBAN_TEST_LIBREOFFICE=1, `npm run test:libreoffice`). `npm run test:fast` (`vitest run --mode fast`) is the
 * edit loop: no child processes (the tests that start the compiled CLI, LibreOffice or poppler report
 * themselves skipped, and dist/ is not compiled) and no property tests. The projects below read this file
 * again in the default mode: a setting that differs by mode belongs at the top, where they inherit it.
 */
const LEFT_OUT_WHEN_FAST = {
  files: ["test/property/**"],
  /** read by test/support/cli.ts ("vanban": the compiled CLI) and test/support/libreoffice.ts (the tools) */
  children: ["vanban", "soffice", "pdftoppm", "pdftotext", "pdfinfo"],
};

/**
 * Unit tests that set up process-wide state of their own (the PDF runtime's patches, caches and fast paths;
 * fonts from test folders) get a process per file.
 */
const STATEFUL_UNIT_FILES = [
  "test/unit/write/pdf/metadata.test.ts",
  "test/unit/write/pdf/runtime-fallback.test.ts",
  "test/unit/write/pdf/runtime-shapes.test.ts",
  "test/unit/io/fonts.test.ts",
];
/**
 * Integration tests that mock modules (node:fs, a command) get a process per file, and so does the code-cache
 * test: V8 takes a code cache only under the flags it was made with, and a build sets --expose-gc at run time
 * (src/write/collect-garbage.ts) in whatever process it runs in.
 */
const INTEGRATION_FILES_OF_THEIR_OWN = ["test/integration/output-faults.test.ts", "test/integration/internal-error.test.ts", "test/integration/code-cache.test.ts"];
const ISOLATED_FILES = [...INTEGRATION_FILES_OF_THEIR_OWN, ...STATEFUL_UNIT_FILES];

export default defineConfig(({ mode }) => {
  const fast = mode === "fast";
  const exclude = fast ? [...configDefaults.exclude, ...LEFT_OUT_WHEN_FAST.files] : configDefaults.exclude;
  return {
    test: {
      env: fast ? { VANBAN_TEST_WITHOUT: LEFT_OUT_WHEN_FAST.children.join(",") } : {},
      environment: "node",
      // processes, not threads: tests set process.env.TZ, which applies to the whole process
      pool: "forks",
      // vitest's default is one CPU fewer, i.e. one file at a time on a two-core machine
      maxWorkers: Math.max(2, availableParallelism()),
      testTimeout: 60_000,
      hookTimeout: 60_000,
      reporters: ["default", "./test/support/summary-reporter.ts"],
      projects: [
        {
          extends: true,
          test: {
            name: "shared",
            include: ["test/**/*.test.ts"],
            exclude: [...exclude, ...ISOLATED_FILES],
            // These leave no process-wide state behind (a test that changes some restores it), so their files
            // share the worker processes: a fresh process per file would load docx, pdfmake and exceljs anew.
            isolate: false,
            // A young generation of 64 MB a half (V8's default is 16 MB at most): the renderers allocate many
            // short-lived objects, and these workers live for the whole run. The suite took 1:48 (180 s of CPU)
            // without it, 1:42 (167 s) with it, and 1:45 with 128 MB.
            execArgv: ["--max-semi-space-size=64"],
            // The compiled CLI in child processes runs dist/: compiled once per run. Set here only, not at the
            // top: each project runs the global setup it has, inherited ones too.
            globalSetup: fast ? [] : ["./test/support/global-setup.ts"],
          },
        },
        {
          extends: true,
          test: {
            name: "isolated",
            include: ISOLATED_FILES,
            exclude,
          },
        },
      ],
    },
  };
});
