// Fresh workspace files in temp folders, one per test.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Db } from '../../electron/engine/store/database.js';

export const repoRoot = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
);
export const realDataDir = join(repoRoot, '..', 'shared', 'data', 'real');
export const importCasesDir = join(
  repoRoot,
  '..',
  'shared',
  'data',
  'import-cases',
);

export type TempDir = {
  dir: string;
  file(name: string, content: string | Buffer): string;
  remove(): void;
};

export function tempDir(prefix = 'revops-test-'): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function tempWorkspace(): { db: Db; path: string; temp: TempDir } {
  const temp = tempDir();
  const path = join(temp.dir, 'test.revops');
  const db = openDatabase(path, { create: true });
  return { db, path, temp };
}
