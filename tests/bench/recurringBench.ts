// Prints how long the recurring-revenue engine takes on a generated book of
// 200,000 subscriptions over three years: the rebuild of the stored
// month-end changes, and a dashboard's worth of reads (17 metrics for a
// month, a quarter and a year, the 36-month series, the waterfall and the
// cohort grid). Run: npx tsx tests/bench/recurringBench.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadRateBook } from '../../electron/engine/kpi/fx.js';
import { DEFAULT_METRIC_OPTIONS } from '../../electron/engine/kpi/metricTypes.js';
import {
  cohortRetention,
  computeRecurring,
  mrrMovementSeries,
  rebuildMrrMonthEnds,
  recurringMonthlySeries,
} from '../../electron/engine/kpi/recurring/index.js';
import { openDatabase } from '../../electron/engine/store/database.js';
import { readSettings } from '../../electron/engine/store/settings.js';
import { RECURRING_METRIC_IDS } from '../../shared/catalogue/recurring.js';
import { resolvePeriod } from '../../shared/period.js';

const SUBSCRIPTIONS = 200_000;
const ACCOUNTS = 50_000;
const dir = mkdtempSync(join(tmpdir(), 'revops-bench-'));
const db = openDatabase(join(dir, 'bench.revops'), { create: true });
// A small seeded generator (mulberry32), so every run sees the same book.
let seed = 42;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const day = (offset: number) =>
  new Date(Date.UTC(2022, 0, 1) + offset * 86_400_000)
    .toISOString()
    .slice(0, 10);

db.transaction(() => {
  const account = db.prepare(
    'INSERT INTO accounts (id, name, name_key, industry) VALUES (?, ?, ?, ?)',
  );
  for (let id = 1; id <= ACCOUNTS; id += 1) {
    account.run(id, `A${id}`, `a${id}`, id % 3 === 0 ? 'Retail' : 'Tech');
  }
  const subscription = db.prepare(
    `INSERT INTO subscriptions (account_id, currency, mrr_minor, start_on,
       end_on, is_trial) VALUES (?, 'USD', ?, ?, ?, ?)`,
  );
  for (let n = 0; n < SUBSCRIPTIONS; n += 1) {
    const start = Math.floor(random() * 1000);
    const end =
      random() < 0.4 ? day(start + 30 + Math.floor(random() * 700)) : null;
    subscription.run(
      1 + Math.floor(random() * ACCOUNTS),
      1000 + Math.floor(random() * 50_000),
      day(start),
      end,
      random() < 0.05 ? 1 : 0,
    );
  }
})();

const time = (label: string, run: () => unknown) => {
  const started = performance.now();
  run();
  const ms = performance.now() - started;
  process.stdout.write(`${label}: ${ms.toFixed(1)} ms\n`);
};

const context = {
  db,
  settings: readSettings(db),
  rates: loadRateBook(db, 'USD'),
  filters: [],
  options: DEFAULT_METRIC_OPTIONS,
};
time('rebuild of the month-end changes', () => rebuildMrrMonthEnds(db));
process.stdout.write(
  `stored changes: ${JSON.stringify(db.prepare('SELECT count(*) AS n FROM mrr_changes').get())}\n`,
);
time('renewal rate for a year', () =>
  computeRecurring(context, ['renewal_rate'], resolvePeriod('2024')),
);
time('MRR metrics for a year', () =>
  computeRecurring(context, ['mrr', 'nrr', 'clv'], resolvePeriod('2024')),
);
time('dashboard (metrics x3 periods, series, waterfall, cohorts)', () => {
  for (const period of ['2024-06', '2024-Q2', '2024']) {
    computeRecurring(context, RECURRING_METRIC_IDS, resolvePeriod(period));
  }
  recurringMonthlySeries(context, RECURRING_METRIC_IDS, {
    from: '2022-01',
    to: '2024-12',
  });
  mrrMovementSeries(context, { from: '2022-01', to: '2024-12' });
  cohortRetention(context, { from: '2022-01', to: '2024-12' });
});
time('industry filter, 17 metrics for a quarter', () =>
  computeRecurring(
    { ...context, filters: [{ field: 'industry', value: 'Retail' }] },
    RECURRING_METRIC_IDS,
    resolvePeriod('2024-Q2'),
  ),
);
time('plan filter (rebuilt in memory), 17 metrics for a quarter', () =>
  computeRecurring(
    { ...context, filters: [{ field: 'plan', value: 'Pro' }] },
    RECURRING_METRIC_IDS,
    resolvePeriod('2024-Q2'),
  ),
);
db.close();
rmSync(dir, { recursive: true, force: true });
