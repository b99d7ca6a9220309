// Generates a benchmark workspace of a million deals and 200,000
// subscriptions from the built engine, and reports how long it took.
//
//   node scripts/build.mjs
//   node tests/bench/generate-workspace.mjs /tmp/bench.revops [--seed 42]
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const built = join(
  root,
  'dist',
  'electron',
  'engine',
  'demo',
  'generateDemo.js',
);

const BENCH_SCALE = {
  accounts: 50_000,
  opportunities: 1_000_000,
  subscriptions: 200_000,
  tickets: 150_000,
};

function parseArgs(argv) {
  const args = { path: null, seed: 42 };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--seed') {
      args.seed = Number(argv[index + 1]);
      index += 1;
    } else if (args.path === null) {
      args.path = resolve(arg);
    } else {
      throw new Error(`generate-workspace: unexpected argument ${arg}`);
    }
  }
  if (args.path === null || !Number.isSafeInteger(args.seed)) {
    throw new Error(
      'usage: node tests/bench/generate-workspace.mjs <file.revops> [--seed N]',
    );
  }
  return args;
}

async function main() {
  const { path, seed } = parseArgs(process.argv.slice(2));
  if (!existsSync(built)) {
    throw new Error(`generate-workspace: build first; ${built} is missing`);
  }
  const { generateDemoWorkspace } = await import(pathToFileURL(built).href);
  let lastReport = 0;
  const startedAt = performance.now();
  const summary = generateDemoWorkspace(path, {
    seed,
    scale: BENCH_SCALE,
    onProgress(done, total) {
      const now = performance.now();
      if (now - lastReport < 5_000 && done < total) return;
      lastReport = now;
      const percent = total === 0 ? 100 : (100 * done) / total;
      process.stderr.write(`generate-workspace: ${percent.toFixed(0)}%\n`);
    },
  });
  const seconds = (performance.now() - startedAt) / 1000;
  const rows = Object.values(summary).reduce((sum, value) => sum + value, 0);
  const result = {
    path,
    seed,
    seconds: Number(seconds.toFixed(1)),
    rows,
    rowsPerSecond: Math.round(rows / seconds),
    opportunitiesPerSecond: Math.round(summary.opportunities / seconds),
    summary,
  };
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
