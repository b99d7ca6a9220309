// Starts the built browser-mode server as a child process, the way
// `npm run serve` does, and reads the address it prints.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ADDRESS_LINE =
  /^RevOps Workbench \(browser mode\): (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/;

export type ServerProcess = {
  /** The printed address, token included. */
  url: string;
  stop(): Promise<void>;
};

/** Builds the app when the parts this test runs are missing. */
export function ensureBuilt(repoRoot: string): void {
  const needed = [
    join(repoRoot, 'dist', 'renderer', 'index.html'),
    join(repoRoot, 'dist', 'electron', 'server', 'main.js'),
  ];
  if (needed.every((path) => existsSync(path))) return;
  const result = spawnSync(
    process.execPath,
    [join(repoRoot, 'scripts', 'build.mjs')],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('the build failed');
}

export async function startServerProcess(
  repoRoot: string,
  dataDir: string,
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(repoRoot, 'dist', 'electron', 'server', 'main.js'),
      '--port',
      '0',
      '--data-dir',
      dataDir,
    ],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, REVOPS_LOG_LEVEL: 'warn' },
    },
  );
  const errors: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => resolve()),
  );

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no address within 30 s: ${errors.join('')}`)),
      30_000,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${errors.join('')}`));
    });
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = ADDRESS_LINE.exec(line.trim());
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(match[1]);
    });
  });

  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
