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
import type { MainKey } from '../main-key';
import { openProtectedText, type ProtectedStorage } from '../mail/protected-storage';
import type { Log } from '../clock-and-log';

const storedSchema = z.object({
  server: syncServerSchema,
  computerUser: syncComputerUserSchema,
  /** This computer's server password, encrypted by the OS's protected storage (base64). */
  encryptedPassword: z.string().min(1),
  /** The main key's MAC binding the password to everything above (`bindingOf`). */
  bindingTag: z.string().optional(),
});
type Stored = z.infer<typeof storedSchema>;
const bindingPurpose = 'sync-password-binding';

/**
 * What the MAC covers: the encrypted password and where it may be sent (the address, the
 * database, the computer's own user on the server and the CA trusted for it), so that no part of
 * the file can be changed, or the password moved to another file, without the main key.
 */
function bindingOf(stored: Pick<Stored, 'server' | 'computerUser' | 'encryptedPassword'>) {
  return {
    encryptedPassword: stored.encryptedPassword,
    serverUrl: stored.server.serverUrl,
    database: stored.server.database,
    computerUser: stored.computerUser,
    caCertificatePem: stored.server.caCertificatePem ?? null,
  };
}

export type SyncConnection = {
  readonly server: SyncServer;
  readonly computerUser: string;
  /** Undefined when the stored password cannot be opened here (protected storage changed). */
  readonly password: string | undefined;
};

/**
 * What the settings file holds, as far as it can be trusted: nothing (`none`), settings the main
 * key vouches for (`trusted`), or a file this app did not write as it stands (`changed`: edited,
 * damaged, or never bound), whose server is never contacted.
 */
export type SyncSettingsRead =
  | { readonly state: 'none' }
  | { readonly state: 'changed' }
  | { readonly state: 'trusted'; readonly connection: SyncConnection };

/**
 * Where this computer's sync settings live: a file in the app's own folder (userData), never in
 * IndexedDB, with the server password encrypted by the OS's protected storage (Electron's
 * safeStorage in the app) and bound under the main process's key to the server, database, user
 * and CA it is for, as the mail password is. Nothing is ever written with the password in plain
 * text: without protected storage, or without the main key, saving is refused.
 */
export function createSyncSettingsStore(options: {
  folder: string;
  protectedStorage: ProtectedStorage;
  mainKey: MainKey;
  log?: Log;
}) {
  const path = join(options.folder, 'sync-settings.json');

  function protection(): PasswordProtection {
    if (!options.protectedStorage.isEncryptionAvailable()) return 'unavailable';
    return options.protectedStorage.strength();
  }

  function open(stored: Stored): string | undefined {
    if (!options.protectedStorage.isEncryptionAvailable()) return undefined;
    return openProtectedText(
      options.protectedStorage,
      stored.encryptedPassword,
      'The stored sync password could not be opened on this computer',
      options.log,
    );
  }

  return {
    protection,
    async read(): Promise<SyncSettingsRead> {
      const stored = await readJsonFile(path, storedSchema);
      if (stored.state === 'missing') return { state: 'none' };
      if (stored.state === 'damaged') {
        options.log?.('The sync settings file is damaged, so it is not used', stored.detail);
        return { state: 'changed' };
      }
      // A file with no tag (written before the binding) is not trusted either: nothing proves its
      // password was ever meant for the address beside it.
      const isBound = await options.mainKey.verify(
        bindingPurpose,
        bindingOf(stored.value),
        stored.value.bindingTag,
      );
      if (!isBound) {
        options.log?.('The sync settings are not bound by this computer’s key, so they are not used');
        return { state: 'changed' };
      }
      const { server, computerUser } = stored.value;
      return { state: 'trusted', connection: { server, computerUser, password: open(stored.value) } };
    },
    /**
     * `no-protected-storage` when the password cannot be encrypted, `no-main-key` when it cannot be
     * bound: it is then not kept at all.
     */
    async write(connection: {
      server: SyncServer;
      computerUser: string;
      password: string;
    }): Promise<'written' | 'no-protected-storage' | 'no-main-key'> {
      if (!options.protectedStorage.isEncryptionAvailable()) return 'no-protected-storage';
      // In the form a read gives it back (the address normalised), so the MAC checks on reading.
      const stored = {
        server: syncServerSchema.parse(connection.server),
        computerUser: connection.computerUser,
        encryptedPassword: options.protectedStorage.encryptString(connection.password).toString('base64'),
      };
      const bindingTag = await options.mainKey.mac(bindingPurpose, bindingOf(stored));
      if (!bindingTag) return 'no-main-key';
      await writeFileAtomically(path, JSON.stringify({ ...stored, bindingTag }));
      return 'written';
    },
    async clear(): Promise<void> {
      await rm(path, { force: true });
    },
  };
}
