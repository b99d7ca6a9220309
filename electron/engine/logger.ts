// One named logger per module. Lines go to stderr as JSON so that the
// command line keeps stdout for its own output. Values under keys that can
// carry secrets or customer data are redacted before anything is written.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const LEVEL_RANK: Record<LogLevel, number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
};

const REDACTED_KEYS =
  /token|secret|password|passphrase|authorization|cookie|email|phone|name|value|raw|row/i;

export type LogFields = Record<string, unknown>;

export type Logger = {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
};

type Sink = (line: string) => void;

let threshold: LogLevel = readThreshold();
let sink: Sink = (line) => process.stderr.write(line + '\n');

function readThreshold(): LogLevel {
  const wanted = process.env['REVOPS_LOG_LEVEL'];
  if (wanted && wanted in LEVEL_RANK) return wanted as LogLevel;
  return process.env['VITEST'] ? 'warn' : 'info';
}

export function setLogLevel(level: LogLevel): void {
  threshold = level;
  // Worker threads started from now on read it from their copy of the env.
  process.env['REVOPS_LOG_LEVEL'] = level;
}

/** Replaces where lines go; returns a function that restores the old sink. */
export function setLogSink(next: Sink): () => void {
  const previous = sink;
  sink = next;
  return () => {
    sink = previous;
  };
}

export function redact(fields: LogFields): LogFields {
  const clean: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (REDACTED_KEYS.test(key) && !/count|rows|ms$|Id$/.test(key)) {
      clean[key] = '[redacted]';
    } else if (value instanceof Error) {
      clean[key] = { name: value.name, message: value.message };
    } else {
      clean[key] = value;
    }
  }
  return clean;
}

export function createLogger(module: string): Logger {
  const write = (level: LogLevel, message: string, fields?: LogFields) => {
    if (LEVEL_RANK[level] < LEVEL_RANK[threshold]) return;
    const entry = {
      at: new Date().toISOString(),
      level,
      module,
      message,
      ...(fields ? redact(fields) : {}),
    };
    sink(JSON.stringify(entry));
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
