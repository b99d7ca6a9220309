import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEMO_TABLES,
  DEMO_TODAY,
  generateDemoWorkspace,
  type DemoScale,
} from '../../../electron/engine/demo/generateDemo.js';
import { openDatabase } from '../../../electron/engine/store/database.js';
import {
  describeWorkspace,
  openWorkspace,
} from '../../../electron/engine/workspace.js';
import { WorkbenchError } from '../../../shared/envelope.js';
import { count, DemoFiles, tableHash, tableNames } from './demoFiles.js';

const SMALL: Omit<DemoScale, 'invoices'> = {
  accounts: 40,
  opportunities: 400,
  subscriptions: 90,
  tickets: 120,
};

const DIGIT = '[0-9]';
const DATE_GLOB = `${DIGIT.repeat(4)}-${DIGIT.repeat(2)}-${DIGIT.repeat(2)}`;
const INSTANT_GLOB =
  `${DATE_GLOB}T${DIGIT.repeat(2)}:${DIGIT.repeat(2)}:${DIGIT.repeat(2)}` +
  `.${DIGIT.repeat(3)}Z`;

const files = new DemoFiles();
afterEach(() => files.cleanUp());

describe('generateDemoWorkspace: determinism', () => {
  it('writes identical tables for one seed, other ones for another', () => {
    const first = files.generate({ seed: 7, scale: SMALL });
    const second = files.generate({ seed: 7, scale: SMALL });
    const other = files.generate({ seed: 8, scale: SMALL });

    const tables = tableNames(first.db);
    expect(tables).toEqual(tableNames(second.db));
    // The summed tables' states say when they were built; the sums
    // themselves are compared like every other table.
    const builtAt = ['aggregate_state', 'mrr_state', 'summed_state'];
    for (const table of tables.filter((name) => !builtAt.includes(name))) {
      expect(tableHash(second.db, table), table).toBe(
        tableHash(first.db, table),
      );
    }
    expect(second.summary).toEqual(first.summary);
    for (const table of [
      'accounts',
      'opportunities',
      'opportunity_stage_history',
      'subscriptions',
      'invoices',
      'tickets',
    ]) {
      expect(tableHash(other.db, table), table).not.toBe(
        tableHash(first.db, table),
      );
    }
  });

  it('keeps each table to its own random stream', () => {
    const base = files.generate({ seed: 11, scale: SMALL });
    const moreTickets = files.generate({
      seed: 11,
      scale: { ...SMALL, tickets: SMALL.tickets * 2 },
    });
    expect(tableHash(moreTickets.db, 'opportunities')).toBe(
      tableHash(base.db, 'opportunities'),
    );
    expect(tableHash(moreTickets.db, 'tickets')).not.toBe(
      tableHash(base.db, 'tickets'),
    );
  });
});

