// Server-Sent Events: pushes engine events to every open page. EventSource
// reconnects by itself, so a dropped stream needs nothing from the server.
import type { ServerResponse } from 'node:http';
import type { EngineEvents, EventName } from '../../shared/contract.js';
import { securityHeaders } from './staticFiles.js';

const KEEP_ALIVE_MS = 15_000;

export type EventSourceLike = {
  on<E extends EventName>(
    event: E,
    listener: (payload: EngineEvents[E]) => void,
  ): () => void;
};

export class EventStreams {
  private readonly clients = new Set<ServerResponse>();
  private readonly unsubscribe: () => void;
  private readonly keepAlive: NodeJS.Timeout;

  constructor(engine: EventSourceLike) {
    this.unsubscribe = engine.on('job.progress', (progress) =>
      this.broadcast('job.progress', progress),
    );
    this.keepAlive = setInterval(
      () => this.write(': keep-alive\n\n'),
      KEEP_ALIVE_MS,
    );
    this.keepAlive.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  open(response: ServerResponse): void {
    response.writeHead(200, {
      ...securityHeaders(),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write('retry: 2000\n\n');
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
  }

  close(): void {
    clearInterval(this.keepAlive);
    this.unsubscribe();
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private broadcast<E extends EventName>(event: E, payload: EngineEvents[E]) {
    this.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  }

  private write(text: string): void {
    for (const client of this.clients) client.write(text);
  }
}
