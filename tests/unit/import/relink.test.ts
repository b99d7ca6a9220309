// A re-import that names another owner or account for a deal moves the
// deal's link too, so KPIs by owner follow the latest export; rolling the
// batch back puts the old link back.
import { afterEach, describe, expect, it } from 'vitest';
import { rollbackBatch } from '../../../electron/engine/import/rollback.js';
import { importFile } from '../../../electron/engine/import/runImport.js';
import { tempWorkspace, type TempDir } from '../../support/workspace.js';

let temp: TempDir | undefined;
afterEach(() => temp?.remove());

const quiet = { isCancelled: () => false, onProgress: () => undefined };

describe('links after a re-import', () => {
  it('follow a changed owner and account name, and roll back with the batch', async () => {
    const created = tempWorkspace();
    temp = created.temp;
    const { db } = created;
    const load = (name: string, lines: string[]) =>
      importFile(
        db,
        { path: created.temp.file(name, lines.join('\n')), name, preset: null },
        quiet,
      );
    await load('users.csv', [
      'User ID,Full name,Email,Role',
      'U1,Moses Frase,moses@example.com,Rep',
      'U2,Anna Snelling,anna@example.com,Rep',
    ]);
    await load('companies.csv', [
      'Company ID,Company name,Industry',
      'C1,Isdom,Retail',
      'C2,Codehow,Software',
    ]);
    const header = 'Deal ID,Deal Name,Amount,Currency,Stage,Deal Owner,Company';
    await load('week1.csv', [
      header,
      'D1,Renewal,100,USD,Open,Moses Frase,Isdom',
    ]);
    const linkOf = () =>
      db
        .prepare(
          `SELECT u.name AS owner, a.name AS account FROM opportunities o
             JOIN users u ON u.id = o.owner_user_id
             JOIN accounts a ON a.id = o.account_id`,
        )
        .get();
    expect(linkOf()).toEqual({ owner: 'Moses Frase', account: 'Isdom' });

    const second = await load('week2.csv', [
      header,
      'D1,Renewal,100,USD,Open,Anna Snelling,Codehow',
    ]);
    expect(second.rowsChanged).toBe(1);
    expect(linkOf()).toEqual({ owner: 'Anna Snelling', account: 'Codehow' });

    rollbackBatch(db, second.batchId ?? 0);
    expect(linkOf()).toEqual({ owner: 'Moses Frase', account: 'Isdom' });
  });
});
