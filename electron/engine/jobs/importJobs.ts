// Runs import jobs in worker threads and turns their messages into
// `job.progress` events with rows per second and time left. The main thread
// only relays: it stays free to answer the page during a long import.
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ImportResult, JobProgress } from '../../../shared/contract.js';
import { WorkbenchError } from '../../../shared/envelope.js';
import type { ImportRequest } from '../import/runImport.js';
import type { WorkerMessage, WorkerRequest } from '../import/workerProtocol.js';
import { createLogger } from '../logger.js';

const log = createLogger('jobs');

const PROGRESS_INTERVAL_MS = 150;

export type ImportJobRequest = {
  dbPath: string;
  files: { path: string; name?: string }[];
  preset: string | null;
  options?: WorkerRequest['options'];
};

type Job = {
  id: string;
  worker: Worker;
  progress: JobProgress;
  sizes: number[];
  startedAt: number;
  lastEmit: number;
  /** Seconds spent writing files already finished. */
  writingSeconds: number;
  /** When the current file's writing pass began. */
  writeStartedAt: number | null;
  finished: Promise<JobProgress>;
};

// Checking a file reads it once without writing; writing takes about four
// times as long per byte. The weights share out the progress bar and the
// time left between the two passes.
const CHECK_WEIGHT = 0.2;
const WRITE_WEIGHT = 1 - CHECK_WEIGHT;

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export type ImportJobsHooks = {
  onProgress(progress: JobProgress): void;
};

/**
 * Starts the worker. Built code runs as is; from TypeScript sources (tests)
 * the worker first registers the tsx loader, since loaders registered in
 * the main thread do not reach worker threads.
 */
