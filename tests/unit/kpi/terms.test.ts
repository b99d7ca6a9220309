// Day numbers and month counts of contract terms, checked against the
// Date object's own calendar over many years of days.
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  civilOf,
  dayNumberOf,
  monthsBetween,
  nextDay,
} from '../../../electron/engine/kpi/common/terms.js';
import { daysInMonth } from '../../../shared/period.js';

const DAY_MS = 86_400_000;

describe('calendar arithmetic of terms', () => {
  it('numbers every day from 1899 to 2101 as Date.UTC does', () => {
    for (
      let at = Date.UTC(1899, 0, 1);
      at <= Date.UTC(2101, 11, 31);
      at += DAY_MS
    ) {
      const text = new Date(at).toISOString().slice(0, 10);
      expect(dayNumberOf(civilOf(text))).toBe(at / DAY_MS);
    }
  });

  it('knows the length of every month, leap years by the 400-year rule', () => {
    for (let year = 1899; year <= 2101; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
        expect(daysInMonth(year, month)).toBe(days);
      }
    }
    expect([daysInMonth(1900, 2), daysInMonth(2000, 2)]).toEqual([28, 29]);
  });

  it('counts months with the days left as a share of the next month', () => {
    expect(monthsBetween('2024-01-31', '2024-02-29')).toBe(1);
    // 2024-01-15 + 1 month = 02-15; 14 of the 29 days to 03-15 remain.
    expect(monthsBetween('2024-01-15', '2024-02-29')).toBe(1 + 14 / 29);
    expect(monthsBetween('2024-03-01', '2024-03-01')).toBe(0);
    expect(monthsBetween('2024-03-02', '2024-03-01')).toBe(0);
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-12-31', 14)).toBe('2025-02-28');
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2024-12-31')).toBe('2025-01-01');
  });
});
