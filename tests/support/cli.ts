// Runs the built `revops` command as a user's script would, building it
// first when the build is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './workspace.js';

const BIN = join(repoRoot, 'bin', 'revops.js');
const BUILT = join(repoRoot, 'dist', 'electron', 'cli', 'main.js');

export function ensureBuilt(): void {
  if (existsSync(BUILT)) return;
  const build = spawnSync(
    process.execPath,
    [join(repoRoot, 'scripts', 'build.mjs')],
    { stdio: 'inherit' },
  );
  if (build.status !== 0) throw new Error('ensureBuilt: the build failed');
}

export function revops(args: string[], dataDir: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, REVOPS_DATA_DIR: dataDir, REVOPS_LOG_LEVEL: 'warn' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
