/**
 * One of vanban's own files could not be loaded: the installation changed under the running process (`npm ci`,
 * an upgrade or a rebuild while a build or `watch` ran, the bundle's chunks renamed or gone). Not a bug and not
 * an output failure, though the error underneath (ENOENT on a path) looks like one. Marked by a code, not a
 * class: the bundle's loader (bin.ts) and the commands it loads are bundled apart and share no class.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diagnose } from "../diagnostics/rules.ts";

const INSTALLATION_CHANGED = "VANBAN_INSTALLATION_CHANGED";

interface InstallationChanged extends Error {
  code: typeof INSTALLATION_CHANGED;
  /** the file of vanban's that could not be loaded */
  path: string;
  /** why, in words */
  reason: string;
}

export function installationChanged(path: string, cause: unknown): InstallationChanged {
  const reason = (cause as NodeJS.ErrnoException | undefined)?.code === "ENOENT" ? "it is not there" : cause instanceof Error ? cause.message : String(cause);
  return Object.assign(new Error(`cannot load ${path}: ${reason}`), { code: INSTALLATION_CHANGED, path, reason } as const);
}

function isInstallationChanged(error: unknown): error is InstallationChanged {
  return error instanceof Error && (error as { code?: unknown }).code === INSTALLATION_CHANGED;
}

/** The diagnostic of an installation that changed under the running command, or undefined for any other error. */
export function installationChangedDiagnostic(error: unknown): Diagnostic | undefined {
  if (!isInstallationChanged(error)) return undefined;
  return diagnose("internal/installation-changed", { file: error.path, reason: error.reason }, { file: error.path });
}
