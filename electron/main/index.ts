import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, powerMonitor, safeStorage, shell } from 'electron';
import type { IpcEventName, IpcEventPayload } from '../../shared/ipc/contract';
import { applicationMenuTemplate } from './app-menu';
import { createIpcHandlers } from './handlers';
import { registerIpc } from './ipc';
import { launchOptions } from './launch-options';
import { registerAppScheme, serveRenderer } from './protocol';
import { createAppInfoService } from './services/app-info';
import { createBackupService } from './services/backup/backup-service';
import { createDocumentsService } from './services/documents';
import { createMailService } from './services/mail/mail-service';
import { createMailClientOpener } from './services/mail/mail-client';
import { protectedStorageFromSafeStorage } from './services/mail/protected-storage';
import { createSyncService } from './services/sync/sync-service';
import { createTrustServices } from './services/trust-services';
import { createMainWindow, denyAllPermissions, preloadPath } from './window';

// Lifecycle only: the work lives in plain Node modules (./services, ./ipc-router) that the tests
// and the harness run without Electron.

const mainDir = dirname(fileURLToPath(import.meta.url));

function log(message: string, detail?: unknown): void {
  console.error(`[family-links] ${message}`, detail ?? '');
}

process.on('uncaughtException', (error) => log('Uncaught exception in the main process', error));
process.on('unhandledRejection', (reason) => log('Unhandled promise rejection in the main process', reason));

// Read once: a packaged build takes nothing from its environment (launch-options.ts says why).
const launch = launchOptions({ isPackaged: app.isPackaged, env: process.env, argv: process.argv });
for (const name of launch.ignored) log(`Ignored ${name}: only a development build reads it`);

// Development keeps its own profile, so trying things out never touches a home's real records;
// the end-to-end specs give each run a fresh one.
if (launch.userDataOverride) app.setPath('userData', launch.userDataOverride);
else if (!launch.isPackaged) app.setPath('userData', `${app.getPath('userData')}-development`);

registerAppScheme();
// Dates in forms read day/month/year on every computer: the app is for homes in the UK.
app.commandLine.appendSwitch('lang', 'en-GB');

if (launch.refusedSwitches.length > 0) {
  log('Refused to start with debugging switches', launch.refusedSwitches);
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('render-process-gone', (_e, details) => log('The window’s renderer stopped', details));
  });

  void app.whenReady().then(() => {
    denyAllPermissions();
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        applicationMenuTemplate({ isPackaged: launch.isPackaged, platform: process.platform }),
      ),
    );
    serveRenderer({
      rendererRoot: join(mainDir, '../renderer'),
      ...(launch.devServerUrl ? { devServerUrl: launch.devServerUrl } : {}),
    });
    const appInfo = createAppInfoService({
      name: app.getName(),
      version: app.getVersion(),
      runtime: 'electron',
      platform: process.platform,
      versions: {
        node: process.versions.node,
        chrome: process.versions.chrome,
        electron: process.versions.electron,
      },
    });
    // On Linux without a keyring safeStorage is a fixed key; the Audit log and Mail settings say so.
    const protectedStorage = protectedStorageFromSafeStorage(safeStorage, process.platform);
    const trust = createTrustServices({ folder: app.getPath('userData'), protectedStorage, log });
    const backup = createBackupService({
      settingsFolder: app.getPath('userData'),
      defaultFolder: join(app.getPath('userData'), 'backups'),
      mainKey: trust.mainKey,
      dialogs: {
        async chooseFolder() {
          const result = await dialog.showOpenDialog({
            title: 'Choose where backups are kept',
            properties: ['openDirectory', 'createDirectory'],
          });
          return result.canceled ? null : (result.filePaths[0] ?? null);
        },
        async chooseBackupFile() {
          const result = await dialog.showOpenDialog({
            title: 'Choose a Family Links backup',
            properties: ['openFile'],
            filters: [{ name: 'Family Links backups', extensions: ['flbackup'] }],
          });
          return result.canceled ? null : (result.filePaths[0] ?? null);
        },
      },
      log,
    });
    const documents = createDocumentsService({
      settingsFolder: app.getPath('userData'),
      // electron-builder copies resources/fonts beside the app (extraResources); in development it is in the project.
      fontsFolder: app.isPackaged
        ? join(process.resourcesPath, 'fonts')
        : join(app.getAppPath(), 'resources', 'fonts'),
      dialogs: {
        async chooseFolder({ title }) {
          const result = await dialog.showOpenDialog({
            title,
            properties: ['openDirectory', 'createDirectory'],
          });
          return result.canceled ? undefined : result.filePaths[0];
        },
        async chooseSavePath({ title, defaultFileName }) {
          const result = await dialog.showSaveDialog({
            title,
            defaultPath: join(app.getPath('documents'), defaultFileName),
            filters: [{ name: 'PDF', extensions: ['pdf'] }],
          });
          return result.canceled ? undefined : result.filePath;
        },
      },
      homeAuthority: trust.homeAuthority,
      mainKey: trust.mainKey,
      log,
    });
    // The mail password is encrypted by the OS (safeStorage) and bound to its server under the main key.
    const mail = createMailService({
      folder: app.getPath('userData'),
      protectedStorage,
      mainKey: trust.mainKey,
      log,
    });
    // This computer's sync server password is kept the same way, and never leaves the main process.
    const sync = createSyncService({
      folder: app.getPath('userData'),
      protectedStorage,
      mainKey: trust.mainKey,
      log,
    });
    app.on('will-quit', () => sync.close());
    const mailClient = createMailClientOpener((url) => shell.openExternal(url), log);
    // Signing keys take a while to make: have two ready before first run or a new account needs them.
    documents.warmUpKeys();
    registerIpc(createIpcHandlers({ ...trust, appInfo, backup, documents, mail, mailClient, sync }), log);
    const window = createMainWindow({
      preloadPath: preloadPath(mainDir),
      isPackaged: launch.isPackaged,
      log,
    });
    const send = <Name extends IpcEventName>(name: Name, payload: IpcEventPayload<Name>) => {
      if (!window.isDestroyed()) window.webContents.send(name, payload);
    };
    // When the computer locks or sleeps, Family Links locks too (DESIGN: auto-lock).
    powerMonitor.on('lock-screen', () => send('system:lock-requested', { reason: 'screen-locked' }));
    powerMonitor.on('suspend', () => send('system:lock-requested', { reason: 'suspended' }));
    powerMonitor.on('shutdown', () => send('system:lock-requested', { reason: 'shutdown' }));
  });

  app.on('window-all-closed', () => app.quit());
}
