// The engine's side of the query worker: questions go to one worker thread
// in order, so that the main thread never walks a million rows itself and
// the window's other calls (menus, dialogs, imports' progress) stay quick.
// The worker starts on the first question and again after it dies.
import { Worker } from 'node:worker_threads';
import { WorkbenchError } from '../../../shared/envelope.js';
import { createLogger } from '../logger.js';
import type { QueryMethod } from './queryMethods.js';
import type { QueryAnswer, QueryRequest } from './queryProtocol.js';

const log = createLogger('queries');

type Pending = {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
};

/**
 * Built code runs the worker as is; from TypeScript sources (tests) the
 * worker first registers the tsx loader, since loaders registered in the
 * main thread do not reach worker threads.
 */
function spawnWorker(): Worker {
  const isSource = import.meta.url.endsWith('.ts');
  const url = new URL(
    `./queryWorker.${isSource ? 'ts' : 'js'}`,
    import.meta.url,
  );
  if (!isSource) return new Worker(url);
  const boot = `import('tsx/esm/api').then((tsx) => {
    tsx.register();
    return import(${JSON.stringify(url.href)});
  });`;
  return new Worker(boot, { eval: true });
}

export class QueryThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** Asks the worker; the answer, or the worker's error, comes back. */
  ask<T>(path: string, method: QueryMethod, args: unknown): Promise<T> {
    return this.send({
      type: 'query',
      id: this.nextId++,
      path,
      method,
      args,
    }) as Promise<T>;
  }

  /** Lets go of the worker's connection, as when a workspace closes. */
  async release(): Promise<void> {
    if (!this.worker) return;
    await this.send({ type: 'release', id: this.nextId++ });
  }

  /** Ends the worker; questions still out are answered as cancelled. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.rejectAll(
      new WorkbenchError(
        'cancelled',
        'The question was dropped because the workspace closed.',
      ),
    );
    if (worker) await worker.terminate();
  }

  private rejectAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private send(request: QueryRequest): Promise<unknown> {
    const worker = this.worker ?? this.start();
    // Holds the process open only while a question is out.
    worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      worker.postMessage(request);
    });
  }

  private start(): Worker {
    const worker = spawnWorker();
    worker.on('message', (answer: QueryAnswer) => {
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      if (this.pending.size === 0) worker.unref();
      if (answer.ok) waiting.resolve(answer.value);
      else {
        waiting.reject(
          new WorkbenchError(answer.error.code, answer.error.message),
        );
      }
    });
    const fail = (reason: string) => {
      if (this.worker === worker) this.worker = null;
      const failure = new WorkbenchError(
        'internal',
        'The workbench could not answer that question; try again. The log ' +
          'has the details.',
      );
      this.rejectAll(failure);
      log.error('start: query worker stopped', { reason });
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => {
      if (this.worker === worker && code !== 0) fail(`exit ${code}`);
      else if (this.worker === worker) this.worker = null;
    });
    this.worker = worker;
    return worker;
  }
}
