import { afterEach, describe, expect, it } from 'vitest';
import {
  importFile,
  type ImportRequest,
} from '../../../electron/engine/import/runImport.js';
import type { Db } from '../../../electron/engine/store/database.js';
import { tempWorkspace, type TempDir } from '../../support/workspace.js';

const PIPELINE_HEADER =
  'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value';

const PIPELINE = [
  PIPELINE_HEADER,
  'D1,Ann Agent,GTXPro,Acme,Won,2017-01-02,2017-02-01,4514',
  'D2,Ann Agent,MG Special,,Lost,2017-01-05,2017-01-20,0',
  'D3,Bo Agent,GTX Basic,Acme,Engaging,2017-03-01,,',
  'D4,Bo Agent,GTX Basic,Betatech,Prospecting,,,',
].join('\r\n');

const ACCOUNTS = [
  'account,sector,year_established,revenue,employees,office_location,subsidiary_of',
  'Acme,technolgy,1996,1100.04,2822,United States,',
  'Betatech,medical,1986,647.18,1185,Kenya,Acme',
].join('\r\n');

const PRODUCTS = [
  'product,series,sales_price',
  'GTX Pro,GTX,4821',
  'GTX Basic,GTX,550',
  'MG Special,MG,55',
].join('\r\n');
const TEAMS = [
  'sales_agent,manager,regional_office',
  'Ann Agent,Mia Manager,East',
  'Bo Agent,Mia Manager,East',
].join('\r\n');

let cleanup: TempDir | undefined;
afterEach(() => cleanup?.remove());

const neverCancelled = {
  isCancelled: () => false,
  onProgress: () => undefined,
};

async function run(db: Db, path: string, extra: Partial<ImportRequest> = {}) {
  return importFile(
    db,
    { path, name: path.split('/').pop() ?? path, preset: null, ...extra },
    neverCancelled,
  );
}

function setup() {
  const workspace = tempWorkspace();
  cleanup = workspace.temp;
  return workspace;
}

