// Schemas of the metric catalogue and its views across the process
// boundary: the definitions, computed values, monthly series, the MRR
// waterfall, cohort retention and receivables aging.
import { z } from 'zod';
import { isKnownCurrency } from './money.js';

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const monthText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const periodText = z
  .string()
  .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'YYYY, YYYY-Qn or YYYY-MM');

export const metricEntrySchema = z.object({
  id: z.string(),
  family: z.string(),
  name: z.string(),
  unit: z.enum([
    'count',
    'ratio',
    'currency',
    'days',
    'months',
    'score',
    'multiple',
  ]),
  direction: z.enum(['higher_is_better', 'lower_is_better', 'neutral']),
  formula: z.string(),
  convention: z.string().optional(),
  inputs: z.array(z.string()),
  settings: z.array(z.string()),
});

/** The fields a metric can be split or filtered by. */
export const SEGMENT_FIELDS = [
  'industry',
  'country',
  'segment',
  'channel',
  'owner',
  'team',
  'plan',
] as const;
export type SegmentField = (typeof SEGMENT_FIELDS)[number];

export const metricFilterSchema = z.object({
  field: z.string().min(1).max(40),
  value: z.string().max(200),
});

/** Where and how a metric is measured; shared by every metric method. */
/** A reporting currency: an ISO 4217 code the workbench knows. */
export const reportingCurrency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'three capital letters, such as EUR')
  .refine(isKnownCurrency, 'not an ISO 4217 currency code');

export const metricScopeSchema = z.object({
  period: periodText.optional(),
  range: z.object({ start: calendarDate, end: calendarDate }).optional(),
  where: z.array(metricFilterSchema).max(20).default([]),
  currency: reportingCurrency.optional(),
  options: z
    .object({
      grossMarginPct: z.number().gt(0).max(100).optional(),
      churnWindowMonths: z.number().int().min(1).max(36).optional(),
      isReactivationInNrr: z.boolean().optional(),
    })
    .default({}),
});

export const metricResultSchema = z.object({
  id: z.string(),
  value: z.number().nullable(),
  unit: metricEntrySchema.shape.unit,
  currency: z.string().nullable(),
  period: z.string(),
  note: z.string().nullable(),
  inputs: z.record(z.string(), z.number().nullable()),
});
export type MetricValue = z.infer<typeof metricResultSchema>;

export const metricOptionsSchema = z.object({
  grossMarginPct: z.number(),
  churnWindowMonths: z.number(),
  isReactivationInNrr: z.boolean(),
});

export const monthRangeSchema = z.object({ from: monthText, to: monthText });

export const metricSeriesSchema = z.object({
  months: z.array(z.string()),
  currency: z.string(),
  /** One value per month for each metric, in month order. */
  series: z.record(z.string(), z.array(metricResultSchema)),
});

export const waterfallSchema = z.object({
  currency: z.string(),
  steps: z.array(
    z.object({
      month: z.string(),
      startMrr: z.number().nullable(),
      new: z.number().nullable(),
      expansion: z.number().nullable(),
      reactivation: z.number().nullable(),
      contraction: z.number().nullable(),
      churn: z.number().nullable(),
      currencyEffect: z.number().nullable(),
      endMrr: z.number().nullable(),
      note: z.string().nullable(),
    }),
  ),
});

export const cohortGridSchema = z.object({
  currency: z.string(),
  missing: z.array(z.string()),
  cohorts: z.array(
    z.object({
      cohort: z.string(),
      customers: z.number(),
      mrr: z.number().nullable(),
      cells: z.array(
        z.object({
          month: z.string(),
          monthsSinceSignup: z.number(),
          customers: z.number(),
          logoRetention: z.number().nullable(),
          mrr: z.number().nullable(),
          revenueRetention: z.number().nullable(),
        }),
      ),
    }),
  ),
});

export const agingSchema = z.object({
  currency: z.string(),
  total: z.number().nullable(),
  invoices: z.number(),
  note: z.string().nullable(),
  buckets: z.array(
    z.object({
      bucket: z.string(),
      amount: z.number().nullable(),
      invoices: z.number(),
    }),
  ),
});

/** The records behind one metric value, for the grid. */
/** Receivables aging buckets, by days past due at the period end. */
export const AGING_BUCKET_IDS = [
  'current',
  '1-30',
  '31-60',
  '61-90',
  '90+',
] as const;

export const metricDrillSchema = metricScopeSchema.extend({
  metric: z.string().min(1).max(60),
  /**
   * A signup month (`YYYY-MM`): only the customers whose first paying
   * month end falls in it, as a cohort cell shows them.
   */
  cohort: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM')
    .optional(),
  /** One aging bucket of the receivables: its invoices only. */
  bucket: z.enum(AGING_BUCKET_IDS).optional(),
});
export type MetricDrillArgs = z.input<typeof metricDrillSchema>;

export const metricTargetSchema = z.object({
  id: z.number().int(),
  metric: z.string(),
  period: z.string(),
  baseline: z.number().nullable(),
  target: z.number(),
  owner: z.string().nullable(),
  deadline: z.string().nullable(),
  note: z.string().nullable(),
});
export type MetricTarget = z.infer<typeof metricTargetSchema>;

export const targetInputSchema = z.object({
  id: z.number().int().optional(),
  metric: z.string().min(1).max(60),
  period: periodText,
  baseline: z.number().finite().nullable().optional(),
  target: z.number().finite(),
  owner: z.string().max(120).nullable().optional(),
  deadline: calendarDate.nullable().optional(),
  note: z.string().max(500).nullable().optional(),
});

const none = z.object({}).default({});

/** The contract's metric and target methods. */
export const METRIC_METHODS = {
  'metrics.catalogue': { args: none, result: z.array(metricEntrySchema) },
  'metrics.compute': {
    args: metricScopeSchema.extend({
      metrics: z.array(z.string().max(60)).max(100).default([]),
    }),
    result: z.object({
      metrics: z.array(metricResultSchema),
      period: z.object({
        label: z.string(),
        start: z.string(),
        end: z.string(),
      }),
      currency: z.string(),
      options: metricOptionsSchema,
    }),
  },
  'metrics.series': {
    args: metricScopeSchema.extend(monthRangeSchema.shape).extend({
      metrics: z.array(z.string().max(60)).min(1).max(40),
    }),
    result: metricSeriesSchema,
  },
  'metrics.waterfall': {
    args: metricScopeSchema.extend(monthRangeSchema.shape),
    result: waterfallSchema,
  },
  'metrics.cohorts': {
    args: metricScopeSchema.extend(monthRangeSchema.shape),
    result: cohortGridSchema,
  },
  'metrics.aging': { args: metricScopeSchema, result: agingSchema },
  /** What the segment filter and currency picker can offer. */
  'metrics.scopeChoices': {
    args: none,
    result: z.object({
      segments: z.record(z.string(), z.array(z.string())),
      currencies: z.array(z.string()),
    }),
  },
  'targets.list': { args: none, result: z.array(metricTargetSchema) },
  'targets.save': { args: targetInputSchema, result: metricTargetSchema },
  'targets.delete': {
    args: z.object({ id: z.number().int() }),
    result: z.object({ deleted: z.boolean() }),
  },
} as const;
