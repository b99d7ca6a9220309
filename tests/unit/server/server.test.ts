import { EventEmitter } from 'node:events';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  EngineEvents,
  EventName,
  Handlers,
  JobProgress,
} from '../../../shared/contract.js';
import {
  startServer,
  type RunningServer,
} from '../../../electron/server/server.js';
import { setLogSink } from '../../../electron/engine/logger.js';

type Answer = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};

function send(
  server: RunningServer,
  path: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function call(
  server: RunningServer,
  method: string,
  args: unknown,
  token?: string,
) {
  return send(server, `/api/call/${method}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-revops-token': token ?? server.token,
    },
    body: JSON.stringify(args),
  });
}

class FakeEngine {
  readonly events = new EventEmitter();
  recentCalls = 0;
  readonly handlers: Partial<Handlers> = {
    'app.info': async () => ({
      version: '9.9.9',
      mode: 'browser',
      hasNativeDialogs: false,
    }),
    'workspace.recent': async () => {
      this.recentCalls += 1;
      return ['/tmp/a.revops'];
    },
    'workspace.open': async ({ path }) => {
      throw Object.assign(new Error('boom'), { path });
    },
  };

  on<E extends EventName>(
    event: E,
    listener: (payload: EngineEvents[E]) => void,
  ): () => void {
    this.events.on(event, listener);
    return () => this.events.off(event, listener);
  }
}

const SECRET = 'secret-content-beside-the-static-folder';

const progress: JobProgress = {
  jobId: 'job-1',
  kind: 'import',
  state: 'running',
  phase: 'checking',
  file: 'sales_pipeline.csv',
  fileIndex: 0,
  fileCount: 1,
  rowsDone: 100,
  bytesDone: 1000,
  bytesTotal: 5000,
  rowsPerSecond: 50,
  secondsLeft: 2,
  message: null,
  results: [],
};

describe('browser-mode server', () => {
  let baseDir: string;
  let staticDir: string;
  let engine: FakeEngine;
  let server: RunningServer;
  const logLines: string[] = [];
  let restoreLog: () => void;

  beforeAll(async () => {
    restoreLog = setLogSink((line) => logLines.push(line));
    baseDir = mkdtempSync(join(tmpdir(), 'revops-server-'));
    staticDir = join(baseDir, 'static');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><p>hi</p>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'export {};');
    writeFileSync(join(baseDir, 'secret-next-to-static.txt'), SECRET);
    engine = new FakeEngine();
    server = await startServer({ engine, staticDir, maxUploadBytes: 1024 });
  });

  afterAll(async () => {
    await server.close();
    restoreLog();
    rmSync(baseDir, { recursive: true, force: true });
  });

  it('listens on loopback with a long random token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.token.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses to listen anywhere but 127.0.0.1', async () => {
    await expect(
      startServer({ engine, staticDir, host: '0.0.0.0' }),
    ).rejects.toThrow(/127\.0\.0\.1 only/);
  });

  it('serves the page with a strict policy and the right type', async () => {
    const page = await send(server, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain(
      "script-src 'self'",
    );
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).toContain('hi');
    const script = await send(server, '/assets/app.js');
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('never serves files outside the static folder', async () => {
    for (const path of [
      '/../secret-next-to-static.txt',
      '/%2e%2e/secret-next-to-static.txt',
      '/assets/..%2f..%2fsecret-next-to-static.txt',
      '/assets/%5c..%5csecret-next-to-static.txt',
      '/assets',
    ]) {
      const answer = await send(server, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain(SECRET);
    }
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const answer = await send(server, '/', {
      headers: { host: `evil.example:${server.port}` },
    });
    expect(answer.status).toBe(403);
    const localhost = await send(server, '/', {
      headers: { host: `localhost:${server.port}` },
    });
    expect(localhost.status).toBe(200);
  });

  it('answers calls with the envelope when the token is right', async () => {
    const answer = await call(server, 'app.info', {});
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({
      ok: true,
      value: { version: '9.9.9', mode: 'browser', hasNativeDialogs: false },
    });
  });

  it('refuses calls without the right token and runs nothing', async () => {
    const before = engine.recentCalls;
    const wrong = await call(server, 'workspace.recent', {}, 'nope');
    expect(wrong.status).toBe(401);
    const missing = await send(server, '/api/call/workspace.recent', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(missing.status).toBe(401);
    expect(missing.body).not.toContain(server.token);
    expect(engine.recentCalls).toBe(before);
  });

  it('refuses calls from another origin', async () => {
    const answer = await send(server, '/api/call/app.info', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-revops-token': server.token,
        origin: 'http://evil.example',
      },
      body: '{}',
    });
    expect(answer.status).toBe(403);
  });

  it('answers unknown_method for dialogs and unknown names', async () => {
    for (const method of ['dialog.openWorkspace', 'no.such']) {
      const answer = JSON.parse((await call(server, method, {})).body);
      expect(answer).toMatchObject({
        ok: false,
        error: { code: 'unknown_method' },
      });
    }
  });

  it('validates arguments and hides internal errors', async () => {
    const invalid = JSON.parse((await call(server, 'workspace.open', {})).body);
    expect(invalid.error.code).toBe('invalid_argument');
    const failed = JSON.parse(
      (await call(server, 'workspace.open', { path: '/x.revops' })).body,
    );
    expect(failed.error.code).toBe('internal');
    expect(failed.error.message).not.toContain('boom');
  });

  it('caps the body of a call and insists on JSON', async () => {
    const huge = await call(server, 'app.info', { pad: 'x'.repeat(1_100_000) });
    expect(huge.status).toBe(413);
    const notJson = await send(server, '/api/call/app.info', {
      method: 'POST',
      headers: { 'x-revops-token': server.token, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(notJson.status).toBe(415);
    const broken = await send(server, '/api/call/app.info', {
      method: 'POST',
      headers: {
        'x-revops-token': server.token,
        'content-type': 'application/json',
      },
      body: '{',
    });
    expect(broken.status).toBe(400);
  });

  it('answers 404 for unknown API routes and 405 for wrong verbs', async () => {
    const unknown = await send(server, '/api/nothing', {
      headers: { 'x-revops-token': server.token },
    });
    expect(unknown.status).toBe(404);
    const getCall = await send(server, '/api/call/app.info', {
      headers: { 'x-revops-token': server.token },
    });
    expect(getCall.status).toBe(405);
  });

  it('streams job progress as server-sent events', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `/api/events?token=${encodeURIComponent(server.token)}`,
        },
        (res) => {
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8');
            if (text.includes('event: job.progress')) {
              req.destroy();
              resolve(text);
            }
          });
          engine.events.emit('job.progress', progress);
        },
      );
      req.on('error', (error) => {
        if (!('code' in error && error.code === 'ECONNRESET')) reject(error);
      });
      req.end();
    });
    const data = /data: (.*)\n/.exec(received)?.[1] ?? '';
    expect(JSON.parse(data)).toEqual(progress);
  });

  it('refuses the event stream without the token', async () => {
    const answer = await send(server, '/api/events?token=wrong');
    expect(answer.status).toBe(401);
  });

  it('stores an upload under a cleaned name and answers its path', async () => {
    const answer = await send(
      server,
      `/api/upload?name=${encodeURIComponent('../../etc/영업 파이프라인.csv')}`,
      {
        method: 'POST',
        headers: { 'x-revops-token': server.token },
        body: 'a,b\n1,2\n',
      },
    );
    expect(answer.status).toBe(200);
    const { value } = JSON.parse(answer.body) as { value: { path: string } };
    expect(value.path.startsWith(tmpdir())).toBe(true);
    expect(value.path.endsWith('/영업 파이프라인.csv')).toBe(true);
    expect(readFileSync(value.path, 'utf8')).toBe('a,b\n1,2\n');
  });

  it('refuses uploads over the cap and keeps nothing of them', async () => {
    const answer = await send(server, '/api/upload?name=big.csv', {
      method: 'POST',
      headers: { 'x-revops-token': server.token },
      body: Buffer.alloc(4096, 65),
    });
    expect(answer.status).toBe(413);
    const first = await send(server, '/api/upload?name=ok.csv', {
      method: 'POST',
      headers: { 'x-revops-token': server.token },
      body: 'x',
    });
    const { value } = JSON.parse(first.body) as { value: { path: string } };
    const root = join(value.path, '..', '..');
    const kept = readdirSync(root).flatMap((folder) =>
      readdirSync(join(root, folder)),
    );
    expect(kept).not.toContain('big.csv');
  });

  it('refuses uploads without the token', async () => {
    const answer = await send(server, '/api/upload?name=x.csv', {
      method: 'POST',
      body: 'x',
    });
    expect(answer.status).toBe(401);
  });

  it('never writes the token to the log', () => {
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) expect(line).not.toContain(server.token);
  });
});
