// Segment filters (industry=Retail, plan=Pro...) as SQL conditions. Each
// kind of record answers the fields it can from a fixed list; the SQL uses
// the grid query aliases (`a` accounts, `o` opportunities, `u` users, `t`
// teams, `s` subscriptions, `i` invoices, `k` tickets) so a drill-down can
// reuse the same condition. Values are always bound, never written in.
import { metricNote } from '../../../../shared/metricNotes.js';
import { WorkbenchError } from '../../../../shared/envelope.js';
import {
  SEGMENT_FIELDS,
  type SegmentField,
} from '../../../../shared/metricSchemas.js';
import type { MetricFilter } from '../metricTypes.js';

export { SEGMENT_FIELDS, type SegmentField };

/** What the records of a metric are, for the fields they can answer. */
export type SegmentSubject =
  | 'accounts'
  | 'subscriptions'
  | 'invoices'
  | 'tickets'
  | 'opportunities'
  | 'spend'
  | 'leads'
  | 'quotas'
  | 'usage'
  | 'snapshots';

type ConditionSql = (param: string) => string;

const equals =
  (sql: string): ConditionSql =>
  (param) =>
    `${sql} = @${param}`;

// An account's owner and team come from the user who owns the account.
const ACCOUNT_FIELDS: Record<SegmentField, ConditionSql> = {
  industry: equals('a.industry'),
  country: equals('a.country'),
  segment: equals('a.segment'),
  channel: equals('a.channel'),
  owner: (param) =>
    `EXISTS (SELECT 1 FROM users fu WHERE fu.id = a.owner_user_id
      AND fu.name = @${param})`,
  team: (param) =>
    `EXISTS (SELECT 1 FROM users fu JOIN teams ft ON ft.id = fu.team_id
      WHERE fu.id = a.owner_user_id AND ft.name = @${param})`,
  plan: (param) =>
    `EXISTS (SELECT 1 FROM subscriptions fs WHERE fs.account_id = a.id
      AND fs.plan = @${param})`,
};

const FIELDS: Record<
  SegmentSubject,
  Partial<Record<SegmentField, ConditionSql>>
> = {
  accounts: ACCOUNT_FIELDS,
  subscriptions: { ...ACCOUNT_FIELDS, plan: equals('s.plan') },
  invoices: ACCOUNT_FIELDS,
  tickets: ACCOUNT_FIELDS,
  usage: ACCOUNT_FIELDS,
  snapshots: ACCOUNT_FIELDS,
  opportunities: {
    industry: equals('a.industry'),
    country: equals('a.country'),
    segment: equals('a.segment'),
    channel: equals('o.channel'),
    owner: equals('coalesce(u.name, o.owner_name)'),
    team: equals('t.name'),
  },
  spend: { channel: equals('c.channel') },
  leads: {
    channel: equals('coalesce(l.channel, c.channel)'),
    owner: (param) =>
      `EXISTS (SELECT 1 FROM users fu WHERE fu.id = l.owner_user_id
        AND fu.name = @${param})`,
  },
  quotas: {
    owner: (param) =>
      `EXISTS (SELECT 1 FROM users fu WHERE fu.id = q.user_id
        AND fu.name = @${param})`,
    team: (param) =>
      `EXISTS (SELECT 1 FROM teams ft WHERE ft.id = q.team_id
        AND ft.name = @${param})`,
  },
};

const isSegmentField = (field: string): field is SegmentField =>
  (SEGMENT_FIELDS as readonly string[]).includes(field);

/** Throws on a field no metric knows, before any query runs. */
export function checkFilters(filters: readonly MetricFilter[]): void {
  for (const filter of filters) {
    if (!isSegmentField(filter.field)) {
      throw new WorkbenchError(
        'invalid_argument',
        `There is no segment field "${filter.field}". Filter by one of: ` +
          `${SEGMENT_FIELDS.join(', ')}.`,
      );
    }
  }
}

export type SegmentCondition = {
  /** SQL to AND into a WHERE clause; `1` when there is no filter. */
  where: string;
  params: Record<string, string>;
  /** Fields these records cannot be split by. */
  unanswered: SegmentField[];
};

/**
 * Filters on one field are alternatives (plan=Pro, plan=Team); filters on
 * different fields all apply. Parameter names carry `prefix` so that two
 * subjects can share one statement.
 */
export function segmentCondition(
  filters: readonly MetricFilter[],
  subject: SegmentSubject,
  prefix = 'seg',
): SegmentCondition {
  checkFilters(filters);
  const byField = new Map<SegmentField, string[]>();
  for (const filter of filters) {
    const field = filter.field as SegmentField;
    byField.set(field, [...(byField.get(field) ?? []), filter.value]);
  }
  const params: Record<string, string> = {};
  const parts: string[] = [];
  const unanswered: SegmentField[] = [];
  let index = 0;
  for (const [field, values] of byField) {
    const sql = FIELDS[subject][field];
    if (!sql) {
      unanswered.push(field);
      continue;
    }
    const alternatives = values.map((value) => {
      const param = `${prefix}${index++}`;
      params[param] = value;
      return sql(param);
    });
    parts.push(`(${alternatives.join(' OR ')})`);
  }
  return {
    where: parts.length > 0 ? parts.join(' AND ') : '1',
    params,
    unanswered,
  };
}

/** Says why a metric has no value under a filter its records cannot take. */
export function unansweredNote(
  subject: SegmentSubject,
  fields: readonly SegmentField[],
): string {
  return metricNote('unansweredSegment', {
    subject,
    fields: fields.join(' or '),
  });
}
