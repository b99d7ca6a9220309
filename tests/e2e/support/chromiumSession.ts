// One Chromium page over a fresh browser-mode server, as every end-to-end
// file needs it: Debian's chromium, headless, no sandbox, no background
// traffic; page errors and console errors collected for the test to check;
// screenshots saved where people look at them.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  ensureBuilt,
  startServerProcess,
  type ServerProcess,
} from './browserServer.js';

export const repoRoot = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
);
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(repoRoot, 'test-results', 'screenshots');

export type ChromiumSession = {
  tempDir: string;
  server: ServerProcess;
  browser: Browser;
  page: Page;
  /** Page errors and console errors seen so far. */
  problems: string[];
  shoot(name: string): Promise<Buffer>;
  close(): Promise<void>;
};

export async function openChromiumSession(options: {
  prefix: string;
  viewport?: { width: number; height: number };
}): Promise<ChromiumSession> {
  ensureBuilt(repoRoot);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const tempDir = mkdtempSync(join(tmpdir(), options.prefix));
  const server = await startServerProcess(repoRoot, join(tempDir, 'user-data'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    // Charts then draw at once, so screenshots show their final state.
    reducedMotion: 'reduce',
  });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  return {
    tempDir,
    server,
    browser,
    page,
    problems,
    shoot: (name) =>
      page.screenshot({
        path: join(SCREENSHOTS, `${name}.png`),
        fullPage: true,
      }),
    close: async () => {
      await browser.close();
      await server.stop();
      rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

/** Creates a workspace from the top bar and waits until it is open. */
export async function createWorkspaceInPage(
  page: Page,
  path: string,
  name: string,
): Promise<void> {
  await page.getByTestId('workspace-new').click();
  await page.getByTestId('workspace-path').fill(path);
  await page.getByTestId('workspace-name-input').fill(name);
  await page.getByTestId('workspace-submit').click();
  await page.waitForFunction(
    (expected) =>
      document.querySelector('[data-testid="workspace-name"]')?.textContent ===
      expected,
    name,
  );
}
