// The value of each recurring-revenue metric for one period, from the
// month figures (see the catalogue for the definitions and conventions).
import { metricNote } from '../../../../shared/metricNotes.js';
import {
  RECURRING_METRICS,
  type RecurringMetricId,
} from '../../../../shared/catalogue/recurring.js';
import { WorkbenchError } from '../../../../shared/envelope.js';
import { toMajor } from '../../../../shared/money.js';
import type { MetricContext, MetricResult } from '../metricTypes.js';
import type { MonthFigures } from './figures.js';
import { monthLabelOf } from './months.js';
import type { RenewalCounts } from './renewals.js';

export type PeriodFigures = {
  label: string;
  /** The month end before the period: its starting point. */
  start: MonthFigures | null;
  /** The months whose last day lies in the period; empty when none. */
  months: readonly MonthFigures[];
  /** The churn window for CLV, ending at the period's last month. */
  window: readonly MonthFigures[];
  renewals: RenewalCounts;
};

type Inputs = Record<string, number | null>;
type Value = { value: number | null; note: string | null; inputs: Inputs };

const UNITS = new Map(RECURRING_METRICS.map((entry) => [entry.id, entry.unit]));

function sumOf(values: readonly (number | null)[]): number | null {
  let total = 0;
  for (const value of values) {
    if (value === null) return null;
    total += value;
  }
  return total;
}

function divide(numerator: number | null, denominator: number | null) {
  if (numerator === null || denominator === null || denominator === 0) {
    return null;
  }
  return numerator / denominator;
}

type Rate = 'logo_churn' | 'gross_churn' | 'grr' | 'nrr';

function monthlyRate(
  rate: Rate,
  before: MonthFigures,
  month: MonthFigures,
  isReactivationInNrr: boolean,
): number | null {
  const { movements: m } = month;
  const lost = sumOf([m.churn, m.contraction]);
  switch (rate) {
    case 'logo_churn':
      return divide(month.churnedLogos, before.customers);
    case 'gross_churn':
      return divide(lost, before.mrr);
    case 'grr':
      return divide(
        sumOf([before.mrr, lost === null ? null : -lost]),
        before.mrr,
      );
    case 'nrr': {
      const gained = isReactivationInNrr
        ? sumOf([m.expansion, m.reactivation])
        : m.expansion;
      const kept = sumOf([before.mrr, gained, lost === null ? null : -lost]);
      return divide(kept, before.mrr);
    }
    default: {
      const unknown: never = rate;
      throw new WorkbenchError('internal', `monthlyRate: ${String(unknown)}`);
    }
  }
}

/** One month's rate, or the months' rates chained. */
function chainedRate(
  rate: Rate,
  figures: PeriodFigures,
  context: MetricContext,
): { value: number | null; inputs: Inputs } {
  const inputs: Inputs = {};
  let before = figures.start;
  let product = 1;
  let counted = 0;
  const isChurn = rate === 'logo_churn' || rate === 'gross_churn';
  for (const month of figures.months) {
    const value = before
      ? monthlyRate(rate, before, month, context.options.isReactivationInNrr)
      : null;
    if (figures.months.length > 1)
      inputs[`rate ${monthLabelOf(month.index)}`] = value;
    before = month;
    if (value === null) continue;
    product *= isChurn ? 1 - value : value;
    counted += 1;
  }
  if (counted === 0) return { value: null, inputs };
  return { value: isChurn ? 1 - product : product, inputs };
}

function major(context: MetricContext, minor: number | null): number | null {
  return minor === null ? null : toMajor(minor, context.rates.reporting);
}

function missingNote(context: MetricContext, figures: PeriodFigures) {
  const codes = new Set<string>();
  const months = [...figures.months, ...figures.window];
  if (figures.start) months.push(figures.start);
  for (const month of months) month.missing.forEach((code) => codes.add(code));
  if (codes.size === 0) return null;
  return metricNote('missingMonthEndRate', {
    currencies: [...codes].sort().join(', '),
    reporting: context.rates.reporting,
  });
}

