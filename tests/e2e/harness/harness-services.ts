import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { isAppUrl } from '../../../electron/main/app-origin';
import { createIpcHandlers, type MainServices } from '../../../electron/main/handlers';
import { createIpcRouter, type IpcRouter } from '../../../electron/main/ipc-router';
import { createAppInfoService } from '../../../electron/main/services/app-info';
import { createBackupService } from '../../../electron/main/services/backup/backup-service';
import { fixedBackupDialogs } from '../../../electron/main/services/backup/fixed-dialogs';
import { createDocumentsService } from '../../../electron/main/services/documents';
import { fixedDocumentDialogs } from '../../../electron/main/services/fixed-document-dialogs';
import { createMailService } from '../../../electron/main/services/mail/mail-service';
import { createMailClientOpener } from '../../../electron/main/services/mail/mail-client';
import { inMemoryProtectedStorage } from '../../../electron/main/services/mail/in-memory-protected-storage';
import type { ProtectedStorage } from '../../../electron/main/services/mail/protected-storage';
import { createSyncService, type SyncService } from '../../../electron/main/services/sync/sync-service';
import { createTrustServices } from '../../../electron/main/services/trust-services';
import { projectRoot } from './project-paths';

const packageJsonSchema = z.object({
  version: z.string(),
  name: z.string(),
  productName: z.string().optional(),
});

/** The app's name and version as the desktop app reports them (Electron reads package.json too). */
export function packageInfo(): { name: string; version: string } {
  const parsed = packageJsonSchema.parse(
    JSON.parse(readFileSync(resolve(projectRoot, 'package.json'), 'utf8')),
  );
  return { name: parsed.productName ?? parsed.name, version: parsed.version };
}

/**
 * The OS's protected storage as a computer's main processes share it from one start to the next:
 * one for the main key and the mail password, one for the sync server password.
 */
export type HarnessKeyring = { readonly main: ProtectedStorage; readonly sync: ProtectedStorage };

export type MainProcessLogEntry = { readonly message: string; readonly detail: unknown };

/**
 * A computer's network cable, for journeys that switch one computer off the network while the
 * others go on: while `online` is false its sync requests fail as an unreachable server does.
 */
export type NetworkSwitch = { online: boolean };

/**
 * The sync service behind the switch: a request made while off, or whose reply comes back once
 * off (a longpoll waiting on the server), fails as a lost connection does, so PouchDB backs off and
 * retries exactly as it would in a home whose network went down.
 */
function behindSwitch(sync: SyncService, network: NetworkSwitch): SyncService {
  const unreachable = {
    outcome: 'failed',
    code: 'unreachable',
    message: 'This computer is off the network (the journey switched it off).',
  } as const;
  return {
    ...sync,
    async http(request) {
      if (!network.online) return unreachable;
      const reply = await sync.http(request);
      return network.online ? reply : unreachable;
    },
  };
}

/**
 * The main process's side of the bridge, built from the same factories as electron/main/index.ts
 * (handlers, router, services), with the Electron-only pieces replaced. Any service that writes
 * files gets a folder under `tempDir`, which the fixture deletes after the test.
 */
export function createHarnessMainProcess(options: {
  appOrigin: string;
  tempDir: string;
  chromeVersion: string;
  /** Switches the computer off the network and on again; always on without one. */
  network?: NetworkSwitch;
  /** The computer's keyring and log when the main process is started again; new ones otherwise. */
  keyring?: HarnessKeyring;
  log?: MainProcessLogEntry[];
}): {
  router: IpcRouter;
  log: MainProcessLogEntry[];
  keyring: HarnessKeyring;
} {
  const log = options.log ?? [];
  const keyring = options.keyring ?? { main: inMemoryProtectedStorage(), sync: inMemoryProtectedStorage() };
  // safeStorage's stand-in: a key in this process's memory, for the main key and the mail password.
  const protectedStorage = keyring.main;
  const trust = createTrustServices({
    folder: resolve(options.tempDir, 'user-data'),
    protectedStorage,
    log: (message, detail) => log.push({ message, detail }),
  });
  const services: MainServices = {
    ...trust,
    appInfo: createAppInfoService({
      ...packageInfo(),
      runtime: 'harness',
      platform: process.platform,
      versions: { node: process.versions.node, chrome: options.chromeVersion },
    }),
    // The dialog "chooses" <tempDir>/backups, and picks the newest backup there to restore.
    backup: createBackupService({
      settingsFolder: resolve(options.tempDir, 'user-data'),
      defaultFolder: resolve(options.tempDir, 'user-data', 'backups'),
      dialogs: fixedBackupDialogs(resolve(options.tempDir, 'backups')),
      mainKey: trust.mainKey,
      log: (message, detail) => log.push({ message, detail }),
    }),
    // Case-file folder <tempDir>/documents/case-file, reports saved in <tempDir>/documents/saved (fixedDocumentFolders).
    documents: createDocumentsService({
      settingsFolder: resolve(options.tempDir, 'user-data'),
      fontsFolder: resolve(projectRoot, 'resources', 'fonts'),
      dialogs: fixedDocumentDialogs(resolve(options.tempDir, 'documents')),
      homeAuthority: trust.homeAuthority,
      mainKey: trust.mainKey,
      log: (message, detail) => log.push({ message, detail }),
    }),
    // The mail password is encrypted with a key kept in this process's memory instead of safeStorage.
    mail: createMailService({
      folder: resolve(options.tempDir, 'user-data'),
      protectedStorage,
      mainKey: trust.mainKey,
      timeouts: { connectionMs: 5000, greetingMs: 5000, socketMs: 10000 },
      log: (message, detail) => log.push({ message, detail }),
    }),
    // Opening a mail client is recorded in the main-process log ("Opened externally") instead.
    mailClient: createMailClientOpener((url) =>
      Promise.resolve(void log.push({ message: 'Opened externally', detail: url })),
    ),
    // The sync server password is encrypted with a key kept in this process's memory instead of safeStorage.
    sync: behindSwitch(
      createSyncService({
        folder: resolve(options.tempDir, 'user-data'),
        protectedStorage: keyring.sync,
        mainKey: trust.mainKey,
        log: (message, detail) => log.push({ message, detail }),
      }),
      options.network ?? { online: true },
    ),
  };
  // As the app does at start: signing keys made in the background before first run needs them.
  services.documents.warmUpKeys();
  const router = createIpcRouter(createIpcHandlers(services), {
    // As in electron/main/ipc.ts: only the app's own origin may call, and only its top frame
    // (the binding hands over other frames' URLs as not-top-frame, see browser-app.ts).
    isTrustedSender: (sender) => isAppUrl(sender.url, options.appOrigin),
    log: (message, detail) => log.push({ message, detail }),
  });
  return { router, log, keyring };
}
