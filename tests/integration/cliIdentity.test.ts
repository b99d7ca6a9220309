// The command line's mapping, change-report, merge, delete and metric
// commands, run as a script would run them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, revops } from '../support/cli.js';
import { tempDir, type TempDir } from '../support/workspace.js';

let temp: TempDir;

beforeAll(() => {
  temp = tempDir();
  ensureBuilt();
}, 300_000);
afterAll(() => temp?.remove());

function file(name: string, lines: string[]): string {
  const path = join(temp.dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
}

describe('revops mapping, history and identity commands', () => {
  it('maps a file by hand, reuses the mapping, and reports the changes', () => {
    const ws = join(temp.dir, 'map.revops');
    expect(revops(['init', ws], temp.dir).code).toBe(0);
    const header = 'Opp;Title;Worth;Cur;Phase';
    const first = file('week1.csv', [
      header,
      'O1;Kestrel;1.000,00;EUR;Proposal',
    ]);
    const mapping = file('mapping.json', [
      JSON.stringify({
        entity: 'opportunities',
        source: 'sheet',
        columns: {
          Opp: 'id',
          Title: 'name',
          Worth: 'amount',
          Cur: 'currency',
          Phase: 'stage',
        },
      }),
    ]);
    const refused = revops(['import', ws, first], temp.dir);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('--mapping');

    const mapped = revops(
      [
        'import',
        ws,
        first,
        '--mapping',
        mapping,
        '--save-mapping',
        'Sheet',
        '--json',
      ],
      temp.dir,
    );
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(JSON.parse(mapped.stdout).files[0]).toMatchObject({
      status: 'committed',
      mappingName: 'Sheet',
      rowsNew: 1,
      mapping: { id: 'Opp', amount: 'Worth' },
    });
    const second = file('week2.csv', [
      header,
      'O1;Kestrel;1.250,00;EUR;Negotiation',
    ]);
    const again = revops(['import', ws, second, '--json'], temp.dir);
    const result = JSON.parse(again.stdout).files[0];
    expect(result).toMatchObject({ mappingName: 'Sheet', rowsChanged: 1 });

    const changes = revops(
      ['changes', ws, '--batch', String(result.batchId), '--json'],
      temp.dir,
    );
    expect(
      JSON.parse(changes.stdout).changes.map(
        (change: { field: string; from: unknown; to: unknown }) => [
          change.field,
          change.from,
          change.to,
        ],
      ),
    ).toEqual([
      ['amount', 1000, 1250],
      ['stage', 'Proposal', 'Negotiation'],
    ]);
    expect(revops(['mappings', ws], temp.dir).stdout).toContain(
      'Sheet (opportunities, source sheet): Opp -> id',
    );
    const badMapping = file('bad.json', ['{"entity":"planets","columns":{}}']);
    const bad = revops(
      ['import', ws, first, '--mapping', badMapping],
      temp.dir,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--mapping');
  });

  it('merges, undoes, deletes and asks before restoring', () => {
    const ws = join(temp.dir, 'merge.revops');
    expect(revops(['init', ws], temp.dir).code).toBe(0);
    const accounts = file('accounts.csv', [
      'account_id,account_name,industry,country,signup_date,referral_source,plan_tier,seats,is_trial',
      'A1,"Acme, Inc.",Retail,US,2024-01-01,ads,Pro,5,False',
      'A2,ACME Inc,Retail,US,2024-02-01,ads,Pro,5,False',
    ]);
    expect(revops(['import', ws, accounts], temp.dir).code).toBe(0);
    const duplicates = JSON.parse(
      revops(['duplicates', ws, '--json'], temp.dir).stdout,
    ).suggestions;
    expect(duplicates).toEqual([
      expect.objectContaining({ entity: 'accounts', ids: [1, 2] }),
    ]);
    const merged = revops(['merge', ws, 'accounts', '1', '2'], temp.dir);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toContain('merge 1: accounts #2 ACME Inc into #1');
    expect(revops(['duplicates', ws], temp.dir).stdout).toContain(
      'No likely duplicates',
    );
    expect(revops(['unmerge', ws, '1'], temp.dir).stdout).toContain('undone');

    expect(revops(['delete', ws, 'accounts', '2'], temp.dir).code).toBe(0);
    const asked = revops(['import', ws, accounts], temp.dir);
    expect(asked.code).toBe(1);
    expect(asked.stdout).toContain('skip them or restore them');
    const restored = revops(
      ['import', ws, accounts, '--deleted', 'restore'],
      temp.dir,
    );
    expect(restored.stdout).toContain('new 1');
  });

  it('explains a metric, and answers any metric with --where and --currency', () => {
    const explained = revops(['kpi', '--explain', 'nrr'], temp.dir);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain('Net revenue retention');
    expect(explained.stdout).toContain('starting MRR');
    const ws = join(temp.dir, 'kpi.revops');
    revops(['init', ws], temp.dir);
    const subscriptions = file('subs.csv', [
      'subscription_id,account_id,start_date,end_date,plan_tier,seats,mrr_amount,arr_amount,is_trial,upgrade_flag,downgrade_flag,churn_flag,billing_frequency,auto_renew_flag',
      'S1,A1,2024-01-01,,Pro,5,100,1200,False,False,False,False,monthly,True',
      'S2,A2,2024-01-15,,Basic,5,40,480,False,False,False,False,monthly,True',
      'S3,A3,2024-01-20,,Pro,5,70,840,True,False,False,False,monthly,True',
    ]);
    expect(revops(['import', ws, subscriptions], temp.dir).code).toBe(0);
    const kpi = revops(
      [
        'kpi',
        ws,
        '--period',
        '2024-01',
        '--metric',
        'mrr',
        '--metric',
        'customers',
        '--where',
        'plan=Pro',
        '--json',
      ],
      temp.dir,
    );
    expect(kpi.code, kpi.stderr).toBe(0);
    const body = JSON.parse(kpi.stdout);
    // Pro and paying at 2024-01-31: S1 only (S3 is a trial).
    expect(
      body.metrics.map((m: { id: string; value: number }) => [m.id, m.value]),
    ).toEqual([
      ['mrr', 100],
      ['customers', 1],
    ]);
    expect(body.currency).toBe('USD');
    const noRate = revops(
      [
        'kpi',
        ws,
        '--period',
        '2024-01',
        '--metric',
        'mrr',
        '--currency',
        'EUR',
      ],
      temp.dir,
    );
    expect(noRate.stdout).toMatch(/mrr\s+-.*USD/);
  });
});
