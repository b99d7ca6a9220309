// Building metric results from a catalogue, and the monthly series the
// dashboard draws from any metric module.
import { WorkbenchError } from '../../../../shared/envelope.js';
import type { MetricEntry } from '../../../../shared/catalogue/types.js';
import type { PeriodRange } from '../../../../shared/period.js';
import { daysInMonth } from '../../../../shared/period.js';
import type {
  MetricContext,
  MetricModule,
  MetricResult,
} from '../metricTypes.js';

export type ResultFields = {
  value: number | null;
  note?: string | null;
  inputs?: Record<string, number | null>;
};

export function resultMaker(
  catalogue: readonly MetricEntry[],
  context: MetricContext,
  period: PeriodRange,
) {
  return (id: string, fields: ResultFields): MetricResult => {
    const entry = catalogue.find((candidate) => candidate.id === id);
    if (!entry) {
      throw new WorkbenchError('invalid_argument', `There is no metric ${id}.`);
    }
    const isMoney = entry.unit === 'currency';
    return {
      id,
      value: fields.value,
      unit: entry.unit,
      currency: isMoney ? context.rates.reporting : null,
      period: period.label,
      note: fields.note ?? null,
      inputs: fields.inputs ?? {},
    };
  };
}

/** Rejects ids the module does not serve, naming them. */
export function checkIds(
  module: string,
  known: readonly string[],
  ids: readonly string[],
): void {
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw new WorkbenchError(
      'invalid_argument',
      `The ${module} metrics have no ${unknown.join(', ')}.`,
    );
  }
}

export function ratio(
  numerator: number | null,
  denominator: number | null,
): number | null {
  if (numerator === null || denominator === null || denominator === 0) {
    return null;
  }
  return numerator / denominator;
}

/** Calendar months from `from` to `to` (`YYYY-MM`, inclusive) as periods. */
export function monthRanges(from: string, to: string): PeriodRange[] {
  const index = (text: string) =>
    Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;
  const ranges: PeriodRange[] = [];
  for (let at = index(from); at <= index(to); at += 1) {
    const year = Math.floor(at / 12);
    const month = (at % 12) + 1;
    const pad = (value: number, width: number) =>
      String(value).padStart(width, '0');
    const label = `${pad(year, 4)}-${pad(month, 2)}`;
    ranges.push({
      label,
      start: `${label}-01`,
      end: `${label}-${pad(daysInMonth(year, month), 2)}`,
    });
  }
  return ranges;
}

export type MonthlyValues = { month: string; results: MetricResult[] };

/** One set of results per calendar month, for sparklines and trends. */
export function monthlySeries(
  module: MetricModule,
  context: MetricContext,
  ids: readonly string[],
  fromMonth: string,
  toMonth: string,
): MonthlyValues[] {
  return monthRanges(fromMonth, toMonth).map((range) => ({
    month: range.label,
    results: module.compute(context, ids, range),
  }));
}
