// The Electron entry. A thin shell over the engine: it owns the app's life
// cycle, the one secure window, native menus and dialogs, and binds the
// contract to IPC. Everything else happens in the engine.
import { app, BrowserWindow, dialog } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Handlers, MethodName } from '../shared/contract.js';
import type { ErrorInfo } from '../shared/envelope.js';
import { Engine } from './engine/engine.js';
import { createLogger } from './engine/logger.js';
import { electronBindingPath } from './engine/store/nativeBinding.js';
import { createDialogHandlers } from './shell/dialogs.js';
import { mergeHandlers } from './shell/handlers.js';
import { bindIpc, forwardJobProgress } from './shell/ipc.js';
import { installApplicationMenu } from './shell/menu.js';
import {
  MENU_COMMAND_CHANNEL,
  type MenuCommand,
} from '../shared/menuCommands.js';
import { buildMenuModel } from './shell/menuModel.js';
import {
  shellMessages,
  windowTitle,
  type ShellMessages,
} from './shell/messages.js';
import { userDataDirFromEnv, workspacePathFromArgv } from './shell/paths.js';
import { secureDefaultSession } from './shell/session.js';
import { openStartupWorkspace } from './shell/startup.js';
import { createMainWindow, hardenWebContents } from './shell/window.js';

const log = createLogger('shell');

// Built layout: dist/electron/main.js beside preload.cjs, the page in
// dist/renderer/.
const here = dirname(fileURLToPath(import.meta.url));
const PRELOAD_PATH = join(here, 'preload.cjs');
const PAGE_PATH = join(here, '..', 'renderer', 'index.html');
const PAGE_URL = pathToFileURL(PAGE_PATH).href;

/** Calls after which the window title and Open Recent may be stale. */
const WORKSPACE_CHANGERS: ReadonlySet<MethodName> = new Set<MethodName>([
  'workspace.create',
  'workspace.open',
  'workspace.openDemo',
  'workspace.updateSettings',
]);

let mainWindow: BrowserWindow | null = null;
let engine: Engine | null = null;
let messages: ShellMessages = shellMessages('en');
let pendingPath = workspacePathFromArgv(process.argv.slice(1), process.cwd());

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function openWindow(): BrowserWindow {
  const created = createMainWindow({
    preloadPath: PRELOAD_PATH,
    pagePath: PAGE_PATH,
    title: messages.productName,
    hasDevTools: !app.isPackaged,
  });
  created.on('closed', () => {
    if (mainWindow === created) mainWindow = null;
  });
  return created;
}

function showWindow(): BrowserWindow {
  mainWindow ??= openWindow();
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
  return mainWindow;
}

function sendCommand(command: MenuCommand): void {
  const { webContents } = showWindow();
  if (webContents.isLoading()) {
    webContents.once('did-finish-load', () =>
      webContents.send(MENU_COMMAND_CHANNEL, command),
    );
  } else {
    webContents.send(MENU_COMMAND_CHANNEL, command);
  }
}

function refreshMenu(): void {
  installApplicationMenu(
    buildMenuModel({
      messages,
      isMac: process.platform === 'darwin',
      isPackaged: app.isPackaged,
      recent: engine?.recent() ?? [],
    }),
    sendCommand,
  );
}

async function refreshWorkspaceState(): Promise<void> {
  if (!engine) return;
  const current = await engine.handlers['workspace.current']({});
  if (mainWindow && !mainWindow.isDestroyed()) {
    mainWindow.setTitle(windowTitle(messages, current?.name ?? null));
    if (current && process.platform === 'darwin') {
      mainWindow.setRepresentedFilename(current.path);
    }
  }
  if (current) app.addRecentDocument(current.path);
  refreshMenu();
}

function showOpenFailure(failure: ErrorInfo): void {
  const options = {
    type: 'error' as const,
    title: messages.dialog.openFailedTitle,
    message: messages.dialog.openFailedTitle,
    detail: failure.message,
  };
  const shown = mainWindow
    ? dialog.showMessageBox(mainWindow, options)
    : dialog.showMessageBox(options);
  shown.catch((error: unknown) =>
    log.error('showOpenFailure: dialog failed', { error: toError(error) }),
  );
}

async function onReady(): Promise<void> {
  messages = shellMessages(app.getLocale());
  secureDefaultSession(PAGE_URL);
  app.setAboutPanelOptions({
    applicationName: messages.productName,
    applicationVersion: app.getVersion(),
    credits: messages.aboutCredits,
  });
  if (!existsSync(electronBindingPath())) {
    log.warn(
      'onReady: no SQLite build for Electron, workspaces will not open; run node scripts/prepare-electron-native.mjs',
    );
  }

  const started = new Engine({
    userDataDir: app.getPath('userData'),
    mode: 'electron',
    version: app.getVersion(),
  });
  engine = started;
  const startup = openStartupWorkspace(started, pendingPath);
  pendingPath = null;

  const handlers: Handlers = mergeHandlers(
    started.handlers,
    createDialogHandlers(() => mainWindow, messages),
  );
  bindIpc({
    handlers,
    trustedWindow: () =>
      mainWindow && !mainWindow.isDestroyed()
        ? { contentsId: mainWindow.webContents.id, pageUrl: PAGE_URL }
        : null,
    whenReady: startup.then(() => undefined),
    onAnswered: (method, envelope) => {
      if (!envelope.ok || !WORKSPACE_CHANGERS.has(method)) return;
      refreshWorkspaceState().catch((error: unknown) =>
        log.error('onAnswered: refresh failed', { error: toError(error) }),
      );
    },
  });
  forwardJobProgress(started, () => mainWindow?.webContents ?? null);

  mainWindow = openWindow();
  refreshMenu();
  const outcome = await startup;
  await refreshWorkspaceState();
  if (outcome.requestedFailure) showOpenFailure(outcome.requestedFailure);
}

function startShell(): void {
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, PAGE_URL),
  );
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const path = workspacePathFromArgv(argv.slice(1), workingDirectory);
    if (!app.isReady()) return;
    if (path) sendCommand({ kind: 'workspace.openPath', path });
    else showWindow();
  });
  // macOS hands over files double-clicked in the Finder this way.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (engine) sendCommand({ kind: 'workspace.openPath', path });
    else pendingPath = path;
  });
  app.on('activate', () => {
    if (app.isReady() && !mainWindow) mainWindow = openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Jobs are cancelled and the workspace closed before the process ends,
  // so no import is cut off mid-batch.
  app.on('will-quit', (event) => {
    const closing = engine;
    if (!closing) return;
    event.preventDefault();
    engine = null;
    closing
      .close()
      .catch((error: unknown) =>
        log.error('will-quit: engine close failed', { error: toError(error) }),
      )
      .finally(() => app.quit());
  });
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      log.error('startShell: start failed', { error: toError(error) });
      dialog.showErrorBox(messages.productName, toError(error).message);
      app.exit(1);
    });
}

const userDataDir = userDataDirFromEnv(process.env, process.cwd());
if (userDataDir) app.setPath('userData', userDataDir);
app.enableSandbox();

// A second start hands its arguments to the first instance and leaves.
if (app.requestSingleInstanceLock()) {
  startShell();
} else {
  app.quit();
}
