// `revops duplicates`, `merge`, `unmerge`, `merges` and `delete`: likely
// duplicates with their evidence, reversible merges, and deleting records
// (which a later import then asks about).
import { parseArgs } from 'node:util';
import { DELETABLE_ENTITIES } from '../../shared/importSchemas.js';
import type { RecordMerge } from '../../shared/contract.js';
import { call, usage, wholeNumber, withWorkspace, type Io } from './common.js';

export async function runDuplicates(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' } },
  });
  const [workspace] = positionals;
  if (!workspace) usage('duplicates needs a workspace');
  return withWorkspace(workspace, async (engine) => {
    const suggestions = await call(engine, 'identity.duplicates', {});
    if (values.json) {
      io.out(`${JSON.stringify({ suggestions })}\n`);
      return 0;
    }
    if (suggestions.length === 0) io.out('No likely duplicates.\n');
    for (const suggestion of suggestions) {
      const records = suggestion.ids
        .map((id, index) => `#${id} ${suggestion.labels[index] ?? ''}`)
        .join(' / ');
      io.out(`${suggestion.entity}: ${records}\n  ${suggestion.evidence}\n`);
    }
    return 0;
  });
}

function mergeLine(merge: RecordMerge): string {
  const state = merge.undoneAt ? `undone ${merge.undoneAt}` : 'in force';
  return (
    `merge ${merge.id}: ${merge.entity} #${merge.mergedId} ` +
    `${merge.mergedLabel} into #${merge.keptId} ${merge.keptLabel}, ` +
    `${merge.recordsMoved} related record(s) moved, ${state}\n`
  );
}

function mergeEntity(text: string | undefined): 'accounts' | 'contacts' {
  if (text === 'accounts' || text === 'contacts') return text;
  usage(`merge takes accounts or contacts, not ${text ?? 'nothing'}`);
}

export async function runMerge(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' } },
  });
  const [workspace, entity, keep, ...others] = positionals;
  if (!workspace || others.length === 0) {
    usage(
      'merge needs a workspace, an entity, the id to keep and ids to merge',
    );
  }
  const args = {
    entity: mergeEntity(entity),
    keepId: wholeNumber(keep, 'the id to keep'),
    mergeIds: others.map((id) => wholeNumber(id, 'an id to merge')),
  };
  return withWorkspace(workspace, async (engine) => {
    const merges = await call(engine, 'identity.merge', args);
    io.out(
      values.json
        ? `${JSON.stringify({ merges })}\n`
        : merges.map(mergeLine).join(''),
    );
    return 0;
  });
}

export async function runUnmerge(argv: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true });
  const [workspace, merge] = positionals;
  if (!workspace) usage('unmerge needs a workspace and a merge number');
  const mergeId = wholeNumber(merge, 'the merge number');
  return withWorkspace(workspace, async (engine) => {
    io.out(mergeLine(await call(engine, 'identity.unmerge', { mergeId })));
    return 0;
  });
}

export async function runMerges(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' } },
  });
  const [workspace] = positionals;
  if (!workspace) usage('merges needs a workspace');
  return withWorkspace(workspace, async (engine) => {
    const merges = await call(engine, 'identity.merges', {});
    if (values.json) io.out(`${JSON.stringify({ merges })}\n`);
    else if (merges.length === 0) io.out('No merges.\n');
    else io.out(merges.map(mergeLine).join(''));
    return 0;
  });
}

export async function runDelete(argv: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true });
  const [workspace, entity, ...ids] = positionals;
  if (!workspace || ids.length === 0) {
    usage('delete needs a workspace, an entity and record ids');
  }
  const known: readonly string[] = DELETABLE_ENTITIES;
  if (entity === undefined || !known.includes(entity)) {
    usage(`delete takes one of ${known.join(', ')}, not ${entity ?? ''}`);
  }
  const args = {
    entity: entity as (typeof DELETABLE_ENTITIES)[number],
    ids: ids.map((id) => wholeNumber(id, 'a record id')),
  };
  return withWorkspace(workspace, async (engine) => {
    const { deleted } = await call(engine, 'records.delete', args);
    io.out(
      `Deleted ${deleted} ${entity} record(s). A later import of them ` +
        'asks whether to skip or restore them.\n',
    );
    return 0;
  });
}
