// Narrowing read layout values for `toRecord`: each gives null unless the
// value is of the kind asked for.
import type { FieldValue } from './types.js';

export const str = (value: FieldValue | undefined): string | null =>
  typeof value === 'string' ? value : null;

export const num = (value: FieldValue | undefined): number | null =>
  typeof value === 'number' ? value : null;

/** The calendar date of an instant read as UTC ISO-8601. */
export const dateOf = (instant: FieldValue | undefined): string | null =>
  typeof instant === 'string' ? instant.slice(0, 10) : null;
