// Helpers for the demo generator tests: generate into a temp folder, read
// the result back with a plain connection, and fingerprint whole tables.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import {
  generateDemoWorkspace,
  type DemoOptions,
  type DemoSummary,
} from '../../../electron/engine/demo/generateDemo.js';
import { tempDir, type TempDir } from '../../support/workspace.js';

export type Generated = {
  path: string;
  summary: DemoSummary;
  db: Database.Database;
};

/** Temp folders and connections made by a test, closed in `afterEach`. */
export class DemoFiles {
  private readonly dirs: TempDir[] = [];
  private readonly open: Database.Database[] = [];

  generate(options: DemoOptions, name = 'demo.revops'): Generated {
    const temp = tempDir('revops-demo-');
    this.dirs.push(temp);
    const path = join(temp.dir, name);
    const summary = generateDemoWorkspace(path, options);
    const db = new Database(path, { readonly: true });
    this.open.push(db);
    return { path, summary, db };
  }

  folder(): string {
    const temp = tempDir('revops-demo-');
    this.dirs.push(temp);
    return temp.dir;
  }

  cleanUp(): void {
    for (const db of this.open.splice(0)) db.close();
    for (const temp of this.dirs.splice(0)) temp.remove();
  }
}

export function tableNames(db: Database.Database): string[] {
  const rows = db
    .prepare(
      `SELECT name FROM sqlite_schema
       WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all() as { name: string }[];
  return rows.map((row) => row.name);
}

/**
 * A hash of every row of the table, values as stored, in the order of the
 * rows' text (tables without rowid have no insertion order to go by).
 */
export function tableHash(db: Database.Database, table: string): string {
  const hash = createHash('sha256');
  const rows = db.prepare(`SELECT * FROM "${table}"`).raw();
  const lines: string[] = [];
  for (const row of rows.iterate()) lines.push(JSON.stringify(row));
  for (const line of lines.sort()) hash.update(line + '\n');
  return hash.digest('hex');
}

export function count(
  db: Database.Database,
  sql: string,
  ...params: unknown[]
): number {
  const row = db
    .prepare(sql)
    .raw()
    .get(...params) as [number] | undefined;
  return row?.[0] ?? 0;
}
