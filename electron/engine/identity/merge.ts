// Merging duplicate accounts or contacts. Nothing is thrown away: the
// merged record stays with its source, external id and audit history,
// marked as merged into the kept one; the records that pointed at it
// (deals, subscriptions, invoices, contacts, ...) are moved to the kept
// record and listed, so an undo moves exactly those back.
import type { RecordMerge } from '../../../shared/contract.js';
import { WorkbenchError } from '../../../shared/envelope.js';
import type { Db } from '../store/database.js';

export type MergeEntity = 'accounts' | 'contacts';

type Reference = { table: string; column: string };
type Moved = Record<string, number[]>;

const LABEL_SQL: Record<MergeEntity, string> = {
  accounts: 'name',
  contacts: `coalesce(nullif(trim(coalesce(first_name, '') || ' ' ||
    coalesce(last_name, '')), ''), email, external_id, '#' || id)`,
};

/**
 * Every column of the store that points at the entity, found from the
 * schema itself so that tables added later are never missed.
 */
function referencesTo(db: Db, entity: MergeEntity): Reference[] {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema
        WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
    )
    .pluck()
    .all() as string[];
  const found: Reference[] = [];
  for (const table of tables) {
    const keys = db.pragma(`foreign_key_list(${table})`) as {
      table: string;
      from: string;
    }[];
    for (const key of keys) {
      if (key.table === entity) found.push({ table, column: key.from });
    }
  }
  return found;
}

function label(db: Db, entity: MergeEntity, id: number): string {
  const text = db
    .prepare(`SELECT ${LABEL_SQL[entity]} FROM ${entity} WHERE id = ?`)
    .pluck()
    .get(id) as string | undefined;
  return text ?? `#${id}`;
}

type MergeRow = {
  id: number;
  entity: MergeEntity;
  kept_id: number;
  merged_id: number;
  moved: string;
  merged_at: string;
  undone_at: string | null;
};

function describe(db: Db, row: MergeRow): RecordMerge {
  const moved = JSON.parse(row.moved) as Moved;
  return {
    id: row.id,
    entity: row.entity,
    keptId: row.kept_id,
    keptLabel: label(db, row.entity, row.kept_id),
    mergedId: row.merged_id,
    mergedLabel: label(db, row.entity, row.merged_id),
    recordsMoved: Object.values(moved).reduce(
      (sum, ids) => sum + ids.length,
      0,
    ),
    mergedAt: row.merged_at,
    undoneAt: row.undone_at,
  };
}

/** Moves what points at `from` to `to`, adding the moved ids to `moved`. */
function moveReferences(
  db: Db,
  references: Reference[],
  from: number,
  to: number,
  moved: Moved,
): void {
  for (const { table, column } of references) {
    const ids = db
      .prepare(`SELECT id FROM ${table} WHERE ${column} = ?`)
      .pluck()
      .all(from) as number[];
    if (ids.length === 0) continue;
    db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${column} = ?`).run(
      to,
      from,
    );
    const key = `${table}.${column}`;
    moved[key] = [...(moved[key] ?? []), ...ids];
  }
}

function audit(
  db: Db,
  action: string,
  entity: string,
  id: number,
  detail: object,
) {
  db.prepare(
    `INSERT INTO audit_log (actor, action, entity, record_id, detail)
     VALUES ('user', ?, ?, ?, ?)`,
  ).run(action, entity, id, JSON.stringify(detail));
}

function liveRecord(db: Db, entity: MergeEntity, id: number, role: string) {
  const row = db
    .prepare(`SELECT merged_into_id FROM ${entity} WHERE id = ?`)
    .get(id) as { merged_into_id: number | null } | undefined;
  if (!row) {
    throw new WorkbenchError(
      'invalid_argument',
      `There is no ${entity.slice(0, -1)} #${id} to ${role}.`,
    );
  }
  if (row.merged_into_id !== null) {
    throw new WorkbenchError(
      'invalid_argument',
      `${label(db, entity, id)} (#${id}) is already merged into ` +
        `#${row.merged_into_id}; undo that merge first.`,
    );
  }
}

