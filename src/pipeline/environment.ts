import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { DEFAULT_DIRECTORY, loadDirectory, loadKnownTypos } from "../io/directory.ts";
import { AgencyResolver } from "../resolve/resolve-cell.ts";
import type { ValidationEnv } from "../validate/context.ts";

/** Loads what validation needs from disk: the agency directory and the known-typo table. */
export async function loadValidationEnv(directoryFile = DEFAULT_DIRECTORY): Promise<{ env?: ValidationEnv; diagnostics: Diagnostic[] }> {
  const { directory, diagnostics } = await loadDirectory(directoryFile);
  if (!directory) return { diagnostics };
  return { env: { resolver: new AgencyResolver(directory), knownTypos: await loadKnownTypos() }, diagnostics };
}
