// Paths the shell receives from outside: the command line (a workspace
// double-clicked in the file manager), the save dialog, the environment.
import { extname, isAbsolute, resolve } from 'node:path';

export const WORKSPACE_EXTENSION = '.revops';

function isWorkspaceFile(arg: string): boolean {
  return !arg.startsWith('-') && extname(arg).toLowerCase() === '.revops';
}

/**
 * The workspace file among the program's arguments, if any; the operating
 * system passes it when a `.revops` file is opened with the app. Switches
 * and the app folder (`.`) are skipped.
 */
export function workspacePathFromArgv(
  argv: readonly string[],
  workingDirectory: string,
): string | null {
  const found = argv.findLast(isWorkspaceFile);
  return found === undefined ? null : resolve(workingDirectory, found);
}

/** Linux save dialogs do not add the extension the filter names. */
export function withWorkspaceExtension(path: string): string {
  return extname(path).toLowerCase() === WORKSPACE_EXTENSION
    ? path
    : `${path}${WORKSPACE_EXTENSION}`;
}

/**
 * A data folder given by REVOPS_USER_DATA_DIR (the end-to-end tests use a
 * fresh one each), or null to keep Electron's default.
 */
export function userDataDirFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  workingDirectory: string,
): string | null {
  const wanted = env['REVOPS_USER_DATA_DIR']?.trim();
  if (!wanted) return null;
  return isAbsolute(wanted) ? wanted : resolve(workingDirectory, wanted);
}
