// Validates a call against the contract, runs its handler and wraps the
// outcome in the envelope. Every front door (IPC, HTTP, command line) goes
// through here, so arguments are checked where they arrive.
import {
  contract,
  isMethodName,
  type ArgsOf,
  type Handlers,
  type MethodName,
  type ResultOf,
} from '../../shared/contract.js';
import {
  toErrorInfo,
  WorkbenchError,
  type Envelope,
} from '../../shared/envelope.js';
import { createLogger } from './logger.js';

const log = createLogger('dispatch');

type AnyHandler = (args: unknown) => Promise<unknown>;

export async function dispatch(
  handlers: Partial<Handlers>,
  method: string,
  rawArgs: unknown,
): Promise<Envelope<unknown>> {
  if (!isMethodName(method) || !handlers[method]) {
    return {
      ok: false,
      error: { code: 'unknown_method', message: `No method named ${method}.` },
    };
  }
  const parsed = contract[method].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return {
      ok: false,
      error: {
        code: 'invalid_argument',
        message: `Invalid arguments for ${method}${where}: ${issue?.message}`,
      },
    };
  }
  const started = performance.now();
  try {
    const handler = handlers[method] as AnyHandler;
    const value = await handler(parsed.data);
    const elapsedMs = Math.round(performance.now() - started);
    if (elapsedMs > 250) log.info('dispatch: slow call', { method, elapsedMs });
    return { ok: true, value };
  } catch (error) {
    if (!(error instanceof WorkbenchError)) {
      log.error('dispatch: handler failed', { method, error: error as Error });
    }
    return { ok: false, error: toErrorInfo(error) };
  }
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new WorkbenchError(envelope.error.code, envelope.error.message);
}

/** A typed call through `dispatch` that throws the envelope's error. */
export async function invoke<M extends MethodName>(
  handlers: Partial<Handlers>,
  method: M,
  args: ArgsOf<M>,
): Promise<ResultOf<M>> {
  return unwrap(await dispatch(handlers, method, args)) as ResultOf<M>;
}

export type { MethodName };
