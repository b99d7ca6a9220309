// Starts electron/main.ts against a stand-in for Electron's main-process
// API (Electron's binary cannot run here) over the real engine and a real
// workspace in a temp folder, then drives it the way the page and the
// operating system would: IPC calls from the app page and from elsewhere,
// navigation attempts, responses, menu clicks.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelOf } from '../../../shared/bridge.js';
import { METHOD_NAMES } from '../../../shared/contract.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shell/csp.js';
import { MENU_COMMAND_CHANNEL } from '../../../shared/menuCommands.js';

type Handler = (event: unknown, args: unknown) => Promise<unknown>;
type Callback<T> = (response: T) => void;
type Cancellable = { defaultPrevented: boolean; preventDefault(): void };
type FakeContents = EventEmitter & {
  id: number;
  mainFrame: { processId: number; routingId: number; url: string };
  openHandler?: (details: { url: string }) => unknown;
};
type TemplateItem = {
  label?: string;
  role?: string;
  click?: () => void;
  submenu?: TemplateItem[];
};

const fake = vi.hoisted(() => {
  const record = {
    handlers: new Map<string, Handler>(),
    titles: [] as string[],
    sent: [] as Array<[string, unknown]>,
    menus: [] as TemplateItem[][],
    windows: [] as Array<{
      options: { webPreferences: Record<string, unknown> };
      contents: FakeContents;
    }>,
    onHeadersReceived: null as
      null | ((details: object, callback: Callback<unknown>) => void),
    onBeforeRequest: null as
      | null
      | ((details: object, callback: Callback<{ cancel: boolean }>) => void),
    isSandboxEnabled: false,
    userData: '',
  };
  return record;
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { pathToFileURL } = await import('node:url');
  class FakeApp extends Emitter {
    isPackaged = false;
    getPath(name: string) {
      return name === 'userData' ? fake.userData : tmpdir();
    }
    setPath(name: string, value: string) {
      if (name === 'userData') fake.userData = value;
    }
    getVersion = () => '0.1.0';
    getLocale = () => 'en-US';
    enableSandbox() {
      fake.isSandboxEnabled = true;
    }
    requestSingleInstanceLock = () => true;
    whenReady = () => Promise.resolve();
    isReady = () => true;
    setAboutPanelOptions() {}
    addRecentDocument() {}
    quit() {}
    exit() {}
  }
  const app = new FakeApp();
  let nextId = 1;
  class FakeWindow extends Emitter {
    webContents: FakeContents;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      const contents = Object.assign(new Emitter(), {
        id: nextId++,
        mainFrame: { processId: 1, routingId: 1, url: '' },
        isLoading: () => false,
        isDestroyed: () => false,
        send: (channel: string, payload: unknown) =>
          fake.sent.push([channel, payload]),
        setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
          Object.assign(contents, { openHandler: handler });
        },
      });
      this.webContents = contents;
      fake.windows.push({ options, contents });
      app.emit('web-contents-created', {}, contents);
    }
    loadFile(path: string) {
      this.webContents.mainFrame.url = pathToFileURL(path).href;
      return Promise.resolve();
    }
    setTitle(title: string) {
      fake.titles.push(title);
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    focus() {}
    show() {}
    setRepresentedFilename() {}
  }
  const defaultSession = {
    webRequest: {
      onHeadersReceived: (listener: typeof fake.onHeadersReceived) => {
        fake.onHeadersReceived = listener;
      },
      onBeforeRequest: (listener: typeof fake.onBeforeRequest) => {
        fake.onBeforeRequest = listener;
      },
    },
    setPermissionRequestHandler() {},
    setPermissionCheckHandler() {},
    setDevicePermissionHandler() {},
  };
  return {
    app,
    BrowserWindow: FakeWindow,
    nativeTheme: { shouldUseDarkColors: false },
    session: { defaultSession },
    ipcMain: {
      handle(channel: string, handler: Handler) {
        if (fake.handlers.has(channel)) throw new Error(`twice: ${channel}`);
        fake.handlers.set(channel, handler);
      },
      removeHandler: (channel: string) => fake.handlers.delete(channel),
    },
    dialog: {
      showOpenDialog: async () => ({
        canceled: false,
        filePaths: ['/data/deals.csv', '/data/accounts.tsv'],
      }),
      showSaveDialog: async () => ({
        canceled: false,
        filePath: '/data/Acme',
      }),
      showMessageBox: async () => ({ response: 0 }),
      showErrorBox() {},
    },
    Menu: {
      buildFromTemplate: (template: TemplateItem[]) => template,
      setApplicationMenu: (menu: TemplateItem[]) => fake.menus.push(menu),
    },
  };
});

