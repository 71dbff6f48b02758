import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { isRegistryDocumentId, revokeDevice } from '../../../../../shared/sync/device-registry';
import { checkJoinRequest, makeJoinRequest } from '../../../../../shared/sync/join-request';
import { derivePairingKeys } from '../../../../../shared/sync/pairing-keys';
import { openKeyring, sealKeyring } from '../../../../../shared/sync/pairing-keyring';
import { deriveSyncKeys, sealEnvelope, type SyncKeys } from '../../../../../shared/sync/sync-envelope';
import { endorseDevice } from '../../../../../shared/sync/device-registry';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { computerNames } from '../../../../../renderer/src/db/repositories/computer-names';
import { visitorLogRepository } from '../../../../../renderer/src/db/repositories/visitor-log-repository';
import { applyIncoming } from '../../../../../renderer/src/db/sync/sync-applier';
import { pumpChanges } from '../../../../../renderer/src/db/sync/sync-pump';
import {
  endorsementGraceMs,
  registryAwareMirror,
  registryDocuments,
  removedComputerMessage,
  type RegistryMirror,
} from '../../../../../renderer/src/db/sync/registry-feed';
import {
  accountsForPairing,
  importPairedAccounts,
  joinSyncHome,
  keepSignedRegistryDocument,
  loadSyncHome,
  setUpFirstComputer,
  signedRegistryDocuments,
  syncKeyText,
  type SyncHome,
} from '../../../../../renderer/src/db/sync/sync-home';
import { finishJoining, isJoining } from '../../../../../renderer/src/db/sync/sync-joining';
import { openDeviceKeyStore } from '../../../../../renderer/src/platform/sync/device-key-store';
import { openMirror } from '../../../../../renderer/src/platform/sync/replicator';
import { clearCheck, databasesClosedAfterEach, dawnMorris, freshDatabase } from '../test-database';
import { standInAccountKeys, testSession } from '../test-session';

/**
 * Setting sync up and joining, below the screens: the first computer's keys and registry, a second
 * computer joining with what a pairing carries, the registry deciding whose changes are applied.
 */

const opened = databasesClosedAfterEach();
const now = new Date('2026-12-01T10:00:00.000Z');

type Mirror = RegistryMirror & {
  put(doc: object): Promise<unknown>;
  replicate: { to(target: Mirror): Promise<unknown> };
};

function computer(name: string) {
  const db = freshDatabase({ name });
  opened.push(db);
  const store = openDeviceKeyStore(new IDBFactory());
  opened.push({ close: () => store.close() } as never);
  const mirror = openMirror(`${name}-${crypto.randomUUID()}`) as unknown as Mirror;
  return { db, store, mirror };
}

async function publish(db: FamilyLinksDb, mirror: Mirror) {
  for (const doc of await signedRegistryDocuments(db)) await mirror.put(doc).catch(() => undefined);
}

async function keysOf(home: SyncHome): Promise<SyncKeys> {
  return deriveSyncKeys(home.homeSyncKey);
}

