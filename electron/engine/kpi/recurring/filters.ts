// Segment filters of the recurring-revenue metrics, from one fixed list.
// Account fields can be answered from the stored month-end changes joined
// to accounts; subscription fields (plan, billing, currency) change which
// subscriptions make up a customer's MRR, so those views are rebuilt from
// the matching subscriptions.
import { WorkbenchError } from '../../../../shared/envelope.js';
import type { MetricFilter } from '../metricTypes.js';

type FilterField = { level: 'account' | 'subscription'; sql: string };

/** SQL over the aliases `a` (accounts) and `s` (subscriptions). */
const FILTER_FIELDS = {
  industry: { level: 'account', sql: 'a.industry' },
  country: { level: 'account', sql: 'a.country' },
  segment: { level: 'account', sql: 'a.segment' },
  channel: { level: 'account', sql: 'a.channel' },
  owner: {
    level: 'account',
    sql: '(SELECT u.name FROM users u WHERE u.id = a.owner_user_id)',
  },
  team: {
    level: 'account',
    sql: `(SELECT t.name FROM users u JOIN teams t ON t.id = u.team_id
            WHERE u.id = a.owner_user_id)`,
  },
  plan: { level: 'subscription', sql: 's.plan' },
  billing: { level: 'subscription', sql: 's.billing_period' },
  currency: { level: 'subscription', sql: 's.currency' },
} as const satisfies Record<string, FilterField>;

export const RECURRING_FILTER_FIELDS = Object.keys(FILTER_FIELDS);

function fieldOf(name: string): FilterField {
  if (!Object.hasOwn(FILTER_FIELDS, name)) {
    throw new WorkbenchError(
      'invalid_argument',
      `Recurring revenue cannot be filtered by "${name}"; use one of ` +
        `${RECURRING_FILTER_FIELDS.join(', ')}.`,
    );
  }
  return FILTER_FIELDS[name as keyof typeof FILTER_FIELDS];
}

export type FilterSql = {
  where: string;
  params: Record<string, string>;
  /** True when a filter names a subscription field. */
  hasSubscriptionField: boolean;
};

/** The filters as one condition, values bound as `@recurringFilterN`. */
export function filterSql(filters: readonly MetricFilter[]): FilterSql {
  const conditions: string[] = [];
  const params: Record<string, string> = {};
  let hasSubscriptionField = false;
  filters.forEach((filter, index) => {
    const field = fieldOf(filter.field);
    const name = `recurringFilter${index}`;
    conditions.push(`${field.sql} = @${name} COLLATE NOCASE`);
    params[name] = filter.value;
    if (field.level === 'subscription') hasSubscriptionField = true;
  });
  return {
    where: conditions.length > 0 ? conditions.join(' AND ') : '1',
    params,
    hasSubscriptionField,
  };
}
