// The summed deal tables of migration 10: rebuilt after an import that
// wrote opportunities (or linked them to users) and, lazily, whenever the
// change counter of the opportunities has moved since the last build.
import { createLogger } from '../../logger.js';
import type { Db } from '../../store/database.js';

const log = createLogger('kpi.deals');

// One pass over the deals reads what every summed table needs; SQLite
// works out the values whose rules are its own (casts, julianday, the
// dates that do not read as days) so that they match the queries exactly.
const DEALS_SQL = `
SELECT o.status, o.closed_on, coalesce(o.created_on, o.engaged_on, ''),
       o.expected_close_on, o.stage, o.probability, o.currency,
       o.owner_user_id, o.owner_name, o.amount_minor,
       CAST(substr(o.closed_on, 1, 4) AS INTEGER),
       CAST(substr(o.closed_on, 6, 2) AS INTEGER),
       CAST(julianday(o.closed_on)
         - julianday(coalesce(o.created_on, o.engaged_on)) AS INTEGER),
       o.closed_on IS date(o.closed_on),
       coalesce(o.created_on, o.engaged_on) IS NOT NULL
  FROM opportunities o`;

/** The same over a segment's deals (aliases `o`, `a`, `u`, `t`). */
const scopedDealsSql = (where: string) => `${DEALS_SQL}
  LEFT JOIN accounts a ON a.id = o.account_id
  LEFT JOIN users u ON u.id = o.owner_user_id
  LEFT JOIN teams t ON t.id = u.team_id
 WHERE ${where}`;

/** A condition over the deals' joins, as segment filters give. */
export type DealScope = { where: string; params: Record<string, string> };

type DealLine = [
  status: 'open' | 'won' | 'lost',
  closedOn: string | null,
  start: string,
  expectedCloseOn: string | null,
  stage: string,
  probability: number | null,
  currency: string,
  ownerUserId: number | null,
  ownerName: string | null,
  amount: number | null,
  closeYear: number | null,
  closeMonth: number | null,
  cycleDays: number | null,
  isCalendarDay: number | null,
  hasStart: number,
];

type Sums = {
  values: unknown[];
  deals: number;
  amounts: number;
  amount: number;
};

// Null, numbers and text stay apart in a key.
const keyPart = (value: unknown) =>
  value === null ? '\u0001' : `${typeof value}:${String(value)}`;

/** Sums keyed by their dimension values. */
export class Summer {
  readonly sums = new Map<string, Sums>();

  /** `values` is only called for a key met for the first time. */
  add(
    key: string,
    values: () => unknown[],
    deals: number,
    amount: number | null,
  ): void {
    let sum = this.sums.get(key);
    if (!sum) {
      sum = { values: values(), deals: 0, amounts: 0, amount: 0 };
      this.sums.set(key, sum);
    }
    sum.deals += deals;
    if (amount !== null) {
      sum.amounts += Math.sign(deals);
      sum.amount += Math.sign(deals) * amount;
    }
  }
}

const keyOf = (...values: unknown[]) => values.map(keyPart).join('\u0000');

const maxText = (a: string, b: string) => (a > b ? a : b);

export type Built = {
  closes: Summer;
  cycles: Summer;
  steps: Summer[];
  isCycleExact: boolean;
};

export function sumDeals(db: Db, scope: DealScope | null = null): Built {
  const closes = new Summer();
  const cycles = new Summer();
  const steps = [new Summer(), new Summer(), new Summer(), new Summer()];
  let isCycleExact = true;
  const lines = (
    scope
      ? db.prepare(scopedDealsSql(scope.where)).raw().iterate(scope.params)
      : db.prepare(DEALS_SQL).raw().iterate()
  ) as Iterable<DealLine>;
  for (const line of lines) {
    const [status, closedOn, start, expected, stage, probability] = line;
    const [, , , , , , currency, ownerUserId, ownerName, amount] = line;
    const [, , , , , , , , , , closeYear, closeMonth, days, isDay] = line;
    const hasStart = line[14] === 1;
    const owner = keyOf(ownerUserId, ownerName);
    if (status !== 'open' && closedOn !== null) {
      closes.add(
        `${closedOn}\u0000${status}\u0000${currency}\u0000${owner}`,
        () => [
          closedOn,
          status,
          currency,
          ownerUserId,
          ownerName,
          closeYear,
          closeMonth,
        ],
        1,
        amount,
      );
    }
    if (status === 'won' && closedOn !== null && hasStart) {
      if (days === null || isDay !== 1) isCycleExact = false;
      else {
        const month = closedOn.slice(0, 7);
        cycles.add(
          `${month}\u0000${owner}\u0000${days}`,
          () => [month, ownerUserId, ownerName, days],
          1,
          null,
        );
      }
    }
    // An open deal never leaves; a closed one without a close date never
    // counts, so it leaves the day it enters.
    const enterClosing = expected === null ? start : maxText(start, expected);
    const pipeline = keyOf(stage, probability, currency);
    const views: [string, () => unknown[]][] = [
      [pipeline, () => [stage, probability, currency]],
      [pipeline, () => [stage, probability, currency]],
      [owner, () => [ownerUserId, ownerName]],
      [keyOf(closeYear, closeMonth), () => [closeYear, closeMonth]],
    ];
    views.forEach(([dims, values], view) => {
      const summer = steps[view];
      if (!summer) return;
      const enter = view === 1 ? enterClosing : start;
      summer.add(
        `${enter}\u0000${dims}`,
        () => [enter, ...values()],
        1,
        amount,
      );
      if (status === 'open') return;
      const leave = closedOn === null ? enter : maxText(enter, closedOn);
      summer.add(
        `${leave}\u0000${dims}`,
        () => [leave, ...values()],
        -1,
        amount,
      );
    });
  }
  return { closes, cycles, steps, isCycleExact };
}

