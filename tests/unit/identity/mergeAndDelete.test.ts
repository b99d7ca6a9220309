// Merging duplicate accounts keeps both records and their histories and
// can be undone exactly; records arriving later for the merged account
// follow the merge; deleted records come back only when the import is
// told to restore them; field changes between imports are listed.
import { afterEach, describe, expect, it } from 'vitest';
import { deleteRecords } from '../../../electron/engine/identity/deleteRecords.js';
import {
  listMerges,
  mergeRecords,
  undoMerge,
} from '../../../electron/engine/identity/merge.js';
import { listChanges } from '../../../electron/engine/import/changes.js';
import { rollbackBatch } from '../../../electron/engine/import/rollback.js';
import {
  importFile,
  type ImportRequest,
} from '../../../electron/engine/import/runImport.js';
import type { Db } from '../../../electron/engine/store/database.js';
import { tempWorkspace, type TempDir } from '../../support/workspace.js';

let temps: TempDir[] = [];
afterEach(() => {
  temps.forEach((temp) => temp.remove());
  temps = [];
});

const quiet = { isCancelled: () => false, onProgress: () => undefined };

function setup() {
  const { db, temp } = tempWorkspace();
  temps.push(temp);
  const load = (
    name: string,
    lines: string[],
    extra: Partial<ImportRequest> = {},
  ) =>
    importFile(
      db,
      {
        path: temp.file(name, lines.join('\n')),
        name,
        preset: null,
        ...extra,
      },
      quiet,
    );
  return { db, load };
}

const ACCOUNTS = [
  'account_id,account_name,industry,country,signup_date,referral_source,plan_tier,seats,is_trial',
  'A1,"Acme, Inc.",Retail,US,2024-01-01,ads,Pro,5,False',
  'A2,ACME Inc,Retail,US,2024-02-01,ads,Pro,5,False',
];
const SUBSCRIPTIONS = [
  'subscription_id,account_id,start_date,end_date,plan_tier,seats,mrr_amount,arr_amount,is_trial,upgrade_flag,downgrade_flag,churn_flag,billing_frequency,auto_renew_flag',
  'S1,A1,2024-01-01,,Pro,5,100,1200,False,False,False,False,monthly,True',
  'S2,A2,2024-02-01,,Pro,5,50,600,False,False,False,False,monthly,True',
];

function accountOf(db: Db, subscription: string): number | null {
  return db
    .prepare('SELECT account_id FROM subscriptions WHERE external_id = ?')
    .pluck()
    .get(subscription) as number | null;
}

function idOf(db: Db, account: string): number {
  return db
    .prepare('SELECT id FROM accounts WHERE external_id = ?')
    .pluck()
    .get(account) as number;
}

describe('merges', () => {
  it('moves what points at the merged account, keeps it, and undoes exactly', async () => {
    const { db, load } = setup();
    await load('accounts.csv', ACCOUNTS);
    await load('subscriptions.csv', SUBSCRIPTIONS);
    const [a1, a2] = [idOf(db, 'A1'), idOf(db, 'A2')];
    expect(accountOf(db, 'S2')).toBe(a2);

    const [merge] = mergeRecords(db, 'accounts', a1, [a2]);
    expect(merge).toMatchObject({
      keptId: a1,
      keptLabel: 'Acme, Inc.',
      mergedId: a2,
      mergedLabel: 'ACME Inc',
      recordsMoved: 1,
      undoneAt: null,
    });
    expect(accountOf(db, 'S2')).toBe(a1);
    // The merged record and its identity stay.
    expect(
      db
        .prepare(
          'SELECT external_id, merged_into_id FROM accounts WHERE id = ?',
        )
        .get(a2),
    ).toEqual({ external_id: 'A2', merged_into_id: a1 });
    expect(() => mergeRecords(db, 'accounts', a1, [a2])).toThrow(
      /already merged/,
    );

    // A later subscription of the merged account follows the merge, and
    // the undo puts it back with the rest.
    await load('more.csv', [
      SUBSCRIPTIONS[0] ?? '',
      'S3,A2,2024-03-01,,Pro,5,25,300,False,False,False,False,monthly,True',
    ]);
    expect(accountOf(db, 'S3')).toBe(a1);
    expect(listMerges(db)[0]?.recordsMoved).toBe(2);

    const undone = undoMerge(db, merge?.id ?? 0);
    expect(undone.undoneAt).not.toBeNull();
    expect(accountOf(db, 'S1')).toBe(a1);
    expect(accountOf(db, 'S2')).toBe(a2);
    expect(accountOf(db, 'S3')).toBe(a2);
    expect(
      db
        .prepare('SELECT merged_into_id FROM accounts WHERE id = ?')
        .pluck()
        .get(a2),
    ).toBeNull();
    expect(() => undoMerge(db, merge?.id ?? 0)).toThrow(/already undone/);
    expect(
      db
        .prepare(
          "SELECT action FROM audit_log WHERE action IN ('merge', 'unmerge') ORDER BY id",
        )
        .pluck()
        .all(),
    ).toEqual(['merge', 'unmerge']);
  });
});

