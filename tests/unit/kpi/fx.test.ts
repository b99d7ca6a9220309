import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { convertMinor, loadRateBook } from '../../../electron/engine/kpi/fx.js';
import type { Db } from '../../../electron/engine/store/database.js';
import { tempWorkspace, type TempDir } from '../../support/workspace.js';

let db: Db;
let temp: TempDir;

beforeEach(() => {
  ({ db, temp } = tempWorkspace());
});
afterEach(() => {
  db.close();
  temp.remove();
});

function rate(on: string, from: string, to: string, value: string) {
  db.prepare(
    `INSERT INTO exchange_rates (rate_on, from_currency, to_currency, rate)
     VALUES (?, ?, ?, ?)`,
  ).run(on, from, to, value);
}

describe('loadRateBook', () => {
  it('converts through a direct rate, in the reporting minor unit', () => {
    rate('2024-01-01', 'EUR', 'USD', '1.10');
    const book = loadRateBook(db, 'USD');
    // EUR 100.00 = 10000 cents × 1.10 = 11000 US cents.
    expect(book.convert(10000, 'EUR', '2024-02-01')).toBe(11000);
    expect(book.convert(10000, 'USD', '2024-02-01')).toBe(10000);
  });

  it('uses the inverse pair when only the reporting currency is quoted first', () => {
    rate('2024-01-01', 'USD', 'GBP', '0.8');
    const book = loadRateBook(db, 'USD');
    // GBP 100.00 / 0.8 = USD 125.00.
    expect(book.convert(10000, 'GBP', '2024-01-01')).toBe(12500);
  });

  it('takes the latest rate on or before the amount date', () => {
    rate('2024-01-01', 'EUR', 'USD', '1.10');
    rate('2024-03-01', 'EUR', 'USD', '1.20');
    rate('2024-05-01', 'EUR', 'USD', '1.30');
    const book = loadRateBook(db, 'USD');
    expect(book.convert(100, 'EUR', '2024-02-29')).toBe(110);
    // On the day of a rate, that rate applies.
    expect(book.convert(100, 'EUR', '2024-03-01')).toBe(120);
    expect(book.convert(100, 'EUR', '2024-04-30')).toBe(120);
    expect(book.convert(100, 'EUR', '2030-01-01')).toBe(130);
  });

  it('prefers a newer inverse rate to an older direct one', () => {
    rate('2024-01-01', 'EUR', 'USD', '1.10');
    rate('2024-06-01', 'USD', 'EUR', '0.8');
    const book = loadRateBook(db, 'USD');
    // Before June only the direct rate exists: 100 × 1.10 = 110.
    expect(book.convert(100, 'EUR', '2024-05-31')).toBe(110);
    // From June the inverse is newer: 100 / 0.8 = 125.
    expect(book.convert(100, 'EUR', '2024-06-01')).toBe(125);
  });

  it('takes the direct quote when both are dated the same day', () => {
    rate('2024-01-01', 'EUR', 'USD', '1.10');
    rate('2024-01-01', 'USD', 'EUR', '0.8');
    const book = loadRateBook(db, 'USD');
    expect(book.convert(100, 'EUR', '2024-01-02')).toBe(110);
  });

  it('shifts exponents: USD cents into whole won', () => {
    rate('2024-01-01', 'USD', 'KRW', '1333.57');
    const book = loadRateBook(db, 'KRW');
    // USD 12.34 = 1234 cents → 12.34 × 1333.57 = 16456.2538 → ₩16456.
    expect(book.convert(1234, 'USD', '2024-01-01')).toBe(16456);
  });

  it('shifts exponents: whole yen into US cents', () => {
    rate('2024-01-01', 'JPY', 'USD', '0.0067');
    const book = loadRateBook(db, 'USD');
    // ¥1000 × 0.0067 = USD 6.70 = 670 cents.
    expect(book.convert(1000, 'JPY', '2024-01-01')).toBe(670);
    // ¥1 × 0.0067 = 0.67 cents → 1 cent.
    expect(book.convert(1, 'JPY', '2024-01-01')).toBe(1);
  });

  it('answers null and names the currency when no rate is on or before the date', () => {
    rate('2024-06-01', 'EUR', 'USD', '1.10');
    const book = loadRateBook(db, 'USD');
    expect(book.convert(100, 'EUR', '2024-05-31')).toBeNull();
    expect(book.convert(100, 'CHF', '2024-07-01')).toBeNull();
    expect([...book.missing].sort()).toEqual(['CHF', 'EUR']);
  });

  it('ignores rates that are not plain positive decimals', () => {
    rate('2024-01-01', 'EUR', 'USD', '0');
    rate('2024-01-02', 'CHF', 'USD', 'abc');
    const book = loadRateBook(db, 'USD');
    expect(book.convert(100, 'EUR', '2024-02-01')).toBeNull();
    expect(book.convert(100, 'CHF', '2024-02-01')).toBeNull();
  });
});

describe('convertMinor rounding', () => {
  const direct = (text: string) => {
    const [whole = '0', fraction = ''] = text.split('.');
    return {
      numerator: BigInt(whole + fraction),
      scale: fraction.length,
      isInverse: false,
    };
  };

  it('rounds half away from zero, once', () => {
    // 5 cents × 0.5 = 2.5 → 3; -5 × 0.5 = -2.5 → -3.
    expect(convertMinor(5, 'EUR', 'USD', direct('0.5'))).toBe(3);
    expect(convertMinor(-5, 'EUR', 'USD', direct('0.5'))).toBe(-3);
    // 7 × 0.5 = 3.5 → 4; 2.5 → 3 above is what banker's rounding would not give.
    expect(convertMinor(7, 'EUR', 'USD', direct('0.5'))).toBe(4);
    // 1 × 0.49 = 0.49 → 0; -1 × 0.51 = -0.51 → -1.
    expect(convertMinor(1, 'EUR', 'USD', direct('0.49'))).toBe(0);
    expect(convertMinor(-1, 'EUR', 'USD', direct('0.51'))).toBe(-1);
  });

  it('rounds a half from an exponent shift away from zero', () => {
    // ₩150 × 0.001 = USD 0.15 = 15 cents.
    expect(convertMinor(150, 'KRW', 'USD', direct('0.001'))).toBe(15);
    // USD 0.50 = 50 cents at 1 USD = 1 KRW → ₩0.5 → ₩1; -50 → -₩1.
    expect(convertMinor(50, 'USD', 'KRW', direct('1'))).toBe(1);
    expect(convertMinor(-50, 'USD', 'KRW', direct('1'))).toBe(-1);
    // 3-decimal currency: KWD 1.0005 is not representable; 1000 fils
    // (KWD 1.000) at 3.25 USD = 325 cents.
    expect(convertMinor(1000, 'KWD', 'USD', direct('3.25'))).toBe(325);
  });

  it('divides by the rate for an inverse pair', () => {
    // 100 cents / 3 = 33.33 → 33; 200 / 3 = 66.67 → 67.
    const inverse = { numerator: 3n, scale: 0, isInverse: true };
    expect(convertMinor(100, 'EUR', 'USD', inverse)).toBe(33);
    expect(convertMinor(200, 'EUR', 'USD', inverse)).toBe(67);
  });
});
