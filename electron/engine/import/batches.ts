// Reading import history: batches and the rows they rejected.
import type { ImportBatch, RowError } from '../../../shared/contract.js';
import type { Db } from '../store/database.js';

export function listBatches(db: Db): ImportBatch[] {
  return db
    .prepare(
      `SELECT id, file_name AS file, preset, entity,
              CASE WHEN EXISTS (
                SELECT 1 FROM import_rollbacks r WHERE r.batch_id = b.id)
                THEN 'rolled_back' ELSE status END AS status,
              started_at AS startedAt, finished_at AS finishedAt,
              rows_read AS rowsRead, rows_new AS rowsNew,
              rows_changed AS rowsChanged, rows_unchanged AS rowsUnchanged,
              rows_rejected AS rowsRejected, message
       FROM import_batches b ORDER BY id DESC`,
    )
    .all() as ImportBatch[];
}

export function listRowErrors(
  db: Db,
  args: { batchId?: number; offset: number; limit: number },
): { rows: RowError[]; total: number } {
  const where = args.batchId === undefined ? '' : 'WHERE batch_id = ?';
  const params = args.batchId === undefined ? [] : [args.batchId];
  const total = db
    .prepare(`SELECT count(*) AS n FROM import_row_errors ${where}`)
    .get(...params) as { n: number };
  const rows = db
    .prepare(
      `SELECT batch_id AS batchId, file_name AS file, line,
              column_name AS "column", value, reason
       FROM import_row_errors ${where}
       ORDER BY batch_id DESC, line LIMIT ? OFFSET ?`,
    )
    .all(...params, args.limit, args.offset) as RowError[];
  return { rows, total: total.n };
}
