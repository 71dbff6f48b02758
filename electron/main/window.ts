import { join } from 'node:path';
import { BrowserWindow, session, shell, type WebContents } from 'electron';
import { appEntryUrl, isAppUrl } from './app-origin';

/**
 * The one window, hardened: context isolation, sandbox, no Node in the page, web security on, no
 * navigation away from the app, no new windows, no webviews, every permission request refused.
 */
export function createMainWindow(options: {
  preloadPath: string;
  iconPath?: string;
  log: (message: string, detail?: unknown) => void;
}): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Family Links',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
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
      navigateOnDragDrop: false,
      // A middle-click could otherwise ask for a new window (refused anyway; see hardenContents).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  hardenContents(window.webContents, options.log);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appEntryUrl);
  return window;
}

function hardenContents(contents: WebContents, log: (message: string, detail?: unknown) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      log('Refused navigation away from the app', { url });
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the outside world (help pages) open in the person's browser, never in the app.
    if (url.startsWith('https://')) void shell.openExternal(url);
    log('Refused a new window', { url });
    return { action: 'deny' };
  });
}

/** Every permission (camera, notifications, geolocation...) is refused: the app needs none. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
}

export const preloadPath = (mainDir: string): string => join(mainDir, '../preload/index.cjs');
