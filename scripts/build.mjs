// Builds every front door: the main-process code with tsc, the preload as
// one CommonJS file (a sandboxed preload cannot load ES modules), and the
// renderer with Vite.
import { build as esbuild } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`build: ${command} ${args.join(' ')} failed\n`);
    process.exit(result.status ?? 1);
  }
}

rmSync(join(root, 'dist'), { recursive: true, force: true });
run(process.execPath, [
  join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
  '-p',
  'tsconfig.build.json',
]);
await esbuild({
  entryPoints: [join(root, 'electron', 'preload.ts')],
  outfile: join(root, 'dist', 'electron', 'preload.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  logLevel: 'warning',
});
await viteBuild({
  root: join(root, 'renderer'),
  configFile: join(root, 'vite.config.ts'),
  logLevel: 'warn',
});
process.stdout.write('build: done\n');
