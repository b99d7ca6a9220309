// Cash and customer metrics on the public datasets, against values worked
// out here straight from the raw CSV files with plain parsing and loops
// (none of the engine's readers, dates or SQL).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../../electron/engine/import/runImport.js';
import { listPresets } from '../../electron/engine/import/presets/index.js';
import {
  cashMetrics,
  receivablesAging,
} from '../../electron/engine/kpi/cash/cashMetrics.js';
import { customerMetrics } from '../../electron/engine/kpi/customers/customerMetrics.js';
import { hasTable } from '../../electron/engine/kpi/common/tables.js';
import type { Db } from '../../electron/engine/store/database.js';
import { resolvePeriod, type PeriodRange } from '../../shared/period.js';
import { byId, metricContext } from '../unit/kpi/metricFixture.js';
import {
  realDataDir,
  tempWorkspace,
  type TempDir,
} from '../support/workspace.js';

const RECEIVABLES =
  'ibm-accounts-receivable/WA_Fn-UseC_-Accounts-Receivable.csv';
const TICKETS = 'ravenstack-saas/ravenstack_support_tickets.csv';
const TELCO = 'ibm-telco-customer-churn/Telco-Customer-Churn.csv';

const hasData = existsSync(join(realDataDir, 'SOURCES.md'));
if (!hasData) {
  console.warn(`skipping real-data KPI checks: ${realDataDir} is absent`);
}

const quiet = { isCancelled: () => false, onProgress: () => undefined };
let temps: TempDir[] = [];
afterEach(() => {
  temps.forEach((temp) => temp.remove());
  temps = [];
});

async function workspaceWith(relative: string, preset: string | null = null) {
  const created = tempWorkspace();
  temps.push(created.temp);
  const path = join(realDataDir, relative);
  const result = await importFile(
    created.db,
    { path, name: relative, preset },
    quiet,
  );
  expect(result.status).toBe('committed');
  return created.db;
}

/** Rows of a CSV without quoted fields, as header-keyed records. */
function readCsv(relative: string): Record<string, string>[] {
  const lines = readFileSync(join(realDataDir, relative), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line !== '');
  const header = (lines[0] ?? '').split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
  });
}

/** Days since 1970 of `M/D/YYYY`. */
function usDay(text: string): number {
  const [month, day, year] = text.split('/').map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1) / 86_400_000;
}

/** Days since 1970 of `YYYY-MM-DD`. */
function isoDay(text: string): number {
  const [year, month, day] = text.split('-').map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1) / 86_400_000;
}

function cents(text: string): number {
  const [whole = '0', fraction = ''] = text.trim().split('.');
  return Number(whole) * 100 + Number((fraction + '00').slice(0, 2));
}

describe.skipIf(!hasData)('DSO and aging on the IBM receivables', () => {
  const invoices = hasData
    ? readCsv(RECEIVABLES).map((row) => ({
        issued: usDay(row['InvoiceDate'] ?? ''),
        due: usDay(row['DueDate'] ?? ''),
        settled: usDay(row['SettledDate'] ?? ''),
        cents: cents(row['InvoiceAmount'] ?? ''),
      }))
    : [];

  function expected(period: PeriodRange) {
    const start = isoDay(period.start);
    const end = isoDay(period.end);
    let receivable = 0;
    let sales = 0;
    const buckets = [0, 0, 0, 0, 0];
    for (const invoice of invoices) {
      if (invoice.issued >= start && invoice.issued <= end) {
        sales += invoice.cents;
      }
      if (invoice.issued > end || invoice.settled <= end) continue;
      receivable += invoice.cents;
      const late = end - invoice.due;
      const index =
        late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4;
      buckets[index] = (buckets[index] ?? 0) + invoice.cents;
    }
    const days = end - start + 1;
    return {
      receivable: receivable / 100,
      dso: sales === 0 ? null : (receivable / sales) * days,
      buckets: buckets.map((value) => value / 100),
    };
  }

  it('matches a recount for every month of 2013 and the whole year', async () => {
    const db = await workspaceWith(RECEIVABLES);
    const context = metricContext(db);
    const periods = [
      ...Array.from({ length: 12 }, (_, i) =>
        resolvePeriod(`2013-${String(i + 1).padStart(2, '0')}`),
      ),
      resolvePeriod('2013'),
      resolvePeriod('2012-Q4'),
    ];
    for (const period of periods) {
      const want = expected(period);
      const got = byId(
        cashMetrics.compute(context, ['receivables', 'dso'], period),
      );
      expect(got.receivables?.value).toBeCloseTo(want.receivable, 6);
      if (want.dso === null) expect(got.dso?.value).toBeNull();
      else expect(got.dso?.value).toBeCloseTo(want.dso, 6);
      const aging = receivablesAging(context, period);
      aging.buckets.forEach((row, index) => {
        expect(row.amount).toBeCloseTo(want.buckets[index] ?? NaN, 6);
      });
    }
    // The recount is not trivially zero: June 2013 has money owed in more
    // than one bucket.
    const june = expected(resolvePeriod('2013-06'));
    expect(june.receivable).toBeGreaterThan(0);
    expect(june.buckets.filter((value) => value > 0).length).toBeGreaterThan(1);
  });
});

