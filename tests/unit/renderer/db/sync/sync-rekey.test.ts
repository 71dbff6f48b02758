import { describe, expect, it } from 'vitest';
import { makeRekey } from '../../../../../shared/sync/rekey';
import {
  generateDeviceKeyPair,
  importDevicePublicKey,
  openEnvelope,
} from '../../../../../shared/sync/sync-envelope';
import { visitorLogRepository } from '../../../../../renderer/src/db/repositories/visitor-log-repository';
import { reachableKeys } from '../../../../../renderer/src/db/sync/home-keys';
import { remoteOf } from '../../../../../renderer/src/db/sync/sync-runner';
import { syncHomeOnTestServer } from '../sync-computers-rig';
import { dawnMorris, signInVisitor } from '../test-database';

/**
 * A new home sync key after a removal: the computers left exchange records under it, the removed
 * computer (which still holds the old key) cannot open them, and a new key from anyone but a
 * computer of the home is refused and reported.
 */

const { now, home } = syncHomeOnTestServer('family-links-rekey-');

async function newestEnvelope(mirror: { allDocs: (options: never) => Promise<unknown> }, deviceId: string) {
  const { rows } = (await mirror.allDocs({
    startkey: 'e',
    endkey: 'e\uffff',
    include_docs: true,
  } as never)) as {
    rows: { doc: { d: string; n: number } }[];
  };
  const own = rows.map((row) => row.doc).filter((doc) => doc.d === deviceId);
  return own.sort((a, b) => b.n - a.n)[0];
}

describe('a new sync key when a computer is removed', () => {
  it('is shared by the computers left, never by the removed one, and only from a computer of the home', async () => {
    const { manager, office } = await home.managerAtTheOffice();
    const frontDesk = await home.addedComputer(office.connection, manager, 'Front desk');
    const staffRoom = await home.addedComputer(office.connection, manager, 'Staff room');
    for (const one of [office, frontDesk, staffRoom, office]) await home.exchange(one.connection);

    expect(await home.remove(office.connection, manager, 'Staff room')).toMatchObject({
      ok: true,
    });
    const audit = (await office.db.audit.toArray()).map((entry) => entry.action);
    expect(audit).toContain('sync.key-rotated');
    await home.exchange(frontDesk.connection);
    expect((await reachableKeys(frontDesk.connection, now)).map((one) => one.epoch)).toEqual([1, 0]);

    // The front desk records a visitor under the new key; the office applies it.
    await signInVisitor(frontDesk.db, manager);
    await home.exchange(frontDesk.connection);
    await home.exchange(office.connection);
    await home.apply(office.connection);
    expect(
      (await visitorLogRepository(office.db, manager.cipher).onSite()).map((entry) => entry.visitorName),
    ).toEqual([dawnMorris.visitorName]);

    // The removed staff room, holding only the old key, cannot open it, even with the server's disk.
    const envelope = await newestEnvelope(frontDesk.connection.mirror, frontDesk.connection.home.deviceId);
    const devices = new Map([
      [
        frontDesk.connection.home.deviceId,
        await importDevicePublicKey(frontDesk.connection.home.device.publicKeyText),
      ],
    ]);
    expect(await openEnvelope(office.connection.keys, devices, envelope)).toMatchObject({ ok: true });
    expect(await openEnvelope(staffRoom.connection.keys, devices, envelope)).toMatchObject({
      ok: false,
      error: { code: 'wrong-id' },
    });
    // An envelope made before the re-key still opens on the computers left.
    const older = (await reachableKeys(office.connection, now)).at(-1);
    expect(older?.epoch).toBe(0);

    // A re-key signed by the removed computer, or by a stranger, is refused and reported.
    const stranger = { deviceId: crypto.randomUUID(), ...(await generateDeviceKeyPair()) };
    const recipients = [
      { deviceId: office.connection.home.deviceId, exchangeKey: office.connection.exchangeKey.publicKeyText },
    ];
    const forged = [
      await makeRekey(
        staffRoom.connection.home.device,
        {
          epoch: 5,
          newKey: crypto.getRandomValues(new Uint8Array(32)),
          previousKey: staffRoom.connection.home.homeSyncKey,
          recipients,
        },
        now,
      ),
      await makeRekey(
        stranger,
        {
          epoch: 6,
          newKey: crypto.getRandomValues(new Uint8Array(32)),
          previousKey: staffRoom.connection.home.homeSyncKey,
          recipients,
        },
        now,
      ),
    ];
    await remoteOf(frontDesk.connection).bulkDocs(forged);
    await home.exchange(office.connection);
    expect((await reachableKeys(office.connection, now)).map((one) => one.epoch)).toEqual([1, 0]);
    const problems = await office.db.syncProblems.toArray();
    expect(
      problems
        .filter((problem) => problem.documentId.startsWith('rn_'))
        .map((problem) => [problem.documentId, problem.reason])
        .sort(),
    ).toEqual(forged.map((doc) => [doc._id, 'unknown-device']).sort());
    expect((await office.db.pendingAudit.toArray()).map((row) => row.action)).toContain('sync.rekey-refused');
  }, 180_000);
});
