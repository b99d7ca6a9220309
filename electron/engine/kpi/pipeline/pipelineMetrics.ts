// The pipeline metric module beside the sales KPIs: weighted_pipeline,
// sales_velocity and pipeline_coverage.
import { metricNote } from '../../../../shared/metricNotes.js';
import { PIPELINE_METRICS } from '../../../../shared/catalogue/pipeline.js';
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
import { OPEN_ON, closedDeals, openPipeline } from './openPipeline.js';
import { quotaTarget } from './quotaTarget.js';

export const PIPELINE_METRIC_IDS = PIPELINE_METRICS.map((entry) => entry.id);

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

type Clock = { today: () => string };

const systemClock: Clock = {
  today: () => new Date().toISOString().slice(0, 10),
};

/** The day coverage is measured on: the period end, or today within it. */
export function asOfDay(period: PeriodRange, clock: Clock): string {
  const today = clock.today();
  return today < period.end ? today : period.end;
}

function computeWith(clock: Clock) {
  return (
    context: MetricContext,
    ids: readonly string[],
    period: PeriodRange,
  ): MetricResult[] => {
    checkIds('pipeline', PIPELINE_METRIC_IDS, ids);
    const make = resultMaker(PIPELINE_METRICS, context, period);
    const reporting = context.rates.reporting;
    const segment = segmentCondition(context.filters, 'opportunities', 'op');
    const segmentNote =
      segment.unanswered.length > 0
        ? unansweredNote('opportunities', segment.unanswered)
        : null;
    return ids.map((id) => {
      if (segmentNote !== null)
        return make(id, { value: null, note: segmentNote });
      if (id === 'weighted_pipeline') {
        const open = openPipeline(context, period.end, segment);
        return make(id, {
          value: open.weighted.total(),
          note:
            moneyNote(reporting, [open.weighted]) ??
            (open.defaulted > 0
              ? metricNote('defaultProbability', { deals: open.defaulted })
              : null),
          inputs: {
            openDeals: open.deals,
            openAmount: open.amount.total(),
            dealsAtDefaultProbability: open.defaulted,
          },
        });
      }
      if (id === 'sales_velocity') {
        const open = openPipeline(context, period.end, segment);
        const closed = closedDeals(context, period.start, period.end, segment);
        const averageWon = ratio(
          closed.wonAmount.total(),
          closed.wonWithAmount,
        );
        const winRate = ratio(closed.won, closed.won + closed.lost);
        const cycle = mean(closed.cycleDays);
        const product =
          averageWon === null || winRate === null
            ? null
            : open.deals * averageWon * winRate;
        return make(id, {
          value: ratio(product, cycle),
          note:
            moneyNote(reporting, [closed.wonAmount]) ??
            (closed.won === 0 ? metricNote('noDealsWon') : null),
          inputs: {
            openDeals: open.deals,
            avgWonDealSize: averageWon,
            winRate,
            meanSalesCycleDays: cycle,
          },
        });
      }
      return coverage(context, period, clock, make);
    });
  };
}

function coverage(
  context: MetricContext,
  period: PeriodRange,
  clock: Clock,
  make: ReturnType<typeof resultMaker>,
): MetricResult {
  const id = 'pipeline_coverage';
  const reporting = context.rates.reporting;
  const quotaSegment = segmentCondition(context.filters, 'quotas', 'qt');
  if (quotaSegment.unanswered.length > 0) {
    const note = unansweredNote('quotas', quotaSegment.unanswered);
    return make(id, { value: null, note });
  }
  const segment = segmentCondition(context.filters, 'opportunities', 'op');
  const asOf = asOfDay(period, clock);
  const target = quotaTarget(context, period, quotaSegment);
  const closed = closedDeals(context, period.start, asOf, segment);
  const open = openPipeline(context, asOf, segment, period.end);
  const quota = target.amount.total();
  const booked = closed.wonAmount.total();
  const remaining = quota === null || booked === null ? null : quota - booked;
  const pipeline = open.amount.total();
  const inputs = {
    quota,
    quotas: target.quotas,
    bookingsSoFar: booked,
    remainingTarget: remaining,
    openPipeline: pipeline,
    openDeals: open.deals,
  };
  const rateNote = moneyNote(reporting, [
    target.amount,
    closed.wonAmount,
    open.amount,
  ]);
  if (rateNote !== null)
    return make(id, { value: null, note: rateNote, inputs });
  if (target.level === null) {
    const note = metricNote('noQuota', { period: period.label });
    return make(id, { value: null, note, inputs });
  }
  if (remaining !== null && remaining <= 0) {
    const note = metricNote('quotaMet', { day: asOf });
    return make(id, { value: null, note, inputs });
  }
  const note = metricNote('coverageMeasured', {
    day: asOf,
    level: target.level,
  });
  return make(id, { value: ratio(pipeline, remaining), note, inputs });
}

function drillPipeline(clock: Clock): MetricModule['drill'] {
  return (context, id, period): MetricDrill | null => {
    if (!PIPELINE_METRIC_IDS.includes(id)) return null;
    const segment = segmentCondition(context.filters, 'opportunities', 'op');
    const isCoverage = id === 'pipeline_coverage';
    const closing = isCoverage
      ? ' AND (o.expected_close_on IS NULL OR o.expected_close_on <= @end)'
      : '';
    return {
      entity: 'opportunities',
      where: `(${OPEN_ON})${closing} AND ${segment.where}`,
      params: {
        asOf: isCoverage ? asOfDay(period, clock) : period.end,
        ...(isCoverage ? { end: period.end } : {}),
        ...segment.params,
      },
    };
  };
}

/** A module whose "today" can be fixed, for coverage within a period. */
export function createPipelineMetrics(
  clock: Clock = systemClock,
): MetricModule {
  return {
    ids: PIPELINE_METRIC_IDS,
    compute: computeWith(clock),
    drill: drillPipeline(clock),
  };
}

export const pipelineMetrics: MetricModule = createPipelineMetrics();
