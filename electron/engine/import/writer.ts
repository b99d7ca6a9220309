// Writes mapped records: upsert by (source, external id), counting new,
// changed and unchanged rows, recording field changes in the audit log and
// stage changes in the stage history. Column names are checked against the
// table's own schema, so no identifier ever comes from a file.
import type Database from 'better-sqlite3';
import { WorkbenchError } from '../../../shared/envelope.js';
import type { Db } from '../store/database.js';
import { linksResolvedFrom } from './links.js';
import { nameKey } from './values/numbers.js';
import type { EntityRecord, EntityTable, FieldValue } from './presets/types.js';

export type WriteOutcome = 'new' | 'changed' | 'unchanged';

type Existing = { id: number } & Record<string, FieldValue>;

function isSame(stored: FieldValue | undefined, next: FieldValue): boolean {
  if (stored === undefined || stored === null) return next === null;
  if (next === null) return false;
  if (typeof stored === 'number' || typeof next === 'number') {
    return Number(stored) === Number(next);
  }
  return stored === next;
}

/** `611365` is `0000611365` with its leading zeros lost. */
function isZeroStripped(
  stored: FieldValue | undefined,
  next: FieldValue,
): boolean {
  if (typeof stored !== 'string' || typeof next !== 'string') return false;
  return (
    stored.length > next.length &&
    /^0+\d/.test(stored) &&
    stored.replace(/^0+(?=\d)/, '') === next
  );
}

export { resolveLinks } from './links.js';

export function registerSqlFunctions(db: Db): void {
  db.function('name_key', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? nameKey(value) : null,
  );
}

export class RecordWriter {
  private readonly columns = new Map<EntityTable, Set<string>>();
  private readonly statements = new Map<
    string,
    Database.Statement<unknown[], unknown>
  >();
  private readonly now = new Date().toISOString();

  /** Entities with deleted records, checked once per file. */
  private readonly deletedEntities: Set<string>;

  constructor(
    private readonly db: Db,
    private readonly source: string,
    private readonly batchId: number,
  ) {
    const rows = db
      .prepare('SELECT DISTINCT entity FROM deleted_records WHERE source = ?')
      .pluck()
      .all(source) as string[];
    this.deletedEntities = new Set(rows);
  }

  private allowedColumns(table: EntityTable): Set<string> {
    let known = this.columns.get(table);
    if (!known) {
      const info = this.db.pragma(`table_info(${table})`) as { name: string }[];
      known = new Set(info.map((column) => column.name));
      this.columns.set(table, known);
    }
    return known;
  }