describe('deleted records', () => {
  it('asks before an import brings a deleted record back; skips or restores as told', async () => {
    const { db, load } = setup();
    await load('accounts.csv', ACCOUNTS);
    expect(deleteRecords(db, 'accounts', [idOf(db, 'A2')])).toEqual({
      deleted: 1,
    });
    expect(
      db.prepare('SELECT entity, external_id FROM deleted_records').all(),
    ).toEqual([{ entity: 'accounts', external_id: 'A2' }]);

    const asked = await load('again.csv', ACCOUNTS);
    expect(asked.status).toBe('failed');
    expect(asked.message).toContain(
      '1 row(s) of again.csv are records deleted earlier',
    );
    const checked = await load('again.csv', ACCOUNTS, { isDryRun: true });
    expect(checked.status).toBe('dry_run');
    expect(checked.warnings[0]).toContain('deleted earlier (first on line 3)');

    const skipped = await load('again.csv', ACCOUNTS, {
      deletedRecords: 'skip',
    });
    expect(skipped).toMatchObject({
      status: 'committed',
      rowsSkipped: 1,
      rowsUnchanged: 1,
    });
    expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(1);

    const restored = await load('again.csv', ACCOUNTS, {
      deletedRecords: 'restore',
    });
    expect(restored).toMatchObject({ status: 'committed', rowsNew: 1 });
    expect(
      db.prepare('SELECT count(*) FROM deleted_records').pluck().get(),
    ).toBe(0);

    // Rolling the restoring batch back deletes the record again, tombstone
    // and all, so the next import asks again.
    rollbackBatch(db, restored.batchId ?? 0);
    expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(1);
    expect(
      db.prepare('SELECT count(*) FROM deleted_records').pluck().get(),
    ).toBe(1);
  });

  it('refuses an id that does not exist and deletes nothing', async () => {
    const { db, load } = setup();
    await load('accounts.csv', ACCOUNTS);
    expect(() => deleteRecords(db, 'accounts', [idOf(db, 'A1'), 999])).toThrow(
      /no accounts record #999/,
    );
    expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(2);
  });
});

describe('changes between imports', () => {
  it('lists each field a later export changed, per batch, with the record named', async () => {
    const { db, load } = setup();
    const header = 'Deal ID,Deal Name,Amount,Currency,Stage,Close Date';
    await load('week1.csv', [
      header,
      'D1,Kestrel renewal,1000,USD,Proposal,2024-03-31',
      'D2,Orchard expansion,500,USD,Proposal,2024-03-31',
    ]);
    const second = await load('week2.csv', [
      header,
      'D1,Kestrel renewal,1200,USD,Negotiation,2024-04-30',
      'D2,Orchard expansion,500,USD,Proposal,2024-03-31',
    ]);
    const changes = listChanges(db, {
      batchId: second.batchId ?? 0,
      offset: 0,
      limit: 50,
    });
    expect(changes.total).toBe(3);
    expect(
      changes.rows.map(({ label, field, from, to }) => ({
        label,
        field,
        from,
        to,
      })),
    ).toEqual([
      {
        label: 'Kestrel renewal',
        field: 'amount',
        from: 1000,
        to: 1200,
      },
      {
        label: 'Kestrel renewal',
        field: 'expected_close_on',
        from: '2024-03-31',
        to: '2024-04-30',
      },
      {
        label: 'Kestrel renewal',
        field: 'stage',
        from: 'Proposal',
        to: 'Negotiation',
      },
    ]);
    rollbackBatch(db, second.batchId ?? 0);
    expect(listChanges(db, { offset: 0, limit: 50 }).total).toBe(0);
  });
});
