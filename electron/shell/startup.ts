// Which workspace is open when the window first appears: the file the app
// was opened with, else the last one used, else (on first start) the demo.
import { existsSync } from 'node:fs';
import type { ErrorInfo } from '../../shared/envelope.js';
import { dispatch } from '../engine/dispatch.js';
import type { Engine } from '../engine/engine.js';
import { createLogger } from '../engine/logger.js';

const log = createLogger('shell.startup');

export type StartupOutcome = {
  /** Why the requested file could not be opened, to show the user. */
  requestedFailure: ErrorInfo | null;
};

async function tryOpen(
  engine: Engine,
  path: string,
): Promise<ErrorInfo | null> {
  const envelope = await dispatch(engine.handlers, 'workspace.open', { path });
  return envelope.ok ? null : envelope.error;
}

export async function openStartupWorkspace(
  engine: Engine,
  requestedPath: string | null,
): Promise<StartupOutcome> {
  if (requestedPath) {
    const failure = await tryOpen(engine, requestedPath);
    if (!failure) return { requestedFailure: null };
    log.warn('openStartupWorkspace: requested file failed', {
      code: failure.code,
    });
    return { requestedFailure: failure };
  }
  const last = engine.recent().find((path) => existsSync(path));
  if (last) {
    const failure = await tryOpen(engine, last);
    if (!failure) return { requestedFailure: null };
    log.warn('openStartupWorkspace: last workspace failed, opening the demo', {
      code: failure.code,
    });
  }
  const demo = await dispatch(engine.handlers, 'workspace.openDemo', {});
  if (!demo.ok) {
    log.error('openStartupWorkspace: demo failed', { code: demo.error.code });
  }
  return { requestedFailure: null };
}
