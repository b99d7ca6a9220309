// The one app window and the rules every web contents lives by: no
// navigation away from the app's page, no new windows, no webviews.
import { BrowserWindow, nativeTheme, type WebContents } from 'electron';
import { createLogger } from '../engine/logger.js';
import { isAppPageUrl } from './webPolicy.js';

const log = createLogger('shell.window');

export type MainWindowOptions = {
  preloadPath: string;
  pagePath: string;
  title: string;
  hasDevTools: boolean;
};

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const browserWindow = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: options.title,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1d21' : '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: options.hasDevTools,
      spellcheck: false,
    },
  });
  // The shell names the window after the open workspace; the page's own
  // <title> would overwrite it on every load.
  browserWindow.on('page-title-updated', (event) => event.preventDefault());
  browserWindow.once('ready-to-show', () => browserWindow.show());
  browserWindow.webContents.on('render-process-gone', (_event, details) => {
    log.error('createMainWindow: page process gone', {
      reason: details.reason,
      exitCode: details.exitCode,
    });
  });
  browserWindow.loadFile(options.pagePath).catch((error: unknown) => {
    log.error('createMainWindow: page failed to load', {
      error: error instanceof Error ? error : new Error(String(error)),
    });
  });
  return browserWindow;
}

function urlScheme(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return 'unparsable';
  }
}

/** Applied to every web contents the app creates, devtools included. */
export function hardenWebContents(contents: WebContents, pageUrl: string) {
  const refuse = (event: { preventDefault(): void }, url: string) => {
    if (isAppPageUrl(url, pageUrl)) return;
    event.preventDefault();
    // Only the scheme: a URL can carry anything, customer data included.
    log.warn('hardenWebContents: navigation refused', {
      scheme: urlScheme(url),
    });
  };
  contents.on('will-navigate', (event) => refuse(event, event.url));
  contents.on('will-redirect', (event) => refuse(event, event.url));
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) refuse(event, event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('hardenWebContents: new window refused', {
      scheme: urlScheme(url),
    });
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('hardenWebContents: webview refused');
  });
}