function valueOf(
  id: RecurringMetricId,
  context: MetricContext,
  figures: PeriodFigures,
): Value {
  const last = figures.months.at(-1) ?? null;
  const start = figures.start;
  const sumMove = (kind: keyof MonthFigures['movements']) =>
    sumOf(figures.months.map((month) => month.movements[kind]));
  const moves = {
    new: sumMove('new'),
    expansion: sumMove('expansion'),
    contraction: sumMove('contraction'),
    churn: sumMove('churn'),
    reactivation: sumMove('reactivation'),
  };
  const movementInputs: Inputs = {
    startMrr: major(context, start?.mrr ?? null),
    new: major(context, moves.new),
    expansion: major(context, moves.expansion),
    reactivation: major(context, moves.reactivation),
    contraction: major(context, moves.contraction),
    churn: major(context, moves.churn),
  };
  const plain = (value: number | null, inputs: Inputs = {}): Value => ({
    value,
    note: null,
    inputs,
  });
  const gained = sumOf([moves.new, moves.expansion, moves.reactivation]);
  const lost = sumOf([moves.contraction, moves.churn]);
  const rated = (rate: Rate, extra: Inputs = {}) => {
    const chained = chainedRate(rate, figures, context);
    return plain(chained.value, { ...extra, ...chained.inputs });
  };
  switch (id) {
    case 'mrr':
      return plain(major(context, last?.mrr ?? null));
    case 'arr': {
      const mrr = major(context, last?.mrr ?? null);
      return plain(mrr === null ? null : mrr * 12, { mrr });
    }
    case 'mrr_new':
    case 'mrr_expansion':
    case 'mrr_contraction':
    case 'mrr_churn':
    case 'mrr_reactivation': {
      return plain(movementInputs[id.slice('mrr_'.length)] ?? null);
    }
    case 'net_new_mrr': {
      const net =
        gained === null || lost === null ? null : major(context, gained - lost);
      return plain(net, movementInputs);
    }
    case 'customers':
      return plain(last?.customers ?? null);
    case 'logo_churn_rate': {
      const lostLogos = figures.months.reduce((n, m) => n + m.churnedLogos, 0);
      return rated('logo_churn', {
        startCustomers: start?.customers ?? null,
        customersLost: lostLogos,
      });
    }
    case 'gross_mrr_churn_rate':
    case 'grr':
      return rated(id === 'grr' ? 'grr' : 'gross_churn', {
        startMrr: movementInputs['startMrr'] ?? null,
        contraction: movementInputs['contraction'] ?? null,
        churn: movementInputs['churn'] ?? null,
      });
    case 'nrr': {
      const result = rated('nrr', movementInputs);
      const note = metricNote(
        context.options.isReactivationInNrr
          ? 'reactivationCounts'
          : 'reactivationNotCounted',
      );
      return { ...result, note };
    }
    case 'arpa': {
      const mrr = major(context, last?.mrr ?? null);
      const customers = last?.customers ?? null;
      return plain(divide(mrr, customers), { mrr, customers });
    }
    case 'clv':
      return clvOf(context, figures);
    case 'quick_ratio':
      return plain(divide(gained, lost), movementInputs);
    case 'renewal_rate': {
      const { upForRenewal, renewed } = figures.renewals;
      return plain(divide(renewed, upForRenewal), { renewed, upForRenewal });
    }
    default: {
      const unknown: never = id;
      throw new WorkbenchError('internal', `valueOf: ${String(unknown)}`);
    }
  }
}

function clvOf(context: MetricContext, figures: PeriodFigures): Value {
  const last = figures.months.at(-1) ?? null;
  const mrr = major(context, last?.mrr ?? null);
  const arpa = divide(mrr, last?.customers ?? null);
  const rates: number[] = [];
  figures.window.forEach((month, index) => {
    const before = figures.window[index - 1];
    if (!before) return;
    const rate = divide(month.churnedLogos, before.customers);
    if (rate !== null) rates.push(rate);
  });
  const meanChurn =
    rates.length > 0 ? rates.reduce((a, b) => a + b, 0) / rates.length : null;
  const margin = context.options.grossMarginPct / 100;
  const inputs: Inputs = {
    arpa,
    grossMarginPct: context.options.grossMarginPct,
    churnWindowMonths: context.options.churnWindowMonths,
    monthsWithCustomers: rates.length,
    meanMonthlyLogoChurn: meanChurn,
  };
  if (meanChurn === 0) {
    return {
      value: null,
      note: metricNote('clvNoChurn'),
      inputs,
    };
  }
  const value = arpa === null ? null : divide(arpa * margin, meanChurn);
  return { value, note: null, inputs };
}

function noteFor(
  id: RecurringMetricId,
  value: Value,
  context: MetricContext,
  figures: PeriodFigures,
): string | null {
  if (id === 'renewal_rate') return value.note;
  if (figures.months.length === 0) {
    return metricNote('noMonthEnd');
  }
  if (value.value !== null) return value.note;
  return missingNote(context, figures) ?? value.note;
}

export function periodResults(
  context: MetricContext,
  ids: readonly RecurringMetricId[],
  figures: PeriodFigures,
): MetricResult[] {
  return ids.map((id) => {
    const unit = UNITS.get(id) ?? 'ratio';
    const value = valueOf(id, context, figures);
    return {
      id,
      value: value.value,
      unit,
      currency: unit === 'currency' ? context.rates.reporting : null,
      period: figures.label,
      note: noteFor(id, value, context, figures),
      inputs: value.inputs,
    };
  });
}
