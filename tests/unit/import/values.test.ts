import { describe, expect, it } from 'vitest';
import {
  DateColumnAnalyser,
  parseCalendarDate,
} from '../../../electron/engine/import/values/dates.js';
import {
  nameKey,
  parseBoolean,
  parseNumber,
  shiftDecimal,
} from '../../../electron/engine/import/values/numbers.js';

describe('parseNumber', () => {
  it('reads grouping, symbols and codes with a decimal point', () => {
    const read = (text: string) => parseNumber(text, '.');
    expect(read('3,100')).toEqual({ decimal: '3100', currency: null });
    expect(read('$1,234.50')).toEqual({ decimal: '1234.50', currency: 'USD' });
    expect(read('$ 12,000')).toEqual({ decimal: '12000', currency: 'USD' });
    expect(read('1,234,567.89')).toEqual({
      decimal: '1234567.89',
      currency: null,
    });
    expect(read('USD 99.00')).toEqual({ decimal: '99.00', currency: 'USD' });
    expect(read('99.00 USD')).toEqual({ decimal: '99.00', currency: 'USD' });
  });

  it('reads a decimal comma with dot, NBSP and narrow-NBSP grouping and a trailing euro sign', () => {
    const read = (text: string) => parseNumber(text, ',')?.decimal;
    expect(read('1,12')).toBe('1.12');
    expect(read('1.234,50 €')).toBe('1234.50');
    expect(read('12\u202f345,00')).toBe('12345.00');
    expect(read('2\u00a0500,5')).toBe('2500.5');
    expect(parseNumber('€ 1.250', ',')).toEqual({
      decimal: '1250',
      currency: 'EUR',
    });
  });

  it('reads negatives written three ways', () => {
    expect(parseNumber('-1,200.00', '.')?.decimal).toBe('-1200.00');
    expect(parseNumber('1,200.00-', '.')?.decimal).toBe('-1200.00');
    expect(parseNumber('(1,200.00)', '.')?.decimal).toBe('-1200.00');
    expect(parseNumber('($5)', '.')).toEqual({
      decimal: '-5',
      currency: 'USD',
    });
  });

  it('refuses text that is not a number in the convention, rather than guessing', () => {
    for (const text of [
      '',
      'lots',
      '1,2,3.4.5',
      '12,34',
      '1.234.5',
      '$',
      '1e5',
      '--3',
    ]) {
      expect(parseNumber(text, '.'), text).toBeNull();
    }
    expect(parseNumber('1,234.50', ','), 'point in a comma file').toBeNull();
  });

  it('shifts decimals exactly', () => {
    expect(shiftDecimal('1100.04', 6)).toBe('1100040000');
    expect(shiftDecimal('1100.04', 8)).toBe('110004000000');
    expect(shiftDecimal('-0.5', 2)).toBe('-50');
    expect(shiftDecimal('1.005', 2)).toBe('100.5');
    expect(shiftDecimal('0.000', 2)).toBe('0');
  });
});

describe('dates', () => {
  it('decides a column from all its values and names the rows that disagree', () => {
    const column = new DateColumnAnalyser();
    // import-cases/06: row 2 can only be day-first, row 4 only month-first.
    ['03/04/2024', '13/04/2024', '04/12/2024', '12/31/2024'].forEach(
      (value, index) => column.add(value, index + 2),
    );
    expect(column.decide(null)).toEqual({ problem: 'inconsistent' });
    expect(column.details.dayFirstOnlyLines).toEqual([3]);
    expect(column.details.monthFirstOnlyLines).toEqual([5]);
    expect(column.decide('dmy')).toEqual({ problem: 'inconsistent' });
  });

  it('flags a column whose values never tell, unless the user chose', () => {
    const column = new DateColumnAnalyser();
    column.add('03/04/2024', 2);
    column.add('', 3);
    expect(column.decide(null)).toEqual({ problem: 'ambiguous' });
    expect(column.decide('mdy')).toEqual({ order: 'mdy' });
  });

  it('keeps calendar dates as written, whatever the time part says', () => {
    expect(parseCalendarDate('2024-03-31T23:30:00-08:00', 'ymd')).toBe(
      '2024-03-31',
    );
    expect(parseCalendarDate('2018-02-26 19:58:54', 'ymd')).toBe('2018-02-26');
    expect(parseCalendarDate('3/1/2017', 'mdy')).toBe('2017-03-01');
    expect(parseCalendarDate('3/1/2017', 'dmy')).toBe('2017-01-03');
    expect(parseCalendarDate('28-04-2024', 'dmy')).toBe('2024-04-28');
    expect(parseCalendarDate('1/2/69', 'mdy')).toBe('2069-01-02');
    expect(parseCalendarDate('1/2/70', 'mdy')).toBe('1970-01-02');
    expect(parseCalendarDate('2023-02-29', 'ymd')).toBeNull();
    expect(parseCalendarDate('31/04/2024', 'dmy')).toBeNull();
  });
});

describe('names and flags', () => {
  it('joins product names however they are spaced or cased', () => {
    expect(nameKey('GTXPro')).toBe(nameKey('GTX Pro'));
    expect(nameKey('Müller & Söhne')).toBe('müllersöhne');
  });

  it('reads the usual spellings of yes and no', () => {
    expect(['True', 'TRUE', 'yes', 'Y', '1'].map(parseBoolean)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['False', 'FALSE', 'no', 'n', '0'].map(parseBoolean)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(parseBoolean('maybe')).toBeNull();
  });
});
