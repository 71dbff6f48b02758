// @vitest-environment node
// (Node's own WebCrypto and byte types: jsdom's realm makes WebCrypto refuse bytes made by atob.)
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { tableDigests } from '../../../../../renderer/src/db/backup/restore-backup';
import { syncTables } from '../../../../../renderer/src/db/sync/change-log';
import { startChangeLog } from '../../../../../renderer/src/db/sync/sync-device';
import type { Session } from '../../../../../renderer/src/db/session';
import { restrictionRepository } from '../../../../../renderer/src/db/repositories/restriction-repository';
import { generateHome } from '../../../../fixtures/generate-home';
import { loadFixture } from '../../../../fixtures/load-fixture';
import {
  addManagerKeys,
  type BackupRig,
  backupRig,
  loadedSource,
  openedDb,
  restoreAsManager,
  withoutPendingAudit,
  writeManualBackup,
} from './backup-test-support';

/**
 * A backup made on a computer with sync set up: its records restore whole, and the computer's
 * own sync state (its device row, change log, versions and the rest) is left behind, so the
 * restore's writes are not logged as new changes and an old change number is never sent twice.
 */

const home = generateHome({ size: 'small', seed: 5 });
const now = new Date('2026-11-29T21:30:00Z');

let source: FamilyLinksDb;
let session: Session;

beforeAll(async () => {
  ({ source, session } = await loadedSource('sync-backup-source', home));
  await startChangeLog(source, now);
  // A change made once sync was set up: logged, with its version.
  const recorded = await restrictionRepository(source).record(session, {
    youngPersonId: home.youngPeople[0]?.id ?? crypto.randomUUID(),
    name: 'John Smith',
    kind: 'noContact',
    authority: 'courtOrder',
    authorityReference: 'ZW24C00123',
    effectiveFrom: '2026-11-01',
  });
  if (!recorded.ok) throw new Error(recorded.error.message);
}, 120_000);

/** Restores the backup `fileName` into an empty install named `name`. */
async function restoreInto(name: string, rig: BackupRig, fileName: string) {
  const target = await openedDb(name, new IDBFactory());
  const restored = await restoreAsManager(home, { live: target, rig, fileName });
  if (!restored.ok) throw new Error(`${restored.error.code}: ${restored.error.message}`);
  return { target, restored };
}

describe('a backup made on a computer with sync set up', () => {
  it('restores every record, and leaves this computer’s sync state behind, saying so', async () => {
    expect(await source.syncDevice.count()).toBe(1);
    expect(await source.syncChangeLog.count()).toBeGreaterThan(0);
    const rig = await backupRig();
    const written = await writeManualBackup(source, session.dataKey, rig.writes, { now, pageSize: 50 });

    const { target, restored } = await restoreInto('sync-backup-target', rig, written.fileName);
    expect(restored.value.syncLeftBehind).toBe(true);

    const reopened = await openedDb('sync-backup-target', target.factory);
    const local = new Set<string>(Object.values(syncTables));
    const records = (digests: Map<string, unknown>) =>
      new Map([...withoutPendingAudit(digests)].filter(([table]) => !local.has(table)));
    expect(records(await tableDigests(reopened))).toEqual(records(await tableDigests(source)));
    for (const table of local) expect(await reopened.table(table).count()).toBe(0);
    expect(await reopened.restrictions.count()).toBe(await source.restrictions.count());
  }, 120_000);

  it('a backup from a computer without sync says nothing about sync', async () => {
    const plain = await openedDb('plain-backup-source');
    await loadFixture(plain, home, session);
    await addManagerKeys(plain, session);
    const rig = await backupRig();
    const written = await writeManualBackup(plain, session.dataKey, rig.writes, { now });
    const { restored } = await restoreInto('plain-backup-target', rig, written.fileName);
    expect(restored.value.syncLeftBehind).toBe(false);
  }, 120_000);
});
