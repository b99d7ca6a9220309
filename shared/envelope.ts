// Every call across the process boundary answers with this envelope, so the
// page never has to guess whether a thrown value crossed the bridge intact.

export const ERROR_CODES = [
  'invalid_argument',
  'unknown_method',
  'no_workspace',
  'not_found',
  'workspace_too_new',
  'workspace_invalid',
  'io',
  'import_failed',
  'cancelled',
  'unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorInfo = {
  code: ErrorCode;
  /** What happened and what to do next, fit to show to the user. */
  message: string;
};

export type Envelope<T> =
  { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** An error whose message the user can act on. */
export class WorkbenchError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'WorkbenchError';
    this.code = code;
  }
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof WorkbenchError) {
    return { code: error.code, message: error.message };
  }
  return {
    code: 'internal',
    message:
      'Something went wrong inside the workbench. The log has the details; ' +
      'your workspace was not changed by the failed step.',
  };
}
