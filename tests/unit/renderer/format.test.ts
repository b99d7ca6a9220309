// Numbers, money, rates and durations as the page writes them, in English
// and Korean. Intl puts a no-break space between a currency code and its
// amount, so that the two never wrap apart.
import { describe, expect, it } from 'vitest';
import {
  formatInstant,
  formatCount,
  formatDuration,
  formatMoney,
  formatMonth,
  formatNumber,
  formatPercent,
} from '../../../renderer/src/i18n/index.js';

const NBSP = '\u00a0';

describe('formatCount and formatNumber', () => {
  it('groups thousands and rounds counts to whole numbers', () => {
    expect(formatCount('en', 4238)).toBe('4,238');
    expect(formatCount('en', 8800)).toBe('8,800');
    expect(formatCount('en', 1234.5)).toBe('1,235');
    expect(formatCount('ko', 10005534)).toBe('10,005,534');
  });

  it('keeps at most the asked fraction digits and drops trailing zeros', () => {
    expect(formatNumber('en', 1234.5678)).toBe('1,234.57');
    expect(formatNumber('en', 1234.5678, 1)).toBe('1,234.6');
    expect(formatNumber('en', 2.5, 4)).toBe('2.5');
    expect(formatNumber('ko', 0.125, 2)).toBe('0.13');
  });
});

describe('formatPercent', () => {
  it('writes a ratio as a percent with one decimal', () => {
    // 4,238 won of 6,711 decided deals is 63.150 %.
    expect(formatPercent('en', 4238 / 6711)).toBe('63.2%');
    expect(formatPercent('en', 0.5)).toBe('50.0%');
    expect(formatPercent('en', 1)).toBe('100.0%');
    expect(formatPercent('ko', 0.0625)).toBe('6.3%');
  });
});

describe('formatMoney', () => {
  it('writes the ISO code before the amount, never a symbol', () => {
    expect(formatMoney('en', 1234.5, 'USD')).toBe(`USD${NBSP}1,234.50`);
    expect(formatMoney('en', 10005534, 'USD', 0)).toBe(`USD${NBSP}10,005,534`);
    expect(formatMoney('en', 2361.2, 'EUR', 2)).toBe(`EUR${NBSP}2,361.20`);
    expect(formatMoney('ko', 1234.5, 'USD')).toBe(`USD${NBSP}1,234.50`);
  });

  it('uses the currency’s own minor units', () => {
    expect(formatMoney('ko', 1500000, 'KRW')).toBe(`KRW${NBSP}1,500,000`);
    expect(formatMoney('en', 1.5, 'KWD')).toBe(`KWD${NBSP}1.500`);
  });

  it('falls back to the amount and the code as given for a bad code', () => {
    expect(formatMoney('en', 1234.5, 'US')).toBe('1,234.5 US');
  });
});

describe('formatDuration', () => {
  it('writes seconds, minutes, then hours and minutes', () => {
    expect(formatDuration('en', 40)).toBe('40 sec');
    expect(formatDuration('en', 180)).toBe('3 min');
    expect(formatDuration('en', 3900)).toBe('1 hr 5 min');
    expect(formatDuration('en', -3)).toBe('0 sec');
  });

  it('writes durations in Korean units', () => {
    expect(formatDuration('ko', 40)).toBe('40초');
    expect(formatDuration('ko', 3900)).toBe('1시간 5분');
  });
});

describe('formatMonth', () => {
  it('writes a month without passing through a time zone', () => {
    expect(formatMonth('en', '2017-01')).toBe('Jan 2017');
    expect(formatMonth('ko', '2017-12')).toBe('2017년 12월');
  });
});

describe('formatInstant', () => {
  it('shows a UTC instant in the user time zone, and leaves non-instants as given', () => {
    const shown = formatInstant('en', '2023-07-28T03:00:00.000Z');
    const expected = new Intl.DateTimeFormat('en', {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(Date.UTC(2023, 6, 28, 3, 0));
    expect(shown).toBe(expected);
    expect(shown).toContain('2023');
    expect(formatInstant('en', 'not a time')).toBe('not a time');
  });
});
