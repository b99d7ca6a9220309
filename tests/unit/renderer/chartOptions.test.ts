// The Home charts: which items they show, in which order, and what a
// click on each one drills into. Group names come from imported files, so
// tooltips must escape them.
import { describe, expect, it } from 'vitest';
import type { KpiValue } from '../../../shared/contract.js';
import type { SalesMetricId } from '../../../shared/metrics.js';
import {
  breakdownOption,
  escapeHtml,
  quarterOption,
} from '../../../renderer/src/dashboard/chartOptions.js';
import { translatorFor } from '../../../renderer/src/i18n/index.js';

const en = translatorFor('en');

function kpi(id: SalesMetricId, group: string, value: number | null): KpiValue {
  const isMoney = id === 'bookings' || id === 'avg_won_deal_size';
  return {
    id,
    value,
    unit: isMoney ? 'currency' : id === 'win_rate' ? 'ratio' : 'count',
    currency: isMoney ? 'USD' : null,
    period: null,
    group,
    note: null,
  };
}

describe('escapeHtml', () => {
  it('escapes the five characters HTML gives meaning to', () => {
    expect(escapeHtml(`<b class="x">R&D's</b>`)).toBe(
      '&lt;b class=&quot;x&quot;&gt;R&amp;D&#39;s&lt;/b&gt;',
    );
  });
});

describe('quarterOption', () => {
  const values = [
    kpi('bookings', '2017-Q2', 3000),
    kpi('deals_won', '2017-Q2', 3),
    kpi('bookings', '2017-Q1', 1000),
    kpi('deals_won', '2017-Q1', 1),
    // Open deals with no close date have no place on a time axis.
    kpi('bookings', '(none)', 0),
  ];

  it('lists the quarters in time order, without the undated group', () => {
    const { items, isEmpty } = quarterOption(en, 'en', values, 'USD');
    expect(isEmpty).toBe(false);
    expect(items.groups).toEqual(['2017-Q1', '2017-Q2']);
    expect(items.labels).toEqual(['2017-Q1', '2017-Q2']);
  });

  it('sums up each quarter in words for screen readers', () => {
    const { items } = quarterOption(en, 'en', values, 'USD');
    expect(items.summaries[1]).toBe(
      '2017-Q2 · Bookings: USD\u00a03,000.00 · Win rate: — · ' +
        'Deals won: 3 · Deals lost: —',
    );
  });

  it('is empty when no quarter has a close date', () => {
    const { isEmpty, items } = quarterOption(
      en,
      'en',
      [kpi('bookings', '(none)', 0)],
      'USD',
    );
    expect(isEmpty).toBe(true);
    expect(items.groups).toEqual([]);
  });
});

describe('breakdownOption', () => {
  const values = [
    kpi('deals_won', 'West', 1438),
    kpi('deals_won', '(none)', 12),
    kpi('deals_won', 'Central', 1629),
    kpi('deals_won', 'East', 1171),
    kpi('deals_won', 'Nowhere', null),
  ];

  it('ranks the groups by the measure and skips those without one', () => {
    const { items, groupCount } = breakdownOption(
      en,
      'en',
      values,
      'deals_won',
      'USD',
      null,
    );
    expect(groupCount).toBe(4);
    expect(items.groups).toEqual(['Central', 'West', 'East', '(none)']);
  });

  it('keeps the engine’s group name for the drill but shows a label', () => {
    const ko = translatorFor('ko');
    const { items } = breakdownOption(
      ko,
      'ko',
      values,
      'deals_won',
      'USD',
      null,
    );
    expect(items.groups[3]).toBe('(none)');
    expect(items.labels[3]).toBe('(없음)');
  });

  it('shows only the top groups when limited, counting them all', () => {
    const { items, groupCount } = breakdownOption(
      en,
      'en',
      values,
      'deals_won',
      'USD',
      2,
    );
    expect(groupCount).toBe(4);
    expect(items.groups).toEqual(['Central', 'West']);
    expect(items.summaries).toHaveLength(2);
  });
});