describe('generateDemoWorkspace: counts and settings', () => {
  it('writes what the summary says and the scale asked for', () => {
    const { db, summary } = files.generate({ seed: 3, scale: SMALL });

    for (const table of DEMO_TABLES) {
      expect(count(db, `SELECT count(*) FROM ${table}`), table).toBe(
        summary[table],
      );
    }
    expect(summary.accounts).toBe(SMALL.accounts);
    expect(summary.opportunities).toBe(SMALL.opportunities);
    expect(summary.subscriptions).toBe(SMALL.subscriptions);
    expect(summary.tickets).toBe(SMALL.tickets);
    expect(summary.invoices).toBeGreaterThan(SMALL.subscriptions);
    expect(summary.payments).toBeLessThan(summary.invoices);
    expect(summary.opportunity_stage_history).toBeGreaterThan(
      SMALL.opportunities,
    );
    expect(summary.teams).toBe(4);
    expect(
      count(db, "SELECT count(*) FROM users WHERE role = 'Account Executive'"),
    ).toBe(24);
    expect(summary.products).toBe(7);
    expect(count(db, 'SELECT count(DISTINCT family) FROM products')).toBe(3);
    expect(summary.campaigns).toBeGreaterThanOrEqual(3);
    expect(summary.campaign_spend).toBeGreaterThan(summary.campaigns);
  });

  it('honours an explicit invoice count below and above the schedule', () => {
    const natural = files.generate({ seed: 5, scale: SMALL }).summary.invoices;
    const fewer = files.generate({
      seed: 5,
      scale: { ...SMALL, invoices: 50 },
    });
    const more = files.generate({
      seed: 5,
      scale: { ...SMALL, invoices: natural + 25 },
    });

    expect(fewer.summary.invoices).toBe(50);
    expect(count(fewer.db, 'SELECT count(*) FROM invoices')).toBe(50);
    expect(more.summary.invoices).toBe(natural + 25);
    expect(count(more.db, 'SELECT count(*) FROM invoices')).toBe(natural + 25);
  });

  it('is an ordinary USD workspace that opens and describes itself', () => {
    const { path, db } = files.generate({ seed: 1, scale: SMALL });
    db.close();
    const workspace = openWorkspace(path);
    try {
      const info = describeWorkspace(workspace);
      expect(info.name).toBe('Demo workspace');
      expect(info.baseCurrency).toBe('USD');
      expect(info.fiscalYearStartMonth).toBe(1);
      expect(info.counts['opportunities']).toBe(SMALL.opportunities);
      expect(info.counts['accounts']).toBe(SMALL.accounts);
      expect(workspace.db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      workspace.db.close();
    }
  });

  it('leaves the schema exactly as a new workspace has it', () => {
    const { db } = files.generate({ seed: 1, scale: SMALL });
    const fresh = openDatabase(join(files.folder(), 'fresh.revops'), {
      create: true,
    });
    const schemaOf = (connection: typeof db | typeof fresh) =>
      connection
        .prepare(
          `SELECT type, name, tbl_name, sql FROM sqlite_schema
           ORDER BY type, name`,
        )
        .all();
    try {
      expect(schemaOf(db)).toEqual(schemaOf(fresh));
      expect(db.pragma('user_version', { simple: true })).toBe(
        fresh.pragma('user_version', { simple: true }),
      );
    } finally {
      fresh.close();
    }
  });

  it('reports progress up to a total of the scaled tables', () => {
    const calls: [number, number][] = [];
    const { summary } = files.generate({
      seed: 2,
      scale: SMALL,
      onProgress: (done, total) => calls.push([done, total]),
    });
    const total =
      summary.accounts +
      summary.opportunities +
      summary.subscriptions +
      summary.invoices +
      summary.tickets;
    expect(calls.at(-1)).toEqual([total, total]);
    const dones = calls.map(([done]) => done);
    expect(dones).toEqual([...dones].sort((left, right) => left - right));
  });
});

describe('generateDemoWorkspace: integrity', () => {
  it('resolves every foreign key and marks every record as demo data', () => {
    const { db } = files.generate({ seed: 9, scale: SMALL });

    expect(db.pragma('foreign_key_check')).toEqual([]);
    for (const table of DEMO_TABLES) {
      if (table === 'opportunity_stage_history') continue;
      const rows = count(db, `SELECT count(*) FROM ${table}`);
      expect(
        count(
          db,
          `SELECT count(*) FROM ${table} WHERE source = 'demo'
             AND batch_id IS NULL AND external_id IS NOT NULL`,
        ),
        table,
      ).toBe(rows);
      expect(
        count(db, `SELECT count(DISTINCT external_id) FROM ${table}`),
        table,
      ).toBe(rows);
    }
    expect(
      count(
        db,
        `SELECT count(*) FROM opportunity_stage_history
         WHERE batch_id IS NOT NULL`,
      ),
    ).toBe(0);
  });

  it('keeps links and their names in agreement', () => {
    const { db } = files.generate({ seed: 9, scale: SMALL });
    const mismatched = `
      SELECT count(*) FROM opportunities o
      JOIN accounts a ON a.id = o.account_id
      JOIN users u ON u.id = o.owner_user_id
      JOIN products p ON p.id = o.product_id
      WHERE o.account_name <> a.name OR o.owner_name <> u.name
         OR o.product_name <> p.name`;
    expect(count(db, mismatched)).toBe(0);
    expect(
      count(
        db,
        `SELECT count(*) FROM opportunities WHERE account_id IS NULL
           OR owner_user_id IS NULL OR product_id IS NULL`,
      ),
    ).toBe(0);
    for (const table of ['subscriptions', 'invoices', 'tickets']) {
      expect(
        count(
          db,
          `SELECT count(*) FROM ${table} t JOIN accounts a
             ON a.id = t.account_id WHERE t.account_key <> a.name_key`,
        ),
        table,
      ).toBe(0);
    }
    const keys = db.prepare('SELECT name, name_key FROM accounts').all() as {
      name: string;
      name_key: string;
    }[];
    for (const { name, name_key: key } of keys) {
      expect(key).toMatch(/^[a-z0-9]+$/);
      expect(key).toBe(name.toLowerCase().replace(/[^a-z0-9]/g, ''));
    }
  });

  it('writes dates, instants and money in store form, none in future', () => {
    const { db } = files.generate({ seed: 4, scale: SMALL });
    const dateColumns: [string, string][] = [
      ['opportunities', 'created_on'],
      ['opportunities', 'closed_on'],
      ['opportunities', 'expected_close_on'],
      ['accounts', 'signup_on'],
      ['subscriptions', 'start_on'],
      ['invoices', 'issued_on'],
      ['invoices', 'settled_on'],
      ['payments', 'paid_on'],
    ];
    for (const [table, column] of dateColumns) {
      expect(
        count(
          db,
          `SELECT count(*) FROM ${table} WHERE ${column} IS NOT NULL
             AND (${column} NOT GLOB '${DATE_GLOB}'
               OR date(${column}) IS NOT ${column})`,
        ),
        `${table}.${column}`,
      ).toBe(0);
    }
    for (const table of ['opportunities', 'accounts', 'invoices', 'tickets']) {
      expect(
        count(
          db,
          `SELECT count(*) FROM ${table}
           WHERE created_at NOT GLOB '${INSTANT_GLOB}'`,
        ),
        table,
      ).toBe(0);
    }
    const past = [
      `SELECT count(*) FROM opportunities
       WHERE created_on > ? OR closed_on > ?`,
      'SELECT count(*) FROM invoices WHERE issued_on > ? OR settled_on > ?',
      'SELECT count(*) FROM tickets WHERE opened_at > ? OR closed_at > ?',
      `SELECT count(*) FROM subscriptions
       WHERE start_on > ? OR (end_on > ? AND is_trial = 0)`,
    ];
    const dayAfter = `${DEMO_TODAY}T23:59:59.999Z`;
    for (const sql of past) {
      const bound = sql.includes('_at') ? dayAfter : DEMO_TODAY;
      expect(count(db, sql, bound, bound), sql).toBe(0);
    }
    expect(
      count(
        db,
        `SELECT count(*) FROM opportunities
         WHERE typeof(amount_minor) <> 'integer'
           OR amount_minor <= 0 OR currency <> 'USD'`,
      ),
    ).toBe(0);
    expect(
      count(
        db,
        "SELECT count(*) FROM invoices WHERE typeof(amount_minor) <> 'integer'",
      ),
    ).toBe(0);
  });
});

describe('generateDemoWorkspace: refusals', () => {
  it('refuses to overwrite a file and leaves no partial file behind', () => {
    const { path } = files.generate({ seed: 1, scale: SMALL });
    expect(() => generateDemoWorkspace(path, { seed: 1 })).toThrow(
      WorkbenchError,
    );
    const dir = files.folder();
    expect(() =>
      generateDemoWorkspace(join(dir, 'bad.revops'), {
        seed: 1,
        scale: { opportunities: -1 },
      }),
    ).toThrow(/whole number/);
    expect(() =>
      generateDemoWorkspace(join(dir, 'none.revops'), {
        seed: 1,
        scale: { accounts: 0 },
      }),
    ).toThrow(/at least one account/);
    expect(() =>
      generateDemoWorkspace(join(dir, 'demo.txt'), { seed: 1 }),
    ).toThrow(/\.revops/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes an empty demo when every count is zero', () => {
    const { summary, path } = files.generate({
      seed: 1,
      scale: {
        accounts: 0,
        opportunities: 0,
        subscriptions: 0,
        invoices: 0,
        tickets: 0,
      },
    });
    expect(existsSync(path)).toBe(true);
    expect(summary.accounts + summary.opportunities + summary.invoices).toBe(0);
    expect(summary.users).toBe(29);
  });
});
