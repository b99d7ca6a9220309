// Monthly MRR and its five movements on the RavenStack SaaS set, imported
// through the engine, against a recomputation from the raw CSV here: own
// parsing, plain loops over month ends, no engine code.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../../electron/engine/import/runImport.js';
import { loadRateBook } from '../../electron/engine/kpi/fx.js';
import { DEFAULT_METRIC_OPTIONS } from '../../electron/engine/kpi/metricTypes.js';
import {
  mrrMovementSeries,
  recurringMonthlySeries,
} from '../../electron/engine/kpi/recurring/index.js';
import type { Db } from '../../electron/engine/store/database.js';
import { readSettings } from '../../electron/engine/store/settings.js';
import {
  realDataDir,
  tempWorkspace,
  type TempDir,
} from '../support/workspace.js';

const folder = join(realDataDir, 'ravenstack-saas');
const hasData = existsSync(join(folder, 'ravenstack_subscriptions.csv'));
if (!hasData)
  console.warn(`skipping RavenStack MRR checks: ${folder} is absent`);

const quiet = { isCancelled: () => false, onProgress: () => undefined };
let temps: TempDir[] = [];
afterEach(() => {
  temps.forEach((temp) => temp.remove());
  temps = [];
});

async function workspace(subscriptionsFile: string): Promise<Db> {
  const created = tempWorkspace();
  temps.push(created.temp);
  for (const relative of ['ravenstack_accounts.csv', subscriptionsFile]) {
    const path = join(folder, relative);
    await importFile(created.db, { path, name: relative, preset: null }, quiet);
  }
  return created.db;
}

// The file has no quoted fields (checked below), so a split is enough.
function readRows(name: string): Record<string, string>[] {
  const text = readFileSync(join(folder, name), 'utf8');
  const lines = text.split(/\r?\n/).filter((line) => line !== '');
  const header = (lines[0] ?? '').split(',');
  return lines.slice(1).map((line) => {
    expect(line).not.toContain('"');
    const cells = line.split(',');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

function lastDay(year: number, month: number): string {
  const days = [
    31,
    year % 4 === 0 ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  const mm = String(month).padStart(2, '0');
  return `${year}-${mm}-${days[month - 1]}`;
}

type Expected = {
  month: string;
  mrr: number;
  new: number;
  expansion: number;
  contraction: number;
  churn: number;
  reactivation: number;
};

/** MRR in cents per account at every month end, then the movements. */
function recompute(from: [number, number], to: [number, number]): Expected[] {
  const subscriptions = readRows('ravenstack_subscriptions.csv').filter(
    (row) => row['is_trial'] !== 'True',
  );
  const monthEnds: string[] = [];
  for (let [y, m] = from; y * 12 + m <= to[0] * 12 + to[1]; m += 1) {
    if (m === 13) [y, m] = [y + 1, 1];
    monthEnds.push(lastDay(y, m));
  }
  const before = (() => {
    const [y, m] = from[1] === 1 ? [from[0] - 1, 12] : [from[0], from[1] - 1];
    return lastDay(y, m);
  })();
  const ends = [before, ...monthEnds];
  const byAccount = ends.map((day) => {
    const sums = new Map<string, number>();
    for (const row of subscriptions) {
      const start = row['start_date'] ?? '';
      const end = row['end_date'] ?? '';
      if (start <= day && (end === '' || end > day)) {
        const account = row['account_id'] ?? '';
        const cents = Math.round(Number(row['mrr_amount']) * 100);
        sums.set(account, (sums.get(account) ?? 0) + cents);
      }
    }
    return sums;
  });
  const everPaid = new Set<string>();
  // Every paying month end up to `before` counts as "paid earlier".
  for (const row of subscriptions) {
    const start = row['start_date'] ?? '';
    if (start > before || Number(row['mrr_amount']) <= 0) continue;
    // A paying month end on or before `before` while active.
    for (
      let [y, m] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
      ;
      m += 1
    ) {
      if (m === 13) [y, m] = [y + 1, 1];
      const day = lastDay(y, m);
      if (day > before) break;
      const end = row['end_date'] ?? '';
      if (end === '' || end > day) everPaid.add(row['account_id'] ?? '');
    }
  }
  const out: Expected[] = [];
  for (let i = 1; i < ends.length; i += 1) {
    const previous = byAccount[i - 1] ?? new Map<string, number>();
    const current = byAccount[i] ?? new Map<string, number>();
    const e: Expected = {
      month: (ends[i] ?? '').slice(0, 7),
      mrr: 0,
      new: 0,
      expansion: 0,
      contraction: 0,
      churn: 0,
      reactivation: 0,
    };
    for (const value of current.values()) e.mrr += value;
    const accounts = new Set([...previous.keys(), ...current.keys()]);
    for (const account of accounts) {
      const was = previous.get(account) ?? 0;
      const now = current.get(account) ?? 0;
      if (was === 0 && now > 0) {
        if (everPaid.has(account)) e.reactivation += now;
        else e.new += now;
      } else if (was > 0 && now === 0) e.churn += was;
      else if (now > was) e.expansion += now - was;
      else if (now < was) e.contraction += was - now;
    }
    for (const [account, value] of current)
      if (value > 0) everPaid.add(account);
    out.push(e);
  }
  return out;
}

function engineMonths(db: Db, from: string, to: string) {
  const context = {
    db,
    settings: readSettings(db),
    rates: loadRateBook(db, 'USD'),
    filters: [],
    options: DEFAULT_METRIC_OPTIONS,
  };
  const cents = (value: number | null) =>
    value === null ? null : Math.round(value * 100);
  return mrrMovementSeries(context, { from, to }).steps.map((step) => ({
    month: step.month,
    mrr: cents(step.endMrr),
    new: cents(step.new),
    expansion: cents(step.expansion),
    contraction: cents(step.contraction),
    churn: cents(step.churn),
    reactivation: cents(step.reactivation),
  }));
}

describe.skipIf(!hasData)('RavenStack MRR', () => {
  it('matches a recomputation from the CSV for every month', async () => {
    const db = await workspace('ravenstack_subscriptions.csv');
    const expected = recompute([2023, 1], [2025, 1]);
    const actual = engineMonths(db, '2023-01', '2025-01');
    expect(actual).toEqual(expected);
    // Not a trivial book: every movement kind happens.
    for (const kind of [
      'new',
      'expansion',
      'contraction',
      'churn',
      'reactivation',
    ] as const) {
      expect(expected.some((month) => month[kind] > 0)).toBe(true);
    }
  });

  it('gives the same monthly MRR from the copy re-saved with M/D/YYYY dates', async () => {
    const original = await workspace('ravenstack_subscriptions.csv');
    const resaved = await workspace(
      'variants/excel-resaved-mdy/ravenstack_subscriptions.csv',
    );
    const mrr = (db: Db) =>
      recurringMonthlySeries(
        {
          db,
          settings: readSettings(db),
          rates: loadRateBook(db, 'USD'),
          filters: [],
          options: DEFAULT_METRIC_OPTIONS,
        },
        ['mrr'],
        { from: '2023-01', to: '2025-01' },
      ).series['mrr']?.map((result) => result.value);
    const values = mrr(original);
    expect(values?.some((value) => (value ?? 0) > 0)).toBe(true);
    expect(mrr(resaved)).toEqual(values);
  });
});
