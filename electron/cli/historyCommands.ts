// `revops batches`, `rollback`, `changes` and `mappings`: what imports did,
// undoing one, the field changes successive imports recorded, and the
// column mappings saved for files no layout recognises.
import { parseArgs } from 'node:util';
import {
  call,
  engineFor,
  usage,
  wholeNumber,
  withWorkspace,
  type Io,
} from './common.js';
import { printBatches, printChanges } from './output.js';

export async function runBatches(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' } },
  });
  const [workspace] = positionals;
  if (!workspace) usage('batches needs a workspace');
  return withWorkspace(workspace, async (engine) => {
    const batches = await call(engine, 'import.batches', {});
    io.out(printBatches(batches, Boolean(values.json)));
    return 0;
  });
}

export async function runRollback(argv: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true });
  const [workspace, batch] = positionals;
  if (!workspace) usage('rollback needs a workspace and a batch number');
  const batchId = wholeNumber(batch, 'the batch number');
  return withWorkspace(workspace, async (engine) => {
    const result = await call(engine, 'import.rollback', { batchId });
    io.out(
      `Rolled back batch ${result.batchId}: ${result.rowsRemoved} records ` +
        `removed, ${result.rowsRestored} restored\n`,
    );
    return 0;
  });
}

/** Rows asked for at a time; a report wants them all. */
const PAGE = 1000;

async function everyPage<T>(
  fetch: (
    offset: number,
    limit: number,
  ) => Promise<{ rows: T[]; total: number }>,
): Promise<T[]> {
  const rows: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await fetch(offset, PAGE);
    rows.push(...page.rows);
    if (offset + PAGE >= page.total || page.rows.length === 0) return rows;
  }
}

export async function runChanges(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      batch: { type: 'string' },
      entity: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const [workspace] = positionals;
  if (!workspace) usage('changes needs a workspace');
  const batchId =
    values.batch === undefined
      ? undefined
      : wholeNumber(values.batch, '--batch');
  return withWorkspace(workspace, async (engine) => {
    const rows = await everyPage((offset, limit) =>
      call(engine, 'import.changes', {
        batchId,
        entity: values.entity,
        offset,
        limit,
      }),
    );
    io.out(printChanges(rows, Boolean(values.json)));
    return 0;
  });
}

export async function runMappings(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, delete: { type: 'string' } },
  });
  const [workspace] = positionals;
  if (!workspace) usage('mappings needs a workspace');
  return withWorkspace(workspace, async (engine) => {
    if (values.delete !== undefined) {
      const { deleted } = await call(engine, 'import.deleteMapping', {
        name: values.delete,
      });
      io.out(
        deleted
          ? `Deleted mapping ${values.delete}\n`
          : `No mapping named ${values.delete}\n`,
      );
      return deleted ? 0 : 1;
    }
    const mappings = await call(engine, 'import.mappings', {});
    if (values.json) {
      io.out(`${JSON.stringify({ mappings })}\n`);
      return 0;
    }
    if (mappings.length === 0) io.out('No saved mappings.\n');
    for (const mapping of mappings) {
      const pairs = Object.entries(mapping.columns)
        .filter(([, field]) => field !== '')
        .map(([column, field]) => `${column} -> ${field}`);
      io.out(
        `${mapping.name} (${mapping.entity}, source ${mapping.source}): ` +
          `${pairs.join(', ')}\n`,
      );
    }
    return 0;
  });
}

export async function runErrors(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { batch: { type: 'string' }, json: { type: 'boolean' } },
  });
  const [workspace] = positionals;
  if (!workspace) usage('errors needs a workspace');
  const batchId =
    values.batch === undefined
      ? undefined
      : wholeNumber(values.batch, '--batch');
  return withWorkspace(workspace, async (engine) => {
    const rows = await everyPage((offset, limit) =>
      call(engine, 'import.rowErrors', { batchId, offset, limit }),
    );
    if (values.json) {
      io.out(`${JSON.stringify({ errors: rows })}\n`);
      return 0;
    }
    if (rows.length === 0) io.out('No rejected rows.\n');
    for (const row of rows) {
      const where = row.column ? `, column ${row.column}` : '';
      const value = row.value ? ` (${JSON.stringify(row.value)})` : '';
      io.out(
        `batch ${row.batchId} ${row.file} line ${row.line}${where}${value}: ` +
          `${row.reason}\n`,
      );
    }
    return 0;
  });
}

/** The fields a mapping file can send columns to, per entity. */
export async function runFields(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' } },
  });
  const [entity] = positionals;
  const engine = engineFor();
  try {
    const targets = (await call(engine, 'import.mappingTargets', {})).filter(
      (target) => entity === undefined || target.entity === entity,
    );
    if (targets.length === 0) {
      usage(`fields takes an entity such as opportunities, not ${entity}`);
    }
    if (values.json) {
      io.out(`${JSON.stringify({ targets })}\n`);
      return 0;
    }
    for (const target of targets) {
      const needs = target.requires.map((group) => group.join(' or '));
      io.out(
        `${target.entity} (needs ${needs.join('; ')}):\n` +
          target.fields
            .map((field) => `  ${field.name} (${field.kind}): ${field.label}`)
            .join('\n') +
          '\n',
      );
    }
    return 0;
  } finally {
    await engine.close();
  }
}
