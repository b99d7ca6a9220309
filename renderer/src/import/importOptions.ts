// What the user can tell the importer about files it cannot decide alone
// (the date order, a currency for rows naming none, the decimal mark), and
// what a result asks back.
import type { ArgsOf, ImportResult } from '../../../shared/contract.js';

export type StartArgs = ArgsOf<'import.start'>;
export type DateOrder = NonNullable<StartArgs['dateOrder']>;
export type DecimalMark = NonNullable<StartArgs['decimalMark']>;
export type DeletedRecordsChoice = NonNullable<StartArgs['deletedRecords']>;

export const DATE_ORDERS = [
  'dmy',
  'mdy',
  'ymd',
] as const satisfies readonly DateOrder[];
export const DECIMAL_MARKS = [
  '.',
  ',',
] as const satisfies readonly DecimalMark[];

/** '' everywhere means: decide from the file. */
export type ReadingOptions = {
  dateOrder: DateOrder | '';
  currency: string;
  decimalMark: DecimalMark | '';
};

export const AUTO_READING: ReadingOptions = {
  dateOrder: '',
  currency: '',
  decimalMark: '',
};

export function isDateOrder(value: string): value is DateOrder {
  return (DATE_ORDERS as readonly string[]).includes(value);
}

export function isDecimalMark(value: string): value is DecimalMark {
  return (DECIMAL_MARKS as readonly string[]).includes(value);
}

/** A currency is three letters; typed in lower case, it still counts. */
export function currencyCode(text: string): string | null {
  const code = text.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? code : null;
}

/** True when the currency box holds something that is not a code. */
export function isCurrencyInvalid(text: string): boolean {
  return text.trim() !== '' && currencyCode(text) === null;
}

/** The reading options as `import.start` arguments; auto ones left out. */
export function readingArgs(
  options: ReadingOptions,
): Pick<StartArgs, 'dateOrder' | 'currency' | 'decimalMark'> {
  const currency = currencyCode(options.currency);
  return {
    ...(options.dateOrder === '' ? {} : { dateOrder: options.dateOrder }),
    ...(currency === null ? {} : { currency }),
    ...(options.decimalMark === '' ? {} : { decimalMark: options.decimalMark }),
  };
}

/**
 * Whether a result holds rows of records deleted by hand that the import
 * will not write until the user says to skip or restore them.
 */
export function asksAboutDeletedRecords(result: ImportResult): boolean {
  if (result.rowsDeletedEarlier === 0) return false;
  return result.status === 'dry_run' || result.status === 'failed';
}
