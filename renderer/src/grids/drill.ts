// What a KPI drill is called on screen. A drill repeats exactly the
// arguments of the `kpi.compute` call behind the number that was clicked,
// so the rows it lists are the rows that number counted.
import type { Drill } from '../../../shared/contract.js';
import type { KpiDimension, SalesMetricId } from '../../../shared/metrics.js';
import type { FiscalCalendar } from '../../../shared/period.js';
import { metricNameKey } from '../dashboard/kpiFormat.js';
import { segmentKey } from '../dashboard/metricText.js';
import type { Locale, Translate } from '../i18n/index.js';
import { periodLabel } from '../workspace/periods.js';

/** The engine's name for deals without a value in the chosen dimension. */
export const NO_GROUP = '(none)';

const QUARTER = /^\d{4}-Q[1-4]$/;

/** The drill behind one figure of the period (`null` for all time). */
export function drillOf(
  metric: SalesMetricId,
  period: string | null,
  grouping?: { by: KpiDimension; group: string },
  where: readonly { field: string; value: string }[] = [],
): Drill {
  return {
    metric,
    ...(period === null ? {} : { period }),
    ...(grouping ?? {}),
    ...(where.length > 0 ? { where: [...where] } : {}),
  };
}

/** "Deals won · 2017 Q2 · Region: East", in the chosen language. */
export function drillLabel(
  t: Translate,
  locale: Locale,
  drill: Drill,
  calendar: FiscalCalendar,
): string {
  const parts = [t(metricNameKey(drill.metric))];
  const group = drill.by === undefined ? undefined : drill.group;
  const isQuarterGroup =
    drill.by === 'quarter' && group !== undefined && QUARTER.test(group);
  if (drill.period !== undefined) {
    parts.push(periodLabel(t, locale, drill.period, calendar));
  } else if (!isQuarterGroup) {
    // A quarter group already says when; "all time" would only add noise.
    parts.push(t('period.all'));
  }
  if (drill.by !== undefined && group !== undefined) {
    if (isQuarterGroup) {
      parts.push(periodLabel(t, locale, group, calendar));
    } else {
      parts.push(
        t('drill.group', {
          dimension: t(`dimension.${drill.by}`),
          group: group === NO_GROUP ? t('chart.otherGroup') : group,
        }),
      );
    }
  }
  for (const filter of drill.where ?? []) {
    parts.push(
      t('drill.group', {
        dimension: t(`segment.${segmentKey(filter.field)}`),
        group: filter.value,
      }),
    );
  }
  return parts.join(t('drill.separator'));
}
