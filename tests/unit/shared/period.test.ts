import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  fiscalQuarterOf,
  resolvePeriod,
} from '../../../shared/period.js';
import { decimalToMinor } from '../../../shared/money.js';

describe('resolvePeriod', () => {
  it('reads calendar years, quarters and months', () => {
    expect(resolvePeriod('2017')).toEqual({
      label: '2017',
      start: '2017-01-01',
      end: '2017-12-31',
    });
    expect(resolvePeriod('2017-Q2')).toEqual({
      label: '2017-Q2',
      start: '2017-04-01',
      end: '2017-06-30',
    });
    expect(resolvePeriod('2016-02')).toEqual({
      label: '2016-02',
      start: '2016-02-01',
      end: '2016-02-29',
    });
  });

  it('places fiscal years that start in February by their end or start year', () => {
    const byEnd = { startMonth: 2, label: 'end' as const };
    expect(resolvePeriod('2025', byEnd)).toEqual({
      label: '2025',
      start: '2024-02-01',
      end: '2025-01-31',
    });
    expect(resolvePeriod('2025-Q4', byEnd)).toEqual({
      label: '2025-Q4',
      start: '2024-11-01',
      end: '2025-01-31',
    });
    const byStart = { startMonth: 2, label: 'start' as const };
    expect(resolvePeriod('2024-Q1', byStart)).toEqual({
      label: '2024-Q1',
      start: '2024-02-01',
      end: '2024-04-30',
    });
    expect(fiscalQuarterOf('2025-01-15', byEnd).label).toBe('2025-Q4');
    expect(fiscalQuarterOf('2025-02-01', byEnd).label).toBe('2026-Q1');
    expect(fiscalQuarterOf('2025-01-15', byStart).label).toBe('2024-Q4');
  });

  it('rejects text that is not a period', () => {
    expect(() => resolvePeriod('2017-13')).toThrow(RangeError);
    expect(() => resolvePeriod('Q1-2017')).toThrow(RangeError);
  });

  it('counts days across month ends and leap days', () => {
    expect(daysBetween('2017-02-01', '2017-04-02')).toBe(60);
    expect(daysBetween('2016-02-28', '2016-03-01')).toBe(2);
  });
});

describe('decimalToMinor', () => {
  it('converts without floating point', () => {
    expect(decimalToMinor('0.1', 'USD')).toBe(10);
    expect(decimalToMinor('-1234.5', 'USD')).toBe(-123450);
    expect(decimalToMinor('1500', 'KRW')).toBe(1500);
    expect(decimalToMinor('1.005', 'USD')).toBeNull();
    expect(decimalToMinor('1.000', 'USD')).toBe(100);
  });
});
