// A drill repeats the arguments of the KPI behind a clicked figure, and
// its chip says in words which deals the grid lists.
import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract.js';
import { CALENDAR_YEAR } from '../../../shared/period.js';
import { translatorFor } from '../../../renderer/src/i18n/index.js';
import { drillLabel, drillOf } from '../../../renderer/src/grids/drill.js';

const en = translatorFor('en');
const ko = translatorFor('ko');
const APRIL_START = { startMonth: 4, label: 'start' } as const;

describe('drillOf', () => {
  it('leaves the period out for all time', () => {
    expect(drillOf('deals_won', null)).toEqual({ metric: 'deals_won' });
  });

  it('carries the period and the group of a chart item', () => {
    expect(
      drillOf('win_rate', '2017', { by: 'quarter', group: '2017-Q2' }),
    ).toEqual({
      metric: 'win_rate',
      period: '2017',
      by: 'quarter',
      group: '2017-Q2',
    });
  });

  it('builds arguments the grid.rows contract accepts', () => {
    const drill = drillOf('bookings', '2017-Q2', {
      by: 'region',
      group: '(none)',
    });
    const parsed = contract['grid.rows'].args.parse({
      entity: 'opportunities',
      offset: 0,
      limit: 200,
      drill,
    });
    expect(parsed.drill).toEqual(drill);
  });
});

describe('drillLabel', () => {
  it('names the metric and all time', () => {
    expect(drillLabel(en, 'en', { metric: 'deals_won' }, CALENDAR_YEAR)).toBe(
      'Deals won · All time',
    );
  });

  it('names the period and the group with its dimension', () => {
    const drill = {
      metric: 'deals_won',
      period: '2017-Q2',
      by: 'region',
      group: 'East',
    } as const;
    expect(drillLabel(en, 'en', drill, CALENDAR_YEAR)).toBe(
      'Deals won · 2017 Q2 · Region: East',
    );
    expect(drillLabel(ko, 'ko', drill, CALENDAR_YEAR)).toBe(
      '수주 건수 · 2017년 2분기 · 지역: East',
    );
  });

  it('writes a quarter group as a period, without "all time"', () => {
    const drill = {
      metric: 'bookings',
      by: 'quarter',
      group: '2017-Q3',
    } as const;
    expect(drillLabel(en, 'en', drill, CALENDAR_YEAR)).toBe(
      'Bookings · 2017 Q3',
    );
    expect(drillLabel(en, 'en', drill, APRIL_START)).toBe(
      'Bookings · FY2017 Q3',
    );
  });

  it('keeps the chosen period beside a quarter group', () => {
    const drill = {
      metric: 'win_rate',
      period: '2017-03',
      by: 'quarter',
      group: '2017-Q1',
    } as const;
    expect(drillLabel(en, 'en', drill, CALENDAR_YEAR)).toBe(
      'Win rate · Mar 2017 · 2017 Q1',
    );
  });

  it('calls deals without a value by the chart’s word for them', () => {
    const drill = {
      metric: 'deals_lost',
      by: 'industry',
      group: '(none)',
    } as const;
    expect(drillLabel(en, 'en', drill, CALENDAR_YEAR)).toBe(
      'Deals lost · All time · Industry: (none)',
    );
    expect(drillLabel(ko, 'ko', drill, CALENDAR_YEAR)).toBe(
      '실주 건수 · 전체 기간 · 업종: (없음)',
    );
  });
});
