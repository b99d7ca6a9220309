// Imports the real Maven CRM export through the engine (worker thread and
// all) and checks the KPIs against values computed here, independently, from
// the raw CSV text.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiValue } from '../../shared/contract.js';
import { invoke } from '../../electron/engine/dispatch.js';
import { Engine } from '../../electron/engine/engine.js';
import { realDataDir, tempDir, type TempDir } from '../support/workspace.js';

const MAVEN = join(realDataDir, 'maven-crm-sales-opportunities');
const hasData = existsSync(join(MAVEN, 'sales_pipeline.csv'));
if (!hasData) console.warn(`skipping Maven KPI tests: ${MAVEN} is absent`);

type Deal = {
  agent: string;
  stage: string;
  engage: string;
  close: string;
  value: string;
};

// The Maven files hold no quoted fields, so a plain split reads them.
function rows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .slice(1)
    .map((line) => line.split(','));
}

function isoOf(date: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const [m, d, y] = date.split('/');
  return `${y}-${m?.padStart(2, '0')}-${d?.padStart(2, '0')}`;
}

function deals(file: string): Deal[] {
  return rows(file).map(
    ([, agent = '', , , stage = '', engage = '', close = '', value = '']) => ({
      agent,
      stage,
      engage: engage && isoOf(engage),
      close: close && isoOf(close),
      value,
    }),
  );
}

function expected(list: Deal[]) {
  const won = list.filter((d) => d.stage === 'Won');
  const lost = list.filter((d) => d.stage === 'Lost');
  const bookings = won.reduce((sum, d) => sum + Number(d.value), 0);
  const cycles = won
    .filter((d) => d.engage !== '')
    .map((d) => (Date.parse(d.close) - Date.parse(d.engage)) / 86_400_000)
    .sort((a, b) => a - b);
  const mid = Math.floor(cycles.length / 2);
  const median =
    cycles.length === 0
      ? null
      : cycles.length % 2
        ? (cycles[mid] ?? null)
        : ((cycles[mid - 1] ?? 0) + (cycles[mid] ?? 0)) / 2;
  return {
    deals_won: won.length,
    deals_lost: lost.length,
    win_rate:
      won.length + lost.length ? won.length / (won.length + lost.length) : null,
    bookings,
    avg_won_deal_size: won.length ? bookings / won.length : null,
    median_sales_cycle_days: median,
    mean_sales_cycle_days: cycles.length
      ? cycles.reduce((a, b) => a + b, 0) / cycles.length
      : null,
  };
}

function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

function pick(metrics: KpiValue[], group: string | null) {
  const wanted = [
    'deals_won',
    'deals_lost',
    'win_rate',
    'bookings',
    'avg_won_deal_size',
    'median_sales_cycle_days',
    'mean_sales_cycle_days',
  ];
  return Object.fromEntries(
    metrics
      .filter((m) => m.group === group && wanted.includes(m.id))
      .map((m) => [m.id, m.value]),
  );
}

function closeTo(
  actual: Record<string, unknown>,
  wanted: Record<string, number | null>,
) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(wanted).sort());
  for (const [id, value] of Object.entries(wanted)) {
    if (value === null) expect(actual[id], id).toBeNull();
    else expect(actual[id], id).toBeCloseTo(value, 9);
  }
}

async function importMaven(
  engine: Engine,
  workspace: string,
  pipeline: string,
) {
  const info = await invoke(engine.handlers, 'workspace.create', {
    path: workspace,
  });
  expect(info.counts['opportunities']).toBe(0);
  const progress: number[] = [];
  const stop = engine.on('job.progress', (p) => progress.push(p.rowsDone));
  const { jobId } = await invoke(engine.handlers, 'import.start', {
    files: [pipeline, 'accounts.csv', 'products.csv', 'sales_teams.csv'].map(
      (f) => ({
        path: f.startsWith('/') ? f : join(MAVEN, f),
      }),
    ),
  });
  const finished = await engine.waitForJob(jobId);
  stop();
  expect(finished.state).toBe('done');
  expect(progress.length).toBeGreaterThan(1);
  return finished;
}

