// The engine answers metrics, views, KPIs and grid pages in a worker
// thread over its own connection: the same values as asking the store
// directly, errors with their code and message, the workspace that is open
// now, and a fresh worker after one dies.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/engine/dispatch.js';
import { Engine } from '../../../electron/engine/engine.js';
import { computeMetrics } from '../../../electron/engine/kpi/metricEngine.js';
import { QueryThread } from '../../../electron/engine/queries/queryThread.js';
import { openDatabase } from '../../../electron/engine/store/database.js';
import { seedRecurringFixture } from '../kpi/recurringFixture.js';
import { tempDir, type TempDir } from '../../support/workspace.js';

let temp: TempDir;
let engine: Engine;

beforeEach(() => {
  temp = tempDir();
  engine = new Engine({ userDataDir: join(temp.dir, 'data'), mode: 'cli' });
});

afterEach(async () => {
  await engine.close();
  temp.remove();
});

async function seededWorkspace(name: string): Promise<string> {
  const path = join(temp.dir, `${name}.revops`);
  await invoke(engine.handlers, 'workspace.create', { path, name });
  // The fixture goes in through a connection of its own, as an import's
  // worker would write it.
  const db = openDatabase(path);
  seedRecurringFixture(db);
  db.close();
  return path;
}

describe('the query worker', () => {
  it('answers as the store does, away from the main thread', async () => {
    const path = await seededWorkspace('first');
    const asked = await invoke(engine.handlers, 'metrics.compute', {
      metrics: ['mrr', 'customers', 'nrr'],
      period: '2024-03',
    });
    const db = openDatabase(path);
    const direct = computeMetrics(db, {
      metrics: ['mrr', 'customers', 'nrr'],
      period: '2024-03',
    });
    db.close();
    expect(asked).toEqual(JSON.parse(JSON.stringify(direct)));
    // S1 100 + S2 50 + S5 80 + S6 20 + S9 40 (USD) at the March end.
    expect(asked.metrics[0]?.value).toBe(290);
    const rows = await invoke(engine.handlers, 'grid.rows', {
      entity: 'subscriptions',
      offset: 0,
      limit: 50,
      metricDrill: { metric: 'mrr', period: '2024-03' },
    });
    expect(rows.rows.map((row) => row['id']).sort()).toEqual([
      'S1',
      'S2',
      'S5',
      'S6',
      'S9',
    ]);
  });

  it('passes errors back with their code and message', async () => {
    await seededWorkspace('second');
    await expect(
      invoke(engine.handlers, 'metrics.series', {
        metrics: ['mrr'],
        from: '2024-06',
        to: '2024-01',
      }),
    ).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/ends before it starts/),
    });
  });

  it('follows the workspace that is open', async () => {
    await seededWorkspace('with-data');
    const before = await invoke(engine.handlers, 'metrics.compute', {
      metrics: ['customers'],
      period: '2024-03',
    });
    expect(before.metrics[0]?.value).toBeGreaterThan(0);
    await invoke(engine.handlers, 'workspace.create', {
      path: join(temp.dir, 'empty.revops'),
      name: 'Empty',
    });
    const after = await invoke(engine.handlers, 'metrics.compute', {
      metrics: ['customers'],
      period: '2024-03',
    });
    expect(after.metrics[0]?.value).toBe(0);
  });

  it('starts a new worker after one dies', async () => {
    const path = await seededWorkspace('third');
    const thread = new QueryThread();
    try {
      const first = thread.ask(path, 'metrics.scopeChoices', {});
      await expect(first).resolves.toMatchObject({
        currencies: ['EUR', 'USD'],
      });
      // Ending the worker under a question answers it as cancelled...
      const asked = thread.ask(path, 'metrics.compute', {
        metrics: ['mrr'],
        period: '2024-03',
      });
      const dropped = expect(asked).rejects.toMatchObject({
        code: 'cancelled',
      });
      await thread.close();
      await dropped;
      // ...and the next question gets a worker of its own.
      const again = await thread.ask<{ metrics: { value: number }[] }>(
        path,
        'metrics.compute',
        { metrics: ['mrr'], period: '2024-03', where: [], options: {} },
      );
      expect(again.metrics[0]?.value).toBe(290);
    } finally {
      await thread.close();
    }
  });
});
