// Deleting records by hand. Each deleted record leaves a tombstone with its
// identity and a copy of the row, so that a later import of the same source
// record asks whether to skip it or bring it back, and the audit log says
// who removed what.
import type { DELETABLE_ENTITIES } from '../../../shared/importSchemas.js';
import { WorkbenchError } from '../../../shared/envelope.js';
import type { Db } from '../store/database.js';

export type DeletableEntity = (typeof DELETABLE_ENTITIES)[number];

export function deleteRecords(
  db: Db,
  entity: DeletableEntity,
  ids: readonly number[],
): { deleted: number } {
  const find = db.prepare(`SELECT * FROM ${entity} WHERE id = ?`);
  const tombstone = db.prepare(
    `INSERT INTO deleted_records
       (entity, record_id, source, external_id, deleted_at, snapshot)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const audit = db.prepare(
    `INSERT INTO audit_log (actor, action, entity, record_id, detail)
     VALUES ('user', 'delete', ?, ?, ?)`,
  );
  const remove = db.prepare(`DELETE FROM ${entity} WHERE id = ?`);
  const now = new Date().toISOString();
  const run = db.transaction(() => {
    let deleted = 0;
    for (const id of new Set(ids)) {
      const row = find.get(id) as
        | ({ source: string; external_id: string | null } & Record<
            string,
            unknown
          >)
        | undefined;
      if (!row) {
        throw new WorkbenchError(
          'not_found',
          `There is no ${entity} record #${id}; nothing was deleted.`,
        );
      }
      tombstone.run(
        entity,
        id,
        row.source,
        row.external_id,
        now,
        JSON.stringify(row),
      );
      audit.run(
        entity,
        id,
        JSON.stringify({ source: row.source, external_id: row.external_id }),
      );
      remove.run(id);
      deleted += 1;
    }
    return deleted;
  });
  return { deleted: run() };
}
