// The built `revops` command, run as a user's script would run it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realDataDir, repoRoot, tempDir, type TempDir } from '../support/workspace.js';

const BIN = join(repoRoot, 'bin', 'revops.js');
const BUILT = join(repoRoot, 'dist', 'electron', 'cli', 'main.js');
const MAVEN = join(realDataDir, 'maven-crm-sales-opportunities');
const hasData = existsSync(join(MAVEN, 'sales_pipeline.csv'));

function revops(args: string[], dataDir: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, REVOPS_DATA_DIR: dataDir, REVOPS_LOG_LEVEL: 'warn' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let temp: TempDir;

beforeAll(() => {
  temp = tempDir();
  if (!existsSync(BUILT)) {
    const build = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { stdio: 'inherit' });
    expect(build.status).toBe(0);
  }
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
    const badPeriod = revops(['kpi', path, '--period', '2017-13', '--json'], temp.dir);
    expect(badPeriod.code).toBe(1);
    expect(badPeriod.stderr).toMatch(/period/);
    const unknown = revops(['frobnicate'], temp.dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command frobnicate/);
  });

  it.skipIf(!hasData)('imports the Maven files and answers kpi --json', () => {
    const path = join(temp.dir, 'maven.revops');
    expect(revops(['init', path], temp.dir).code).toBe(0);
    const files = ['sales_pipeline.csv', 'accounts.csv', 'products.csv', 'sales_teams.csv'].map((f) => join(MAVEN, f));
    const imported = revops(['import', path, ...files, '--json'], temp.dir);
    expect(imported.code, imported.stderr).toBe(0);
    const report = JSON.parse(imported.stdout) as { files: { preset: string; rowsNew: number }[] };
    expect(report.files.map((f) => [f.preset, f.rowsNew])).toEqual([
      ['maven-pipeline', 8800], ['maven-accounts', 85], ['maven-products', 7], ['maven-teams', 35],
    ]);
    const kpi = revops(['kpi', path, '--metric', 'win_rate', '--metric', 'bookings', '--json'], temp.dir);
    expect(kpi.code, kpi.stderr).toBe(0);
    expect(JSON.parse(kpi.stdout)).toEqual({
      metrics: [
        { id: 'win_rate', value: 4238 / (4238 + 2473), unit: 'ratio', currency: null, period: null, group: null },
        { id: 'bookings', value: 10005534, unit: 'currency', currency: 'USD', period: null, group: null },
      ],
    });
    const byRegion = revops(['kpi', path, '--metric', 'deals_won', '--period', '2017', '--by', 'region', '--json'], temp.dir);
    const groups = (JSON.parse(byRegion.stdout) as { metrics: { group: string; period: string }[] }).metrics;
    expect(groups.map((m) => m.group)).toEqual(['Central', 'East', 'West']);
    expect(groups.every((m) => m.period === '2017')).toBe(true);
    const text = revops(['kpi', path, '--metric', 'win_rate'], temp.dir);
    expect(text.stdout).toMatch(/win_rate\s+63\.2%/);
  });
});
