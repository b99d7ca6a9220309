// The batch row every import keeps: opened before the first write, finished
// with the counts and the outcome.
import type { Db } from '../store/database.js';
import type { FileShape } from './fileReader.js';
import type { Preset } from './presets/types.js';

export type Counts = {
  read: number;
  skipped: number;
  new: number;
  changed: number;
  unchanged: number;
  rejected: number;
};

export function openBatch(
  db: Db,
  request: { name: string; preset: string | null },
  shape: FileShape,
  preset: Preset | null,
): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO import_batches
         (source, file_name, file_size, preset, entity, status, started_at)
       VALUES (?, ?, ?, ?, ?, 'running', ?)`,
    )
    .run(
      preset?.source ?? 'unknown',
      request.name,
      shape.size,
      preset?.id ?? request.preset ?? 'unknown',
      preset?.entity ?? 'unknown',
      new Date().toISOString(),
    );
  return Number(lastInsertRowid);
}

export function finishBatch(
  db: Db,
  batchId: number,
  status: 'committed' | 'cancelled' | 'failed',
  counts: Counts,
  message: string | null,
): void {
  db.prepare(
    `UPDATE import_batches SET status = ?, finished_at = ?, rows_read = ?,
       rows_skipped = ?, rows_new = ?, rows_changed = ?, rows_unchanged = ?,
       rows_rejected = ?, message = ?
     WHERE id = ?`,
  ).run(
    status,
    new Date().toISOString(),
    counts.read,
    counts.skipped,
    counts.new,
    counts.changed,
    counts.unchanged,
    counts.rejected,
    message,
    batchId,
  );
}