describe.skipIf(!hasData)('Maven CRM export, imported and measured', () => {
  let temp: TempDir;
  let engine: Engine;
  const kpi = async (args: { period?: string; by?: 'region' | 'quarter' }) =>
    (await invoke(engine.handlers, 'kpi.compute', args)).metrics;

  beforeAll(async () => {
    temp = tempDir();
    engine = new Engine({ userDataDir: join(temp.dir, 'data'), mode: 'cli' });
    const finished = await importMaven(
      engine,
      join(temp.dir, 'maven.revops'),
      'sales_pipeline.csv',
    );
    expect(
      finished.results.map((r) => [
        r.file,
        r.status,
        r.rowsRead,
        r.rowsNew,
        r.rowsRejected,
      ]),
    ).toEqual([
      ['sales_pipeline.csv', 'committed', 8800, 8800, 0],
      ['accounts.csv', 'committed', 85, 85, 0],
      ['products.csv', 'committed', 7, 7, 0],
      ['sales_teams.csv', 'committed', 35, 35, 0],
    ]);
  });
  afterAll(async () => {
    await engine?.close();
    temp?.remove();
  });

  it('holds every deal and links GTXPro deals to the GTX Pro product', async () => {
    const info = await invoke(engine.handlers, 'workspace.current', {});
    expect(info?.counts).toMatchObject({
      opportunities: 8800,
      accounts: 85,
      products: 7,
      users: 35,
    });
    const grid = await invoke(engine.handlers, 'grid.rows', {
      entity: 'opportunities',
      offset: 0,
      limit: 5,
      filters: {
        product: { filterType: 'text', type: 'equals', filter: 'GTX Pro' },
      },
    });
    expect(grid.total).toBe(1480);
    const noAccount = await invoke(engine.handlers, 'grid.rows', {
      entity: 'opportunities',
      offset: 0,
      limit: 1,
      filters: { account: { filterType: 'text', type: 'blank' } },
    });
    expect(noAccount.total).toBe(1425);
  });

  it('matches win rate, bookings, deal size and cycle computed from the raw file', async () => {
    const all = deals(join(MAVEN, 'sales_pipeline.csv'));
    closeTo(pick(await kpi({}), null), expected(all));
    expect(expected(all)).toMatchObject({
      deals_won: 4238,
      deals_lost: 2473,
      bookings: 10005534,
    });
  });

  it('matches per close quarter and per period', async () => {
    const all = deals(join(MAVEN, 'sales_pipeline.csv'));
    const closedQuarters = [
      ...new Set(all.filter((d) => d.close).map((d) => quarterOf(d.close))),
    ].sort();
    expect(closedQuarters.length).toBeGreaterThan(2);
    const byQuarter = await kpi({ by: 'quarter' });
    for (const quarter of closedQuarters) {
      closeTo(
        pick(byQuarter, quarter),
        expected(all.filter((d) => d.close && quarterOf(d.close) === quarter)),
      );
      closeTo(
        pick(await kpi({ period: quarter }), null),
        expected(all.filter((d) => d.close && quarterOf(d.close) === quarter)),
      );
    }
  });

  it('matches per regional office through the sales teams file', async () => {
    const all = deals(join(MAVEN, 'sales_pipeline.csv'));
    const regionOf = new Map(
      rows(join(MAVEN, 'sales_teams.csv')).map(
        ([agent = '', , region = '']) => [agent, region],
      ),
    );
    const byRegion = await kpi({ by: 'region' });
    const regions = [...new Set(regionOf.values())];
    expect(regions.sort()).toEqual(['Central', 'East', 'West']);
    for (const region of regions) {
      closeTo(
        pick(byRegion, region),
        expected(all.filter((d) => regionOf.get(d.agent) === region)),
      );
    }
  });

  it('gives identical KPIs from the Excel-resaved copy with US dates', async () => {
    const variant = join(
      MAVEN,
      'variants',
      'excel-resaved-mdy',
      'sales_pipeline.csv',
    );
    const other = new Engine({
      userDataDir: join(temp.dir, 'data2'),
      mode: 'cli',
    });
    try {
      await importMaven(other, join(temp.dir, 'maven-us.revops'), variant);
      for (const args of [
        {},
        { by: 'quarter' as const },
        { by: 'region' as const },
        { period: '2017-Q2' },
      ]) {
        const theirs = (await invoke(other.handlers, 'kpi.compute', args))
          .metrics;
        expect(theirs).toEqual(await kpi(args));
      }
      // Re-importing the US copy into the ISO workspace changes no deal.
      const { jobId } = await invoke(engine.handlers, 'import.start', {
        files: [{ path: variant }],
      });
      const again = await engine.waitForJob(jobId);
      expect(again.results[0]).toMatchObject({
        rowsNew: 0,
        rowsChanged: 0,
        rowsUnchanged: 8800,
      });
    } finally {
      await other.close();
    }
  });
});
