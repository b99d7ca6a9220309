// The `revops` command line: the same engine and contract as the window,
// for scripts and checks. Results go to stdout, errors to stderr with a
// non-zero exit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ArgsOf, MethodName, ResultOf } from '../../shared/contract.js';
import { WorkbenchError } from '../../shared/envelope.js';
import { invoke } from '../engine/dispatch.js';
import { ENTITY_TABLES } from '../engine/import/presets/types.js';
import { setLogLevel } from '../engine/logger.js';
import { Engine } from '../engine/engine.js';
import {
  csvField,
  EXPORT_ENTITIES,
  exportHeader,
  exportRecords,
  isExportEntity,
} from '../engine/export/exportRecords.js';
import {
  printBatches,
  printImport,
  printKpis,
  printProgress,
} from './output.js';
import { runDemo } from './demo.js';

const USAGE = `Usage:
  revops init <workspace>
  revops import <workspace> <file>... [--entity NAME] [--preset NAME]
             [--encoding E] [--delimiter D] [--sheet NAME] [--locale L]
             [--date-order dmy|mdy|ymd] [--currency CODE] [--dry-run] [--json]
  revops export <workspace> <entity> [--json|--csv]
  revops batches <workspace> [--json]
  revops duplicates <workspace> [--json]
  revops rollback <workspace> <batch>
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

/** Scratch folders of this run, removed when it ends. */
const scratchDirs: string[] = [];

function engineFor(): Engine {
  let userDataDir = process.env['REVOPS_DATA_DIR'];
  if (!userDataDir) {
    userDataDir = mkdtempSync(join(tmpdir(), 'revops-cli-'));
    scratchDirs.push(userDataDir);
  }
  return new Engine({ userDataDir, mode: 'cli' });
}

const IMPORT_ENTITIES: string[] = [...ENTITY_TABLES];

const DELIMITER_NAMES: Record<string, string> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  tab: '\t',
  '\\t': '\t',
  '\t': '\t',
  '|': '|',
  pipe: '|',
};

/** The decimal mark a locale writes, e.g. `de-DE` gives a comma. */
export function decimalMarkOf(locale: string): '.' | ',' {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(locale).formatToParts(1.5);
  } catch {
    usage(`unknown locale ${locale}`);
  }
  return parts.find((part) => part.type === 'decimal')?.value === ','
    ? ','
    : '.';
}

function importOptions(values: Record<string, string | boolean | undefined>) {
  const text = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const delimiter = text('delimiter');
  const dateOrder = text('date-order');
  if (delimiter !== undefined && !(delimiter in DELIMITER_NAMES)) {
    usage(`--delimiter takes , ; tab or |, not ${delimiter}`);
  }
  if (dateOrder !== undefined && !['dmy', 'mdy', 'ymd'].includes(dateOrder)) {
    usage(`--date-order takes dmy, mdy or ymd, not ${dateOrder}`);
  }
  const locale = text('locale');
  const entity = text('entity');
  if (entity !== undefined && !IMPORT_ENTITIES.includes(entity)) {
    usage(`--entity takes one of ${IMPORT_ENTITIES.join(', ')}, not ${entity}`);
  }
  return {
    entity,
    preset: text('preset'),
    encoding: text('encoding'),
    sheet: text('sheet'),
    delimiter: delimiter === undefined ? undefined : DELIMITER_NAMES[delimiter],
    decimalMark: locale === undefined ? undefined : decimalMarkOf(locale),
    dateOrder,
    currency: text('currency')?.toUpperCase(),
    isDryRun: values['dry-run'] === true ? true : undefined,
  } as Omit<ArgsOf<'import.start'>, 'files'>;
}

async function runImport(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      entity: { type: 'string' },
      preset: { type: 'string' },
      mapping: { type: 'string' },
      encoding: { type: 'string' },
      delimiter: { type: 'string' },
      sheet: { type: 'string' },
      locale: { type: 'string' },
      'date-order': { type: 'string' },
      currency: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const [workspace, ...files] = positionals;
  if (!workspace || files.length === 0) {
    usage('import needs a workspace and at least one file');
  }
  if (values.mapping !== undefined) {
    // TODO(#3) saved column mappings; until then presets and layouts decide.
    usage('--mapping is not available yet; use --preset or --entity');
  }
  const options = importOptions(values);
  const engine = engineFor();
  try {
    await call(engine, 'workspace.open', { path: resolve(workspace) });
    const stopProgress =
      io.isTty && !values.json
        ? engine.on('job.progress', (progress) =>
            io.err(printProgress(progress)),
          )
        : () => undefined;
    const { jobId } = await call(engine, 'import.start', {
      files: files.map((file) => ({ path: resolve(file) })),
      ...options,
    });
    const finished = await engine.waitForJob(jobId);
    stopProgress();
    io.out(printImport(finished, Boolean(values.json)));
    const expected = options.isDryRun ? 'dry_run' : 'committed';
    const hasFailed =
      finished.state !== 'done' ||
      finished.results.some((result) => result.status !== expected);
    // The results above already carry each file's own message.
    if (hasFailed && finished.results.length === 0 && finished.message) {
      io.err(`${finished.message}\n`);
    }
    return hasFailed ? 1 : 0;
  } finally {
    await engine.close();
  }
}

async function runExport(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, csv: { type: 'boolean' } },
  });
  const [workspace, entity] = positionals;
  if (!workspace || !entity) usage('export needs a workspace and an entity');
  if (values.json && values.csv) usage('choose --json or --csv, not both');
  const engine = engineFor();
  try {
    await call(engine, 'workspace.open', { path: resolve(workspace) });
    const records = exportRecords(engine.currentWorkspace().db, entity);
    if (values.json) {
      io.out('[');
      let isFirst = true;
      for (const record of records) {
        io.out(`${isFirst ? '' : ','}\n${JSON.stringify(record)}`);
        isFirst = false;
      }
      io.out(isFirst ? ']\n' : '\n]\n');
      return 0;
    }
    const { db } = engine.currentWorkspace();
    if (!isExportEntity(entity)) {
      throw new WorkbenchError(
        'invalid_argument',
        `Cannot export ${entity}. Choose one of ${EXPORT_ENTITIES.join(', ')}.`,
      );
    }
    io.out(`${exportHeader(db, entity).map(csvField).join(',')}\n`);
    for (const record of records) {
      io.out(`${Object.values(record).map(csvField).join(',')}\n`);
    }
    return 0;
  } finally {
    await engine.close();
  }
}

async function runBatches(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' } },
  });
  const [workspace] = positionals;
  if (!workspace) usage('batches needs a workspace');
  const engine = engineFor();
  try {
    await call(engine, 'workspace.open', { path: resolve(workspace) });
    const batches = await call(engine, 'import.batches', {});
    io.out(printBatches(batches, Boolean(values.json)));
    return 0;
  } finally {
    await engine.close();
  }
}

async function runDuplicates(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' } },
  });
  const [workspace] = positionals;
  if (!workspace) usage('duplicates needs a workspace');
  const engine = engineFor();
  try {
    await call(engine, 'workspace.open', { path: resolve(workspace) });
    const suggestions = await call(engine, 'identity.duplicates', {});
    if (values.json) {
      io.out(`${JSON.stringify({ suggestions })}\n`);
      return 0;
    }
    if (suggestions.length === 0) io.out('No likely duplicates.\n');
    for (const suggestion of suggestions) {
      io.out(
        `${suggestion.entity}: ${suggestion.labels.join(' / ')}\n  ${suggestion.evidence}\n`,
      );
    }
    return 0;
  } finally {
    await engine.close();
  }
}

async function runRollback(argv: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true });
  const [workspace, batch] = positionals;
  const batchId = Number(batch);
  if (!workspace || !Number.isSafeInteger(batchId)) {
    usage('rollback needs a workspace and a batch number');
  }
  const engine = engineFor();
  try {
    await call(engine, 'workspace.open', { path: resolve(workspace) });
    const result = await call(engine, 'import.rollback', { batchId });
    io.out(
      `Rolled back batch ${result.batchId}: ${result.rowsRemoved} records ` +
        `removed, ${result.rowsRestored} restored\n`,
    );
    return 0;
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
    const info = await call(engine, 'workspace.create', {
      path: resolve(workspace),
    });
    io.out(`Created workspace ${info.name} at ${info.path}\n`);
    return 0;
  } finally {
    await engine.close();
  }
}

export async function main(
  argv: string[],
  io: Io = processIo,
): Promise<number> {
  // The command line's own output says what happened; routine log lines
  // would only bury errors on stderr.
  if (!process.env['REVOPS_LOG_LEVEL']) setLogLevel('warn');
  try {
    return await run(argv, io);
  } finally {
    for (const dir of scratchDirs.splice(0)) {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'init':
        return await runInit(rest, io);
      case 'import':
        return await runImport(rest, io);
      case 'kpi':
        return await runKpi(rest, io);
      case 'export':
        return await runExport(rest, io);
      case 'batches':
        return await runBatches(rest, io);
      case 'rollback':
        return await runRollback(rest, io);
      case 'duplicates':
        return await runDuplicates(rest, io);
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
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
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

const isEntry =
  process.argv[1] !== undefined &&
  import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href;
if (isEntry) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
