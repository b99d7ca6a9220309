// The built `revops` command, run as a user's script would run it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, revops } from '../support/cli.js';
import { realDataDir, tempDir, type TempDir } from '../support/workspace.js';

const MAVEN = join(realDataDir, 'maven-crm-sales-opportunities');
const hasData = existsSync(join(MAVEN, 'sales_pipeline.csv'));

let temp: TempDir;

beforeAll(() => {
  temp = tempDir();
  ensureBuilt();
}, 300_000);
afterAll(() => temp?.remove());

describe('revops command line', () => {
  it('creates a workspace, and refuses a bad one with a message and an exit code', () => {
    const path = join(temp.dir, 'cli.revops');
    const created = revops(['init', path], temp.dir);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created workspace cli');
    const again = revops(['init', join(temp.dir, 'wrong.txt')], temp.dir);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/ends in \.revops/);
    const missing = revops(['kpi', join(temp.dir, 'missing.revops')], temp.dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No workspace at/);
    expect(missing.stdout).toBe('');
    const badPeriod = revops(
      ['kpi', path, '--period', '2017-13', '--json'],
      temp.dir,
    );
    expect(badPeriod.code).toBe(1);
    expect(badPeriod.stderr).toMatch(/period/);
    const unknown = revops(['frobnicate'], temp.dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command frobnicate/);
  });

  it.skipIf(!hasData)('imports the Maven files and answers kpi --json', () => {
    const path = join(temp.dir, 'maven.revops');
    expect(revops(['init', path], temp.dir).code).toBe(0);
    const files = [
      'sales_pipeline.csv',
      'accounts.csv',
      'products.csv',
      'sales_teams.csv',
    ].map((f) => join(MAVEN, f));
    const imported = revops(['import', path, ...files, '--json'], temp.dir);
    expect(imported.code, imported.stderr).toBe(0);
    const report = JSON.parse(imported.stdout) as {
      files: { preset: string; rowsNew: number }[];
    };
    expect(report.files.map((f) => [f.preset, f.rowsNew])).toEqual([
      ['maven-pipeline', 8800],
      ['maven-accounts', 85],
      ['maven-products', 7],
      ['maven-teams', 35],
    ]);
    const kpi = revops(
      ['kpi', path, '--metric', 'win_rate', '--metric', 'bookings', '--json'],
      temp.dir,
    );
    expect(kpi.code, kpi.stderr).toBe(0);
    expect(JSON.parse(kpi.stdout)).toEqual({
      metrics: [
        {
          id: 'win_rate',
          value: 4238 / (4238 + 2473),
          unit: 'ratio',
          currency: null,
          period: null,
          group: null,
        },
        {
          id: 'bookings',
          value: 10005534,
          unit: 'currency',
          currency: 'USD',
          period: null,
          group: null,
        },
      ],
    });
    const byRegion = revops(
      [
        'kpi',
        path,
        '--metric',
        'deals_won',
        '--period',
        '2017',
        '--by',
        'region',
        '--json',
      ],
      temp.dir,
    );
    const groups = (
      JSON.parse(byRegion.stdout) as {
        metrics: { group: string; period: string }[];
      }
    ).metrics;
    expect(groups.map((m) => m.group)).toEqual(['Central', 'East', 'West']);
    expect(groups.every((m) => m.period === '2017')).toBe(true);
    const text = revops(['kpi', path, '--metric', 'win_rate'], temp.dir);
    expect(text.stdout).toMatch(/win_rate\s+63\.2%/);
    // A segment filter with a sales-only split: the regions add up to the
    // filtered total that the metric route gives.
    const wonIn = (extra: string[]) =>
      (
        JSON.parse(
          revops(
            [
              'kpi',
              path,
              '--metric',
              'deals_won',
              '--period',
              '2017',
              '--where',
              'industry=retail',
              ...extra,
              '--json',
            ],
            temp.dir,
          ).stdout,
        ) as { metrics: { value: number | null }[] }
      ).metrics.map((metric) => metric.value ?? 0);
    const retailByRegion = wonIn(['--by', 'region']);
    expect(retailByRegion.length).toBe(3);
    const [retailTotal] = wonIn([]);
    expect(retailTotal).toBeGreaterThan(0);
    expect(retailTotal).toBeLessThan(4238);
    expect(retailByRegion.reduce((sum, won) => sum + won, 0)).toBe(retailTotal);
    const badCurrency = revops(
      ['kpi', path, '--metric', 'bookings', '--currency', 'XYZ'],
      temp.dir,
    );
    expect(badCurrency.code).toBe(2);
    expect(badCurrency.stderr).toMatch(/ISO 4217 code such as EUR, not XYZ/);
    const nowhere = revops(
      ['kpi', path, '--metric', 'deals_won', '--where', 'industry=Nope'],
      temp.dir,
    );
    expect(nowhere.code).toBe(0);
    expect(nowhere.stderr).toMatch(/no record has industry = Nope/);
  });

  it.skipIf(!hasData)('dry-runs, exports, lists batches and rolls back', () => {
    const path = join(temp.dir, 'history.revops');
    expect(revops(['init', path], temp.dir).code).toBe(0);
    const pipeline = join(MAVEN, 'sales_pipeline.csv');
    const dry = revops(
      ['import', path, pipeline, '--dry-run', '--json'],
      temp.dir,
    );
    expect(dry.code, dry.stderr).toBe(0);
    const preview = (
      JSON.parse(dry.stdout) as { files: Record<string, unknown>[] }
    ).files[0];
    expect(preview).toMatchObject({
      status: 'dry_run',
      batchId: null,
      rowsNew: 8800,
      encoding: 'utf-8',
      delimiter: ',',
      decimalMark: '.',
      dateOrders: { engage_date: 'ymd', close_date: 'ymd' },
      entity: 'opportunities',
      mapping: { opportunity_id: 'opportunity_id', close_value: 'close_value' },
    });
    const empty = revops(['export', path, 'opportunities', '--csv'], temp.dir);
    expect(empty.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^source,external_id,batch_id,name,.*amount,currency/,
      ),
    ]);

    const products = join(MAVEN, 'products.csv');
    expect(revops(['import', path, products], temp.dir).code).toBe(0);
    const csv = revops(['export', path, 'products', '--csv'], temp.dir)
      .stdout.trim()
      .split('\n');
    expect(csv[0]).toContain('list_price');
    expect(csv).toContainEqual(
      expect.stringMatching(/^maven-crm,GTX Pro,.*GTX Pro,GTX,4821\.00,USD/),
    );
    const json = JSON.parse(
      revops(['export', path, 'products', '--json'], temp.dir).stdout,
    ) as Record<string, unknown>[];
    expect(json).toHaveLength(7);
    expect(json.find((p) => p['name'] === 'MG Special')).toMatchObject({
      list_price: '55.00',
      currency: 'USD',
    });

    const listed = JSON.parse(
      revops(['batches', path, '--json'], temp.dir).stdout,
    ) as { batches: { id: number; status: string }[] };
    expect(listed.batches.map((b) => [b.id, b.status])).toEqual([
      [1, 'committed'],
    ]);
    const undone = revops(['rollback', path, '1'], temp.dir);
    expect(undone.code, undone.stderr).toBe(0);
    expect(undone.stdout).toMatch(
      /Rolled back batch 1: 7 records removed, 0 restored/,
    );
    expect(
      revops(['export', path, 'products', '--json'], temp.dir).stdout.trim(),
    ).toBe('[]');
    const again = revops(['rollback', path, '1'], temp.dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/rolled back/);
    const badEntity = revops(['export', path, 'secrets'], temp.dir);
    expect(badEntity.code).toBe(1);
    expect(badEntity.stderr).toMatch(/Cannot export secrets/);
  });

  it('reads a decimal-comma file under --locale, and refuses a bad date order flag', () => {
    const path = join(temp.dir, 'locale.revops');
    expect(revops(['init', path], temp.dir).code).toBe(0);
    const file = temp.file(
      'eu.csv',
      'deal name;amount;stage\nA;1.250;Won\nB;300;Won\n',
    );
    const eu = revops(
      [
        'import',
        path,
        file,
        '--locale',
        'de-DE',
        '--currency',
        'EUR',
        '--json',
      ],
      temp.dir,
    );
    expect(eu.code, eu.stderr).toBe(0);
    expect(
      (JSON.parse(eu.stdout) as { files: { decimalMark: string }[] }).files[0]
        ?.decimalMark,
    ).toBe(',');
    const exported = JSON.parse(
      revops(['export', path, 'opportunities', '--json'], temp.dir).stdout,
    ) as Record<string, unknown>[];
    expect(exported.map((deal) => [deal['amount'], deal['currency']])).toEqual([
      ['1250.00', 'EUR'],
      ['300.00', 'EUR'],
    ]);
    const bad = revops(
      ['import', path, file, '--date-order', 'yolo'],
      temp.dir,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--date-order takes dmy, mdy or ymd/);
  });
});
