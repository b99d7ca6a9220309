// The browser-mode front door: the same contract over HTTP to the loopback
// server, with engine events arriving as Server-Sent Events. The access
// token comes from the page address once and then lives only in memory.
import type {
  EngineEvents,
  EventName,
  WorkbenchApi,
} from '../../../shared/contract.js';
import type { Envelope } from '../../../shared/envelope.js';
import { ApiError } from './apiError.js';

export const TOKEN_HEADER = 'x-revops-token';

export type HttpApi = WorkbenchApi & {
  /** Sends a chosen file to the server; answers its path there. */
  uploadFile(file: File): Promise<string>;
};

/** Takes the token out of the address bar, so it is not bookmarked. */
// The token lives for this tab only (session storage, not the address bar
// or a cookie): a reload keeps working, a new run's token replaces it, and
// closing the tab forgets it.
const TOKEN_KEY = 'revops.token';

export function takeTokenFromAddress(): string | null {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token === null) {
    try {
      return window.sessionStorage.getItem(TOKEN_KEY);
    } catch {
      return null;
    }
  }
  try {
    window.sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Storage can be off; the token still works until the page reloads.
  }
  url.searchParams.delete('token');
  window.history.replaceState(
    window.history.state,
    '',
    url.pathname + url.search + url.hash,
  );
  return token;
}

async function readEnvelope<T>(response: Response): Promise<T> {
  let envelope: Envelope<T>;
  try {
    envelope = (await response.json()) as Envelope<T>;
  } catch {
    throw new ApiError('unavailable', '', 'error.unreachable');
  }
  if (!envelope.ok) {
    if (response.status === 401) {
      throw new ApiError(
        'unavailable',
        envelope.error.message,
        'error.noToken',
      );
    }
    throw new ApiError(envelope.error.code, envelope.error.message);
  }
  return envelope.value;
}

async function send(input: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch {
    throw new ApiError('unavailable', '', 'error.unreachable');
  }
}

type Listener = (payload: EngineEvents[EventName]) => void;

export function createHttpApi(token: string | null): HttpApi {
  const listeners = new Map<EventName, Set<Listener>>();
  let source: EventSource | null = null;

  const headers = (extra: Record<string, string> = {}) => {
    if (token === null) {
      throw new ApiError('unavailable', '', 'error.noToken');
    }
    return { [TOKEN_HEADER]: token, ...extra };
  };

  const connectEvents = () => {
    if (source !== null || token === null) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.addEventListener('job.progress', (event) => {
      const payload = JSON.parse(
        (event as MessageEvent<string>).data,
      ) as EngineEvents['job.progress'];
      for (const listener of listeners.get('job.progress') ?? []) {
        listener(payload);
      }
    });
  };

  return {
    async call(method, args) {
      const response = await send(`/api/call/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: headers({ 'content-type': 'application/json' }),
        body: JSON.stringify(args ?? {}),
      });
      return readEnvelope(response);
    },

    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const entry = listener as Listener;
      set.add(entry);
      connectEvents();
      return () => {
        set.delete(entry);
      };
    },

    async uploadFile(file) {
      const name = encodeURIComponent(file.name);
      const response = await send(`/api/upload?name=${name}`, {
        method: 'POST',
        headers: headers({ 'content-type': 'application/octet-stream' }),
        body: file,
      });
      const value = await readEnvelope<{ path: string }>(response);
      return value.path;
    },
  };
}
