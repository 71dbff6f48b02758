import { join } from 'node:path';
import { BrowserWindow, session, shell, type WebContents } from 'electron';
import { appEntryUrl, isAppUrl } from './app-origin';
import { isAllowedMailto } from './services/mail/mail-client';
import type { Log } from './services/clock-and-log';

/**
 * The one window, hardened: context isolation, sandbox, no Node in the page, web security on, no
 * navigation away from the app, no new windows, no webviews, every permission request refused,
 * and in a packaged build no DevTools at all (someone at a shared computer could otherwise read or
 * change whatever a signed-in session holds).
 */
export function createMainWindow(options: {
  preloadPath: string;
  iconPath?: string;
  isPackaged: boolean;
  log: Log;
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
      devTools: !options.isPackaged,
    },
  });
  hardenContents(window.webContents, options);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appEntryUrl);
  return window;
}

function hardenContents(contents: WebContents, options: { isPackaged: boolean; log: Log }): void {
  const { log } = options;
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
    // Only a plain mailto: (the allow-list mail-client.ts uses) goes to the system; a web page or
    // a file opened from here would leave the app's control, so everything else is refused.
    if (isAllowedMailto(url)) void shell.openExternal(url);
    else log('Refused a new window', { url });
    return { action: 'deny' };
  });
  // Belt and braces: devTools is off in a packaged build's webPreferences already.
  if (options.isPackaged)
    contents.on('devtools-opened', () => {
      contents.closeDevTools();
      log('Closed DevTools, which a packaged build does not allow');
    });
}

/** Every permission (camera, notifications, geolocation...) is refused: the app needs none. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
}

export const preloadPath = (mainDir: string): string => join(mainDir, '../preload/index.cjs');
