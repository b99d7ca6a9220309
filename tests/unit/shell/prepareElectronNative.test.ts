// Runs scripts/prepare-electron-native.mjs against scratch project layouts.
// Only the paths that need no network are exercised: the missing Electron
// binary and the stamp that says whether the kept build still fits.
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const script = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'scripts',
  'prepare-electron-native.mjs',
);

const ELECTRON_VERSION = '45.6.1';
const SQLITE_VERSION = '12.11.1';

let root = '';

function write(relative: string, text: string): void {
  const path = join(root, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function layout(options: { hasBinary: boolean }): void {
  write(
    'node_modules/electron/package.json',
    JSON.stringify({ version: ELECTRON_VERSION }),
  );
  write(
    'node_modules/better-sqlite3/package.json',
    JSON.stringify({ version: SQLITE_VERSION }),
  );
  if (options.hasBinary) {
    write('node_modules/electron/path.txt', 'electron');
    write('node_modules/electron/dist/electron', '');
  }
}

function keepBuild(stamp: Record<string, unknown>): void {
  write('native/electron/better_sqlite3.node', 'kept build');
  write('native/electron/better_sqlite3.stamp.json', JSON.stringify(stamp));
}

function currentStamp() {
  return {
    electron: ELECTRON_VERSION,
    betterSqlite3: SQLITE_VERSION,
    platform: process.platform,
    arch: process.arch,
  };
}

function prepare(...args: string[]) {
  // Should a regression send the script off to build, its downloads go to
  // a dead loopback proxy instead of the internet.
  const deadProxy = 'http://127.0.0.1:9';
  const env: Record<string, string | undefined> = {
    ...process.env,
    HTTPS_PROXY: deadProxy,
    HTTP_PROXY: deadProxy,
    https_proxy: deadProxy,
    http_proxy: deadProxy,
    npm_config_proxy: deadProxy,
    npm_config_https_proxy: deadProxy,
  };
  for (const name of ['ELECTRON_OVERRIDE_DIST_PATH', 'NO_PROXY', 'no_proxy']) {
    delete env[name];
  }
  const result = spawnSync(
    process.execPath,
    [script, `--root=${root}`, ...args],
    { encoding: 'utf8', env },
  );
  return {
    status: result.status,
    output: `${result.stdout}${result.stderr}`,
  };
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'revops-prepare-'));
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('prepare-electron-native', () => {
  it('explains a missing Electron binary and fails', () => {
    layout({ hasBinary: false });
    const { status, output } = prepare();
    expect(status).toBe(2);
    expect(output).toContain("Electron's binary was not downloaded");
    expect(output).toContain('npm install');
    expect(output).toContain('ELECTRON_MIRROR');
    expect(output).toContain(
      `electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`,
    );
    expect(output).toContain('npm run serve');
  });

  it('treats path.txt naming an absent executable as missing', () => {
    layout({ hasBinary: false });
    write('node_modules/electron/path.txt', 'electron');
    expect(prepare().status).toBe(2);
  });

  it('does nothing when the kept build matches the stamp', () => {
    layout({ hasBinary: true });
    keepBuild(currentStamp());
    const binding = join(root, 'native/electron/better_sqlite3.node');
    const before = statSync(binding).mtimeMs;

    const { status, output } = prepare();

    expect(status).toBe(0);
    expect(output).toContain(`up to date for Electron ${ELECTRON_VERSION}`);
    expect(readFileSync(binding, 'utf8')).toBe('kept build');
    expect(statSync(binding).mtimeMs).toBe(before);
  });

  it('asks for a build when Electron was upgraded', () => {
    layout({ hasBinary: true });
    keepBuild({ ...currentStamp(), electron: '44.0.0' });
    const { status, output } = prepare('--check');
    expect(status).toBe(5);
    expect(output).toContain(`electron 44.0.0, not ${ELECTRON_VERSION}`);
  });

  it('asks for a build when better-sqlite3 was upgraded', () => {
    layout({ hasBinary: true });
    keepBuild({ ...currentStamp(), betterSqlite3: '11.0.0' });
    const { status, output } = prepare('--check');
    expect(status).toBe(5);
    expect(output).toContain(`betterSqlite3 11.0.0, not ${SQLITE_VERSION}`);
  });

  it('asks for a build when there is none, or no stamp', () => {
    layout({ hasBinary: true });
    expect(prepare('--check').output).toContain('no Electron build');
    write('native/electron/better_sqlite3.node', 'kept build');
    const { status, output } = prepare('--check');
    expect(status).toBe(5);
    expect(output).toContain('no readable stamp');
  });
});
