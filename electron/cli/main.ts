// The `revops` command line: the same engine and contract as the window,
// for scripts and checks. Results go to stdout, errors to stderr with a
// non-zero exit.
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ArgsOf } from '../../shared/contract.js';
import { WorkbenchError } from '../../shared/envelope.js';
import { columnMappingSchema } from '../../shared/importSchemas.js';
import { isKnownCurrency } from '../../shared/money.js';
import { ENTITY_TABLES } from '../engine/import/presets/types.js';
import { setLogLevel } from '../engine/logger.js';
import {
  call,
  engineFor,
  processIo,
  scratchDirs,
  usage,
  UsageError,
  type Io,
} from './common.js';
import {
  runBatches,
  runChanges,
  runErrors,
  runFields,
  runMappings,
  runRollback,
} from './historyCommands.js';
import {
  runDelete,
  runDuplicates,
  runMerge,
  runMerges,
  runUnmerge,
} from './identityCommands.js';
import {
  csvField,
  EXPORT_ENTITIES,
  exportHeader,
  exportRecords,
  isExportEntity,
} from '../engine/export/exportRecords.js';
import { runKpi } from './kpiCommand.js';
import { printImport, printProgress } from './output.js';
import { runDemo } from './demo.js';

const USAGE = `Usage:
  revops init <workspace>
  revops import <workspace> <file>... [--entity NAME] [--preset NAME]
             [--mapping FILE [--save-mapping NAME]] [--encoding E]
             [--delimiter D] [--sheet NAME] [--locale L]
             [--date-order dmy|mdy|ymd] [--currency CODE]
             [--deleted skip|restore] [--dry-run] [--json]
  revops export <workspace> <entity> [--json|--csv]
  revops batches <workspace> [--json]
  revops rollback <workspace> <batch>
  revops changes <workspace> [--batch N] [--entity NAME] [--json]
  revops errors <workspace> [--batch N] [--json]
  revops mappings <workspace> [--delete NAME] [--json]
  revops fields [<entity>] [--json]
  revops duplicates <workspace> [--json]
  revops merge <workspace> accounts|contacts <keep-id> <merge-id>... [--json]
  revops unmerge <workspace> <merge>
  revops merges <workspace> [--json]
  revops delete <workspace> <entity> <id>...
  revops kpi <workspace> [--metric ID]... [--period YYYY|YYYY-Qn|YYYY-MM]
             [--by FIELD] [--where FIELD=VALUE]... [--currency CODE] [--json]
  revops kpi --explain ID [<workspace> [--period P] [--where F=V]...]
  revops demo <workspace> [--seed N] [--opportunities N] [--subscriptions N]
`;

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
  let isKnown = false;
  try {
    isKnown = Intl.NumberFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    isKnown = false;
  }
  if (!isKnown) usage(`unknown locale ${locale}; for example de-DE or en-US`);
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
  const currency = text('currency')?.toUpperCase();
  if (currency !== undefined && !isKnownCurrency(currency)) {
    usage(`--currency takes an ISO 4217 code such as EUR, not ${currency}`);
  }
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
    currency,
    isDryRun: values['dry-run'] === true ? true : undefined,
  } as Omit<ArgsOf<'import.start'>, 'files'>;
}

/** `--mapping FILE` is JSON: {"entity", "source"?, "columns": {...}}. */
function readMappingFile(path: string) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    usage(`--mapping: cannot read ${path}: ${(error as Error).message}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    usage(`--mapping: ${path} is not JSON: ${(error as Error).message}`);
  }
  const parsed = columnMappingSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    usage(
      `--mapping: ${path}: ${issue?.path.join('.') || 'the file'}: ` +
        `${issue?.message ?? 'not a mapping'}`,
    );
  }
  return parsed.data;
}

function mappingOptions(values: Record<string, string | boolean | undefined>) {
  const text = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const deleted = text('deleted');
  if (deleted !== undefined && deleted !== 'skip' && deleted !== 'restore') {
    usage(`--deleted takes skip or restore, not ${deleted}`);
  }
  const mappingFile = text('mapping');
  const saveAs = text('save-mapping');
  if (saveAs !== undefined && mappingFile === undefined) {
    usage('--save-mapping needs --mapping');
  }
  return {
    mapping:
      mappingFile === undefined ? undefined : readMappingFile(mappingFile),
    saveMappingAs: saveAs,
    deletedRecords: deleted as 'skip' | 'restore' | undefined,
  };
}

async function runImport(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      entity: { type: 'string' },
      preset: { type: 'string' },
      mapping: { type: 'string' },
      'save-mapping': { type: 'string' },
      deleted: { type: 'string' },
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
  const options = {
    ...importOptions(values),
    ...mappingOptions(values),
    // A script asking for JSON gets every rejected row, not the first few.
    ...(values.json ? { errorLimit: Number.MAX_SAFE_INTEGER } : {}),
  };
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
      case 'merge':
        return await runMerge(rest, io);
      case 'unmerge':
        return await runUnmerge(rest, io);
      case 'merges':
        return await runMerges(rest, io);
      case 'delete':
        return await runDelete(rest, io);
      case 'changes':
        return await runChanges(rest, io);
      case 'errors':
        return await runErrors(rest, io);
      case 'fields':
        return await runFields(rest, io);
      case 'mappings':
        return await runMappings(rest, io);
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

/**
 * `revops export … | head` closes the pipe early; that is the reader's
 * choice, not a failure worth a stack trace.
 */
export function stopQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

const isEntry =
  process.argv[1] !== undefined &&
  import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href;
if (isEntry) {
  stopQuietlyOnClosedPipe();
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
