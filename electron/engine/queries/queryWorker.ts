// The query worker thread: its own connection to the open workspace, one
// question at a time, answers posted back to the main thread. What the
// metric engine keeps in memory between questions lives here.
import { parentPort } from 'node:worker_threads';
import { toErrorInfo, WorkbenchError } from '../../../shared/envelope.js';
import { createLogger } from '../logger.js';
import { openDatabase, type Db } from '../store/database.js';
import { QUERIES } from './queryMethods.js';
import type { QueryAnswer, QueryRequest } from './queryProtocol.js';

const log = createLogger('query-worker');

let open: { path: string; db: Db } | null = null;

function connectionTo(path: string): Db {
  if (open?.path === path) return open.db;
  open?.db.close();
  open = null;
  const db = openDatabase(path);
  open = { path, db };
  return db;
}

function answer(request: QueryRequest): QueryAnswer {
  if (request.type === 'release') {
    open?.db.close();
    open = null;
    return { id: request.id, ok: true, value: null };
  }
  const started = performance.now();
  try {
    const db = connectionTo(request.path);
    const run = QUERIES[request.method] as (db: Db, args: unknown) => unknown;
    const value = run(db, request.args);
    log.debug('answer: done', {
      method: request.method,
      ms: Math.round(performance.now() - started),
    });
    return { id: request.id, ok: true, value };
  } catch (error) {
    if (!(error instanceof WorkbenchError)) {
      log.error('answer: failed', {
        method: request.method,
        error: error as Error,
      });
    }
    return { id: request.id, ok: false, error: toErrorInfo(error) };
  }
}

parentPort?.on('message', (request: QueryRequest) => {
  parentPort?.postMessage(answer(request));
});
