// The period picker's choices and how periods are written, derived from
// the quarters that hold deals.
import { describe, expect, it } from 'vitest';
import { CALENDAR_YEAR } from '../../../shared/period.js';
import { translatorFor } from '../../../renderer/src/i18n/index.js';
import {
  periodKindOf,
  periodLabel,
  periodValues,
  splitQuarter,
} from '../../../renderer/src/workspace/periods.js';

// A year starting in April, named by the year it ends in: FY2018 runs
// from 2017-04-01 to 2018-03-31.
const APRIL_END = { startMonth: 4, label: 'end' } as const;

describe('periodValues', () => {
  const known = ['2017-Q1', '2016-Q4', '2017-Q3', '(none)', '2017-Q2'];

  it('offers nothing to pick for all time', () => {
    expect(periodValues('all', known, CALENDAR_YEAR)).toEqual([]);
  });

  it('lists quarters newest first and ignores labels that are not one', () => {
    expect(periodValues('quarter', known, CALENDAR_YEAR)).toEqual([
      '2017-Q3',
      '2017-Q2',
      '2017-Q1',
      '2016-Q4',
    ]);
  });

  it('lists each year once, newest first', () => {
    expect(periodValues('year', known, CALENDAR_YEAR)).toEqual([
      '2017',
      '2016',
    ]);
  });

  it('lists the months of the known quarters on a calendar year', () => {
    expect(
      periodValues('month', ['2017-Q1', '2016-Q4'], CALENDAR_YEAR),
    ).toEqual([
      '2017-03',
      '2017-02',
      '2017-01',
      '2016-12',
      '2016-11',
      '2016-10',
    ]);
  });

  it('finds the calendar months of fiscal quarters', () => {
    // FY2018 Q1 is April to June 2017; FY2018 Q4 is January to March 2018.
    expect(periodValues('month', ['2018-Q1', '2018-Q4'], APRIL_END)).toEqual([
      '2018-03',
      '2018-02',
      '2018-01',
      '2017-06',
      '2017-05',
      '2017-04',
    ]);
  });

  it('offers no months or years when no quarter holds deals', () => {
    expect(periodValues('month', [], CALENDAR_YEAR)).toEqual([]);
    expect(periodValues('year', ['(none)'], CALENDAR_YEAR)).toEqual([]);
  });
});

describe('periodKindOf and splitQuarter', () => {
  it('tells each kind of period text apart', () => {
    expect(periodKindOf(null)).toBe('all');
    expect(periodKindOf('2017')).toBe('year');
    expect(periodKindOf('2017-Q4')).toBe('quarter');
    expect(periodKindOf('2017-11')).toBe('month');
  });

  it('splits a quarter label and refuses anything else', () => {
    expect(splitQuarter('2017-Q2')).toEqual({ year: '2017', quarter: '2' });
    expect(splitQuarter('2017-Q5')).toBeNull();
    expect(splitQuarter('2017-05')).toBeNull();
  });
});

describe('periodLabel', () => {
  const en = translatorFor('en');
  const ko = translatorFor('ko');

  it('writes calendar periods plainly', () => {
    expect(periodLabel(en, 'en', null, CALENDAR_YEAR)).toBe('All time');
    expect(periodLabel(en, 'en', '2017', CALENDAR_YEAR)).toBe('2017');
    expect(periodLabel(en, 'en', '2017-Q2', CALENDAR_YEAR)).toBe('2017 Q2');
    expect(periodLabel(en, 'en', '2017-03', CALENDAR_YEAR)).toBe('Mar 2017');
  });

  it('marks fiscal years and quarters as fiscal', () => {
    expect(periodLabel(en, 'en', '2018', APRIL_END)).toBe('FY2018');
    expect(periodLabel(en, 'en', '2018-Q1', APRIL_END)).toBe('FY2018 Q1');
  });

  it('writes periods in Korean', () => {
    expect(periodLabel(ko, 'ko', null, CALENDAR_YEAR)).toBe('전체 기간');
    expect(periodLabel(ko, 'ko', '2017-Q2', CALENDAR_YEAR)).toBe(
      '2017년 2분기',
    );
    expect(periodLabel(ko, 'ko', '2018-Q1', APRIL_END)).toBe('FY2018 1분기');
    expect(periodLabel(ko, 'ko', '2017-03', CALENDAR_YEAR)).toBe('2017년 3월');
  });
});
