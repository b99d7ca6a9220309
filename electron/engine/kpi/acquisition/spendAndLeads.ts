// Campaign spend and leads per channel. Spend takes its campaign's
// channel; a lead takes its own channel, or else its campaign's. The whole
// workspace's leads are summed per day and channel in `lead_days`.
import { toMajor } from '../../../../shared/money.js';
import type { PeriodRange } from '../../../../shared/period.js';
import type { MetricContext } from '../metricTypes.js';
import { moneySum, type MoneySum } from '../common/money.js';
import { cachedFigures } from '../common/changeCache.js';
import { ensureSummed, type SummedTable } from '../common/summedState.js';
import type { SegmentCondition } from '../common/segments.js';
import { boundIn } from '../common/sorted.js';

/** The channel shown for spend or leads that name none. */
export const NO_CHANNEL = '(none)';

export function spendByChannel(
  context: MetricContext,
  period: PeriodRange,
  segment: SegmentCondition,
): Map<string, MoneySum> {
  const rows = context.db
    .prepare(
      `SELECT coalesce(c.channel, @none) AS channel, cs.currency AS currency,
              cs.spend_on AS spendOn, sum(cs.amount_minor) AS amount
         FROM campaign_spend cs
         LEFT JOIN campaigns c ON c.id = cs.campaign_id
        WHERE cs.spend_on BETWEEN @start AND @end AND ${segment.where}
        GROUP BY 1, 2, 3`,
    )
    .all({
      start: period.start,
      end: period.end,
      none: NO_CHANNEL,
      ...segment.params,
    }) as {
    channel: string;
    currency: string;
    spendOn: string;
    amount: number;
  }[];
  const byChannel = new Map<string, MoneySum>();
  for (const row of rows) {
    const sum = byChannel.get(row.channel) ?? moneySum(context.rates);
    sum.add(row.amount, row.currency, row.spendOn);
    byChannel.set(row.channel, sum);
  }
  return byChannel;
}

type LeadDays = {
  /** Sorted as text. */
  days: string[];
  /** Per day, lead counts by channel. */
  channels: Map<string, number>[];
  /** Counts per asked range, worked out once. */
  ranges: Map<string, Map<string, number>>;
};

/** The whole workspace's leads per creation day and channel. */
export const leadSums: SummedTable = {
  name: 'leads',
  sources: ['leads', 'campaigns'],
  extra: () => '',
  build(db) {
    db.exec('DELETE FROM lead_days');
    db.prepare(
      `INSERT INTO lead_days (day, channel, leads)
       SELECT l.created_on, coalesce(l.channel, c.channel, @none), count(*)
         FROM leads l
         LEFT JOIN campaigns c ON c.id = l.campaign_id
        WHERE l.created_on IS NOT NULL
        GROUP BY 1, 2`,
    ).run({ none: NO_CHANNEL });
    return true;
  },
};

function leadDays(context: MetricContext): LeadDays {
  const { db } = context;
  return cachedFigures(db, 'leads', ['leads', 'campaigns'], () => {
    ensureSummed(db, leadSums);
    const rows = db
      .prepare('SELECT day, channel, leads FROM lead_days ORDER BY day')
      .raw()
      .all() as [string, string, number][];
    const kept: LeadDays = { days: [], channels: [], ranges: new Map() };
    for (const [day, channel, leads] of rows) {
      if (kept.days.at(-1) !== day) {
        kept.days.push(day);
        kept.channels.push(new Map());
      }
      kept.channels.at(-1)?.set(channel, leads);
    }
    return kept;
  });
}

function keptLeads(context: MetricContext, period: PeriodRange) {
  const kept = leadDays(context);
  const key = `${period.start}\u0000${period.end}`;
  const hit = kept.ranges.get(key);
  if (hit) return new Map(hit);
  let at = boundIn(kept.days, period.start);
  const counts = new Map<string, number>();
  for (
    ;
    at < kept.days.length && (kept.days[at] ?? '') <= period.end;
    at += 1
  ) {
    for (const [channel, leads] of kept.channels[at] ?? []) {
      counts.set(channel, (counts.get(channel) ?? 0) + leads);
    }
  }
  kept.ranges.set(key, counts);
  return new Map(counts);
}

export function leadsByChannel(
  context: MetricContext,
  period: PeriodRange,
  segment: SegmentCondition,
): Map<string, number> {
  if (segment.where === '1') return keptLeads(context, period);
  const rows = context.db
    .prepare(
      `SELECT coalesce(l.channel, c.channel, @none) AS channel,
              count(*) AS leads
         FROM leads l
         LEFT JOIN campaigns c ON c.id = l.campaign_id
        WHERE l.created_on BETWEEN @start AND @end AND ${segment.where}
        GROUP BY 1`,
    )
    .all({
      start: period.start,
      end: period.end,
      none: NO_CHANNEL,
      ...segment.params,
    }) as { channel: string; leads: number }[];
  return new Map(rows.map((row) => [row.channel, row.leads]));
}

/** All spend of a channel map as one sum, in major units. */
export function totalSpend(
  reporting: string,
  byChannel: Map<string, MoneySum>,
): { total: number | null; missing: string[] } {
  const missing = new Set<string>();
  let totalMinor = 0;
  for (const sum of byChannel.values()) {
    sum.missing().forEach((currency) => missing.add(currency));
    totalMinor += sum.totalMinor() ?? 0;
  }
  return missing.size > 0
    ? { total: null, missing: [...missing].sort() }
    : { total: toMajor(totalMinor, reporting), missing: [] };
}
