// The import job's worker thread: its own database connection, the files
// one after another, progress and results posted to the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorInfo } from '../../../shared/envelope.js';
import { createLogger } from '../logger.js';
import { openDatabase } from '../store/database.js';
import { WorkbenchError } from '../../../shared/envelope.js';
import {
  importFile,
  unreadableResult,
  type ImportRequest,
} from './runImport.js';
import type { WorkerRequest, WorkerMessage } from './workerProtocol.js';

const log = createLogger('import-worker');

let isCancelled = false;

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}

parentPort?.on('message', (message: { type: 'cancel' }) => {
  if (message.type === 'cancel') isCancelled = true;
});

async function run(request: WorkerRequest): Promise<void> {
  const db = openDatabase(request.dbPath);
  try {
    for (const [index, file] of request.files.entries()) {
      const importRequest: ImportRequest = {
        ...request.options,
        path: file.path,
        name: file.name,
        preset: request.preset,
      };
      // A file that cannot be opened fails alone; the others still import.
      const result = await importFile(db, importRequest, {
        isCancelled: () => isCancelled,
        onProgress: (progress) =>
          post({ type: 'progress', fileIndex: index, ...progress }),
      }).catch((error: unknown) => {
        if (!(error instanceof WorkbenchError)) throw error;
        log.info('run: file refused', { code: error.code });
        return unreadableResult(importRequest, error.message);
      });
      post({ type: 'file-done', fileIndex: index, result });
      if (result.status === 'cancelled') break;
    }
    post({ type: 'done' });
  } finally {
    db.close();
  }
}

run(workerData as WorkerRequest).catch((error: unknown) => {
  log.error('run: import job failed', { error: error as Error });
  post({ type: 'failed', error: toErrorInfo(error) });
});
