import { afterEach, describe, expect, it } from 'vitest';
import { listBatches } from '../../../electron/engine/import/batches.js';
import { rollbackBatch } from '../../../electron/engine/import/rollback.js';
import { importFile } from '../../../electron/engine/import/runImport.js';
import type { Db } from '../../../electron/engine/store/database.js';
import { tempWorkspace, type TempDir } from '../../support/workspace.js';

const HEADER =
  'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value';
const FIRST = [
  HEADER,
  'D1,Ann,GTX,Acme,Engaging,2017-01-02,,',
  'D2,Bo,GTX,Acme,Won,2017-01-02,2017-02-01,100',
].join('\n');
const SECOND = [
  HEADER,
  'D1,Ann,GTX,Acme,Won,2017-01-02,2017-03-01,900',
  'D2,Bo,GTX,Acme,Won,2017-01-02,2017-02-01,100',
  'D3,Cy,GTX,Acme,Lost,2017-01-05,2017-02-02,0',
].join('\n');

let temp: TempDir | undefined;
afterEach(() => temp?.remove());

const quiet = { isCancelled: () => false, onProgress: () => undefined };
const snapshot = (db: Db) => ({
  deals: db
    .prepare(
      'SELECT id, external_id, stage, status, closed_on, amount_minor, batch_id FROM opportunities ORDER BY id',
    )
    .all(),
  history: db
    .prepare(
      'SELECT opportunity_id, from_stage, to_stage, batch_id FROM opportunity_stage_history ORDER BY id',
    )
    .all(),
});

describe('rollbackBatch', () => {
  it('puts the workspace back as it was before the batch, then before the one before', async () => {
    const workspace = tempWorkspace();
    temp = workspace.temp;
    const { db } = workspace;
    await importFile(
      db,
      { path: temp.file('a.csv', FIRST), name: 'a.csv', preset: null },
      quiet,
    );
    const afterFirst = snapshot(db);
    const second = await importFile(
      db,
      { path: temp.file('b.csv', SECOND), name: 'b.csv', preset: null },
      quiet,
    );
    expect(second).toMatchObject({
      rowsNew: 1,
      rowsChanged: 1,
      rowsUnchanged: 1,
    });

    expect(() => rollbackBatch(db, 1)).toThrow(
      /Batch 2 came after batch 1; roll that back first/,
    );
    expect(rollbackBatch(db, 2)).toEqual({
      batchId: 2,
      rowsRestored: 1,
      rowsRemoved: 1,
    });
    expect(snapshot(db)).toEqual(afterFirst);
    expect(listBatches(db).map((b) => [b.id, b.status])).toEqual([
      [2, 'rolled_back'],
      [1, 'committed'],
    ]);
    expect(() => rollbackBatch(db, 2)).toThrow(/rolled back/);

    expect(rollbackBatch(db, 1)).toEqual({
      batchId: 1,
      rowsRestored: 0,
      rowsRemoved: 2,
    });
    expect(snapshot(db)).toEqual({ deals: [], history: [] });
    expect(() => rollbackBatch(db, 9)).toThrow(/no import batch 9/);
  });
});
