// Quarterly quotas per rep and per team, sized from what each rep books on
// average so that attainment lands somewhat under 100% with hits and
// misses, plus the quarter after the anchor day so that pipeline coverage
// has a target.
import type { BulkWriter } from './bulkWriter.js';
import {
  HISTORY_START,
  TODAY,
  addMonths,
  isoDate,
  isoInstant,
  quarterStart,
  type Day,
} from './calendar.js';
import { BUSINESS_GROWTH } from './accounts.js';
import type { Organisation } from './organisation.js';
import type { Bookings } from './pipeline.js';
import { Random } from './random.js';

const MIN_QUOTA_DOLLARS = 5_000;

export function writeQuotas(
  writer: BulkWriter,
  seed: number,
  organisation: Organisation,
  bookings: Bookings,
): void {
  const random = new Random(seed, 'quotas');
  const insertQuota = writer.inserter(
    'quotas',
    `id external_id created_at updated_at user_id team_id period_start
      period_end amount_minor`,
    { source: 'demo', currency: 'USD' },
  );
  const quarters: Day[] = [];
  const nextQuarter = quarterStart(TODAY + 1);
  for (
    let quarter = quarterStart(HISTORY_START);
    quarter <= nextQuarter;
    quarter = addMonths(quarter, 3)
  ) {
    quarters.push(quarter);
  }
  const pastQuarters = quarters.filter((quarter) => quarter < nextQuarter);

  let quotaId = 0;
  const add = (
    userId: number | null,
    teamId: number,
    quarter: Day,
    dollars: number,
  ): void => {
    quotaId += 1;
    const setAt = isoInstant(quarter - 10, 36_000);
    insertQuota([
      quotaId,
      `QTA-${String(quotaId).padStart(5, '0')}`,
      setAt,
      setAt,
      userId,
      teamId,
      isoDate(quarter),
      isoDate(addMonths(quarter, 3) - 1),
      dollars * 100,
    ]);
  };

  // Quotas follow the growth of the business, not each quarter's luck, so
  // attainment moves with the deals actually won.
  const trend = (quarter: Day): number => {
    const position = (quarter - HISTORY_START) / (TODAY - HISTORY_START);
    return (1 + BUSINESS_GROWTH * position) / (1 + BUSINESS_GROWTH / 2);
  };
  for (const team of organisation.teams) {
    const teamTotals = new Map<Day, number>();
    for (const agent of team.agents) {
      const booked = bookings.get(agent.id) ?? new Map<Day, number>();
      const total = pastQuarters.reduce(
        (sum, quarter) => sum + (booked.get(quarter) ?? 0),
        0,
      );
      const average = total / Math.max(1, pastQuarters.length);
      for (const quarter of quarters) {
        const stretch = random.between(1.0, 1.15);
        const dollars = Math.max(
          MIN_QUOTA_DOLLARS,
          Math.round((average * trend(quarter) * stretch) / 1000) * 1000,
        );
        add(agent.id, team.id, quarter, dollars);
        teamTotals.set(quarter, (teamTotals.get(quarter) ?? 0) + dollars);
      }
    }
    for (const quarter of quarters) {
      add(null, team.id, quarter, teamTotals.get(quarter) ?? 0);
    }
  }
}
