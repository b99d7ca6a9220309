import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../shared/envelope.js';
import {
  migrate,
  openDatabase,
  schemaVersion,
} from '../../../electron/engine/store/database.js';
import {
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
} from '../../../electron/engine/store/migrations/index.js';
import { tempDir, type TempDir } from '../../support/workspace.js';

const DOMAIN_TABLES = [
  'accounts',
  'contacts',
  'leads',
  'opportunities',
  'opportunity_stage_history',
  'products',
  'users',
  'teams',
  'subscriptions',
  'contract_lines',
  'invoices',
  'payments',
  'tickets',
  'campaigns',
  'campaign_spend',
  'activities',
  'quotas',
  'exchange_rates',
  'import_batches',
  'import_row_errors',
  'audit_log',
  'saved_plans',
  'forecast_snapshots',
  'journey_definitions',
  'workspace_settings',
];

let temp: TempDir;
afterEach(() => temp?.remove());

function tables(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[]
  ).map((row) => row.name);
}

describe('openDatabase', () => {
  it('creates the whole domain schema with WAL and foreign keys on', () => {
    temp = tempDir();
    const db = openDatabase(temp.dir + '/a.revops', { create: true });
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(tables(db)).toEqual(expect.arrayContaining(DOMAIN_TABLES));
    db.close();
  });

  it('keeps money as integer minor units beside a currency code', () => {
    temp = tempDir();
    const db = openDatabase(temp.dir + '/a.revops', { create: true });
    const insert = () =>
      db
        .prepare(
          "INSERT INTO opportunities (stage, status, amount_minor, currency) VALUES ('Won', 'won', 12.5, 'USD')",
        )
        .run();
    expect(insert).toThrow(/cannot store REAL value in INTEGER column/);
    db.close();
  });

  it('refuses a workspace written by a newer program and leaves it untouched', () => {
    temp = tempDir();
    const path = temp.dir + '/future.revops';
    const raw = new Database(path);
    raw.exec('CREATE TABLE future_things (id INTEGER)');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    expect(() => openDatabase(path)).toThrow(/newer RevOps Workbench/);
    const again = new Database(path);
    expect(again.pragma('user_version', { simple: true })).toBe(
      LATEST_SCHEMA_VERSION + 5,
    );
    expect(tables(again)).toEqual(['future_things']);
    again.close();
  });

  it('refuses an SQLite file that is not a workspace', () => {
    temp = tempDir();
    const path = temp.dir + '/other.revops';
    const raw = new Database(path);
    raw.exec('CREATE TABLE customers (id INTEGER)');
    raw.close();
    expect(() => openDatabase(path)).toThrow(/not a RevOps workspace/);
  });

  it('refuses a file that is not SQLite at all', () => {
    temp = tempDir();
    const path = temp.file(
      'notes.revops',
      'just some text, not a database '.repeat(40),
    );
    const attempt = () => openDatabase(path);
    expect(attempt).toThrow(WorkbenchError);
    expect(attempt).toThrow(
      /not a RevOps workspace|not an SQLite database|Could not open/,
    );
  });

  it('says clearly when the file does not exist', () => {
    temp = tempDir();
    expect(() => openDatabase(temp.dir + '/missing.revops')).toThrow(
      /No workspace at/,
    );
  });
});

describe('migrate', () => {
  it('rolls a failing migration back whole, version included', () => {
    temp = tempDir();
    const db = new Database(temp.dir + '/m.revops');
    const good = {
      version: 1,
      name: 'one',
      sql: 'CREATE TABLE one (id INTEGER);',
    };
    const bad = {
      version: 2,
      name: 'two',
      sql: 'CREATE TABLE two (id INTEGER); INSERT INTO missing_table VALUES (1);',
    };
    expect(() => migrate(db, 'm.revops', [good, bad])).toThrow(/missing_table/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).toEqual(['one']);
    db.close();
  });

  it('applies each migration once, in order', () => {
    temp = tempDir();
    const db = new Database(temp.dir + '/m.revops');
    const steps = [
      { version: 1, name: 'one', sql: 'CREATE TABLE one (id INTEGER);' },
      {
        version: 2,
        name: 'two',
        sql: 'ALTER TABLE one ADD COLUMN label TEXT;',
      },
    ];
    migrate(db, 'm.revops', steps);
    migrate(db, 'm.revops', steps);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });
});

describe('migration 2', () => {
  it('adds the company name to contacts of a version-1 workspace, keeping its rows', () => {
    temp = tempDir();
    const db = new Database(temp.dir + '/v1.revops');
    migrate(db, 'v1.revops', MIGRATIONS.slice(0, 1));
    db.prepare(
      "INSERT INTO contacts (email, first_name) VALUES ('a@b.example', 'Ada')",
    ).run();
    migrate(db, 'v1.revops');
    expect(db.pragma('user_version', { simple: true })).toBe(
      LATEST_SCHEMA_VERSION,
    );
    expect(
      db.prepare('SELECT email, first_name, company_name FROM contacts').all(),
    ).toEqual([
      { email: 'a@b.example', first_name: 'Ada', company_name: null },
    ]);
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM contacts WHERE company_name = 'Acme'",
      )
      .all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toMatch(
      /USING (COVERING )?INDEX contacts_company/,
    );
    db.close();
  });
});
