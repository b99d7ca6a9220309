// The months the workspace's recurring, cash and support records cover, so
// that the period picker offers them even in a workspace without deals,
// and the metric views have a month to stand on when "all time" is chosen.
import type { GridEntity } from '../../../shared/contract.js';
import {
  fiscalQuarterOf,
  type FiscalCalendar,
} from '../../../shared/period.js';
import { api } from '../api/index.js';
import { addMonths } from './metricMath.js';

export type MonthSpan = { first: string; last: string };

/** Date columns whose earliest and latest values bound the data. */
const DATED_COLUMNS: readonly { entity: GridEntity; column: string }[] = [
  { entity: 'subscriptions', column: 'startOn' },
  { entity: 'subscriptions', column: 'endOn' },
  { entity: 'invoices', column: 'issuedOn' },
  { entity: 'tickets', column: 'openedAt' },
];

const MONTH_OF = /^(\d{4}-\d{2})/;

async function edgeOf(
  entity: GridEntity,
  column: string,
  direction: 'asc' | 'desc',
): Promise<string | null> {
  const { rows } = await api.call('grid.rows', {
    entity,
    offset: 0,
    limit: 1,
    sort: [{ column, direction }],
    filters: { [column]: { filterType: 'text', type: 'notBlank' } },
  });
  const value = rows[0]?.[column];
  if (typeof value !== 'string') return null;
  return MONTH_OF.exec(value)?.[1] ?? null;
}

/** The earliest and latest month any dated record falls in. */
export async function loadDataSpan(): Promise<MonthSpan | null> {
  const months: string[] = [];
  // Asked of the grids rather than the workspace counts, which are
  // refreshed after an import tells the page its data changed.
  for (const { entity, column } of DATED_COLUMNS) {
    for (const direction of ['asc', 'desc'] as const) {
      const month = await edgeOf(entity, column, direction).catch(() => null);
      if (month !== null) months.push(month);
    }
  }
  // Contracts may end years ahead; the months worth picking have happened.
  const thisMonth = new Date().toISOString().slice(0, 7);
  const past = months.filter((month) => month <= thisMonth).sort();
  if (past.length === 0) return null;
  months.splice(0, months.length, ...past);
  return { first: months[0] ?? '', last: months[months.length - 1] ?? '' };
}

/** The fiscal quarters from the span's first month to its last. */
export function quartersOfSpan(
  span: MonthSpan,
  calendar: FiscalCalendar,
): string[] {
  const quarters = new Set<string>();
  for (let month = span.first; month <= span.last;) {
    quarters.add(fiscalQuarterOf(`${month}-01`, calendar).label);
    month = addMonths(month, 1);
  }
  return [...quarters];
}
