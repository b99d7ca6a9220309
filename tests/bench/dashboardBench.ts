// Prints how long the engine takes to answer a whole 36-month dashboard on
// a workspace of a million deals and 200,000 subscriptions, part by part:
// (a) every catalogue metric for the last month and the one before, (b)
// every metric month by month over 36 months, (c) the MRR waterfall and
// the cohort grid, (d) receivables aging, (e) the sales breakdown by
// quarter and by owner; then (b) again for one industry, whose segment
// sums are built on the first look. Each figure is the first (cold) run and the median
// of the warm runs after it, beside a reference query of the same process
// so the machine's load can be judged. Rebuilding the pre-aggregated
// tables belongs to the import and is timed on its own.
//
//   npx tsx tests/bench/dashboardBench.ts [workspace.revops] [--runs N]
//
// Without a path the demo workspace is generated (about two minutes) in a
// temporary folder and removed afterwards; with a path it is reused, or
// generated there when missing.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateDemoWorkspace } from '../../electron/engine/demo/generateDemo.js';
import { DEMO_TODAY } from '../../electron/engine/demo/calendar.js';
import { computeMetrics } from '../../electron/engine/kpi/metricEngine.js';
import {
  agingAtPeriodEnd,
  metricSeries,
  movementWaterfall,
  retentionCohorts,
} from '../../electron/engine/kpi/metricViews.js';
import { loadRateBook } from '../../electron/engine/kpi/fx.js';
import {
  ensureMrrMonthEnds,
  rebuildMrrMonthEnds,
} from '../../electron/engine/kpi/recurring/index.js';
import {
  ensureDealAggregates,
  rebuildDealAggregates,
} from '../../electron/engine/kpi/deals/index.js';
import {
  ensureSummedTables,
  rebuildSummedTables,
} from '../../electron/engine/kpi/summedTables.js';
import { computeSalesKpis } from '../../electron/engine/kpi/salesKpis.js';
import { openDatabase, type Db } from '../../electron/engine/store/database.js';
import { readSettings } from '../../electron/engine/store/settings.js';
import { METRIC_IDS } from '../../shared/catalogue/index.js';
import { SALES_METRIC_IDS } from '../../shared/metrics.js';

const SCALE = {
  accounts: 50_000,
  opportunities: 1_000_000,
  subscriptions: 200_000,
  tickets: 150_000,
};
const MONTHS = 36;

function parseArgs(argv: string[]): { path: string | null; runs: number } {
  let path: string | null = null;
  let runs = 7;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg === '--runs') {
      runs = Number(argv[index + 1]);
      index += 1;
    } else {
      path = resolve(arg);
    }
  }
  if (!Number.isSafeInteger(runs) || runs < 1) {
    throw new Error('dashboardBench: --runs takes a whole number above 0');
  }
  return { path, runs };
}

const print = (line: string) => process.stdout.write(`${line}\n`);

function timed<T>(run: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = run();
  return { ms: performance.now() - started, value };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** `YYYY-MM` labels `count` months back from `last`, oldest first. */
function monthsBack(last: string, count: number): string[] {
  const index = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, offset) => {
    const at = index - count + 1 + offset;
    const month = String((at % 12) + 1).padStart(2, '0');
    return `${Math.floor(at / 12)}-${month}`;
  });
}

function dashboardParts(db: Db) {
  const months = monthsBack(DEMO_TODAY.slice(0, 7), MONTHS);
  const from = months[0] ?? '';
  const to = months.at(-1) ?? '';
  const previous = months.at(-2) ?? '';
  const span = { from, to };
  const range = {
    label: `${from}..${to}`,
    start: `${from}-01`,
    end: DEMO_TODAY,
  };
  const settings = readSettings(db);
  return {
    'a. metrics, last and previous month': () => {
      computeMetrics(db, { metrics: METRIC_IDS, period: to });
      computeMetrics(db, { metrics: METRIC_IDS, period: previous });
    },
    'b. series of every metric, 36 months': () =>
      metricSeries(db, { metrics: METRIC_IDS, ...span }),
    'c. waterfall and cohorts, 36 months': () => {
      movementWaterfall(db, span);
      retentionCohorts(db, span);
    },
    'd. receivables aging': () => agingAtPeriodEnd(db, { period: to }),
    'e. sales by quarter and by owner': () => {
      const rates = loadRateBook(db, settings.baseCurrency);
      for (const by of ['quarter', 'owner'] as const) {
        computeSalesKpis(db, settings, {
          metrics: [...SALES_METRIC_IDS],
          period: range,
          by,
          rates,
        });
      }
    },
  };
}

