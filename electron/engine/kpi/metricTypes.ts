// What every metric module of the engine takes and gives back.
import type { GridEntity } from '../../../shared/contract.js';
import type { MetricUnit } from '../../../shared/catalogue/types.js';
import type { PeriodRange } from '../../../shared/period.js';
import type { Db } from '../store/database.js';
import type { WorkspaceSettings } from '../store/settings.js';
import type { RateBook } from './fx.js';

export type MetricOptions = {
  /** Gross margin used by CLV and CAC payback, in percent (0-100]. */
  grossMarginPct: number;
  /** Months over which logo churn is averaged for CLV. */
  churnWindowMonths: number;
  /** Whether reactivated MRR counts as retained in NRR. */
  isReactivationInNrr: boolean;
};

export const DEFAULT_METRIC_OPTIONS: MetricOptions = {
  grossMarginPct: 80,
  churnWindowMonths: 12,
  isReactivationInNrr: false,
};

/** A segment filter, such as industry=Retail or plan=Pro. */
export type MetricFilter = { field: string; value: string };

export type MetricContext = {
  db: Db;
  settings: WorkspaceSettings;
  /** Money comes back in this currency, converted through `rates`. */
  rates: RateBook;
  filters: readonly MetricFilter[];
  options: MetricOptions;
};

export type MetricResult = {
  id: string;
  value: number | null;
  unit: MetricUnit;
  /** The currency of a money value; null for other units. */
  currency: string | null;
  period: string;
  /** Why there is no value, or what the reader must know about it. */
  note: string | null;
  /** The inputs that produced the value, for "show the math". */
  inputs: Record<string, number | null>;
};

/** The records behind a value: a condition over the entity's grid query. */
export type MetricDrill = {
  entity: GridEntity;
  where: string;
  params: Record<string, string | number | null>;
};

export type MetricModule = {
  ids: readonly string[];
  compute(
    context: MetricContext,
    ids: readonly string[],
    period: PeriodRange,
  ): MetricResult[];
  drill(
    context: MetricContext,
    id: string,
    period: PeriodRange,
  ): MetricDrill | null;
};
