// One door to every metric: resolves the period on the workspace's fiscal
// calendar, loads the exchange rates into the reporting currency, checks
// the segment filters, and hands each metric to the module that defines
// it. The sales metrics answer through the sales KPI queries.
import type { GridEntity } from '../../../shared/contract.js';
import { WorkbenchError } from '../../../shared/envelope.js';
import { metricEntry, METRIC_IDS } from '../../../shared/catalogue/index.js';
import {
  isSalesMetricId,
  type SalesMetricId,
} from '../../../shared/metrics.js';
import { resolvePeriod, type PeriodRange } from '../../../shared/period.js';
import type { Db } from '../store/database.js';
import {
  fiscalCalendar,
  readSettings,
  type WorkspaceSettings,
} from '../store/settings.js';
import { acquisitionMetrics } from './acquisition/acquisitionMetrics.js';
import {
  cashMetrics,
  receivablesDrill,
  type AgingBucket,
} from './cash/cashMetrics.js';
import { segmentCondition, unansweredNote } from './common/segments.js';
import { customerMetrics } from './customers/customerMetrics.js';
import { loadRateBook } from './fx.js';
import {
  DEFAULT_METRIC_OPTIONS,
  type MetricContext,
  type MetricDrill,
  type MetricFilter,
  type MetricModule,
  type MetricOptions,
  type MetricResult,
} from './metricTypes.js';
import { pipelineMetrics } from './pipeline/pipelineMetrics.js';
import {
  COHORT_DRILL_METRICS,
  cohortDrill,
  ensureMrrMonthEnds,
  recurringMetrics,
} from './recurring/index.js';
import {
  computeSalesKpis,
  salesDrillCondition,
  type SalesDrill,
} from './salesKpis.js';

const MODULES: readonly MetricModule[] = [
  recurringMetrics,
  acquisitionMetrics,
  cashMetrics,
  customerMetrics,
  pipelineMetrics,
];

function moduleOf(id: string): MetricModule | null {
  return MODULES.find((module) => module.ids.includes(id)) ?? null;
}

export type MetricsRequest = {
  metrics: readonly string[];
  /** `YYYY`, `YYYY-Qn` or `YYYY-MM` on the fiscal calendar. */
  period?: string;
  /** A custom range of calendar dates, both inclusive. */
  range?: { start: string; end: string };
  where?: readonly MetricFilter[];
  currency?: string;
  options?: Partial<MetricOptions>;
};

export type MetricsResponse = {
  metrics: MetricResult[];
  period: PeriodRange;
  currency: string;
  options: MetricOptions;
};

export function checkMetricIds(ids: readonly string[]): void {
  const unknown = ids.filter((id) => !metricEntry(id));
  if (unknown.length > 0) {
    throw new WorkbenchError(
      'invalid_argument',
      `No metric named ${unknown.join(', ')}. Known metrics: ` +
        `${METRIC_IDS.join(', ')}.`,
    );
  }
}

/** The current calendar month's period when none is asked for. */
function periodOf(
  db: Db,
  request: Pick<MetricsRequest, 'period' | 'range'>,
): PeriodRange {
  if (request.range) {
    const { start, end } = request.range;
    if (start > end) {
      throw new WorkbenchError(
        'invalid_argument',
        `The range starts on ${start}, after its end ${end}.`,
      );
    }
    return { label: `${start}..${end}`, start, end };
  }
  const text = request.period ?? new Date().toISOString().slice(0, 7);
  return resolvePeriod(text, fiscalCalendar(readSettings(db)));
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, item]) => item !== undefined),
  ) as Partial<T>;
}

export function metricContext(
  db: Db,
  request: Pick<MetricsRequest, 'where' | 'currency' | 'options'>,
): MetricContext {
  const settings = readSettings(db);
  const currency = request.currency ?? settings.baseCurrency;
  return {
    db,
    settings,
    rates: loadRateBook(db, currency),
    filters: request.where ?? [],
    // The workspace's own settings, unless a call asks for others.
    options: {
      ...DEFAULT_METRIC_OPTIONS,
      grossMarginPct: settings.grossMarginPct,
      churnWindowMonths: settings.churnWindowMonths,
      isReactivationInNrr: settings.isReactivationInNrr,
      ...withoutUndefined(request.options ?? {}),
    },
  };
}

function salesResults(
  context: MetricContext,
  ids: SalesMetricId[],
  period: PeriodRange,
): MetricResult[] {
  const segment = segmentCondition(context.filters, 'opportunities', 'seg');
  const { metrics } = computeSalesKpis(context.db, context.settings, {
    metrics: ids,
    period,
    scope: context.filters.length ? segment : undefined,
    rates: context.rates,
  });
  // A filter the deals cannot follow (a plan) leaves no value rather
  // than the whole workspace's, as the other metrics do.
  const unanswered = segment.unanswered.length
    ? unansweredNote('opportunities', segment.unanswered)
    : null;
  return metrics.map((value) => ({
    id: value.id,
    value: unanswered === null ? value.value : null,
    unit: value.unit,
    currency: value.currency,
    period: period.label,
    note: unanswered ?? value.note,
    inputs: {},
  }));
}

