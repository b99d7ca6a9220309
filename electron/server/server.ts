// The browser-mode front door: a loopback-only HTTP server that serves the
// built renderer and answers the contract's methods through `dispatch`,
// exactly as the Electron IPC binding does. Every API request must carry
// the random token printed at start.
import { randomBytes } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handlers } from '../../shared/contract.js';
import type { Envelope, ErrorCode } from '../../shared/envelope.js';
import { dispatch } from '../engine/dispatch.js';
import { createLogger } from '../engine/logger.js';
import { EventStreams, type EventSourceLike } from './eventStream.js';
import { BodyError, readJsonBody } from './requestBody.js';
import { isOwnHost, isOwnOrigin, isTokenValid, tokenOf } from './security.js';
import { securityHeaders, serveStatic } from './staticFiles.js';
import { DEFAULT_UPLOAD_LIMIT, UploadError, UploadFolder } from './upload.js';

const log = createLogger('server');

export const LOOPBACK_HOST = '127.0.0.1';
const MAX_CALL_BODY_BYTES = 1024 * 1024;
const CALL_PREFIX = '/api/call/';

export type ServerEngine = EventSourceLike & { handlers: Partial<Handlers> };

export type ServerOptions = {
  engine: ServerEngine;
  /** The built renderer, normally `dist/renderer`. */
  staticDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  maxUploadBytes?: number;
};

export type RunningServer = {
  /** The base address, without the token. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
};

type Failure = { status: number; code: ErrorCode; message: string };

const NOT_FOUND: Failure = {
  status: 404,
  code: 'not_found',
  message: 'Nothing is served at this address.',
};

export async function startServer(
  options: ServerOptions,
): Promise<RunningServer> {
  const host = options.host ?? LOOPBACK_HOST;
  if (host !== LOOPBACK_HOST) {
    throw new Error(
      `startServer: browser mode listens on ${LOOPBACK_HOST} only, not ${host}`,
    );
  }
  const token = randomBytes(32).toString('base64url');
  const streams = new EventStreams(options.engine);
  const uploads = new UploadFolder(
    options.maxUploadBytes ?? DEFAULT_UPLOAD_LIMIT,
  );
  let port = 0;

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      log.error('route: request failed', { error: error as Error });
      if (!response.headersSent) {
        sendJson(response, 500, {
          ok: false,
          error: {
            code: 'internal',
            message: 'The server could not answer this request.',
          },
        });
      } else {
        response.destroy();
      }
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', `http://${LOOPBACK_HOST}:${port}`);
    if (!isOwnHost(request, port)) {
      log.warn('route: refused foreign host', { path: url.pathname });
      return sendFailure(response, {
        status: 403,
        code: 'unavailable',
        message: `Open the workbench at ${LOOPBACK_HOST}:${port}.`,
      });
    }
    if (url.pathname.startsWith('/api/')) {
      return routeApi(request, response, url);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendFailure(response, methodNotAllowed());
    }
    const isServed = await serveStatic(
      options.staticDir,
      url,
      request,
      response,
    );
    if (!isServed) sendFailure(response, NOT_FOUND);
  }

  async function routeApi(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ) {
    if (!isOwnOrigin(request, port)) {
      log.warn('routeApi: refused foreign origin', { path: url.pathname });
      return sendFailure(response, {
        status: 403,
        code: 'unavailable',
        message: 'Requests from other sites are refused.',
      });
    }
    const isEvents = url.pathname === '/api/events';
    const isCall = url.pathname.startsWith(CALL_PREFIX);
    const isUpload = url.pathname === '/api/upload';
    if (!isEvents && !isCall && !isUpload) {
      return sendFailure(response, NOT_FOUND);
    }
    if (!isTokenValid(tokenOf(request, url, isEvents), token)) {
      log.warn('routeApi: refused missing or wrong token', {
        path: isCall ? CALL_PREFIX : url.pathname,
      });
      return sendFailure(response, {
        status: 401,
        code: 'unavailable',
        message:
          'This page has no valid access token. Open the address the ' +
          'server printed when it started.',
      });
    }
    const wantedMethod = isEvents ? 'GET' : 'POST';
    if (request.method !== wantedMethod) {
      return sendFailure(response, methodNotAllowed());
    }
    if (isEvents) return streams.open(response);
    if (isUpload) return receiveUpload(request, response, url);
    return answerCall(
      request,
      response,
      url.pathname.slice(CALL_PREFIX.length),
    );
  }

  async function answerCall(
    request: IncomingMessage,
    response: ServerResponse,
    rawMethod: string,
  ) {
    let method: string;
    let args: unknown;
    try {
      method = decodeURIComponent(rawMethod);
      args = await readJsonBody(request, MAX_CALL_BODY_BYTES);
    } catch (error) {
      const status = error instanceof BodyError ? error.status : 400;
      const message =
        error instanceof BodyError ? error.message : 'Malformed method name.';
      return sendFailure(response, {
        status,
        code: 'invalid_argument',
        message,
      });
    }
    const envelope = await dispatch(options.engine.handlers, method, args);
    sendJson(response, 200, envelope);
  }

  async function receiveUpload(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ) {
    const name = url.searchParams.get('name') ?? '';
    try {
      const { path, bytes } = await uploads.receive(request, name);
      log.info('receiveUpload: stored', { bytes });
      sendJson(response, 200, { ok: true, value: { path } });
    } catch (error) {
      if (!(error instanceof UploadError)) throw error;
      response.setHeader('connection', 'close');
      sendFailure(response, {
        status: error.status,
        code: 'invalid_argument',
        message: error.message,
      });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  log.info('startServer: listening', { host, port });

  return {
    url: `http://${LOOPBACK_HOST}:${port}/`,
    port,
    token,
    close: async () => {
      streams.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await uploads.remove();
      log.info('close: server stopped', { port });
    },
  };
}

function methodNotAllowed(): Failure {
  return {
    status: 405,
    code: 'invalid_argument',
    message: 'This address does not take that kind of request.',
  };
}

function sendFailure(response: ServerResponse, failure: Failure): void {
  sendJson(response, failure.status, {
    ok: false,
    error: { code: failure.code, message: failure.message },
  });
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: Envelope<unknown>,
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...securityHeaders(),
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
  });
  response.end(text);
}
