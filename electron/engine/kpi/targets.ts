// Targets per metric and period, in the metric's own unit (a ratio as a
// fraction, money in major units of the reporting currency).
import { metricEntry } from '../../../shared/catalogue/index.js';
import { WorkbenchError } from '../../../shared/envelope.js';
import { isPeriodText } from '../../../shared/period.js';
import type { Db } from '../store/database.js';

export type MetricTarget = {
  id: number;
  metric: string;
  period: string;
  baseline: number | null;
  target: number;
  owner: string | null;
  deadline: string | null;
  note: string | null;
};

export type TargetInput = Omit<
  MetricTarget,
  'id' | 'baseline' | 'owner' | 'deadline' | 'note'
> &
  Partial<
    Pick<MetricTarget, 'id' | 'baseline' | 'owner' | 'deadline' | 'note'>
  >;

const COLUMNS = 'id, metric, period, baseline, target, owner, deadline, note';

export function listTargets(db: Db): MetricTarget[] {
  return db
    .prepare(`SELECT ${COLUMNS} FROM metric_targets ORDER BY period, metric`)
    .all() as MetricTarget[];
}

export function saveTarget(db: Db, input: TargetInput): MetricTarget {
  const entry = metricEntry(input.metric);
  if (!entry) {
    throw new WorkbenchError(
      'invalid_argument',
      `There is no metric ${input.metric} to set a target for.`,
    );
  }
  // Only money can fall below zero (net new MRR can); rates, counts,
  // days and scores cannot.
  const lowest = Math.min(input.target, input.baseline ?? 0);
  if (entry.unit !== 'currency' && lowest < 0) {
    throw new WorkbenchError(
      'invalid_argument',
      `${entry.name} cannot be below zero, so neither can its target or ` +
        'baseline.',
    );
  }
  if (!isPeriodText(input.period)) {
    throw new WorkbenchError(
      'invalid_argument',
      `A target's period is YYYY, YYYY-Qn or YYYY-MM, not ${input.period}.`,
    );
  }
  const now = new Date().toISOString();
  const values = {
    metric: input.metric,
    period: input.period,
    baseline: input.baseline ?? null,
    target: input.target,
    owner: input.owner ?? null,
    deadline: input.deadline ?? null,
    note: input.note ?? null,
    now,
  };
  const id =
    input.id === undefined
      ? Number(
          db
            .prepare(
              `INSERT INTO metric_targets (metric, period, baseline, target,
                 owner, deadline, note, created_at, updated_at)
               VALUES (@metric, @period, @baseline, @target, @owner,
                 @deadline, @note, @now, @now)
               ON CONFLICT (metric, period) DO UPDATE SET
                 baseline = excluded.baseline, target = excluded.target,
                 owner = excluded.owner, deadline = excluded.deadline,
                 note = excluded.note, updated_at = excluded.updated_at
               RETURNING id`,
            )
            .pluck()
            .get(values),
        )
      : updateTarget(db, input.id, values);
  return db
    .prepare(`SELECT ${COLUMNS} FROM metric_targets WHERE id = ?`)
    .get(id) as MetricTarget;
}

function updateTarget(
  db: Db,
  id: number,
  values: Record<string, string | number | null>,
): number {
  const { changes } = db
    .prepare(
      `UPDATE metric_targets SET metric = @metric, period = @period,
         baseline = @baseline, target = @target, owner = @owner,
         deadline = @deadline, note = @note, updated_at = @now
       WHERE id = @id`,
    )
    .run({ ...values, id });
  if (changes === 0) {
    throw new WorkbenchError('not_found', `There is no target #${id}.`);
  }
  return id;
}

export function deleteTarget(db: Db, id: number): boolean {
  return (
    db.prepare('DELETE FROM metric_targets WHERE id = ?').run(id).changes > 0
  );
}
