// better-sqlite3 is a native module: `npm install` builds it for Node, and
// the desktop app needs a build for Electron's ABI. The Electron build is
// kept apart under native/electron/ and chosen here at run time, so tests and
// the command line keep working after the app has run, and the other way
// round.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('projectRoot: no package.json above');
    dir = parent;
  }
  return dir;
}

export function electronBindingPath(root = projectRoot()): string {
  return join(root, 'native', 'electron', 'better_sqlite3.node');
}

/** The binding for this runtime, or undefined for the package's own. */
export function nativeBindingForRuntime(): string | undefined {
  if (!process.versions['electron']) return undefined;
  const override = process.env['REVOPS_SQLITE_BINDING'];
  if (override) return override;
  const path = electronBindingPath();
  return existsSync(path) ? path : undefined;
}
