// Runs every suite: build first (the end-to-end and command-line tests use
// the built output), then unit, integration and end-to-end tests.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function run(args) {
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
  });
  return result.status ?? 1;
}

if (run([join(root, 'scripts', 'build.mjs')]) !== 0) process.exit(1);
const status = run([
  join(root, 'node_modules', 'vitest', 'vitest.mjs'),
  'run',
  ...process.argv.slice(2),
]);
process.exit(status);