function cancellable(url?: string): Cancellable & { url?: string } {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

describe('the Electron main process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'revops-main-'));

  function mainWindow() {
    const window = fake.windows[0];
    if (!window) throw new Error('no window was created');
    return window;
  }

  function call(method: string, args: unknown, frame: object = {}) {
    const { contents } = mainWindow();
    const handler = fake.handlers.get(channelOf(method as never));
    if (!handler) throw new Error(`no handler for ${method}`);
    const senderFrame = { ...contents.mainFrame, ...frame };
    return handler({ sender: contents, senderFrame }, args);
  }

  beforeAll(async () => {
    vi.stubEnv('REVOPS_USER_DATA_DIR', dataDir);
    await import('../../../electron/main.js');
    await vi.waitFor(() => expect(fake.titles.length).toBeGreaterThan(0), {
      timeout: 60_000,
    });
  });

  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('uses the data folder from the environment and the sandbox', () => {
    expect(fake.userData).toBe(dataDir);
    expect(fake.isSandboxEnabled).toBe(true);
  });

  it('opens one locked-down window', () => {
    expect(fake.windows).toHaveLength(1);
    expect(mainWindow().options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('binds every contract method', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(
      METHOD_NAMES.map(channelOf).sort(),
    );
  });

  it('opens the demo workspace on first start and names the window', async () => {
    const answer = await call('workspace.current', {});
    expect(answer).toMatchObject({
      ok: true,
      value: { path: join(dataDir, 'demo.revops') },
    });
    const name = (answer as { value: { name: string } }).value.name;
    expect(fake.titles.at(-1)).toBe(`${name} — RevOps Workbench`);
  });

  it('validates arguments and refuses calls from other frames', async () => {
    await expect(call('workspace.open', { path: '' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    await expect(
      call('app.info', {}, { url: 'http://127.0.0.1:9/' }),
    ).rejects.toThrow(/not the app page/);
    await expect(call('app.info', {}, { routingId: 99 })).rejects.toThrow(
      /not the app page/,
    );
  });

  it('answers the dialog methods itself', async () => {
    await expect(call('dialog.saveWorkspace', {})).resolves.toEqual({
      ok: true,
      value: { path: '/data/Acme.revops' },
    });
    await expect(call('dialog.pickImportFiles', {})).resolves.toEqual({
      ok: true,
      value: { paths: ['/data/deals.csv', '/data/accounts.tsv'] },
    });
  });

  it('retitles the window and lists the workspace after a switch', async () => {
    const path = join(dataDir, 'Acme.revops');
    const created = await call('workspace.create', { path, name: 'Acme' });
    expect(created).toMatchObject({ ok: true, value: { name: 'Acme' } });
    await vi.waitFor(() =>
      expect(fake.titles.at(-1)).toBe('Acme — RevOps Workbench'),
    );
    const file = fake.menus.at(-1)?.[0];
    const recent = file?.submenu?.find((item) => item.label === 'Open Recent');
    expect(recent?.submenu?.map((item) => item.label)).toEqual([
      'Acme.revops',
      'demo.revops',
    ]);
  });

  it('sends menu commands to the page', () => {
    const file = fake.menus.at(-1)?.[0];
    file?.submenu?.[0]?.click?.();
    expect(fake.sent.at(-1)).toEqual([
      MENU_COMMAND_CHANNEL,
      { kind: 'workspace.new' },
    ]);
  });

  it('keeps the window on its page', () => {
    const { contents } = mainWindow();
    const away = cancellable('http://127.0.0.1:9/');
    const route = cancellable(`${contents.mainFrame.url}#/data`);
    contents.emit('will-navigate', away);
    contents.emit('will-navigate', route);
    expect(away.defaultPrevented).toBe(true);
    expect(route.defaultPrevented).toBe(false);
    expect(contents.openHandler?.({ url: 'http://127.0.0.1:9/' })).toEqual({
      action: 'deny',
    });
    const webview = cancellable();
    contents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
  });

  it('adds the policy to responses and cancels remote requests', () => {
    const headers = vi.fn();
    fake.onHeadersReceived?.({ responseHeaders: {} }, headers);
    expect(headers).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    const decisions: boolean[] = [];
    const page = mainWindow().contents.mainFrame.url;
    for (const url of ['https://example.invalid/x.js', page]) {
      fake.onBeforeRequest?.({ url, resourceType: 'script' }, (response) =>
        decisions.push(response.cancel),
      );
    }
    expect(decisions).toEqual([true, false]);
  });
});
