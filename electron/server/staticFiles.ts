// Serves the built renderer. Only files inside the static folder are ever
// read; the path is decoded, normalised and checked before it touches the
// file system, and every answer carries the same strict policy headers.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, posix, resolve, sep } from 'node:path';

/**
 * No remote content, no inline scripts, no eval. Inline styles are allowed
 * because AG Grid's theming API and ECharts set styles at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** Headers every answer of the server carries. */
export function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    // The page address holds the token; never pass it on to anyone.
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}

/**
 * Maps a URL path to a file inside `root`, or null when the path is not
 * one the server will serve.
 */
export function resolveStaticPath(
  root: string,
  urlPath: string,
): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').includes('..')) return null;
  const normalised = posix.normalize(decoded);
  const relative = normalised === '/' ? 'index.html' : normalised.slice(1);
  if (relative === '' || relative.startsWith('/')) return null;
  const base = resolve(root);
  const full = resolve(base, relative);
  if (!full.startsWith(base + sep)) return null;
  return full;
}

/** Answers a GET or HEAD for a static file; false when there is none. */
export async function serveStatic(
  root: string,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> {
  const path = resolveStaticPath(root, url.pathname);
  if (!path) return false;
  const type = CONTENT_TYPES[extname(path).toLowerCase()];
  if (!type) return false;
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return false;
    size = info.size;
  } catch {
    return false;
  }
  const isPage = type.startsWith('text/html');
  response.writeHead(200, {
    ...securityHeaders(),
    'content-type': type,
    'content-length': String(size),
    // Built assets have hashed names; the page itself must never be cached
    // because a new build changes which assets it names.
    'cache-control': isPage ? 'no-store' : 'private, max-age=3600',
  });
  if (request.method === 'HEAD') {
    response.end();
    return true;
  }
  await new Promise<void>((done) => {
    const stream = createReadStream(path);
    stream.on('error', () => {
      response.destroy();
      done();
    });
    stream.on('end', done);
    stream.pipe(response);
  });
  return true;
}
