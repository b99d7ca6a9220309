// The acquisition metric module: cac, cac_payback_months and
// cost_per_lead, with cost per lead broken down by channel.
import { metricNote } from '../../../../shared/metricNotes.js';
import { ACQUISITION_METRICS } from '../../../../shared/catalogue/acquisition.js';
import type { PeriodRange } from '../../../../shared/period.js';
import type {
  MetricContext,
  MetricDrill,
  MetricModule,
  MetricResult,
} from '../metricTypes.js';
import { missingRateNote, moneyNote } from '../common/money.js';
import { checkIds, ratio, resultMaker } from '../common/results.js';
import {
  segmentCondition,
  unansweredNote,
  type SegmentCondition,
  type SegmentSubject,
} from '../common/segments.js';
import { newCustomerSubscriptions, newCustomers } from './newCustomers.js';
import { leadsByChannel, spendByChannel, totalSpend } from './spendAndLeads.js';

export const ACQUISITION_METRIC_IDS = ACQUISITION_METRICS.map(
  (entry) => entry.id,
);

function unanswered(
  conditions: [SegmentSubject, SegmentCondition][],
): string | null {
  for (const [subject, condition] of conditions) {
    if (condition.unanswered.length > 0) {
      return unansweredNote(subject, condition.unanswered);
    }
  }
  return null;
}

function computeAcquisition(
  context: MetricContext,
  ids: readonly string[],
  period: PeriodRange,
): MetricResult[] {
  checkIds('acquisition', ACQUISITION_METRIC_IDS, ids);
  const make = resultMaker(ACQUISITION_METRICS, context, period);
  const reporting = context.rates.reporting;
  const spendSegment = segmentCondition(context.filters, 'spend', 'sp');
  const accountSegment = segmentCondition(context.filters, 'accounts', 'ac');
  const leadSegment = segmentCondition(context.filters, 'leads', 'ld');
  // Each figure is read once, however many of the ids need it.
  let spent: ReturnType<typeof totalSpend> | undefined;
  const spend = () =>
    (spent ??= totalSpend(
      reporting,
      spendByChannel(context, period, spendSegment),
    ));
  let fresh: ReturnType<typeof newCustomers> | undefined;
  const customers = () =>
    (fresh ??= newCustomers(context, period, accountSegment));
  const cacNote = unanswered([
    ['spend', spendSegment],
    ['accounts', accountSegment],
  ]);
  const leadNote = unanswered([
    ['spend', spendSegment],
    ['leads', leadSegment],
  ]);
  return ids.map((id) => {
    if (id === 'cost_per_lead') {
      if (leadNote !== null) return make(id, { value: null, note: leadNote });
      const spent = spend();
      let leads = 0;
      for (const count of leadsByChannel(context, period, leadSegment).values())
        leads += count;
      return make(id, {
        value: ratio(spent.total, leads),
        note:
          spent.missing.length > 0
            ? missingRateNote(reporting, spent.missing)
            : leads === 0
              ? metricNote('noLeads')
              : null,
        inputs: { spend: spent.total, leads },
      });
    }
    if (cacNote !== null) return make(id, { value: null, note: cacNote });
    const figures = { spent: spend(), fresh: customers() };
    const { spent, fresh } = figures;
    const cac = ratio(spent.total, fresh.count);
    const rateNote =
      spent.missing.length > 0
        ? missingRateNote(reporting, spent.missing)
        : null;
    const noCustomers = fresh.count === 0 ? metricNote('noNewCustomers') : null;
    if (id === 'cac') {
      return make(id, {
        value: cac,
        note: rateNote ?? noCustomers,
        inputs: { spend: spent.total, newCustomers: fresh.count },
      });
    }
    const newMrr = fresh.mrr.total();
    const arpa = ratio(newMrr, fresh.count);
    const margin = context.options.grossMarginPct / 100;
    const monthlyMargin = arpa === null ? null : arpa * margin;
    return make(id, {
      value: ratio(cac, monthlyMargin),
      note: rateNote ?? moneyNote(reporting, [fresh.mrr]) ?? noCustomers,
      inputs: {
        cac,
        newCustomers: fresh.count,
        newCustomerMrr: newMrr,
        newCustomerArpa: arpa,
        grossMarginPct: context.options.grossMarginPct,
      },
    });
  });
}

export type ChannelCost = {
  channel: string;
  /** Major units of the reporting currency; null when a rate is missing. */
  spend: number | null;
  leads: number;
  costPerLead: number | null;
};

/** Spend, leads and cost per lead per channel, channels in name order. */
export function costPerLeadByChannel(
  context: MetricContext,
  period: PeriodRange,
): { rows: ChannelCost[]; currency: string; note: string | null } {
  const spendSegment = segmentCondition(context.filters, 'spend', 'sp');
  const leadSegment = segmentCondition(context.filters, 'leads', 'ld');
  const currency = context.rates.reporting;
  const note = unanswered([
    ['spend', spendSegment],
    ['leads', leadSegment],
  ]);
  if (note !== null) return { rows: [], currency, note };
  const spend = spendByChannel(context, period, spendSegment);
  const leads = leadsByChannel(context, period, leadSegment);
  const channels = [...new Set([...spend.keys(), ...leads.keys()])].sort();
  const rows = channels.map((channel) => {
    const amount = spend.get(channel)?.total() ?? 0;
    const count = leads.get(channel) ?? 0;
    return {
      channel,
      spend: amount,
      leads: count,
      costPerLead: ratio(amount, count),
    };
  });
  return { rows, currency, note: moneyNote(currency, [...spend.values()]) };
}

function drillAcquisition(
  context: MetricContext,
  id: string,
  period: PeriodRange,
): MetricDrill | null {
  if (id !== 'cac' && id !== 'cac_payback_months') return null;
  const segment = segmentCondition(context.filters, 'accounts', 'ac');
  return {
    entity: 'subscriptions',
    where: newCustomerSubscriptions(segment.where),
    params: { start: period.start, end: period.end, ...segment.params },
  };
}

export const acquisitionMetrics: MetricModule = {
  ids: ACQUISITION_METRIC_IDS,
  compute: computeAcquisition,
  drill: drillAcquisition,
};
