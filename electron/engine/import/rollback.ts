// Undoing an import batch: records it created are removed, records it
// changed get their earlier values back from the audit log. Only the most
// recent batch still in force can be undone, so no later import is built on
// what disappears; older ones are undone one after another.
import { WorkbenchError } from '../../../shared/envelope.js';
import type { Db } from '../store/database.js';
import { ENTITY_TABLES } from './presets/types.js';

export type RollbackResult = {
  batchId: number;
  rowsRestored: number;
  rowsRemoved: number;
};

type Change = { from: string | number | null; to: string | number | null };

function latestBatchInForce(db: Db): number | null {
  const row = db
    .prepare(
      `SELECT max(b.id) AS id FROM import_batches b
       WHERE b.status = 'committed'
         AND NOT EXISTS (SELECT 1 FROM import_rollbacks r WHERE r.batch_id = b.id)`,
    )
    .get() as { id: number | null };
  return row.id;
}

export function rollbackBatch(db: Db, batchId: number): RollbackResult {
  const run = db.transaction((): RollbackResult => {
    const batch = db
      .prepare('SELECT status FROM import_batches WHERE id = ?')
      .get(batchId) as { status: string } | undefined;
    if (!batch) {
      throw new WorkbenchError(
        'not_found',
        `There is no import batch ${batchId}.`,
      );
    }
    const isRolledBack = db
      .prepare('SELECT 1 FROM import_rollbacks WHERE batch_id = ?')
      .get(batchId);
    if (batch.status !== 'committed' || isRolledBack) {
      throw new WorkbenchError(
        'invalid_argument',
        `Batch ${batchId} wrote nothing that is still in force (it is ${isRolledBack ? 'rolled back' : batch.status}).`,
      );
    }
    const latest = latestBatchInForce(db);
    if (latest !== batchId) {
      throw new WorkbenchError(
        'invalid_argument',
        `Batch ${latest} came after batch ${batchId}; roll that back first.`,
      );
    }
    let rowsRestored = 0;
    let rowsRemoved = 0;
    const changes = db.prepare(
      `SELECT record_id AS id, detail FROM audit_log
       WHERE batch_id = ? AND entity = ? AND action = 'update' ORDER BY id DESC`,
    );
    for (const table of ENTITY_TABLES) {
      const columns = new Set(
        (db.pragma(`table_info(${table})`) as { name: string }[]).map(
          (c) => c.name,
        ),
      );
      const restored = new Set<number>();
      for (const row of changes.all(batchId, table) as {
        id: number;
        detail: string;
      }[]) {
        const detail = JSON.parse(row.detail) as Record<string, Change>;
        const names = Object.keys(detail).filter((name) => columns.has(name));
        if (names.length === 0) continue;
        db.prepare(
          `UPDATE ${table} SET ${names.map((name) => `${name} = ?`).join(', ')} WHERE id = ?`,
        ).run(...names.map((name) => detail[name]?.from ?? null), row.id);
        if (!restored.has(row.id)) rowsRestored += 1;
        restored.add(row.id);
      }
    }
    // Records that depend on others go first, so a cascade never removes
    // a record before it is counted.
    for (const table of [...ENTITY_TABLES].reverse()) {
      const removed = db
        .prepare(`DELETE FROM ${table} WHERE batch_id = ?`)
        .run(batchId);
      rowsRemoved += removed.changes;
    }
    db.prepare('DELETE FROM opportunity_stage_history WHERE batch_id = ?').run(
      batchId,
    );
    restoreTombstones(db, batchId);
    db.prepare(
      `INSERT INTO import_rollbacks (batch_id, rolled_back_at, rows_restored, rows_removed)
       VALUES (?, ?, ?, ?)`,
    ).run(batchId, new Date().toISOString(), rowsRestored, rowsRemoved);
    db.prepare(
      `INSERT INTO audit_log (actor, action, entity, batch_id, detail)
       VALUES ('user', 'rollback', NULL, ?, ?)`,
    ).run(batchId, JSON.stringify({ rowsRestored, rowsRemoved }));
    return { batchId, rowsRestored, rowsRemoved };
  });
  return run.immediate();
}

/** Records this batch brought back from deletion are deleted again. */
function restoreTombstones(db: Db, batchId: number): void {
  const restores = db
    .prepare(
      `SELECT detail FROM audit_log
        WHERE batch_id = ? AND action = 'restore' ORDER BY id`,
    )
    .pluck()
    .all(batchId) as string[];
  const insert = db.prepare(
    `INSERT INTO deleted_records
       (entity, record_id, source, external_id, deleted_at, snapshot)
     VALUES (@entity, @record_id, @source, @external_id, @deleted_at,
       @snapshot)`,
  );
  for (const detail of restores) {
    const { tombstones } = JSON.parse(detail) as {
      tombstones: Record<string, unknown>[];
    };
    for (const tombstone of tombstones) insert.run(tombstone);
  }
}
