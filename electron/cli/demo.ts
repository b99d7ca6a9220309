// `revops demo`: writes a synthetic workspace, the same generator the app
// uses on first start, at any scale for benchmarks.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { WorkbenchError } from '../../shared/envelope.js';
import { generateDemoWorkspace } from '../engine/demo/generateDemo.js';

type Io = { out(text: string): void; err(text: string): void };

function count(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new WorkbenchError(
      'invalid_argument',
      `--${name} takes a whole number, not ${text}`,
    );
  }
  return value;
}

export async function runDemo(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      seed: { type: 'string' },
      opportunities: { type: 'string' },
      subscriptions: { type: 'string' },
      accounts: { type: 'string' },
    },
  });
  const [workspace] = positionals;
  if (!workspace)
    throw new WorkbenchError('invalid_argument', 'demo needs a workspace path');
  const scale = Object.fromEntries(
    Object.entries({
      opportunities: count(values.opportunities, 'opportunities'),
      subscriptions: count(values.subscriptions, 'subscriptions'),
      accounts: count(values.accounts, 'accounts'),
    }).filter(([, value]) => value !== undefined),
  );
  const started = performance.now();
  const summary = generateDemoWorkspace(resolve(workspace), {
    seed: count(values.seed, 'seed') ?? 42,
    scale,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  io.out(`${JSON.stringify(summary)}\nWritten in ${seconds}s\n`);
  return 0;
}
