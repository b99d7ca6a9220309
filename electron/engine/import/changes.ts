// The field changes successive imports recorded: a deal's stage, amount,
// close date or owner as one export said it and as the next one did. This
// is how stage history and forecast change reports come from exports of
// systems that keep no history of their own.
import type { FieldChange } from '../../../shared/contract.js';
import { toMajor } from '../../../shared/money.js';
import type { Db } from '../store/database.js';
import { ENTITY_TABLES } from './presets/types.js';

export type ChangesArgs = {
  batchId?: number;
  entity?: string;
  offset: number;
  limit: number;
};

/** How a record is named in a report, per table; the external id else. */
const LABELS: Partial<Record<string, string>> = {
  accounts: 'name',
  opportunities: 'name',
  products: 'name',
  users: 'name',
  campaigns: 'name',
  contacts: 'coalesce(email, last_name)',
  invoices: 'number',
};

// Links (`…_id`) follow from names and keys, and are left out.
const FROM = `FROM audit_log l, json_each(l.detail) j
  WHERE l.action = 'update' AND j.key NOT LIKE '%\\_id' ESCAPE '\\'
    AND (@batch IS NULL OR l.batch_id = @batch)
    AND (@entity IS NULL OR l.entity = @entity)
    AND (l.batch_id IS NULL OR NOT EXISTS (
      SELECT 1 FROM import_rollbacks r WHERE r.batch_id = l.batch_id))`;

type ChangeRow = {
  batch_id: number | null;
  at: string;
  entity: string;
  record_id: number | null;
  field: string;
  from_value: string | number | null;
  to_value: string | number | null;
};

export function listChanges(
  db: Db,
  args: ChangesArgs,
): { rows: FieldChange[]; total: number } {
  const params = { batch: args.batchId ?? null, entity: args.entity ?? null };
  const total = db
    .prepare(`SELECT count(*) ${FROM}`)
    .pluck()
    .get(params) as number;
  const rows = db
    .prepare(
      `SELECT l.batch_id, l.at, l.entity, l.record_id, j.key AS field,
              json_extract(j.value, '$.from') AS from_value,
              json_extract(j.value, '$.to') AS to_value
       ${FROM}
       ORDER BY l.id DESC, j.key LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: args.limit, offset: args.offset }) as ChangeRow[];
  const known = new Set<string>(ENTITY_TABLES);
  const currencyTables = new Map<string, boolean>();
  const hasCurrency = (entity: string): boolean => {
    let found = currencyTables.get(entity);
    if (found === undefined) {
      const columns = db.pragma(`table_info(${entity})`) as { name: string }[];
      found = columns.some((column) => column.name === 'currency');
      currencyTables.set(entity, found);
    }
    return found;
  };
  const describe = (entity: string, id: number | null) => {
    if (id === null || !known.has(entity)) return null;
    const label = LABELS[entity] ?? 'external_id';
    const currency = hasCurrency(entity) ? 'currency' : 'NULL';
    return db
      .prepare(
        `SELECT external_id, ${label} AS label, ${currency} AS currency
           FROM ${entity} WHERE id = ?`,
      )
      .get(id) as
      | {
          external_id: string | null;
          label: string | null;
          currency: string | null;
        }
      | undefined;
  };
  return {
    total,
    rows: rows.map((row) => {
      const record = describe(row.entity, row.record_id);
      const amount = /^(.+)_minor$/.exec(row.field)?.[1];
      const currency = amount ? (record?.currency ?? null) : null;
      const major = (value: ChangeRow['from_value']) =>
        currency !== null && typeof value === 'number'
          ? toMajor(value, currency)
          : value;
      return {
        batchId: row.batch_id,
        at: row.at,
        entity: row.entity,
        recordId: row.record_id,
        externalId: record?.external_id ?? null,
        label: record?.label ?? null,
        // Amounts are shown in major units beside their currency.
        field: currency !== null && amount ? amount : row.field,
        from: major(row.from_value),
        to: major(row.to_value),
        currency,
      };
    }),
  };
}
