import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/engine/store/database.js';
import {
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
} from '../../../electron/engine/store/migrations/index.js';
import { tempDir, type TempDir } from '../../support/workspace.js';

let temp: TempDir;
afterEach(() => temp?.remove());

const NEW_TABLES = [
  'customer_snapshots',
  'churn_events',
  'feature_usage',
  'category_labels',
];

function planOf(db: Database.Database, sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
    .map((step) => step.detail)
    .join(' ');
}

describe('migration 7', () => {
  it('adds the dataset tables and address columns to a version-6 workspace, keeping its rows', () => {
    temp = tempDir();
    const db = new Database(temp.dir + '/v6.revops');
    const version = MIGRATIONS.findIndex((step) => step.version === 7);
    expect(version).toBe(6);
    migrate(db, 'v6.revops', MIGRATIONS.slice(0, version));
    db.prepare(
      "INSERT INTO accounts (name, name_key, country) VALUES ('Acme', 'acme', 'DE')",
    ).run();
    db.prepare(
      `INSERT INTO exchange_rates (rate_on, from_currency, to_currency, rate)
       VALUES ('2024-01-02', 'EUR', 'USD', '1.0950')`,
    ).run();
    migrate(db, 'v6.revops');
    expect(db.pragma('user_version', { simple: true })).toBe(
      LATEST_SCHEMA_VERSION,
    );
    expect(
      db
        .prepare(
          'SELECT name, country, city, region, postal_code FROM accounts',
        )
        .all(),
    ).toEqual([
      {
        name: 'Acme',
        country: 'DE',
        city: null,
        region: null,
        postal_code: null,
      },
    ]);
    expect(
      db.prepare('SELECT rate, source, external_id FROM exchange_rates').all(),
    ).toEqual([{ rate: '1.0950', source: 'manual', external_id: null }]);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all();
    expect(tables).toEqual(expect.arrayContaining(NEW_TABLES));
    db.close();
  });

  it('finds imported records by origin and usage by account through indexes', () => {
    temp = tempDir();
    const db = new Database(temp.dir + '/v7.revops');
    migrate(db, 'v7.revops');
    for (const table of [...NEW_TABLES, 'exchange_rates']) {
      expect(
        planOf(
          db,
          `SELECT id FROM ${table} WHERE source = 'rates' AND external_id = 'x'`,
        ),
        table,
      ).toMatch(new RegExp(`USING (COVERING )?INDEX ${table}_origin`));
    }
    expect(
      planOf(
        db,
        'SELECT sum(usage_count) FROM feature_usage WHERE account_id = 1',
      ),
    ).toMatch(/INDEX feature_usage_account/);
    expect(
      planOf(
        db,
        "SELECT count(*) FROM churn_events WHERE churned_on >= '2024-01-01'",
      ),
    ).toMatch(/INDEX churn_events_churned/);
    db.close();
  });

  it('refuses a second record with the same origin', () => {
    temp = tempDir();
    const db = new Database(temp.dir + '/v7.revops');
    migrate(db, 'v7.revops');
    const insert = db.prepare(
      `INSERT INTO churn_events (source, external_id, churned_on, currency)
       VALUES ('saas', 'C-1', '2024-01-02', 'USD')`,
    );
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE constraint failed/);
    db.close();
  });
});
