// The contracts-and-cash metric module: tcv, revenue_backlog, dso and
// receivables (bookings are a sales KPI and live there).
import { metricNote } from '../../../../shared/metricNotes.js';
import { CASH_METRICS } from '../../../../shared/catalogue/cash.js';
import type { PeriodRange } from '../../../../shared/period.js';
import type {
  MetricContext,
  MetricDrill,
  MetricModule,
  MetricResult,
} from '../metricTypes.js';
import { moneyNote } from '../common/money.js';
import { checkIds, ratio, resultMaker } from '../common/results.js';
import { segmentCondition, unansweredNote } from '../common/segments.js';
import {
  contractsDrill,
  revenueBacklog,
  totalContractValue,
  type ContractValue,
} from './contracts.js';
import {
  creditSales,
  daysInPeriod,
  receivablesAging,
  receivablesDrill,
} from './receivables.js';

export const CASH_METRIC_IDS = CASH_METRICS.map((entry) => entry.id);

function contractResult(
  context: MetricContext,
  value: ContractValue,
  openEndedLabel: string,
) {
  return {
    value: value.sum.total(),
    note: moneyNote(context.rates.reporting, [value.sum]),
    inputs: {
      subscriptions: value.subscriptions,
      [openEndedLabel]: value.openEnded,
    },
  };
}

function computeCash(
  context: MetricContext,
  ids: readonly string[],
  period: PeriodRange,
): MetricResult[] {
  checkIds('cash', CASH_METRIC_IDS, ids);
  const make = resultMaker(CASH_METRICS, context, period);
  const subscriptions = segmentCondition(context.filters, 'subscriptions');
  const needsReceivables = ids.some(
    (id) => id === 'dso' || id === 'receivables',
  );
  const aging = needsReceivables ? receivablesAging(context, period) : null;
  return ids.map((id) => {
    if (id === 'tcv' || id === 'revenue_backlog') {
      if (subscriptions.unanswered.length > 0) {
        const note = unansweredNote('subscriptions', subscriptions.unanswered);
        return make(id, { value: null, note });
      }
      return id === 'tcv'
        ? make(
            id,
            contractResult(
              context,
              totalContractValue(context, period, subscriptions),
              'openEndedAsTwelveMonths',
            ),
          )
        : make(
            id,
            contractResult(
              context,
              revenueBacklog(context, period, subscriptions),
              'openEndedAsTwelveMonths',
            ),
          );
    }
    if (!aging) return make(id, { value: null });
    const receivables = aging.total;
    if (id === 'receivables') {
      return make(id, {
        value: receivables,
        note: aging.note,
        inputs: {
          invoices: aging.invoices,
          ...Object.fromEntries(
            aging.buckets.map((row) => [`aged ${row.bucket}`, row.amount]),
          ),
        },
      });
    }
    const sales = creditSales(context, period);
    const days = daysInPeriod(period);
    const salesTotal = sales.sum.total();
    const share = ratio(receivables, salesTotal);
    const note =
      aging.note ??
      moneyNote(context.rates.reporting, [sales.sum]) ??
      (salesTotal === 0 ? metricNote('noInvoicesIssued') : null);
    return make(id, {
      value: share === null ? null : share * days,
      note,
      inputs: {
        receivables,
        creditSales: salesTotal,
        daysInPeriod: days,
        invoicesIssued: sales.invoices,
        invoicesOpen: aging.invoices,
      },
    });
  });
}

function drillCash(
  context: MetricContext,
  id: string,
  period: PeriodRange,
): MetricDrill | null {
  switch (id) {
    case 'tcv':
    case 'revenue_backlog':
      return contractsDrill(context, id, period);
    case 'dso':
    case 'receivables':
      return receivablesDrill(context, period);
    default:
      return null;
  }
}

export const cashMetrics: MetricModule = {
  ids: CASH_METRIC_IDS,
  compute: computeCash,
  drill: drillCash,
};

export {
  AGING_BUCKETS,
  receivablesAging,
  receivablesDrill,
} from './receivables.js';
export type { AgingBucket, AgingRow, ReceivablesAging } from './receivables.js';