export function computeMetrics(
  db: Db,
  request: MetricsRequest,
): MetricsResponse {
  const ids = request.metrics.length ? [...request.metrics] : [...METRIC_IDS];
  checkMetricIds(ids);
  const context = metricContext(db, request);
  const period = periodOf(db, request);
  if (ids.some((id) => recurringMetrics.ids.includes(id))) {
    ensureMrrMonthEnds(db);
  }
  const results = new Map<string, MetricResult>();
  const sales = ids.filter(isSalesMetricId);
  if (sales.length) {
    for (const result of salesResults(context, sales, period)) {
      results.set(result.id, result);
    }
  }
  for (const module of MODULES) {
    const mine = ids.filter((id) => module.ids.includes(id));
    if (mine.length === 0) continue;
    for (const result of module.compute(context, mine, period)) {
      results.set(result.id, result);
    }
  }
  return {
    metrics: ids.flatMap((id) => {
      const result = results.get(id);
      return result ? [result] : [];
    }),
    period,
    currency: context.rates.reporting,
    options: context.options,
  };
}

/**
 * The deals behind a sales value computed under segment filters: the
 * value's own condition and the filters'; a filter deals cannot follow
 * has no rows to show.
 */
export function salesDrillUnder(
  settings: WorkspaceSettings,
  drill: SalesDrill,
  filters: readonly MetricFilter[],
): { where: string; params: Record<string, string | number | null> } {
  const condition = salesDrillCondition(settings, drill);
  if (filters.length === 0) return condition;
  const segment = segmentCondition(filters, 'opportunities', 'drillSeg');
  if (segment.unanswered.length > 0) {
    throw new WorkbenchError(
      'invalid_argument',
      unansweredNote('opportunities', segment.unanswered),
    );
  }
  return {
    where: `(${condition.where}) AND (${segment.where})`,
    params: { ...condition.params, ...segment.params },
  };
}

/** The records behind one metric value: what a click on it shows. */
export function metricDrill(
  db: Db,
  request: Omit<MetricsRequest, 'metrics'> & {
    metric: string;
    cohort?: string;
    bucket?: AgingBucket;
  },
): MetricDrill {
  checkMetricIds([request.metric]);
  if (request.bucket !== undefined) {
    if (request.metric !== 'receivables') {
      throw new WorkbenchError(
        'invalid_argument',
        `An aging bucket narrows the rows of receivables, not of ` +
          `${request.metric}.`,
      );
    }
    const context = metricContext(db, request);
    return receivablesDrill(context, periodOf(db, request), request.bucket);
  }
  if (
    request.cohort !== undefined &&
    !COHORT_DRILL_METRICS.includes(request.metric)
  ) {
    throw new WorkbenchError(
      'invalid_argument',
      `A cohort narrows the rows of ${COHORT_DRILL_METRICS.join(' and ')}, ` +
        `not of ${request.metric}.`,
    );
  }
  const context = metricContext(db, request);
  const period = periodOf(db, request);
  if (isSalesMetricId(request.metric)) {
    const condition = salesDrillUnder(
      context.settings,
      { metric: request.metric, period: request.period },
      context.filters,
    );
    return { entity: 'opportunities' satisfies GridEntity, ...condition };
  }
  const module = moduleOf(request.metric);
  if (module === recurringMetrics) ensureMrrMonthEnds(db);
  const found = module?.drill(context, request.metric, period) ?? null;
  const drill =
    found && request.cohort !== undefined
      ? cohortDrill(context, found, request.cohort)
      : found;
  if (!drill) {
    throw new WorkbenchError(
      'invalid_argument',
      `${metricEntry(request.metric)?.name ?? request.metric} has no rows ` +
        'to show behind it.',
    );
  }
  return drill;
}

/** The values a segment field takes in the workspace, for `--by`. */
const SEGMENT_VALUES_SQL: Record<string, string> = {
  industry: 'SELECT DISTINCT industry FROM accounts',
  country: 'SELECT DISTINCT country FROM accounts',
  segment: 'SELECT DISTINCT segment FROM accounts',
  channel: 'SELECT DISTINCT channel FROM accounts',
  owner: 'SELECT DISTINCT name FROM users',
  team: 'SELECT DISTINCT name FROM teams',
  plan: 'SELECT DISTINCT plan FROM subscriptions',
};

export function segmentValues(db: Db, field: string): string[] {
  const sql = SEGMENT_VALUES_SQL[field];
  if (!sql) {
    throw new WorkbenchError(
      'invalid_argument',
      `There is no segment field "${field}". Split by one of: ` +
        `${Object.keys(SEGMENT_VALUES_SQL).join(', ')}.`,
    );
  }
  const values = db.prepare(sql).pluck().all() as (string | null)[];
  return values
    .filter((value): value is string => value !== null && value !== '')
    .sort((a, b) => a.localeCompare(b));
}

/** Currencies met in the data or the exchange-rate table. */
export function knownCurrencies(db: Db): string[] {
  const codes = db
    .prepare(
      `SELECT currency FROM opportunities WHERE currency IS NOT NULL
       UNION SELECT currency FROM subscriptions
       UNION SELECT currency FROM invoices
       UNION SELECT from_currency FROM exchange_rates
       UNION SELECT to_currency FROM exchange_rates`,
    )
    .pluck()
    .all() as string[];
  return codes.sort();
}

/** Most values a segment field offers in a picker. */
const CHOICES_PER_FIELD = 300;

export function scopeChoices(db: Db) {
  return {
    segments: Object.fromEntries(
      Object.keys(SEGMENT_VALUES_SQL).map((field) => [
        field,
        segmentValues(db, field).slice(0, CHOICES_PER_FIELD),
      ]),
    ),
    currencies: knownCurrencies(db),
  };
}
