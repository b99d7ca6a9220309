import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../shared/contract.js';
import { ImportJobs } from '../../../electron/engine/jobs/importJobs.js';
import { openWorkspace } from '../../../electron/engine/workspace.js';
import {
  repoRoot,
  tempWorkspace,
  type TempDir,
} from '../../support/workspace.js';

const HEADER =
  'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value';

function bigPipeline(rows: number): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i += 1) {
    lines.push(
      `D${i},Agent ${i % 30},GTX Basic,Account ${i % 500},Won,2017-01-02,2017-02-01,${i % 9000}`,
    );
  }
  return lines.join('\r\n');
}

let temp: TempDir | undefined;
afterEach(() => temp?.remove());

describe('ImportJobs', () => {
  it('runs in a worker thread, reports progress and writes the batch', async () => {
    const workspace = tempWorkspace();
    temp = workspace.temp;
    const file = temp.file('pipeline.csv', bigPipeline(30_000));
    const events: JobProgress[] = [];
    const jobs = new ImportJobs({ onProgress: (p) => events.push(p) });
    const jobId = jobs.start({
      dbPath: workspace.path,
      files: [{ path: file }],
      preset: null,
    });
    const finished = await jobs.wait(jobId);
    expect(finished.state).toBe('done');
    expect(finished.results[0]).toMatchObject({
      status: 'committed',
      rowsNew: 30_000,
      file: 'pipeline.csv',
    });
    const running = events.filter(
      (e) => e.state === 'running' && e.rowsDone > 0,
    );
    expect(running.length).toBeGreaterThan(0);
    expect(running.every((e) => e.bytesTotal > 0 && e.rowsPerSecond >= 0)).toBe(
      true,
    );
    expect(
      workspace.db.prepare('SELECT count(*) AS n FROM opportunities').get(),
    ).toEqual({ n: 30_000 });
    workspace.db.close();
  });

  it('cancels mid-file and leaves nothing of it behind', async () => {
    const workspace = tempWorkspace();
    temp = workspace.temp;
    const file = temp.file('pipeline.csv', bigPipeline(150_000));
    const jobs = new ImportJobs({
      onProgress: (p) => {
        if (p.state === 'running' && p.rowsDone >= 10_000) jobs.cancel(p.jobId);
      },
    });
    const jobId = jobs.start({
      dbPath: workspace.path,
      files: [{ path: file }],
      preset: null,
    });
    const finished = await jobs.wait(jobId);
    expect(finished.state).toBe('cancelled');
    expect(finished.results[0]?.status).toBe('cancelled');
    expect(
      workspace.db.prepare('SELECT count(*) AS n FROM opportunities').get(),
    ).toEqual({ n: 0 });
    expect(
      workspace.db.prepare('SELECT status FROM import_batches').all(),
    ).toEqual([{ status: 'cancelled' }]);
    workspace.db.close();
  });

  it('survives the process being killed mid-import; the next open says so', async () => {
    const workspace = tempWorkspace();
    temp = workspace.temp;
    workspace.db.close();
    const file = temp.file('pipeline.csv', bigPipeline(200_000));
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(repoRoot, 'tests', 'support', 'killImport.ts'),
        workspace.path,
        file,
      ],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (/rows [1-9]/.test(chunk.toString())) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => resolve());
      child.on('error', reject);
    });
    await new Promise((resolve) => child.on('close', resolve));
    const reopened = openWorkspace(workspace.path);
    expect(reopened.interruptedBatches).toEqual([1]);
    expect(
      reopened.db.prepare('SELECT count(*) AS n FROM opportunities').get(),
    ).toEqual({ n: 0 });
    expect(
      reopened.db.prepare('SELECT status, message FROM import_batches').get(),
    ).toMatchObject({
      status: 'interrupted',
      message: expect.stringMatching(/stopped during this import/),
    });
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.db.close();
  });
});
