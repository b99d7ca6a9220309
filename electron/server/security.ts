// Request checks for the browser-mode server. The server listens on
// loopback only, but a page on any other site can still aim requests at
// it (and DNS rebinding can make such a page look same-origin), so every
// request must name our own host, and every API call must carry the
// per-run token that only the printed address holds.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-revops-token';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'];

/** True when the Host header names this server on loopback. */
export function isOwnHost(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  if (!host) return false;
  return LOOPBACK_NAMES.some((name) => host === `${name}:${port}`);
}

/**
 * True when the request came from a page of this server or from no page
 * at all (a command-line client sends no Origin).
 */
export function isOwnOrigin(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return LOOPBACK_NAMES.some((name) => origin === `http://${name}:${port}`);
}

export function isTokenValid(offered: unknown, token: string): boolean {
  if (typeof offered !== 'string') return false;
  const wanted = Buffer.from(token, 'utf8');
  const given = Buffer.from(offered, 'utf8');
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** The token of an API call; EventSource requests carry it in the query. */
export function tokenOf(
  request: IncomingMessage,
  url: URL,
  isQueryAllowed: boolean,
): string | null {
  const header = request.headers[TOKEN_HEADER];
  if (typeof header === 'string') return header;
  return isQueryAllowed ? url.searchParams.get('token') : null;
}
