// The `revops` command line: the same engine and contract as the window,
// for scripts and checks. Results go to stdout, errors to stderr with a
// non-zero exit.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ArgsOf, MethodName, ResultOf } from '../../shared/contract.js';
import { WorkbenchError } from '../../shared/envelope.js';
import { invoke } from '../engine/dispatch.js';
import { Engine } from '../engine/engine.js';
import { printImport, printKpis, printProgress } from './output.js';
import { runDemo } from './demo.js';

const USAGE = `Usage:
  revops init <workspace>
  revops import <workspace> <file>... [--preset NAME] [--json]
  revops kpi <workspace> [--metric ID]... [--period YYYY|YYYY-Qn|YYYY-MM]
             [--by owner|manager|region|product|industry|quarter] [--json]
  revops demo <workspace> [--seed N] [--opportunities N] [--subscriptions N]
`;

type Io = {
  out(text: string): void;
  err(text: string): void;
  isTty: boolean;
};

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTty: Boolean(process.stderr.isTTY),
};

class UsageError extends Error {}

function usage(message: string): never {
  throw new UsageError(message);
}

function call<M extends MethodName>(
  engine: Engine,
  method: M,
  args: ArgsOf<M>,
): Promise<ResultOf<M>> {
  return invoke(engine.handlers, method, args);
}

function engineFor(): Engine {
  const userDataDir =
    process.env['REVOPS_DATA_DIR'] ?? mkdtempSync(join(tmpdir(), 'revops-cli-'));
  return new Engine({ userDataDir, mode: 'cli' });
}

async function runImport(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { preset: { type: 'string' }, json: { type: 'boolean' } },
  });
  const [workspace, ...files] = positionals;
  if (!workspace || files.length === 0) usage('import needs a workspace and at least one file');
  const engine = engineFor();
  try {
    await call(engine, 'workspace.open', { path: resolve(workspace) });
    const stopProgress = io.isTty && !values.json
      ? engine.on('job.progress', (progress) => io.err(printProgress(progress)))
      : () => undefined;
    const { jobId } = await call(engine, 'import.start', {
      files: files.map((file) => ({ path: resolve(file) })),
      preset: values.preset,
    });
    const finished = await engine.waitForJob(jobId);
    stopProgress();
    io.out(printImport(finished, Boolean(values.json)));
    const hasFailed = finished.state !== 'done' ||
      finished.results.some((result) => result.status !== 'committed');
    if (hasFailed && finished.message) io.err(`${finished.message}\n`);
    return hasFailed ? 1 : 0;
  } finally {
    await engine.close();
  }
}

async function runKpi(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      metric: { type: 'string', multiple: true },
      period: { type: 'string' },
      by: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const [workspace] = positionals;
  if (!workspace) usage('kpi needs a workspace');
  const engine = engineFor();
  try {
    await call(engine, 'workspace.open', { path: resolve(workspace) });
    const result = await call(engine, 'kpi.compute', {
      metrics: (values.metric ?? []) as ArgsOf<'kpi.compute'>['metrics'],
      period: values.period,
      by: values.by as ArgsOf<'kpi.compute'>['by'],
    });
    io.out(printKpis(result.metrics, Boolean(values.json)));
    return 0;
  } finally {
    await engine.close();
  }
}

async function runInit(argv: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true });
  const [workspace] = positionals;
  if (!workspace) usage('init needs a workspace path');
  const engine = engineFor();
  try {
    const info = await call(engine, 'workspace.create', { path: resolve(workspace) });
    io.out(`Created workspace ${info.name} at ${info.path}\n`);
    return 0;
  } finally {
    await engine.close();
  }
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'init':
        return await runInit(rest, io);
      case 'import':
        return await runImport(rest, io);
      case 'kpi':
        return await runKpi(rest, io);
      case 'demo':
        return await runDemo(rest, io);
      case undefined:
      case 'help':
      case '--help':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        usage(`unknown command ${command}`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`revops: ${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof WorkbenchError) {
      io.err(`revops: ${error.message}\n`);
      return 1;
    }
    io.err(`revops: unexpected failure: ${(error as Error).message}\n`);
    return 1;
  }
}

export type { Io };

const isEntry = process.argv[1] !== undefined &&
  import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href;
if (isEntry) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