export function mergeRecords(
  db: Db,
  entity: MergeEntity,
  keepId: number,
  mergeIds: readonly number[],
): RecordMerge[] {
  const ids = [...new Set(mergeIds)];
  if (ids.includes(keepId)) {
    throw new WorkbenchError(
      'invalid_argument',
      'A record cannot be merged into itself.',
    );
  }
  liveRecord(db, entity, keepId, 'keep');
  ids.forEach((id) => liveRecord(db, entity, id, 'merge'));
  const references = referencesTo(db, entity);
  const now = new Date().toISOString();
  const merge = db.transaction(() =>
    ids.map((mergedId) => {
      const moved: Moved = {};
      moveReferences(db, references, mergedId, keepId, moved);
      db.prepare(`UPDATE ${entity} SET merged_into_id = ? WHERE id = ?`).run(
        keepId,
        mergedId,
      );
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO record_merges (entity, kept_id, merged_id, moved,
             merged_at) VALUES (?, ?, ?, ?, ?)`,
        )
        .run(entity, keepId, mergedId, JSON.stringify(moved), now);
      audit(db, 'merge', entity, mergedId, { into: keepId, moved });
      return Number(lastInsertRowid);
    }),
  );
  const mergeRows = merge();
  return mergeRows.map((id) => describe(db, mergeRow(db, id)));
}

function mergeRow(db: Db, id: number): MergeRow {
  const row = db.prepare('SELECT * FROM record_merges WHERE id = ?').get(id) as
    MergeRow | undefined;
  if (!row) {
    throw new WorkbenchError('not_found', `There is no merge #${id}.`);
  }
  return row;
}

export function undoMerge(db: Db, mergeId: number): RecordMerge {
  const row = mergeRow(db, mergeId);
  if (row.undone_at !== null) {
    throw new WorkbenchError(
      'invalid_argument',
      `Merge #${mergeId} was already undone on ${row.undone_at}.`,
    );
  }
  const later = db
    .prepare(`SELECT merged_into_id FROM ${row.entity} WHERE id = ?`)
    .pluck()
    .get(row.kept_id) as number | null | undefined;
  if (later !== null && later !== undefined) {
    throw new WorkbenchError(
      'invalid_argument',
      `${label(db, row.entity, row.kept_id)} has since been merged into ` +
        `#${later}; undo that merge first.`,
    );
  }
  const moved = JSON.parse(row.moved) as Moved;
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const [key, ids] of Object.entries(moved)) {
      const [table = '', column = ''] = key.split('.');
      const isKnown = referencesTo(db, row.entity).some(
        (reference) => reference.table === table && reference.column === column,
      );
      if (!isKnown) continue;
      const restore = db.prepare(
        `UPDATE ${table} SET ${column} = ? WHERE id = ? AND ${column} = ?`,
      );
      for (const id of ids) restore.run(row.merged_id, id, row.kept_id);
    }
    db.prepare(
      `UPDATE ${row.entity} SET merged_into_id = NULL WHERE id = ?`,
    ).run(row.merged_id);
    db.prepare('UPDATE record_merges SET undone_at = ? WHERE id = ?').run(
      now,
      mergeId,
    );
    audit(db, 'unmerge', row.entity, row.merged_id, { merge: mergeId });
  })();
  return describe(db, mergeRow(db, mergeId));
}

export function listMerges(db: Db): RecordMerge[] {
  const rows = db
    .prepare('SELECT * FROM record_merges ORDER BY id DESC LIMIT 500')
    .all() as MergeRow[];
  return rows.map((row) => describe(db, row));
}

/**
 * After an import: records that arrive pointing at a merged record (by its
 * source key or name) are moved to the record it was merged into, and the
 * merge remembers them, so an undo still puts everything back.
 */
export function followMerges(db: Db): void {
  const active = db
    .prepare(
      `SELECT id, entity, kept_id, merged_id, moved FROM record_merges
        WHERE undone_at IS NULL ORDER BY id`,
    )
    .all() as Pick<
    MergeRow,
    'id' | 'entity' | 'kept_id' | 'merged_id' | 'moved'
  >[];
  if (active.length === 0) return;
  const references = new Map<MergeEntity, Reference[]>();
  for (const merge of active) {
    let list = references.get(merge.entity);
    if (!list) {
      list = referencesTo(db, merge.entity).filter(
        (reference) => reference.column !== 'merged_into_id',
      );
      references.set(merge.entity, list);
    }
    const moved = JSON.parse(merge.moved) as Moved;
    const before = JSON.stringify(moved);
    moveReferences(db, list, merge.merged_id, merge.kept_id, moved);
    if (JSON.stringify(moved) !== before) {
      db.prepare('UPDATE record_merges SET moved = ? WHERE id = ?').run(
        JSON.stringify(moved),
        merge.id,
      );
    }
  }
}
