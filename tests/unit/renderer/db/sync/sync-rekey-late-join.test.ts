import { describe, expect, it } from 'vitest';
import { visitorLogRepository } from '../../../../../renderer/src/db/repositories/visitor-log-repository';
import { remoteOf } from '../../../../../renderer/src/db/sync/sync-runner';
import { syncHomeOnTestServer } from '../sync-computers-rig';
import { clearCheck, dawnMorris, pendingAuditOf } from '../test-database';

/**
 * A computer whose pairing code was made before another was removed, and that joins after: its
 * bundle was sealed with the old sync key, and the re-key does not name it. It says it cannot read
 * what the others record, refuses nothing meanwhile, and a computer of the home that holds the new
 * key gives it that key (the re-key names the removed computers, so only a computer its maker did
 * not know, endorsed by one it gave the key to, is given one: `grantableComputers`).
 */

const { now, home } = syncHomeOnTestServer('family-links-rekey-late-join-');

describe('a computer that joins after a removal with a code made before it', () => {
  it('a computer whose code was made before a removal, joining after it, is given the new key', async () => {
    const { manager, office } = await home.managerAtTheOffice();
    const staffRoom = await home.addedComputer(office.connection, manager, 'Staff room');
    await home.exchange(office.connection);
    // The manager makes the front desk's code, then removes the staff room before it joins.
    const code = await home.codeFor(office.connection, manager, 'Front desk');
    expect(await home.remove(office.connection, manager, 'Staff room')).toMatchObject({
      ok: true,
      value: { waiting: [] },
    });
    const signedIn = await visitorLogRepository(office.db, manager.cipher).signIn(
      manager,
      dawnMorris,
      clearCheck,
      '2026-12-01',
    );
    expect(signedIn.ok).toBe(true);
    await home.exchange(office.connection);

    // The front desk joins with that code: its bundle holds the old key only, so it is behind,
    // and it has refused nothing of what it cannot open yet.
    const frontDesk = await code.join();
    const desk = await home.connect(frontDesk);
    await home.exchange(desk);
    expect(await home.pass(desk)).toEqual({
      applied: 0,
      standing: { epoch: 0, behindSince: now.toISOString() },
    });
    expect(await frontDesk.db.syncProblems.toArray()).toEqual([]);

    // The office, seeing it endorsed and its exchange key, gives it the new key, audited; the
    // removed staff room is given none.
    await home.exchange(office.connection);
    await home.exchange(office.connection);
    expect(await pendingAuditOf(office.db)).toContainEqual(['sync.key-granted', 'Front desk']);
    const grants = (await remoteOf(office.connection).allDocs({ startkey: 'rg_' })).rows
      .map((row) => row.id)
      .filter((id) => id.startsWith('rg_'));
    expect(grants).toEqual([`rg_1_${desk.home.deviceId}`]);
    expect(grants.some((id) => id.endsWith(staffRoom.connection.home.deviceId))).toBe(false);

    // The front desk reads what the office recorded under the new key, and nothing was refused.
    await home.exchange(desk);
    const caughtUp = await home.pass(desk);
    expect(caughtUp.standing).toEqual({ epoch: 1 });
    expect(
      (await visitorLogRepository(frontDesk.db, manager.cipher).onSite()).map((entry) => entry.visitorName),
    ).toEqual([dawnMorris.visitorName]);
    expect(await frontDesk.db.syncProblems.toArray()).toEqual([]);
  }, 240_000);
});
