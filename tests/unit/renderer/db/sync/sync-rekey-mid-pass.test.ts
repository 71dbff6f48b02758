import { describe, expect, it } from 'vitest';
import { visitorLogRepository } from '../../../../../renderer/src/db/repositories/visitor-log-repository';
import { remoteOf, type SyncConnection } from '../../../../../renderer/src/db/sync/sync-runner';
import { replicateOnce } from '../../../../../renderer/src/platform/sync/replicator';
import { syncHomeOnTestServer } from '../sync-computers-rig';
import { dawnMorris, signInVisitor } from '../test-database';

/**
 * A computer back on the network after another was removed: live replication brings the home's
 * new sync key and a record sealed under it together, at any moment, so as often as not while a
 * pass of record sync is under way, after it has worked its keys out. The record must wait for
 * the next pass (which has the new key), not be refused as tampered with and never taken.
 */

const { home } = syncHomeOnTestServer('family-links-rekey-mid-pass-');

/**
 * `connection` with its mirror's feed read only after what the server holds has been pulled in:
 * as live replication does when its batch lands between a pass's keys and its reading.
 */
function pulledInMidPass(connection: SyncConnection): SyncConnection {
  const mirror = connection.mirror;
  let isArmed = true;
  const changes = async (options: { since: number | string; include_docs: true; limit: number }) => {
    if (isArmed) {
      isArmed = false;
      await replicateOnce(remoteOf(connection), mirror);
    }
    return mirror.changes(options);
  };
  const midPass = new Proxy(mirror, {
    get: (target, property): unknown => {
      if (property === 'changes') return changes;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { ...connection, mirror: midPass };
}

describe('a new sync key and a record sealed under it arriving during a pass', () => {
  it('the record waits for the next pass and is applied, nothing refused', async () => {
    const { manager, office } = await home.managerAtTheOffice();
    const frontDesk = await home.addedComputer(office.connection, manager, 'Front desk');
    const staffRoom = await home.addedComputer(office.connection, manager, 'Staff room');
    // Every computer has published its exchange key: the staff room is given the new key in the re-key.
    for (const one of [frontDesk, staffRoom, office]) await home.exchange(one.connection);

    // The staff room is off the network while the office removes the front desk and then records
    // a visitor under the home's new key.
    expect(await home.remove(office.connection, manager, 'Front desk')).toMatchObject({
      ok: true,
      value: { waiting: [] },
    });
    await signInVisitor(office.db, manager);
    await home.exchange(office.connection);

    // Back on: both arrive once this pass has worked out its keys.
    const room = pulledInMidPass(staffRoom.connection);
    await home.pass(room);
    expect(await staffRoom.db.syncProblems.toArray()).toEqual([]);
    const next = await home.pass(room);
    expect(next.applied).toBeGreaterThan(0);
    expect(
      (await visitorLogRepository(staffRoom.db, manager.cipher).onSite()).map((entry) => entry.visitorName),
    ).toEqual([dawnMorris.visitorName]);
    expect(await staffRoom.db.syncProblems.toArray()).toEqual([]);
  }, 120_000);
});
