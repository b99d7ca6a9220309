// Runs every check: types, lint (the folder boundaries live there), format,
// the build (end-to-end and command-line tests use the built output), then
// the unit, integration and end-to-end suites.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (pkg, file) => join(root, 'node_modules', pkg, file);

function run(label, args) {
  process.stdout.write(`\n== ${label}\n`);
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    process.stderr.write(`test: ${label} failed\n`);
    process.exit(result.status ?? 1);
  }
}

run('type check', [
  bin('typescript', 'bin/tsc'),
  '-p',
  'tsconfig.json',
  '--noEmit',
]);
run('lint', [bin('eslint', 'bin/eslint.js'), '.']);
run('format', [bin('prettier', 'bin/prettier.cjs'), '--check', '.']);
run('build', [join(root, 'scripts', 'build.mjs')]);
run('tests', [bin('vitest', 'vitest.mjs'), 'run', ...process.argv.slice(2)]);