function benchmark(db: Db, runs: number): void {
  const parts = dashboardParts(db);
  const names = Object.keys(parts) as (keyof typeof parts)[];
  const cold = new Map<string, number>();
  const warm = new Map<string, number[]>(names.map((name) => [name, []]));
  const totals: number[] = [];
  let coldTotal = 0;
  for (let run = 0; run <= runs; run += 1) {
    let total = 0;
    for (const name of names) {
      const { ms } = timed(parts[name]);
      total += ms;
      if (run === 0) cold.set(name, ms);
      else warm.get(name)?.push(ms);
    }
    if (run === 0) coldTotal = total;
    else totals.push(total);
  }
  const row = (name: string, first: number, middle: number) =>
    print(
      `${name.padEnd(42)} ${first.toFixed(1).padStart(9)} ` +
        `${middle.toFixed(1).padStart(9)}`,
    );
  print(
    `${'part'.padEnd(42)} ${'cold ms'.padStart(9)} ${'warm ms'.padStart(9)}`,
  );
  for (const name of names) {
    row(name, cold.get(name) ?? 0, median(warm.get(name) ?? []));
  }
  row('total', coldTotal, median(totals));
}

/** The same series for one industry: a segment's sums are built once. */
function filtered(db: Db): void {
  const industry = db
    .prepare('SELECT industry FROM accounts WHERE industry IS NOT NULL LIMIT 1')
    .pluck()
    .get() as string | undefined;
  if (industry === undefined) return;
  const months = monthsBack(DEMO_TODAY.slice(0, 7), MONTHS);
  const request = {
    metrics: METRIC_IDS,
    from: months[0] ?? '',
    to: months.at(-1) ?? '',
    where: [{ field: 'industry', value: industry }],
  };
  const first = timed(() => metricSeries(db, request)).ms;
  const again = timed(() => metricSeries(db, request)).ms;
  print(
    `b. for industry=${industry} alone: first ${first.toFixed(1)} ms, ` +
      `again ${again.toFixed(1)} ms`,
  );
}

function reference(db: Db, runs: number): number {
  const count = db.prepare('SELECT count(*) FROM opportunities').pluck();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1)
    times.push(timed(() => count.get()).ms);
  return median(times);
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const scratch =
    args.path === null ? mkdtempSync(join(tmpdir(), 'dash-')) : null;
  const path = args.path ?? join(scratch ?? '', 'dashboard.revops');
  try {
    if (!existsSync(path)) {
      print(`generating ${path} ...`);
      const { ms } = timed(() =>
        generateDemoWorkspace(path, { seed: 42, scale: SCALE }),
      );
      print(`generated in ${(ms / 1000).toFixed(1)} s`);
    }
    const db = openDatabase(path);
    try {
      const counts = db
        .prepare(
          `SELECT (SELECT count(*) FROM opportunities) AS opportunities,
                  (SELECT count(*) FROM subscriptions) AS subscriptions`,
        )
        .get();
      print(`workspace: ${path} ${JSON.stringify(counts)}`);
      print(
        `load average before: ${loadavg()
          .map((n) => n.toFixed(2))
          .join(' ')}`,
      );
      const check = timed(() => {
        ensureMrrMonthEnds(db);
        ensureDealAggregates(db);
        ensureSummedTables(db);
      });
      print(
        `pre-aggregation check (rebuilds if stale): ${check.ms.toFixed(1)} ms`,
      );
      print(
        `reference, SELECT count(*) FROM opportunities: ` +
          `${reference(db, 5).toFixed(1)} ms`,
      );
      benchmark(db, args.runs);
      filtered(db);
      print(`reference again: ${reference(db, 5).toFixed(1)} ms`);
      print(
        `load average after: ${loadavg()
          .map((n) => n.toFixed(2))
          .join(' ')}`,
      );
      const recurring = timed(() => rebuildMrrMonthEnds(db));
      print(
        `import-time rebuild of mrr_changes: ${recurring.ms.toFixed(0)} ms`,
      );
      const deals = timed(() => rebuildDealAggregates(db));
      print(
        `import-time rebuild of the deal aggregates: ${deals.ms.toFixed(0)} ms`,
      );
      const cash = timed(() => rebuildSummedTables(db));
      print(
        `import-time rebuild of the other summed tables (receivables, contracts, new customers, renewals, CSAT, paying accounts): ` +
          `${cash.ms.toFixed(0)} ms`,
      );
    } finally {
      db.close();
    }
  } finally {
    if (scratch !== null) rmSync(scratch, { recursive: true, force: true });
  }
}

main();
