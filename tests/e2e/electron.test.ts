// The desktop app end to end: the built app started in Electron with a
// fresh data folder, checked for what a first start shows and for the
// security rules of its window. Where Electron's binary was never
// downloaded the suite is skipped with the reason printed.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  _electron as electron,
  type ElectronApplication,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract.js';
import type { PreloadBridge } from '../../shared/bridge.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const screenshots = join(repoRoot, 'test-results', 'screenshots');

type BridgeWindow = Window & { revopsBridge?: PreloadBridge };

/** The executable the electron package would start, if it exists. */
function electronExecutable(): string | null {
  const packageDir = join(repoRoot, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : null;
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const binary = override
    ? join(override, relative ?? 'electron')
    : relative && join(packageDir, 'dist', relative);
  return binary && existsSync(binary) ? binary : null;
}

const hasElectron = electronExecutable() !== null;
if (!hasElectron) {
  console.warn(
    'tests/e2e/electron.test.ts: skipped: the Electron binary is not installed (node_modules/electron/path.txt or its executable is missing). Get it with `npm install` on a machine with network access, or ELECTRON_MIRROR / the Electron cache and `node node_modules/electron/install.js`; the browser-mode suites cover the page meanwhile.',
  );
}

function runScript(script: string): void {
  const result = spawnSync(process.execPath, [join(repoRoot, script)], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`${script} failed:\n${result.stdout}${result.stderr}`);
  }
}

function ensureBuilt(): void {
  const outputs = [
    'dist/electron/main.js',
    'dist/electron/preload.cjs',
    'dist/renderer/index.html',
  ];
  if (outputs.some((path) => !existsSync(join(repoRoot, path)))) {
    runScript('scripts/build.mjs');
  }
  runScript('scripts/prepare-electron-native.mjs');
}

describe.skipIf(!hasElectron)('the Electron app', () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir = '';

  beforeAll(async () => {
    ensureBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'revops-electron-'));
    app = await electron.launch({
      args: ['.'],
      cwd: repoRoot,
      env: {
        ...process.env,
        REVOPS_USER_DATA_DIR: dataDir,
        LANG: 'en_US.UTF-8',
        LANGUAGE: 'en_US',
      },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the demo workspace on first start and shows its name', async () => {
    const current = await page.evaluate(() =>
      (window as BridgeWindow).revopsBridge?.invoke['workspace.current']({}),
    );
    expect(current?.ok).toBe(true);
    const workspace = current?.ok ? current.value : null;
    expect(workspace?.path).toBe(join(dataDir, 'demo.revops'));
    const name = workspace?.name ?? '';
    expect(name).not.toBe('');

    await expect
      .poll(() =>
        app.evaluate(({ BrowserWindow }) =>
          BrowserWindow.getAllWindows().map((window) => window.getTitle()),
        ),
      )
      .toEqual([`${name} — RevOps Workbench`]);
    await expect
      .poll(() => page.locator('body').innerText(), { timeout: 30_000 })
      .toContain(name);

    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, 'electron-home.png') });
  });

  it('gives the page the bridge but no Node', async () => {
    const seen = await page.evaluate(() => {
      const bridge = (window as BridgeWindow).revopsBridge;
      return {
        bridge: typeof bridge,
        members: bridge ? Object.keys(bridge).sort() : [],
        methods: bridge ? Object.keys(bridge.invoke).sort() : [],
        require: typeof require,
        process: typeof process,
        buffer: typeof Buffer,
      };
    });
    expect(seen).toEqual({
      bridge: 'object',
      members: ['invoke', 'onJobProgress', 'onMenuCommand'],
      methods: [...METHOD_NAMES].sort(),
      require: 'undefined',
      process: 'undefined',
      buffer: 'undefined',
    });
  });

  it('validates arguments in the main process', async () => {
    const answer = await page.evaluate(() =>
      (window as BridgeWindow).revopsBridge?.invoke['workspace.open']({
        path: '',
      }),
    );
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
  });

  it('refuses inline scripts through its content security policy', async () => {
    const outcome = await page.evaluate(
      () =>
        new Promise<{ hasRun: boolean; directive: string | null }>(
          (resolve) => {
            const scope = window as Window & { inlineHasRun?: boolean };
            const settle = (directive: string | null) =>
              resolve({ hasRun: scope.inlineHasRun === true, directive });
            document.addEventListener(
              'securitypolicyviolation',
              (event) => settle(event.effectiveDirective),
              { once: true },
            );
            setTimeout(() => settle(null), 3000);
            const script = document.createElement('script');
            script.textContent = 'window.inlineHasRun = true';
            document.head.append(script);
          },
        ),
    );
    expect(outcome).toEqual({ hasRun: false, directive: 'script-src-elem' });
  });

  it('stays on its page when asked to navigate away or open windows', async () => {
    const before = page.url();
    expect(before.startsWith('file:')).toBe(true);

    // A closed loopback port: should the guard fail, nothing leaves the
    // machine.
    const opened = await page.evaluate(() => {
      const popup = window.open('http://127.0.0.1:9/');
      window.location.href = 'http://127.0.0.1:9/';
      return popup !== null;
    });
    await page.waitForTimeout(1500);

    expect(opened).toBe(false);
    expect(page.url()).toBe(before);
    expect(app.windows()).toHaveLength(1);
    const info = await page.evaluate(() =>
      (window as BridgeWindow).revopsBridge?.invoke['app.info']({}),
    );
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron' } });
  });

  it('has the native menus, with developer entries while unpackaged', async () => {
    const menu = await app.evaluate(({ Menu }) => {
      const items = Menu.getApplicationMenu()?.items ?? [];
      return {
        labels: items.map((item) => item.label),
        roles: items.flatMap((item) =>
          (item.submenu?.items ?? []).map((child) => child.role ?? ''),
        ),
      };
    });
    if (process.platform !== 'darwin') {
      expect(menu.labels).toEqual(['File', 'Edit', 'View', 'Help']);
    }
    expect(menu.roles.map((role) => role.toLowerCase())).toEqual(
      expect.arrayContaining(['toggledevtools', 'about', 'undo']),
    );
  });
});
