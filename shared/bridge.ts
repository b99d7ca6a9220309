// The shape the preload puts on `window.revopsBridge`: one named function
// per contract method, never a raw channel, plus the job-progress event.
import type { ArgsOf, JobProgress, MethodName, ResultOf } from './contract.js';
import type { Envelope } from './envelope.js';
import type { MenuCommand } from './menuCommands.js';

export type PreloadBridge = {
  invoke: {
    [M in MethodName]: (args: ArgsOf<M>) => Promise<Envelope<ResultOf<M>>>;
  };
  onJobProgress(listener: (progress: JobProgress) => void): () => void;
  /** Commands from the native menu; only the desktop app sends them. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};

/** The IPC channel of a method; the preload and the main process agree. */
export function channelOf(method: MethodName): string {
  return `revops:${method}`;
}

export const JOB_PROGRESS_CHANNEL = 'revops:event:job.progress';
