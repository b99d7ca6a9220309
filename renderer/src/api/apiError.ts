import type { ErrorCode } from '../../../shared/envelope.js';
import type { MessageKey } from '../i18n/index.js';

/**
 * A failed call. `message` is the engine's text for the user; errors that
 * arise in the page itself carry a catalogue key instead, so they can be
 * shown in the chosen language.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: MessageKey | null;

  constructor(code: ErrorCode, message: string, messageKey?: MessageKey) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.messageKey = messageKey ?? null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
