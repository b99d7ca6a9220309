import { describe, expect, it } from 'vitest';
import {
  DEMO_TODAY,
  HISTORY_START,
  TODAY,
  addMonths,
  dayOf,
  instantOfSeconds,
  isoDate,
  isoInstant,
  quarterStart,
  yearOf,
} from '../../../electron/engine/demo/calendar.js';

const MS_PER_DAY = 86_400_000;

function viaDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

describe('demo calendar', () => {
  it('agrees with Date on every day from 1899 to 2101', () => {
    const first = dayOf('1899-01-01');
    const last = dayOf('2101-12-31');
    for (let day = first; day <= last; day += 1) {
      const text = viaDate(day);
      if (isoDate(day) !== text || dayOf(text) !== day) {
        expect({ day, text: isoDate(day) }).toEqual({ day, text });
      }
    }
    expect(dayOf('1970-01-01')).toBe(0);
  });

  it('adds months, falling back to the last day of a short month', () => {
    expect(isoDate(addMonths(dayOf('2024-01-31'), 1))).toBe('2024-02-29');
    expect(isoDate(addMonths(dayOf('2025-01-31'), 1))).toBe('2025-02-28');
    expect(isoDate(addMonths(dayOf('2024-03-31'), -1))).toBe('2024-02-29');
    expect(isoDate(addMonths(dayOf('2023-11-15'), 3))).toBe('2024-02-15');
    expect(isoDate(addMonths(dayOf('2024-02-29'), 12))).toBe('2025-02-28');
    expect(isoDate(addMonths(dayOf('2024-05-31'), -36))).toBe('2021-05-31');
  });

  it('finds quarter starts and years', () => {
    expect(isoDate(quarterStart(dayOf('2026-06-30')))).toBe('2026-04-01');
    expect(isoDate(quarterStart(dayOf('2026-07-01')))).toBe('2026-07-01');
    expect(isoDate(quarterStart(dayOf('2025-12-31')))).toBe('2025-10-01');
    expect(yearOf(dayOf('2025-12-31'))).toBe(2025);
  });

  it('writes instants as UTC ISO-8601 with milliseconds', () => {
    const day = dayOf('2025-03-09');
    expect(isoInstant(day, 0)).toBe('2025-03-09T00:00:00.000Z');
    expect(isoInstant(day, 13 * 3600 + 5 * 60 + 7)).toBe(
      '2025-03-09T13:05:07.000Z',
    );
    expect(isoInstant(day, 86_399)).toBe(
      new Date((day + 1) * MS_PER_DAY - 1000).toISOString(),
    );
    expect(instantOfSeconds(day * 86_400 + 3_661.9)).toBe(
      '2025-03-09T01:01:01.000Z',
    );
  });

  it('anchors three years of history on a fixed day, not the clock', () => {
    expect(isoDate(TODAY)).toBe(DEMO_TODAY);
    expect(isoDate(HISTORY_START)).toBe('2023-07-01');
  });
});