function spawnWorker(workerData: WorkerRequest): Worker {
  const isSource = import.meta.url.endsWith('.ts');
  const url = new URL(
    `../import/importWorker.${isSource ? 'ts' : 'js'}`,
    import.meta.url,
  );
  if (!isSource) return new Worker(url, { workerData });
  const boot = `import('tsx/esm/api').then((tsx) => {
    tsx.register();
    return import(${JSON.stringify(url.href)});
  });`;
  return new Worker(boot, { eval: true, workerData });
}

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly ended = new Map<string, JobProgress>();

  constructor(private readonly hooks: ImportJobsHooks) {}

  start(request: ImportJobRequest): string {
    const id = randomUUID();
    const files = request.files.map((file) => ({
      path: file.path,
      name: file.name ?? basename(file.path),
    }));
    const workerRequest: WorkerRequest = {
      dbPath: request.dbPath,
      files,
      preset: request.preset,
      options: request.options ?? {},
    };
    const worker = spawnWorker(workerRequest);
    const sizes = files.map((file) => sizeOf(file.path));
    const progress: JobProgress = {
      jobId: id,
      kind: 'import',
      state: 'running',
      phase: 'checking',
      file: files[0]?.name ?? '',
      fileIndex: 0,
      fileCount: files.length,
      rowsDone: 0,
      bytesDone: 0,
      bytesTotal: sizes.reduce((sum, size) => sum + size, 0),
      rowsPerSecond: 0,
      secondsLeft: null,
      message: null,
      results: [],
    };
    let settle: (value: JobProgress) => void = () => undefined;
    const finished = new Promise<JobProgress>((resolve) => {
      settle = resolve;
    });
    const job: Job = {
      id,
      worker,
      progress,
      sizes,
      startedAt: performance.now(),
      lastEmit: 0,
      writingSeconds: 0,
      writeStartedAt: null,
      finished,
    };
    this.jobs.set(id, job);
    const end = (state: JobProgress['state'], message: string | null) => {
      if (job.progress.state !== 'running') return;
      job.progress = { ...job.progress, state, message, secondsLeft: 0 };
      this.hooks.onProgress(job.progress);
      this.jobs.delete(id);
      // The worker has said all it will; its message port would keep it
      // (and a command-line process) alive otherwise.
      void worker.terminate();
      this.ended.set(id, job.progress);
      if (this.ended.size > 50) {
        const oldest = this.ended.keys().next().value;
        if (oldest !== undefined) this.ended.delete(oldest);
      }
      settle(job.progress);
    };
    worker.on('message', (message: WorkerMessage) =>
      this.handle(job, files, message, end),
    );
    worker.on('error', (error) => {
      log.error('start: worker error', { error });
      end(
        'failed',
        'The import stopped unexpectedly; nothing of the unfinished file was written.',
      );
    });
    worker.on('exit', () => end('failed', 'The import stopped unexpectedly.'));
    this.hooks.onProgress(progress);
    return id;
  }

  private handle(
    job: Job,
    files: { name: string }[],
    message: WorkerMessage,
    end: (state: JobProgress['state'], message: string | null) => void,
  ): void {
    switch (message.type) {
      case 'progress': {
        this.trackProgress(job, files, message);
        const now = performance.now();
        if (now - job.lastEmit >= PROGRESS_INTERVAL_MS) {
          job.lastEmit = now;
          this.hooks.onProgress(job.progress);
        }
        return;
      }
      case 'file-done': {
        const results: ImportResult[] = [
          ...job.progress.results,
          message.result,
        ];
        if (job.writeStartedAt !== null) {
          job.writingSeconds += (performance.now() - job.writeStartedAt) / 1000;
          job.writeStartedAt = null;
        }
        job.progress = { ...job.progress, results };
        this.hooks.onProgress(job.progress);
        return;
      }
      case 'done': {
        const results = job.progress.results;
        const isCancelled = results.some((r) => r.status === 'cancelled');
        const failed = results.filter((r) => r.status === 'failed');
        const state = isCancelled ? 'cancelled' : 'done';
        end(
          state,
          failed.length > 0 ? failed.map((r) => r.message).join('\n') : null,
        );
        return;
      }
      case 'failed':
        end('failed', message.error.message);
        return;
      default: {
        const unexpected: never = message;
        throw new WorkbenchError(
          'internal',
          `handle: unknown message ${String(unexpected)}`,
        );
      }
    }
  }

  private trackProgress(
    job: Job,
    files: { name: string }[],
    message: Extract<WorkerMessage, { type: 'progress' }>,
  ): void {
    const now = performance.now();
    const isWriting = message.phase === 'writing';
    if (isWriting && job.writeStartedAt === null) job.writeStartedAt = now;
    const share =
      message.bytesTotal > 0
        ? Math.min(1, message.bytesDone / message.bytesTotal)
        : 0;
    const fileDone = isWriting
      ? CHECK_WEIGHT + WRITE_WEIGHT * share
      : CHECK_WEIGHT * share;
    const sizeBefore = job.sizes
      .slice(0, message.fileIndex)
      .reduce((sum, size) => sum + size, 0);
    const total = job.progress.bytesTotal;
    const workDone =
      sizeBefore + fileDone * (job.sizes[message.fileIndex] ?? 0);
    const fraction = total > 0 ? workDone / total : 0;
    const elapsed = (now - job.startedAt) / 1000;
    const rowsBefore = job.progress.results.reduce(
      (sum, r) => sum + r.rowsRead,
      0,
    );
    const rowsDone = rowsBefore + (isWriting ? message.rowsDone : 0);
    const writing =
      job.writingSeconds +
      (job.writeStartedAt === null ? 0 : (now - job.writeStartedAt) / 1000);
    job.progress = {
      ...job.progress,
      phase: message.phase,
      file: files[message.fileIndex]?.name ?? '',
      fileIndex: message.fileIndex,
      rowsDone,
      bytesDone: Math.round(workDone),
      rowsPerSecond:
        writing > 0.05
          ? Math.round(rowsDone / writing)
          : job.progress.rowsPerSecond,
      secondsLeft:
        fraction > 0.02
          ? Math.round((elapsed / fraction) * (1 - fraction))
          : null,
    };
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job) return false;
    job.worker.postMessage({ type: 'cancel' });
    return true;
  }

  async cancelAll(): Promise<void> {
    const running = [...this.jobs.values()];
    for (const job of running) job.worker.postMessage({ type: 'cancel' });
    await Promise.all(running.map((job) => job.finished));
  }

  async wait(jobId: string): Promise<JobProgress> {
    const job = this.jobs.get(jobId);
    if (job) return job.finished;
    const ended = this.ended.get(jobId);
    if (ended) return ended;
    throw new WorkbenchError('not_found', `No import job ${jobId}.`);
  }
}

export type { ImportRequest };
