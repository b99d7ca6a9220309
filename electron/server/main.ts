// `npm run serve`: runs the engine behind the browser-mode server and
// prints the one address (with its token) that opens the workbench.
//
//   node dist/electron/server/main.js [--port N] [--data-dir DIR]
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Engine } from '../engine/engine.js';
import { createLogger } from '../engine/logger.js';
import { startServer } from './server.js';

const log = createLogger('server-main');

const here = dirname(fileURLToPath(import.meta.url));
// dist/electron/server -> dist/renderer and the package root.
const staticDir = join(here, '..', '..', 'renderer');
const packageRoot = join(here, '..', '..', '..');

function readVersion(): string {
  try {
    const text = readFileSync(join(packageRoot, 'package.json'), 'utf8');
    const parsed = JSON.parse(text) as { version?: unknown };
    return typeof parsed.version === 'string' ? parsed.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function readOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(
      `--port takes a number from 0 to 65535, not ${values.port}`,
    );
  }
  const dataDir =
    values['data-dir'] ??
    process.env['REVOPS_DATA_DIR'] ??
    join(homedir(), '.revops-workbench');
  return { port, userDataDir: resolve(dataDir) };
}

async function main(): Promise<void> {
  const { port, userDataDir } = readOptions(process.argv.slice(2));
  const engine = new Engine({
    userDataDir,
    mode: 'browser',
    version: readVersion(),
  });
  const server = await startServer({ engine, staticDir, port });
  process.stdout.write(
    `RevOps Workbench (browser mode): ${server.url}?token=${server.token}\n`,
  );

  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    log.info('stop: shutting down', { signal });
    try {
      await server.close();
      await engine.close();
      process.exitCode = 0;
    } catch (error) {
      log.error('stop: shutdown failed', { error: error as Error });
      process.exitCode = 1;
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  log.error('main: could not start', { error: error as Error });
  process.stderr.write(
    `revops serve: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
