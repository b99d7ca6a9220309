// What every `revops` command shares: where output goes, how usage errors
// are raised, and an engine over one workspace for the command's run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ArgsOf, MethodName, ResultOf } from '../../shared/contract.js';
import { invoke } from '../engine/dispatch.js';
import { Engine } from '../engine/engine.js';

export type Io = {
  out(text: string): void;
  err(text: string): void;
  isTty: boolean;
};

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTty: Boolean(process.stderr.isTTY),
};

export class UsageError extends Error {}

export function usage(message: string): never {
  throw new UsageError(message);
}

export function call<M extends MethodName>(
  engine: Engine,
  method: M,
  args: ArgsOf<M>,
): Promise<ResultOf<M>> {
  return invoke(engine.handlers, method, args);
}

/** Scratch folders of this run, removed when it ends. */
export const scratchDirs: string[] = [];

export function engineFor(): Engine {
  let userDataDir = process.env['REVOPS_DATA_DIR'];
  if (!userDataDir) {
    userDataDir = mkdtempSync(join(tmpdir(), 'revops-cli-'));
    scratchDirs.push(userDataDir);
  }
  return new Engine({ userDataDir, mode: 'cli' });
}

/** Runs `work` with the workspace open, closing the engine after. */
export async function withWorkspace<T>(
  workspace: string,
  work: (engine: Engine) => Promise<T>,
): Promise<T> {
  const engine = engineFor();
  try {
    await call(engine, 'workspace.open', { path: resolve(workspace) });
    return await work(engine);
  } finally {
    await engine.close();
  }
}

/** A whole number argument, or a usage error naming it. */
export function wholeNumber(text: string | undefined, what: string): number {
  const value = Number(text);
  if (text === undefined || text === '' || !Number.isSafeInteger(value)) {
    usage(`${what} must be a whole number, not ${text ?? 'nothing'}`);
  }
  return value;
}
