// @vitest-environment node
// (Node's own WebCrypto and byte types: jsdom's realm makes WebCrypto refuse bytes made by atob.)
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../renderer/src/db/database';
import { restoreBackup, tableDigests } from '../../../../renderer/src/db/backup/restore-backup';
import { writeBackup } from '../../../../renderer/src/db/backup/write-backup';
import { syncTables } from '../../../../renderer/src/db/sync/change-log';
import { startChangeLog } from '../../../../renderer/src/db/sync/sync-device';
import { mainProcessRebase } from '../../../../renderer/src/security/restore-anchor';
import type { Session } from '../../../../renderer/src/db/session';
import { generateHome } from '../../../fixtures/generate-home';
import { fixtureSession, loadFixture } from '../../../fixtures/load-fixture';
import {
  addManagerKeys,
  backupRig,
  managerPassword,
  openedDb,
  withoutPendingAudit,
} from './backup-test-support';

const home = generateHome({ size: 'small', seed: 5 });
const managerUsername = home.staff[0]?.username ?? '';
const now = new Date('2026-12-05T05:00:00Z');
const syncTableNames = new Set<string>(Object.values(syncTables));

let source: FamilyLinksDb;
let session: Session;

beforeAll(async () => {
  source = await openedDb('syncing-source');
  session = await fixtureSession(home);
  await loadFixture(source, home, session);
  await addManagerKeys(source, session);
  // Sync is set up on this computer: every record is in its change log, and a later write adds one.
  await startChangeLog(source, now);
  await source.settings.put({ key: 'a-setting-after-sync', value: 'logged' });
}, 120_000);

const withoutSyncState = <Digest>(digests: ReadonlyMap<string, Digest>) =>
  new Map([...withoutPendingAudit(digests)].filter(([name]) => !syncTableNames.has(name)));

describe('a backup of a computer that syncs', () => {
  it('holds the home’s records but not this computer’s sync state, and restores whole', async () => {
    expect(await source.syncChangeLog.count()).toBeGreaterThan(100);
    const rig = await backupRig();
    const written = await writeBackup(source, session.dataKey, rig.port, {
      reason: 'manual',
      appVersion: '0.1.0',
      now,
    });
    if (!written.ok) throw new Error(written.error.message);
    const backedUp = written.value.manifest.tables.map((table) => table.name);
    // The change log, versions and device are this computer's place in sync, not the home's
    // records: restored elsewhere they would make a second computer with the same identity.
    for (const name of syncTableNames) expect(backedUp).not.toContain(name);

    const target = await openedDb('syncing-target', new IDBFactory());
    const restored = await restoreBackup({
      live: target,
      port: rig.port,
      source: { source: 'folder', fileName: written.value.fileName },
      username: managerUsername,
      password: managerPassword,
      rebaseAnchor: mainProcessRebase(),
    });
    if (!restored.ok) throw new Error(restored.error.message);

    const reopened = await openedDb('syncing-target', target.factory);
    expect(withoutSyncState(await tableDigests(reopened))).toEqual(
      withoutSyncState(await tableDigests(source)),
    );
    // Restored, the computer is not set up for sync, so its writes are not logged until it is.
    expect(await reopened.syncDevice.count()).toBe(0);
    await reopened.settings.put({ key: 'a-setting-after-restore', value: 'not logged' });
    expect(await reopened.syncChangeLog.count()).toBe(0);
  }, 120_000);
});
