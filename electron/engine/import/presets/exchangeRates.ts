// Exchange-rate exports, in the two shapes they come in: one row per pair
// (date, from, to, rate) or one row per currency against a base (date,
// currency, rate), as central banks publish them. A rate says one unit of
// the from currency is worth `rate` units of the to currency; it is kept
// as the exact decimal text the metrics convert with.
import { parseNumber, type DecimalMark } from '../values/numbers.js';
import { CellError } from './cells.js';
import { str } from './fieldValues.js';
import { defineLayout } from './layout.js';
import type { FieldValue, Preset, RowReader } from './types.js';

const CODE = /^[A-Z]{3}$/;

const code = (value: FieldValue | undefined): string | null =>
  str(value)?.toUpperCase() ?? null;

function currencyCode(value: FieldValue | undefined, column: string): string {
  const upper = code(value);
  if (upper === null || !CODE.test(upper)) {
    throw new CellError({
      column,
      value: str(value) ?? '',
      reason: 'Not a three-letter currency code such as EUR or USD.',
    });
  }
  return upper;
}

const otherMark = (mark: DecimalMark): DecimalMark =>
  mark === '.' ? ',' : '.';

/**
 * A rate as plain decimal text. A cell only one mark can read is read so,
 * whatever the file's mark (`1,0843` is a decimal comma); a single group of
 * three digits after the file's thousands mark (`1,085` in a decimal-point
 * file) could be either and is refused rather than guessed.
 */
export function rateText(text: string, mark: DecimalMark): string | null {
  const group = otherMark(mark);
  const cell = text.trim();
  // No grouped number starts with a zero: `0,925` is a decimal comma.
  const isGroupedZero = new RegExp(`^0\\d*\\${group}`).test(cell);
  const asFile = isGroupedZero ? null : parseNumber(cell, mark);
  const asOther = parseNumber(cell, group);
  const parsed = asFile ?? asOther;
  if (!parsed || parsed.decimal.startsWith('-')) return null;
  const groupOfThree = new RegExp(`^[1-9]\\d{0,2}\\${group}\\d{3}$`);
  if (asFile && asOther && groupOfThree.test(cell)) {
    throw new CellError({
      column: 'rate',
      value: text,
      reason:
        `Reads as ${asFile.decimal} or as ${asOther.decimal}. Choose the ` +
        "file's locale to say which.",
    });
  }
  return parsed.decimal;
}

const layout = defineLayout({
  id: 'exchange-rates',
  source: 'rates',
  entity: 'exchange_rates',
  fields: [
    {
      name: 'date',
      kind: 'date',
      headers: [
        'date',
        'rate date',
        'as of',
        'as of date',
        'effective date',
        'valid from',
        'time period',
        'day',
      ],
    },
    {
      name: 'from',
      kind: 'text',
      headers: [
        'from',
        'from currency',
        'currency from',
        'base',
        'base currency',
        'source currency',
        'currency denom',
      ],
    },
    {
      name: 'to',
      kind: 'text',
      headers: [
        'to',
        'to currency',
        'currency to',
        'quote',
        'quote currency',
        'target currency',
        'counter currency',
        'currency',
        'currency code',
      ],
    },
    {
      name: 'rate',
      kind: 'text',
      headers: [
        'rate',
        'exchange rate',
        'fx rate',
        'conversion rate',
        'rate per base',
        'obs value',
      ],
    },
  ],
  requires: [['date'], ['to'], ['rate']],
  required: ['date', 'from', 'to', 'rate'],
  identity: (values) => {
    const on = str(values['date']);
    const from = code(values['from']);
    const to = code(values['to']);
    return on && from && to ? `${on}:${from}:${to}` : null;
  },
  identityColumns: ['date', 'to'],
  toRecord(values, context) {
    const from = currencyCode(values['from'], 'from');
    const to = currencyCode(values['to'], 'to');
    const given = str(values['rate']) ?? '';
    if (from === to) {
      throw new CellError({
        column: 'to',
        value: to,
        reason: `A rate from ${from} to itself says nothing.`,
      });
    }
    const rate = rateText(given, context.decimalMark);
    if (rate === null || /^0*(\.0*)?$/.test(rate)) {
      throw new CellError({
        column: 'rate',
        value: given,
        reason: 'Not a rate above zero.',
      });
    }
    return {
      rate_on: str(values['date']),
      from_currency: from,
      to_currency: to,
      rate,
    };
  },
});

/**
 * Rows that name no base currency are rates per the file's currency: the
 * one chosen for the file, else the workspace's reporting currency, which
 * is the one the metrics convert into.
 */
export const exchangeRates: Preset = {
  ...layout,
  map(row, context) {
    const withBase: RowReader = {
      line: row.line,
      has: (column) => column === 'from' || row.has(column),
      get: (column) =>
        column === 'from' && !row.has('from')
          ? context.currency
          : row.get(column),
    };
    return layout.map(withBase, context);
  },
};
