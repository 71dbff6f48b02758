import { describe, expect, it } from 'vitest';
import { makeKeyGrant, rekeyDocumentSchema } from '../../../../../shared/sync/rekey';
import { visitorLogRepository } from '../../../../../renderer/src/db/repositories/visitor-log-repository';
import { reachableKeys } from '../../../../../renderer/src/db/sync/home-keys';
import { remoteOf } from '../../../../../renderer/src/db/sync/sync-runner';
import { syncHomeOnTestServer } from '../sync-computers-rig';
import { dawnMorris, pendingAuditOf, signInVisitor } from '../test-database';

/**
 * A computer that had published no exchange key when another was removed (switched off since it
 * was updated): the re-key names it as waiting, it says it cannot read what the others record and
 * applies nothing meanwhile (nothing refused as tampered with), and once it is on again a computer
 * of the home gives it the new key, after which it reads everything. A removed computer is given
 * none, and a grant from it is refused.
 */

const { now, home } = syncHomeOnTestServer('family-links-rekey-waiting-');

describe('a computer that was off when the home was given a new sync key', () => {
  it('says it cannot read new records until a computer of the home gives it the key', async () => {
    const { manager, office } = await home.managerAtTheOffice();
    const staffRoom = await home.addedComputer(office.connection, manager, 'Staff room');
    const frontDesk = await home.joinedComputer(office.connection, manager, 'Front desk');
    for (const one of [office, staffRoom, office]) await home.exchange(one.connection);

    expect(await home.remove(office.connection, manager, 'Staff room')).toMatchObject({
      ok: true,
      value: { waiting: ['Front desk'] },
    });

    // The office records a visitor, sealed under the new key.
    await signInVisitor(office.db, manager);
    await home.exchange(office.connection);
    // On the server, what every computer reads.
    const onServer = async (prefix: string) =>
      (await remoteOf(office.connection).allDocs({ startkey: prefix, include_docs: true })).rows.filter(
        (row) => row.id.startsWith(prefix),
      );
    const rekeys = await onServer('rn_');
    const rekey = rekeyDocumentSchema.parse(rekeys[0]?.doc);
    const frontDeskId = (await home.listedComputer(office.connection, 'Front desk')).deviceId;
    expect(rekey.waiting).toEqual([frontDeskId]);
    expect(Object.keys(rekey.keys)).not.toContain(frontDeskId);

    // The front desk comes back on: it says it is behind, and applies nothing it cannot open.
    const desk = await home.connect(frontDesk);
    await home.exchange(desk);
    const behind = await home.pass(desk);
    expect(behind).toEqual({ applied: 0, standing: { epoch: 0, behindSince: now.toISOString() } });
    expect(await visitorLogRepository(frontDesk.db, manager.cipher).onSite()).toEqual([]);
    expect(await frontDesk.db.syncProblems.toArray()).toEqual([]);

    // The office, on its next passes, sees its exchange key and gives it the new key, audited.
    await home.exchange(office.connection);
    await home.exchange(office.connection);
    expect(await pendingAuditOf(office.db)).toContainEqual(['sync.key-granted', 'Front desk']);
    const grants = await onServer('rg_');
    expect(grants.map((row) => row.id)).toEqual([`rg_1_${frontDeskId}`]);

    // A grant made by the removed staff room is refused and reported, never taken.
    const forged = await makeKeyGrant(
      staffRoom.connection.home.device,
      {
        epoch: 7,
        key: crypto.getRandomValues(new Uint8Array(32)),
        recipient: { deviceId: desk.home.deviceId, exchangeKey: desk.exchangeKey.publicKeyText },
      },
      now,
    );
    await remoteOf(office.connection).bulkDocs([forged]);

    await home.exchange(desk);
    const caughtUp = await home.pass(desk);
    expect(caughtUp.standing).toEqual({ epoch: 1 });
    expect(caughtUp.applied).toBeGreaterThan(0);
    expect((await reachableKeys(desk, now)).map((one) => one.epoch)).toEqual([1, 0]);
    expect(
      (await visitorLogRepository(frontDesk.db, manager.cipher).onSite()).map((entry) => entry.visitorName),
    ).toEqual([dawnMorris.visitorName]);
    expect(
      (await frontDesk.db.syncProblems.toArray()).map((problem) => [problem.documentId, problem.reason]),
    ).toEqual([[forged._id, 'unknown-device']]);

    // What the front desk records now is sealed under the new key, which the office opens.
    const deskLog = visitorLogRepository(frontDesk.db, manager.cipher);
    const [onSiteAtDesk] = await deskLog.onSite();
    expect((await deskLog.signOut(manager, onSiteAtDesk?.id ?? '')).ok).toBe(true);
    await home.exchange(desk);
    await home.exchange(office.connection);
    await home.apply(office.connection);
    expect(await visitorLogRepository(office.db, manager.cipher).onSite()).toEqual([]);
  }, 240_000);
});
