import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  syncComputerUserSchema,
  syncServerSchema,
  type SyncServer,
} from '../../../../shared/sync/sync-settings';
import type { PasswordProtection } from '../../../../shared/schemas/mail';
import { writeFileAtomically } from '../atomic-file';
import { readJsonFile } from '../json-file';
import type { ProtectedStorage } from '../mail/protected-storage';
import type { Log } from '../clock-and-log';

const storedSchema = z.object({
  server: syncServerSchema,
  computerUser: syncComputerUserSchema,
  /** This computer's server password, encrypted by the OS's protected storage (base64). */
  encryptedPassword: z.string().min(1),
});

export type SyncConnection = {
  readonly server: SyncServer;
  readonly computerUser: string;
  /** Undefined when the stored password cannot be opened here (protected storage changed). */
  readonly password: string | undefined;
};

/**
 * Where this computer's sync settings live: a file in the app's own folder (userData), never in
 * IndexedDB, with the server password encrypted by the OS's protected storage (Electron's
 * safeStorage in the app). Nothing is ever written with the password in plain text: without
 * protected storage, saving is refused.
 */
export function createSyncSettingsStore(options: {
  folder: string;
  protectedStorage: ProtectedStorage;
  log?: Log;
}) {
  const path = join(options.folder, 'sync-settings.json');

  function protection(): PasswordProtection {
    if (!options.protectedStorage.isEncryptionAvailable()) return 'unavailable';
    return options.protectedStorage.strength();
  }

  return {
    protection,
    async read(): Promise<SyncConnection | null> {
      const stored = await readJsonFile(path, storedSchema);
      if (stored.state === 'damaged')
        options.log?.('The sync settings file is damaged; treating sync as not set up', stored.detail);
      if (stored.state !== 'read') return null;
      let password: string | undefined;
      if (options.protectedStorage.isEncryptionAvailable()) {
        try {
          password = options.protectedStorage.decryptString(
            Buffer.from(stored.value.encryptedPassword, 'base64'),
          );
        } catch (error) {
          options.log?.(
            'The stored sync password could not be opened on this computer',
            error instanceof Error ? error.message : error,
          );
        }
      }
      return { server: stored.value.server, computerUser: stored.value.computerUser, password };
    },
    /** False when there is no protected storage: the password is then not kept at all. */
    async write(connection: {
      server: SyncServer;
      computerUser: string;
      password: string;
    }): Promise<boolean> {
      if (!options.protectedStorage.isEncryptionAvailable()) return false;
      const encryptedPassword = options.protectedStorage
        .encryptString(connection.password)
        .toString('base64');
      await writeFileAtomically(
        path,
        JSON.stringify({
          server: connection.server,
          computerUser: connection.computerUser,
          encryptedPassword,
        }),
      );
      return true;
    },
    async clear(): Promise<void> {
      await rm(path, { force: true });
    },
  };
}
