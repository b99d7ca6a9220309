// Typed cell readers for presets. A cell that cannot be read throws a
// CellError, which the import turns into a row error naming the column.
import { currencyExponent } from '../../../../shared/money.js';
import { parseCalendarDate, parseInstant } from '../values/dates.js';
import { parseBoolean, parseNumber, shiftDecimal } from '../values/numbers.js';
import type { CellProblem, MappingContext, RowReader } from './types.js';

export class CellError extends Error {
  constructor(readonly problem: CellProblem) {
    super(problem.reason);
    this.name = 'CellError';
  }
}

function fail(column: string, value: string, reason: string): never {
  throw new CellError({ column, value, reason });
}

export function text(row: RowReader, column: string): string | null {
  const value = row.get(column);
  return value === '' ? null : value;
}

export function requiredText(row: RowReader, column: string): string {
  return text(row, column) ?? fail(column, '', 'A value is required here.');
}

export function calendarDate(
  row: RowReader,
  column: string,
  context: MappingContext,
): string | null {
  const value = row.get(column);
  if (value === '') return null;
  const order = context.dateOrder(column);
  return (
    parseCalendarDate(value, order) ??
    fail(column, value, `Not a date in the column's ${order} order.`)
  );
}

export function instant(
  row: RowReader,
  column: string,
  context: MappingContext,
): string | null {
  const value = row.get(column);
  if (value === '') return null;
  return (
    parseInstant(value, context.dateOrder(column)) ??
    fail(column, value, 'Not a date and time.')
  );
}

export function integer(
  row: RowReader,
  column: string,
  context: MappingContext,
): number | null {
  const value = row.get(column);
  if (value === '') return null;
  const parsed = parseNumber(value, context.decimalMark);
  if (!parsed || parsed.decimal.includes('.')) {
    fail(column, value, 'Not a whole number.');
  }
  const result = Number(parsed.decimal);
  return Number.isSafeInteger(result)
    ? result
    : fail(column, value, 'Number too large.');
}

export function decimal(
  row: RowReader,
  column: string,
  context: MappingContext,
): number | null {
  const value = row.get(column);
  if (value === '') return null;
  const parsed = parseNumber(value, context.decimalMark);
  return parsed ? Number(parsed.decimal) : fail(column, value, 'Not a number.');
}

/**
 * An amount in minor units. `scale` multiplies by 10^scale first, for
 * columns in thousands or millions.
 */
export function money(
  row: RowReader,
  column: string,
  context: MappingContext,
  scale = 0,
): { amountMinor: number; currency: string } | null {
  const value = row.get(column);
  if (value === '') return null;
  const parsed = parseNumber(value, context.decimalMark);
  if (!parsed) fail(column, value, 'Not an amount of money.');
  const currency = parsed.currency ?? context.currency;
  const exponent = currencyExponent(currency);
  const minorText = shiftDecimal(parsed.decimal, scale + exponent);
  if (minorText.includes('.')) {
    fail(column, value, `More decimals than ${currency} has.`);
  }
  const amountMinor = Number(minorText);
  if (!Number.isSafeInteger(amountMinor))
    fail(column, value, 'Amount too large.');
  return { amountMinor, currency };
}

export function flag(row: RowReader, column: string): number | null {
  const value = row.get(column);
  if (value === '') return null;
  const parsed = parseBoolean(value);
  if (parsed === null) fail(column, value, 'Not a yes/no value.');
  return parsed ? 1 : 0;
}
