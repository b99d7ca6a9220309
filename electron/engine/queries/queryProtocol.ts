// Messages between the engine and its query worker.
import type { ErrorInfo } from '../../../shared/envelope.js';
import type { QueryMethod } from './queryMethods.js';

export type QueryRequest =
  | {
      type: 'query';
      id: number;
      /** The workspace file the question is about. */
      path: string;
      method: QueryMethod;
      /** Arguments already checked against the contract. */
      args: unknown;
    }
  | { type: 'release'; id: number };

export type QueryAnswer =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: ErrorInfo };