describe.skipIf(!hasData)('CSAT on the RavenStack support tickets', () => {
  const tickets = hasData
    ? readCsv(TICKETS).map((row) => ({
        day: (row['closed_at'] || row['submitted_at'] || '').slice(0, 10),
        score:
          row['satisfaction_score'] === ''
            ? null
            : Number(row['satisfaction_score']),
      }))
    : [];

  it('matches a recount per month and per year', async () => {
    const db = await workspaceWith(TICKETS);
    const context = metricContext(db);
    const labels = [
      '2023',
      '2024',
      ...['2023-07', '2024-01', '2024-06', '2024-12', '2025-01'],
    ];
    for (const label of labels) {
      const period = resolvePeriod(label);
      let answered = 0;
      let satisfied = 0;
      let sum = 0;
      for (const ticket of tickets) {
        if (ticket.score === null) continue;
        if (ticket.day < period.start || ticket.day > period.end) continue;
        answered += 1;
        sum += ticket.score;
        if (ticket.score >= 4) satisfied += 1;
      }
      const got = byId(
        customerMetrics.compute(context, ['csat', 'csat_mean'], period),
      );
      expect(got.csat?.inputs['answered']).toBe(answered);
      if (answered === 0) {
        expect(got.csat?.value).toBeNull();
        continue;
      }
      expect(got.csat?.value).toBeCloseTo(satisfied / answered, 12);
      expect(got.csat_mean?.value).toBeCloseTo(sum / answered, 12);
    }
  });
});

const telcoReason = (db: Db): string | null => {
  if (!listPresets().some((preset) => preset.id === 'customer-churn')) {
    return 'the customer-churn import layout is not registered yet';
  }
  if (!hasTable(db, 'customer_snapshots')) {
    return 'the customer_snapshots table is not in the schema yet';
  }
  return null;
};

describe.skipIf(!hasData)('churn and ARPU on the IBM telco table', () => {
  it('matches a recount of the raw file', async (test) => {
    const probe = tempWorkspace();
    temps.push(probe.temp);
    const reason = telcoReason(probe.db);
    probe.db.close();
    if (reason !== null) {
      console.warn(`skipping telco churn and ARPU: ${reason}`);
      test.skip();
      return;
    }
    const rows = readCsv(TELCO);
    let churned = 0;
    let charges = 0;
    for (const row of rows) {
      if (row['Churn'] === 'Yes') churned += 1;
      charges += cents(row['MonthlyCharges'] ?? '');
    }
    const db = await workspaceWith(TELCO, 'customer-churn');
    const got = byId(
      customerMetrics.compute(
        metricContext(db),
        ['snapshot_churn_rate', 'snapshot_arpu'],
        resolvePeriod('2024'),
      ),
    );
    expect(rows.length).toBe(7043);
    expect(churned).toBe(1869);
    expect(got.snapshot_churn_rate?.value).toBeCloseTo(
      churned / rows.length,
      12,
    );
    expect(got.snapshot_arpu?.value).toBeCloseTo(
      charges / 100 / rows.length,
      9,
    );
  });
});
