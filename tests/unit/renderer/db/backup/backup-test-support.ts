import { IDBFactory } from 'fake-indexeddb';
import { FamilyLinksDb, openFamilyLinksDb } from '../../../../../renderer/src/db/database';
import { createAccountKeys } from '../../../../../renderer/src/db/encryption/key-wrapping';
import type { BackupPort, BackupWritePort } from '../../../../../renderer/src/platform/backup-port';
import type { Session } from '../../../../../renderer/src/db/session';
import { argon2idFloor } from '../../../../../shared/schemas/keyring';
import { restoreBackup, type AnchorRebase } from '../../../../../renderer/src/db/backup/restore-backup';
import { writeBackup } from '../../../../../renderer/src/db/backup/write-backup';
import { mainProcessRebase } from '../../../../../renderer/src/security/restore-anchor';
import type { GeneratedHome } from '../../../../fixtures/generate-home';
import { fixtureSession, loadFixture } from '../../../../fixtures/load-fixture';

export const managerPassword = 'correct horse battery staple 42';

/** What tests/unit/electron/backup-rig.ts gives: the real backup service over a temporary folder. */
export type BackupRig = {
  readonly folder: string;
  readonly port: BackupPort;
  /** The write channels, begun without a proof: for tests of the writer (see the rig). */
  readonly writes: BackupWritePort;
  writesAt(when: string): BackupWritePort;
  list(): Promise<string[]>;
  read(name: string): Promise<Uint8Array>;
  write(name: string, bytes: Uint8Array | string): Promise<void>;
  setKeep(keep: number): Promise<unknown>;
};

// Loaded at run time: the rig uses Node's fs, which this (browser) project's types do not include.
const rigModule = '../../../electron/backup-rig';

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

/** The generated home's manager, whose username and password open its backups. */
export function managerUsernameOf(home: GeneratedHome): string {
  return home.staff[0]?.username ?? '';
}

/** An install named `name` holding the generated home, its manager with a keyring: what a backup is made of. */
export async function loadedSource(
  name: string,
  home: GeneratedHome,
): Promise<{ source: FamilyLinksDb; session: Session }> {
  const source = await openedDb(name);
  const session = await fixtureSession(home);
  await loadFixture(source, home, session);
  await addManagerKeys(source, session);
  return { source, session };
}

/**
 * Restores `fileName` from the rig's folder into `live` as the home's manager would (their username
 * and password unless others are given), with the main process's anchor rebase unless another is.
 */
export function restoreAsManager(
  home: GeneratedHome,
  restore: {
    live: FamilyLinksDb;
    rig: BackupRig;
    fileName: string;
    username?: string;
    password?: string;
    rebaseAnchor?: AnchorRebase;
  },
) {
  return restoreBackup({
    live: restore.live,
    port: restore.rig.port,
    source: { source: 'folder', fileName: restore.fileName },
    username: restore.username ?? managerUsernameOf(home),
    password: restore.password ?? managerPassword,
    rebaseAnchor: restore.rebaseAnchor ?? mainProcessRebase(),
  });
}

/** How many rows the install holds across all its tables. */
export async function rowsIn(db: FamilyLinksDb): Promise<number> {
  const counts = await Promise.all(db.tables.map((table) => table.count()));
  return counts.reduce((sum, count) => sum + count, 0);
}

/** A manual backup of `db` written through `port` (`now` and the page size as given); a failure stops the test. */
export async function writeManualBackup(
  db: FamilyLinksDb,
  dataKey: CryptoKey,
  port: BackupWritePort,
  options: { now: Date; pageSize?: number },
) {
  const written = await writeBackup(db, dataKey, port, { reason: 'manual', appVersion: '0.1.0', ...options });
  if (!written.ok) throw new Error(written.error.message);
  return written.value;
}