const STEP_COLUMNS: readonly string[][] = [
  ['stage', 'probability', 'currency'],
  ['stage', 'probability', 'currency'],
  ['owner_user_id', 'owner_name'],
  ['close_year', 'close_month'],
];

function writeSums(db: Db, built: Built): number {
  let rows = 0;
  const close = db.prepare(
    `INSERT INTO deal_close_days (closed_on, status, currency, owner_user_id,
       owner_name, close_year, close_month, deals, with_amount, amount_minor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const sum of built.closes.sums.values()) {
    close.run(...sum.values, sum.deals, sum.amounts, sum.amount);
    rows += 1;
  }
  const cycle = db.prepare(
    `INSERT INTO deal_cycle_months (month, owner_user_id, owner_name, days,
       deals) VALUES (?, ?, ?, ?, ?)`,
  );
  for (const sum of built.cycles.sums.values()) {
    cycle.run(...sum.values, sum.deals);
    rows += 1;
  }
  built.steps.forEach((summer, view) => {
    const columns = STEP_COLUMNS[view] ?? [];
    const step = db.prepare(
      `INSERT INTO deal_open_steps (view, day, ${columns.join(', ')}, deals,
         amounts, amount_minor)
       VALUES (${view}, ?, ${columns.map(() => '?').join(', ')}, ?, ?, ?)`,
    );
    for (const sum of summer.sums.values()) {
      if (sum.deals === 0 && sum.amounts === 0 && sum.amount === 0) continue;
      step.run(...sum.values, sum.deals, sum.amounts, sum.amount);
      rows += 1;
    }
  });
  return rows;
}

/** The change count of the opportunities, bumped by triggers. */
export function opportunityChanges(db: Db): number {
  const row = db
    .prepare(
      "SELECT changes FROM aggregate_sources WHERE source = 'opportunities'",
    )
    .get() as { changes: number } | undefined;
  return row?.changes ?? 0;
}

export type DealState = { changes: number; isCycleExact: boolean };

export function dealState(db: Db): DealState | null {
  const row = db
    .prepare(
      `SELECT changes, is_cycle_exact AS isCycleExact
         FROM aggregate_state WHERE name = 'deals'`,
    )
    .get() as { changes: number; isCycleExact: number } | undefined;
  return row
    ? { changes: row.changes, isCycleExact: row.isCycleExact === 1 }
    : null;
}

/**
 * Rebuilds the summed deal tables from the opportunities. The import path
 * calls it after a batch that wrote opportunities or users (owner links
 * resolve then); inside an open transaction it joins that transaction.
 */
export function rebuildDealAggregates(db: Db): { rows: number } {
  const built = sumDeals(db);
  let rows = 0;
  db.transaction(() => {
    db.exec(`DELETE FROM deal_close_days; DELETE FROM deal_cycle_months;
      DELETE FROM deal_open_steps;`);
    rows = writeSums(db, built);
    db.prepare(
      `INSERT INTO aggregate_state (name, changes, is_cycle_exact, built_at)
       VALUES ('deals', ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET changes = excluded.changes,
         is_cycle_exact = excluded.is_cycle_exact,
         built_at = excluded.built_at`,
    ).run(
      opportunityChanges(db),
      built.isCycleExact ? 1 : 0,
      new Date().toISOString(),
    );
  })();
  log.info('rebuildDealAggregates: rebuilt', { rows });
  return { rows };
}

/** Rebuilds when the opportunities changed since the last build. */
export function ensureDealAggregates(db: Db): { isRebuilt: boolean } {
  const state = dealState(db);
  if (state && state.changes === opportunityChanges(db)) {
    return { isRebuilt: false };
  }
  rebuildDealAggregates(db);
  return { isRebuilt: true };
}
