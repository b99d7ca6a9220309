// Messages between the import job and its worker thread.
import type { ImportResult } from '../../../shared/contract.js';
import type { ErrorInfo } from '../../../shared/envelope.js';
import type { ImportProgress, ImportRequest } from './runImport.js';

export type WorkerRequest = {
  dbPath: string;
  files: { path: string; name: string }[];
  preset: string | null;
  options: Omit<ImportRequest, 'path' | 'name' | 'preset'>;
};

export type WorkerMessage =
  | ({
      type: 'progress';
      fileIndex: number;
    } & ImportProgress)
  | { type: 'file-done'; fileIndex: number; result: ImportResult }
  | { type: 'done' }
  | { type: 'failed'; error: ErrorInfo };