describe('Maven CRM import', () => {
  it('recognises all four files from their headers and joins them by name', async () => {
    const { db, temp } = setup();
    const results = [];
    for (const [name, text] of [
      ['sales_pipeline.csv', PIPELINE],
      ['accounts.csv', ACCOUNTS],
      ['products.csv', PRODUCTS],
      ['sales_teams.csv', TEAMS],
    ] as const) {
      results.push(await run(db, temp.file(name, text)));
    }
    expect(results.map((r) => [r.preset, r.status, r.rowsNew])).toEqual([
      ['maven-pipeline', 'committed', 4],
      ['maven-accounts', 'committed', 2],
      ['maven-products', 'committed', 3],
      ['maven-teams', 'committed', 2],
    ]);
    const deal = db
      .prepare(
        `SELECT o.*, p.name AS product, a.name AS account, u.name AS owner, t.region
       FROM opportunities o LEFT JOIN products p ON p.id = o.product_id
       LEFT JOIN accounts a ON a.id = o.account_id
       LEFT JOIN users u ON u.id = o.owner_user_id LEFT JOIN teams t ON t.id = u.team_id
       WHERE o.external_id = 'D1'`,
      )
      .get() as Record<string, unknown>;
    expect(deal).toMatchObject({
      product_name: 'GTXPro',
      product: 'GTX Pro',
      account: 'Acme',
      owner: 'Ann Agent',
      region: 'East',
      status: 'won',
      engaged_on: '2017-01-02',
      closed_on: '2017-02-01',
      amount_minor: 451400,
      currency: 'USD',
      source: 'maven-crm',
    });
    const noAccount = db
      .prepare(
        "SELECT account_id, account_name FROM opportunities WHERE external_id = 'D2'",
      )
      .get();
    expect(noAccount).toEqual({ account_id: null, account_name: null });
    const open = db
      .prepare(
        "SELECT status, closed_on, amount_minor FROM opportunities WHERE external_id = 'D3'",
      )
      .get();
    expect(open).toEqual({
      status: 'open',
      closed_on: null,
      amount_minor: null,
    });
  });

  it('reads account revenue as millions of USD, exactly', async () => {
    const { db, temp } = setup();
    await run(db, temp.file('accounts.csv', ACCOUNTS));
    const rows = db
      .prepare(
        'SELECT name, annual_revenue_minor, currency, parent_account_id FROM accounts ORDER BY name',
      )
      .all();
    expect(rows).toEqual([
      // 1,100.04 million USD = 1,100,040,000.00 USD = 110,004,000,000 cents
      {
        name: 'Acme',
        annual_revenue_minor: 110_004_000_000,
        currency: 'USD',
        parent_account_id: null,
      },
      {
        name: 'Betatech',
        annual_revenue_minor: 64_718_000_000,
        currency: 'USD',
        parent_account_id: 1,
      },
    ]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const { db, temp } = setup();
    const path = temp.file('sales_pipeline.csv', PIPELINE);
    await run(db, path);
    const before = db.prepare('SELECT * FROM opportunities ORDER BY id').all();
    const again = await run(db, path);
    expect([again.rowsNew, again.rowsChanged, again.rowsUnchanged]).toEqual([
      0, 0, 4,
    ]);
    expect(db.prepare('SELECT * FROM opportunities ORDER BY id').all()).toEqual(
      before,
    );
    expect(
      db.prepare('SELECT count(*) AS n FROM opportunity_stage_history').get(),
    ).toEqual({ n: 4 });
  });

  it('records a changed stage in the stage history and the audit log', async () => {
    const { db, temp } = setup();
    await run(db, temp.file('sales_pipeline.csv', PIPELINE));
    const later = PIPELINE.replace(
      'D3,Bo Agent,GTX Basic,Acme,Engaging,2017-03-01,,',
      'D3,Bo Agent,GTX Basic,Acme,Won,2017-03-01,2017-04-15,600',
    );
    const result = await run(db, temp.file('sales_pipeline_later.csv', later));
    expect([result.rowsNew, result.rowsChanged, result.rowsUnchanged]).toEqual([
      0, 1, 3,
    ]);
    const history = db
      .prepare(
        `SELECT from_stage, to_stage, changed_on, h.batch_id FROM opportunity_stage_history h
       JOIN opportunities o ON o.id = h.opportunity_id WHERE o.external_id = 'D3' ORDER BY h.id`,
      )
      .all();
    expect(history).toEqual([
      { from_stage: null, to_stage: 'Engaging', changed_on: null, batch_id: 1 },
      {
        from_stage: 'Engaging',
        to_stage: 'Won',
        changed_on: '2017-04-15',
        batch_id: 2,
      },
    ]);
    const audit = db
      .prepare(
        "SELECT entity, batch_id, detail FROM audit_log WHERE action = 'update'",
      )
      .get() as { detail: string };
    expect(JSON.parse(audit.detail)).toEqual({
      stage: { from: 'Engaging', to: 'Won' },
      status: { from: 'open', to: 'won' },
      closed_on: { from: null, to: '2017-04-15' },
      amount_minor: { from: null, to: 60000 },
      batch_id: { from: 1, to: 2 },
    });
  });

  it('keeps rejected rows with file, line, column, value and reason', async () => {
    const { db, temp } = setup();
    const text = [
      PIPELINE_HEADER,
      'D1,Ann Agent,GTXPro,Acme,Won,2017-01-02,2017-02-01,4514',
      'D2,Ann Agent,GTXPro,Acme,Won,2017-01-02,2017-02-01,lots',
      'D3,Ann Agent,GTXPro,Acme,Won,2017-01-02,,100',
      'D4,Ann Agent,GTXPro,Acme,Won,2017-01-02,2017-02-30,100',
    ].join('\n');
    const result = await run(db, temp.file('broken.csv', text));
    expect([result.status, result.rowsNew, result.rowsRejected]).toEqual([
      'committed',
      1,
      3,
    ]);
    const errors = db
      .prepare(
        'SELECT file_name, line, column_name, value, reason, raw_row FROM import_row_errors ORDER BY line',
      )
      .all() as Record<string, string>[];
    expect(
      errors.map((e) => [e.file_name, e.line, e.column_name, e.value]),
    ).toEqual([
      ['broken.csv', 3, 'close_value', 'lots'],
      ['broken.csv', 4, 'close_date', ''],
      ['broken.csv', 5, 'close_date', '2017-02-30'],
    ]);
    expect(errors[0]?.reason).toMatch(/amount/i);
    expect(JSON.parse(errors[0]?.raw_row ?? '{}')).toMatchObject({
      opportunity_id: 'D2',
      close_value: 'lots',
    });
  });

  it('reads US month-first dates when the column says so, and refuses a mixed column before writing', async () => {
    const { db, temp } = setup();
    const us = await run(
      db,
      temp.file(
        'us.csv',
        [
          PIPELINE_HEADER,
          'D1,Ann Agent,GTXPro,Acme,Won,10/20/2016,3/1/2017,4514',
          'D2,Ann Agent,GTXPro,Acme,Won,1/2/2017,2/3/2017,100',
        ].join('\n'),
      ),
    );
    // close_date alone never tells its order; engage_date of the same
    // export does, and the file is read one way throughout.
    expect(us.status).toBe('committed');
    expect(
      db
        .prepare(
          "SELECT engaged_on, closed_on FROM opportunities WHERE external_id = 'D2'",
        )
        .get(),
    ).toEqual({ engaged_on: '2017-01-02', closed_on: '2017-02-03' });

    const mixed = await run(
      db,
      temp.file(
        'mixed.csv',
        [
          PIPELINE_HEADER,
          'X1,Ann Agent,GTXPro,Acme,Won,2017-01-01,25/03/2017,1',
          'X2,Ann Agent,GTXPro,Acme,Won,2017-01-01,03/25/2017,1',
        ].join('\n'),
      ),
    );
    expect(mixed.status).toBe('failed');
    expect(mixed.message).toMatch(
      /close_date mixes day-first dates \(line 2\) with month-first dates \(line 3\)/,
    );
    expect(
      db
        .prepare(
          "SELECT count(*) AS n FROM opportunities WHERE external_id LIKE 'X%'",
        )
        .get(),
    ).toEqual({ n: 0 });
  });

  it('writes nothing of a cancelled import', async () => {
    const { db, temp } = setup();
    const rows = [PIPELINE_HEADER];
    for (let i = 0; i < 10_000; i += 1)
      rows.push(`C${i},Ann Agent,GTXPro,Acme,Won,2017-01-02,2017-02-01,${i}`);
    const path = temp.file('big.csv', rows.join('\n'));
    let reports = 0;
    const result = await importFile(
      db,
      { path, name: 'big.csv', preset: null },
      {
        isCancelled: () => reports >= 2,
        onProgress: (progress) => {
          if (progress.phase === 'writing') reports += 1;
        },
      },
    );
    expect(result.status).toBe('cancelled');
    expect(db.prepare('SELECT count(*) AS n FROM opportunities').get()).toEqual(
      { n: 0 },
    );
    expect(
      db.prepare('SELECT count(*) AS n FROM opportunity_stage_history').get(),
    ).toEqual({ n: 0 });
    expect(
      db.prepare('SELECT status, message FROM import_batches').get(),
    ).toMatchObject({ status: 'cancelled' });
    expect(db.inTransaction).toBe(false);
  });

  it('says which columns are missing when a file matches no layout', async () => {
    const { db, temp } = setup();
    const result = await run(db, temp.file('odd.csv', 'foo,bar\n1,2\n'));
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(
      /odd\.csv: its columns \(foo, bar\) match no known export layout/,
    );
    expect(db.prepare('SELECT status FROM import_batches').get()).toEqual({
      status: 'failed',
    });
  });

  it('a dry run counts what would change and writes nothing', async () => {
    const { db, temp } = setup();
    const result = await run(db, temp.file('sales_pipeline.csv', PIPELINE), {
      isDryRun: true,
    });
    expect([result.status, result.rowsNew, result.batchId]).toEqual([
      'dry_run',
      4,
      null,
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM opportunities').get()).toEqual(
      { n: 0 },
    );
    expect(
      db.prepare('SELECT count(*) AS n FROM import_batches').get(),
    ).toEqual({ n: 0 });
  });

  it('refuses values this export never has: unknown stages, negative values, closing before engaging', async () => {
    const { db, temp } = setup();
    const text = [
      PIPELINE_HEADER,
      'V1,Ann Agent,GTXPro,Acme,Flying,2017-01-02,2017-02-01,10',
      'V2,Ann Agent,GTXPro,Acme,Won,2017-03-02,2017-02-01,10',
      'V3,Ann Agent,GTXPro,Acme,Won,2017-01-02,2017-02-01,-50',
      'V4,Ann Agent,GTXPro,Acme,Engaging,2017-01-02,2017-02-01,',
      'V5,Ann Agent,GTXPro,Acme,Won,2017-01-02,2017-02-01,10',
    ].join('\n');
    const result = await run(db, temp.file('odd.csv', text));
    expect([result.rowsNew, result.rowsRejected]).toEqual([1, 4]);
    expect(
      db
        .prepare(
          'SELECT line, column_name, value, reason FROM import_row_errors ORDER BY line',
        )
        .all(),
    ).toEqual([
      {
        line: 2,
        column_name: 'deal_stage',
        value: 'Flying',
        reason:
          'Not a stage of this export (Prospecting, Engaging, Won or Lost).',
      },
      {
        line: 3,
        column_name: 'close_date',
        value: '2017-02-01',
        reason: 'The deal closes before it was engaged (2017-03-02).',
      },
      {
        line: 4,
        column_name: 'close_value',
        value: '-50',
        reason: 'A deal value cannot be negative.',
      },
      {
        line: 5,
        column_name: 'close_date',
        value: '2017-02-01',
        reason: 'A deal still Engaging cannot have a close date.',
      },
    ]);
  });
});