describe('setting sync up and joining a home', () => {
  it('keeps the device key non-extractable across reopening, and K only wrapped', async () => {
    const office = computer('office');
    const home = await setUpFirstComputer(office.db, office.store, 'fl-oak-house-aaaaaaaa', now);
    await expect(crypto.subtle.exportKey('raw', home.device.privateKey)).rejects.toThrow();
    const again = await loadSyncHome(office.db, office.store);
    expect(again?.deviceId).toBe(home.deviceId);
    expect(syncKeyText(again as SyncHome)).toBe(syncKeyText(home));
    // Set up once: a second call gives the same home.
    expect((await setUpFirstComputer(office.db, office.store, 'fl-oak-house-aaaaaaaa', now)).homeId).toBe(
      home.homeId,
    );
    // K is nowhere in the records' database in the clear.
    const stored = JSON.stringify(
      (await office.db.syncState.toArray()).map((row) => ({ ...row, value: String(row.value) })),
    );
    expect(stored).not.toContain(syncKeyText(home));
    // Another browser profile (no device keys) cannot open it: the computer has to join again.
    const elsewhere = openDeviceKeyStore(new IDBFactory());
    expect(await loadSyncHome(office.db, elsewhere)).toBeUndefined();
    elsewhere.close();
  });

  it('a joined computer pulls the home, is endorsed by the issuer, and a removed one is refused after its removal', async () => {
    const office = computer('office');
    const frontDesk = computer('front-desk');
    // The home exists before sync: a visitor signed in at the office.
    const session = await testSession(['registeredManager']);
    const visitors = visitorLogRepository(office.db, session.cipher);
    const signedIn = await visitors.signIn(session, dawnMorris, clearCheck, '2026-12-01');
    expect(signedIn.ok).toBe(true);
    await office.db.accountKeys.put(
      standInAccountKeys(session.staff.id, {
        failedAttempts: ['2026-12-01T09:00:00.000Z'],
        lockedUntil: '2026-12-01T09:15:00.000Z',
      }),
    );

    const officeHome = await setUpFirstComputer(
      office.db,
      office.store,
      'fl-oak-house-aaaaaaaa',
      now,
      'Office',
    );
    const code = { pairingId: 'k7q2m9xa', words: ['river', 'candy', 'maple', 'orbit', 'velvet', 'sugar'] };
    const pairing = await derivePairingKeys(code, 'oak-house');
    const keyring = await sealKeyring(
      pairing,
      'oak-house',
      code.pairingId,
      await accountsForPairing(office.db),
    );
    await office.mirror.put(keyring);

    // The new computer joins from the bundle the code opened.
    const frontHome = await joinSyncHome(
      frontDesk.db,
      frontDesk.store,
      {
        v: 2,
        homeId: officeHome.homeId,
        syncKey: syncKeyText(officeHome),
        issuedByDevice: officeHome.deviceId,
        issuedAt: now.toISOString(),
        rootDeviceKey: officeHome.rootDeviceKey,
      },
      now,
    );
    expect(await isJoining(frontDesk.db)).toBe(true);
    await office.mirror.put(
      await makeJoinRequest(pairing, code.pairingId, {
        deviceId: frontHome.deviceId,
        publicKey: frontHome.device.publicKeyText,
      }),
    );
    // The office checks the request with the code's keys and endorses the key in it.
    const request = await checkJoinRequest(
      pairing,
      code.pairingId,
      await office.mirror
        .allDocs({ startkey: 'rj_', endkey: 'rj_\uffff', include_docs: true })
        .then((all) => all.rows[0]?.doc),
    );
    expect(request?.publicKey).toBe(frontHome.device.publicKeyText);
    await keepSignedRegistryDocument(
      office.db,
      await endorseDevice(
        officeHome.device,
        {
          deviceId: frontHome.deviceId,
          publicKey: request?.publicKey ?? '',
          computerUser: 'fl-oak-house-k7q2m9xa',
          name: 'Front desk',
        },
        now,
      ),
    );
    await publish(office.db, office.mirror);
    const keys = await keysOf(officeHome);
    await pumpChanges(office.db, office.mirror, keys, officeHome.device);
    await office.mirror.replicate.to(frontDesk.mirror);

    // The accounts come with the pairing, without the office's lock-out.
    const accounts = await openKeyring(
      pairing,
      'oak-house',
      code.pairingId,
      (await registryDocuments(frontDesk.mirror)).find(
        (doc) => Reflect.get(doc as object, 'kind') === 'keyring',
      ),
    );
    expect(await importPairedAccounts(frontDesk.db, accounts ?? [])).toBe(1);
    expect(await frontDesk.db.accountKeys.get(session.staff.id)).toMatchObject({ failedAttempts: [] });
    expect((await frontDesk.db.accountKeys.get(session.staff.id))?.lockedUntil).toBeUndefined();

    const frontFeed = registryAwareMirror(frontDesk.db, frontDesk.mirror, frontHome);
    await frontFeed.prepare();
    const pulled = await applyIncoming(frontDesk.db, frontFeed, await keysOf(frontHome));
    expect(await frontDesk.db.syncProblems.toArray()).toEqual([]);
    expect(pulled.refused).toBe(0);
    expect(pulled.applied).toBeGreaterThan(0);
    const frontVisitors = visitorLogRepository(frontDesk.db, session.cipher);
    expect((await frontVisitors.onSite()).map((entry) => entry.visitorName)).toEqual([
      dawnMorris.visitorName,
    ]);
    await finishJoining(frontDesk.db);
    expect(await isJoining(frontDesk.db)).toBe(false);
    // Its sync settings lost and sync set up again on it (the Computers screen's form): it stays
    // the computer of the home it joined, not the first of a new one.
    const again = await setUpFirstComputer(frontDesk.db, frontDesk.store, 'fl-oak-house-b4c5d6e7', now);
    expect([again.homeId, again.deviceId, syncKeyText(again)]).toEqual([
      officeHome.homeId,
      frontHome.deviceId,
      syncKeyText(officeHome),
    ]);
    expect((await frontDesk.db.syncPeers.toCollection().primaryKeys()).sort()).toEqual(
      [officeHome.deviceId, frontHome.deviceId].sort(),
    );
    // Each computer goes by the name the registry signed for it; one not in the registry, by its id.
    const frontNames = await computerNames(frontDesk.db);
    expect([frontNames(officeHome.deviceId), frontNames(frontHome.deviceId)]).toEqual([
      'Office',
      'Front desk',
    ]);
    expect(frontNames('3f9a2c41-0b7e-4c1d-9a55-1234567890ab')).toBe('computer 3F9A2C');

    // The office learns the front desk from the registry too, and takes its changes...
    const officeFeed = registryAwareMirror(office.db, office.mirror, officeHome);
    // A table a later version adds: verified and held here, for that version to apply.
    const change = (n: number) => ({
      table: 'laterTable',
      key: `front-desk-${n}`,
      op: 'put' as const,
      row: { key: `front-desk-${n}`, value: n },
      base: null,
      seen: {},
      at: now.toISOString(),
    });
    await office.mirror.bulkDocs([await sealEnvelope(keys, frontHome.device, 1, change(1))]);
    await officeFeed.prepare();
    expect(await applyIncoming(office.db, officeFeed, keys)).toMatchObject({ held: 1, refused: 0 });
    // ...until it is removed: from change 2 on, refused and reported, earlier ones standing.
    await keepSignedRegistryDocument(
      office.db,
      await revokeDevice(officeHome.device, { deviceId: frontHome.deviceId, fromSeq: 2 }, now),
    );
    await publish(office.db, office.mirror);
    await office.mirror.bulkDocs([
      await sealEnvelope(keys, frontHome.device, 2, change(2)),
      await sealEnvelope(keys, frontHome.device, 3, change(3)),
    ]);
    await officeFeed.prepare();
    expect(await applyIncoming(office.db, officeFeed, keys)).toMatchObject({ held: 0, refused: 0 });
    const problems = await office.db.syncProblems.toArray();
    expect(problems.map((problem) => [problem.n, problem.message]).sort()).toEqual([
      [2, removedComputerMessage],
      [3, removedComputerMessage],
    ]);
    // Reported once, however often the feed is read.
    await applyIncoming(office.db, officeFeed, keys);
    expect(await office.db.syncProblems.count()).toBe(2);
    expect(await office.db.pendingAudit.count()).toBeGreaterThanOrEqual(2);
  });

  it('holds a change from a computer the registry does not know yet, then refuses it once the wait is over', async () => {
    const office = computer('office');
    const officeHome = await setUpFirstComputer(office.db, office.store, 'fl-oak-house-aaaaaaaa', now);
    await publish(office.db, office.mirror);
    const keys = await keysOf(officeHome);
    const strangerStore = openDeviceKeyStore(new IDBFactory());
    const stranger = await strangerStore.keysFor(crypto.randomUUID());
    strangerStore.close();
    await office.mirror.bulkDocs([
      await sealEnvelope(keys, stranger, 1, {
        table: 'settings',
        key: 'x',
        op: 'put',
        row: { key: 'x', value: 1 },
        base: null,
        seen: {},
        at: now.toISOString(),
      }),
    ]);
    let clock = now.getTime();
    const feed = registryAwareMirror(office.db, office.mirror, officeHome, { clock: () => new Date(clock) });
    await feed.prepare();
    expect(await applyIncoming(office.db, feed, keys)).toMatchObject({ refused: 0, skipped: 0 });
    clock += endorsementGraceMs + 1;
    await feed.prepare();
    expect(await applyIncoming(office.db, feed, keys)).toMatchObject({ refused: 1 });
    expect((await office.db.syncProblems.toArray())[0]?.reason).toBe('unknown-device');
    expect(isRegistryDocumentId(`rd_${officeHome.deviceId}_${officeHome.deviceId}`)).toBe(true);
  });
});
