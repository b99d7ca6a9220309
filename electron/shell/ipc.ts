// Binds every contract method to its IPC channel. Each call is checked to
// come from the app's own page, then goes through dispatch, which validates
// the arguments and answers with the envelope.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { JOB_PROGRESS_CHANNEL, channelOf } from '../../shared/bridge.js';
import {
  METHOD_NAMES,
  type Handlers,
  type MethodName,
} from '../../shared/contract.js';
import type { Envelope } from '../../shared/envelope.js';
import { dispatch } from '../engine/dispatch.js';
import type { Engine } from '../engine/engine.js';
import { createLogger } from '../engine/logger.js';
import {
  isTrustedSender,
  type SenderFacts,
  type TrustedWindow,
} from './senderCheck.js';

const log = createLogger('shell.ipc');

export type IpcBindingOptions = {
  handlers: Handlers;
  /** The window whose page may call; null while there is none. */
  trustedWindow: () => TrustedWindow | null;
  /** Calls wait for this, so the page never sees a half-started engine. */
  whenReady: Promise<void>;
  onAnswered?: (method: MethodName, envelope: Envelope<unknown>) => void;
};

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

export function describeSender(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  const main = event.sender.mainFrame;
  const isMainFrame =
    frame !== null &&
    frame.processId === main.processId &&
    frame.routingId === main.routingId;
  return {
    contentsId: event.sender.id,
    isMainFrame,
    frameUrl: frame?.url ?? null,
  };
}

/** Registers one handler per method; returns a function removing them. */
export function bindIpc(options: IpcBindingOptions): () => void {
  for (const method of METHOD_NAMES) {
    if (typeof options.handlers[method] !== 'function') {
      throw new Error(`bindIpc: no handler for ${method}`);
    }
  }
  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelOf(method), async (event, rawArgs: unknown) => {
      if (!isTrustedSender(describeSender(event), options.trustedWindow())) {
        log.warn('bindIpc: call from an untrusted frame refused', { method });
        throw new Error(`${method} refused: the caller is not the app page`);
      }
      await options.whenReady;
      const envelope = await dispatch(options.handlers, method, rawArgs);
      try {
        options.onAnswered?.(method, envelope);
      } catch (error) {
        // The call itself succeeded; a failed window update must not hide it.
        log.error('bindIpc: onAnswered failed', {
          method,
          error: toError(error),
        });
      }
      return envelope;
    });
  }
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(channelOf(method));
  };
}

/** Forwards job progress to the page; returns a function that stops it. */
export function forwardJobProgress(
  engine: Engine,
  getContents: () => WebContents | null,
): () => void {
  return engine.on('job.progress', (progress) => {
    const contents = getContents();
    if (contents && !contents.isDestroyed()) {
      contents.send(JOB_PROGRESS_CHANNEL, progress);
    }
  });
}
