// CSAT over answered support tickets. A ticket belongs to the period of
// its close (surveys go out on resolution), or of its opening while it is
// still open; days are UTC, the reporting zone.
import { metricNote } from '../../../../shared/metricNotes.js';
import type { PeriodRange } from '../../../../shared/period.js';
import type { MetricContext, MetricDrill } from '../metricTypes.js';
import { segmentCondition, unansweredNote } from '../common/segments.js';
import { scoresBetween } from './customerBooks.js';

const ANSWERED_IN_PERIOD = `k.satisfaction_score IS NOT NULL
  AND substr(coalesce(k.closed_at, k.opened_at), 1, 10)
    BETWEEN @start AND @end`;

/** Scores at or above this, of 5, count as satisfied. */
export const SATISFIED_FROM = 4;

export type Satisfaction = {
  answered: number;
  satisfied: number;
  scoreSum: number;
  note: string | null;
};

export function satisfaction(
  context: MetricContext,
  period: PeriodRange,
): Satisfaction {
  const segment = segmentCondition(context.filters, 'tickets');
  if (segment.unanswered.length > 0) {
    return {
      answered: 0,
      satisfied: 0,
      scoreSum: 0,
      note: unansweredNote('tickets', segment.unanswered),
    };
  }
  const from =
    segment.where === '1'
      ? 'tickets k'
      : 'tickets k LEFT JOIN accounts a ON a.id = k.account_id';
  const kept = scoresBetween(context.db, segment, period.start, period.end);
  const row =
    kept ??
    (context.db
      .prepare(
        `SELECT count(*) AS answered,
              count(CASE WHEN k.satisfaction_score >= @satisfiedFrom
                         THEN 1 END) AS satisfied,
              total(k.satisfaction_score) AS scoreSum
         FROM ${from}
        WHERE ${ANSWERED_IN_PERIOD} AND ${segment.where}`,
      )
      .get({
        start: period.start,
        end: period.end,
        satisfiedFrom: SATISFIED_FROM,
        ...segment.params,
      }) as Omit<Satisfaction, 'note'>);
  return {
    ...row,
    note: row.answered === 0 ? metricNote('noAnsweredTickets') : null,
  };
}

export function satisfactionDrill(
  context: MetricContext,
  period: PeriodRange,
): MetricDrill {
  const segment = segmentCondition(context.filters, 'tickets');
  return {
    entity: 'tickets',
    where: `(${ANSWERED_IN_PERIOD}) AND ${segment.where}`,
    params: { start: period.start, end: period.end, ...segment.params },
  };
}
