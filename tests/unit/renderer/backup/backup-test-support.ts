import { IDBFactory } from 'fake-indexeddb';
import { FamilyLinksDb, openFamilyLinksDb } from '../../../../renderer/src/db/database';
import { createAccountKeys } from '../../../../renderer/src/db/encryption/key-wrapping';
import type { BackupPort } from '../../../../renderer/src/platform/backup-port';
import type { Session } from '../../../../renderer/src/db/session';
import { argon2idFloor } from '../../../../shared/schemas/keyring';

export const managerPassword = 'correct horse battery staple 42';

/** What tests/unit/electron/backup-rig.ts gives: the real backup service over a temporary folder. */
export type BackupRig = {
  readonly folder: string;
  readonly port: BackupPort;
  at(when: string): BackupPort;
  list(): Promise<string[]>;
  read(name: string): Promise<Uint8Array>;
  write(name: string, bytes: Uint8Array | string): Promise<void>;
  setKeep(keep: number): Promise<unknown>;
};

// Loaded at run time: the rig uses Node's fs, which this (browser) project's types do not include.
const rigModule = '../../electron/backup-rig';

export async function backupRig(): Promise<BackupRig> {
  const loaded = (await import(/* @vite-ignore */ rigModule)) as { backupRig: () => BackupRig };
  return loaded.backupRig();
}

export async function openedDb(name: string, factory = new IDBFactory()): Promise<FamilyLinksDb> {
  const opened = await openFamilyLinksDb(new FamilyLinksDb(name, { indexedDB: factory }));
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

/** The fixture's manager gets a keyring entry (the cheapest Argon2id allowed, to keep tests quick). */
export async function addManagerKeys(db: FamilyLinksDb, session: Session): Promise<void> {
  const keys = await createAccountKeys({
    staffId: session.staff.id,
    password: managerPassword,
    keys: session,
    passwordChangeRequired: false,
    kdf: { algorithm: 'argon2id', ...argon2idFloor, hashLength: 32 },
  });
  await db.accountKeys.put(keys);
}

/** Table digests without `pendingAudit`, where a restore leaves its own entry for the audit log. */
export function withoutPendingAudit<Digest>(digests: ReadonlyMap<string, Digest>): Map<string, Digest> {
  return new Map([...digests].filter(([name]) => name !== 'pendingAudit'));
}
