// Opening a workspace file: pragmas, the schema version check and the
// migrations. A file written by a newer program is refused before anything
// touches it.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { WorkbenchError } from '../../../shared/envelope.js';
import { createLogger } from '../logger.js';
import {
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  type Migration,
} from './migrations/index.js';
import { nativeBindingForRuntime } from './nativeBinding.js';

const log = createLogger('store');

export type Db = Database.Database;

export type OpenOptions = {
  /** Create the file when it does not exist. */
  create?: boolean;
  readonly?: boolean;
};

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const isNew = !existsSync(path);
  if (isNew && !options.create) {
    throw new WorkbenchError(
      'not_found',
      `No workspace at ${path}. Check the path, or create a new workspace.`,
    );
  }
  let db: Db;
  try {
    db = new Database(path, {
      readonly: options.readonly ?? false,
      nativeBinding: nativeBindingForRuntime(),
    });
  } catch (error) {
    throw new WorkbenchError(
      'io',
      `Could not open ${path}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  try {
    configure(db, options.readonly ?? false);
    if (!options.readonly) migrate(db);
    else assertKnownVersion(db, path);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function configure(db: Db, readonly: boolean): void {
  try {
    if (!readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    // 64 MiB of page cache: index inserts of a large import stay in memory.
    db.pragma('cache_size = -65536');
  } catch (error) {
    throw new WorkbenchError(
      'workspace_invalid',
      'This file is not a RevOps workspace (it is not an SQLite database).',
      { cause: error },
    );
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function assertKnownVersion(
  db: Db,
  path: string,
  latest = LATEST_SCHEMA_VERSION,
): void {
  const version = schemaVersion(db);
  if (version > latest) {
    throw new WorkbenchError(
      'workspace_too_new',
      `${path} was saved by a newer RevOps Workbench (schema ${version}; ` +
        `this program knows up to ${latest}). Update the ` +
        'program to open it; the file was left untouched.',
    );
  }
}

function countTables(db: Db): number {
  const row = db
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'")
    .get() as { n: number };
  return row.n;
}

/** Brings the schema up to date, one migration per transaction. */
export function migrate(
  db: Db,
  path = db.name,
  migrations: readonly Migration[] = MIGRATIONS,
): void {
  assertKnownVersion(db, path, migrations.length);
  if (schemaVersion(db) === 0 && countTables(db) > 0) {
    throw new WorkbenchError(
      'workspace_invalid',
      `${path} is an SQLite file but not a RevOps workspace.`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= schemaVersion(db)) continue;
    const apply = db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    });
    apply.immediate();
    log.info('migrate: applied', {
      version: migration.version,
      migration: migration.name,
    });
  }
}