  private statement(key: string, sql: () => string) {
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare<unknown[], unknown>(sql());
      this.statements.set(key, statement);
    }
    return statement;
  }

  private checkedFields(
    record: EntityRecord,
    fields: Record<string, FieldValue> = record.fields,
  ): string[] {
    const allowed = this.allowedColumns(record.entity);
    const names = Object.keys(fields);
    for (const name of names) {
      if (!allowed.has(name) || name === 'id' || name === 'source') {
        throw new WorkbenchError(
          'internal',
          `RecordWriter: ${record.entity} has no column ${name}`,
        );
      }
    }
    return names;
  }

  private existing(record: EntityRecord, names: string[]) {
    const shape = `${record.entity}:${names.join(',')}`;
    const find = this.statement(`find:${shape}`, () => {
      const list = names.length ? `, ${names.join(', ')}` : '';
      return `SELECT id, batch_id AS previous_batch_id${list}
              FROM ${record.entity} WHERE source = ? AND external_id = ?`;
    });
    return find.get(this.source, record.externalId) as Existing | undefined;
  }

  private changedFields(
    record: EntityRecord,
    names: string[],
    existing: Existing,
  ): string[] {
    const keepsZeros = new Set(record.keepsZeros ?? []);
    return names.filter((name) => {
      const stored = existing[name];
      const next = record.fields[name] ?? null;
      if (keepsZeros.has(name) && isZeroStripped(stored, next)) return false;
      return !isSame(stored, next);
    });
  }

  /** Whether writing the record would change what is stored. */
  differs(record: EntityRecord): boolean {
    const names = this.checkedFields(record);
    const existing = this.existing(record, names);
    return !existing || this.changedFields(record, names, existing).length > 0;
  }

  /** Whether a record of this identity was deleted by hand. */
  isDeleted(record: EntityRecord): boolean {
    if (!this.deletedEntities.has(record.entity)) return false;
    const found = this.statement(
      'deleted',
      () => `SELECT 1 FROM deleted_records
             WHERE entity = ? AND source = ? AND external_id = ? LIMIT 1`,
    ).get(record.entity, this.source, record.externalId);
    return found !== undefined;
  }

  /**
   * Brings a deleted record back: its tombstone goes, and the audit log
   * keeps it, so a rollback of this batch can put it back.
   */
  forgetDeletion(record: EntityRecord): void {
    const key = [record.entity, this.source, record.externalId];
    const tombstones = this.statement(
      'tombstones',
      () => `SELECT entity, record_id, source, external_id, deleted_at,
                    snapshot FROM deleted_records
             WHERE entity = ? AND source = ? AND external_id = ?`,
    ).all(...key);
    this.statement(
      'undelete',
      () => `DELETE FROM deleted_records
             WHERE entity = ? AND source = ? AND external_id = ?`,
    ).run(...key);
    this.statement(
      'audit-restore',
      () => `INSERT INTO audit_log (actor, action, entity, batch_id, detail)
             VALUES ('import', 'restore', ?, ?, ?)`,
    ).run(record.entity, this.batchId, JSON.stringify({ tombstones }));
  }

  write(record: EntityRecord): WriteOutcome {
    const names = this.checkedFields(record);
    const insertOnly = Object.fromEntries(
      Object.entries(record.insertOnly ?? {}).filter(
        ([name]) => !(name in record.fields),
      ),
    );
    const extraNames = this.checkedFields(record, insertOnly);
    const table = record.entity;
    const shape = `${table}:${names.join(',')}`;
    const existing = this.existing(record, names);
    if (!existing) {
      const insert = this.statement(
        `insert:${shape}+${extraNames.join(',')}`,
        () => {
          const list = [
            'source',
            'external_id',
            'batch_id',
            'created_at',
            'updated_at',
            ...names,
            ...extraNames,
          ];
          const marks = list.map(() => '?').join(', ');
          return `INSERT INTO ${table} (${list.join(', ')}) VALUES (${marks})`;
        },
      );
      const values = [
        ...names.map((name) => record.fields[name] ?? null),
        ...extraNames.map((name) => insertOnly[name] ?? null),
      ];
      const { lastInsertRowid } = insert.run(
        this.source,
        record.externalId,
        this.batchId,
        this.now,
        this.now,
        ...values,
      );
      this.afterInsert(table, Number(lastInsertRowid), {
        ...insertOnly,
        ...record.fields,
      });
      return 'new';
    }
    const changed = this.changedFields(record, names, existing);
    if (changed.length === 0) return 'unchanged';
    // A new name or key means a new link: it is cleared here and found
    // again from the new name once the batch is written.
    const relinked = linksResolvedFrom(table, changed);
    const stale = relinked.length
      ? (this.db
          .prepare(`SELECT ${relinked.join(', ')} FROM ${table} WHERE id = ?`)
          .get(existing.id) as Record<string, FieldValue>)
      : {};
    const fields = {
      ...record.fields,
      ...Object.fromEntries(relinked.map((link) => [link, null])),
    };
    const written = [...changed, ...relinked];
    const update = this.statement(
      `update:${table}:${written.join(',')}`,
      () => {
        const sets = written.map((name) => `${name} = ?`).join(', ');
        return `UPDATE ${table} SET ${sets}, batch_id = ?, updated_at = ?
              WHERE id = ?`;
      },
    );
    update.run(
      ...written.map((name) => fields[name] ?? null),
      this.batchId,
      this.now,
      existing.id,
    );
    this.afterUpdate(table, { ...existing, ...stale }, fields, written);
    return 'changed';
  }

  private afterInsert(
    table: EntityTable,
    id: number,
    fields: Record<string, FieldValue>,
  ): void {
    if (table !== 'opportunities' || typeof fields['stage'] !== 'string')
      return;
    this.recordStage(id, null, fields['stage'], stageDate(fields));
  }

  private afterUpdate(
    table: EntityTable,
    existing: Existing,
    fields: Record<string, FieldValue>,
    changed: string[],
  ): void {
    // The batch that last wrote the record is kept too, so that a rollback
    // can put the record back exactly as it was.
    const detail = Object.fromEntries([
      ...changed.map((name) => [
        name,
        { from: existing[name] ?? null, to: fields[name] ?? null },
      ]),
      [
        'batch_id',
        { from: existing['previous_batch_id'] ?? null, to: this.batchId },
      ],
    ]);
    this.statement(
      'audit',
      () => `INSERT INTO audit_log (actor, action, entity, record_id, batch_id, detail)
             VALUES ('import', 'update', ?, ?, ?, ?)`,
    ).run(table, existing.id, this.batchId, JSON.stringify(detail));
    if (table === 'opportunities' && changed.includes('stage')) {
      this.recordStage(
        existing.id,
        (existing['stage'] as string | null) ?? null,
        String(fields['stage']),
        stageDate(fields),
      );
    }
  }

  private recordStage(
    opportunityId: number,
    from: string | null,
    to: string,
    changedOn: string | null,
  ): void {
    this.statement(
      'stage',
      () => `INSERT INTO opportunity_stage_history
               (opportunity_id, from_stage, to_stage, changed_on, recorded_at,
                batch_id)
             VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(opportunityId, from, to, changedOn, this.now, this.batchId);
  }
}

/**
 * When a stage was entered, as far as an export tells: a closed deal
 * entered its final stage on its close date; otherwise the date is unknown
 * and the import time (`recorded_at`) is all there is.
 */
function stageDate(fields: Record<string, FieldValue>): string | null {
  const status = fields['status'];
  if (status === 'won' || status === 'lost') {
    return typeof fields['closed_on'] === 'string' ? fields['closed_on'] : null;
  }
  return null;
}
