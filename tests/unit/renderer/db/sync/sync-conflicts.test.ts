import { describe, expect, it } from 'vitest';
import { restrictionRepository } from '../../../../../renderer/src/db/repositories/restriction-repository';
import { applyIncoming } from '../../../../../renderer/src/db/sync/sync-applier';
import { markSettling, recordSyncId } from '../../../../../renderer/src/db/sync/change-log';
import {
  changeCourtOrderAt,
  courtOrder,
  courtOrderChangedOn as today,
  courtOrderOnBoth,
  exchange,
  send,
  twoComputers,
  type Computer,
} from '../sync-computers';

/**
 * A restriction changed on two computers while they were apart: each keeps both versions as a
 * conflict, holds the same winner meanwhile, and closes the conflict when a choice reaches it.
 */

/** Settles a conflict on `at` by keeping the side `at` made, as the manager's choice will: a change naming every side. */
async function keepOwnSide(at: Computer, id: string) {
  const conflict = (await at.db.syncConflicts.toArray())[0];
  const kept = conflict?.sides.find((side) => side.d === at.device.deviceId);
  if (!conflict || !kept) throw new Error('no conflict');
  await at.db.transaction('rw', at.db.restrictions, at.db.syncConflicts, async (tx) => {
    markSettling(
      tx,
      'restrictions',
      id,
      conflict.sides.map((side) => `${side.d}:${side.n}`),
    );
    await at.db.syncConflicts.delete(conflict.id);
    await at.db.restrictions.put(kept.row as never);
  });
  return kept;
}

/** The court order on both computers, changed on each while they are apart: the office tightens it, the front desk relaxes it. */
async function changedApart() {
  const both = await courtOrderOnBoth();
  await changeCourtOrderAt(both.office, both.id, { kind: 'noContact', conditions: '' });
  await changeCourtOrderAt(both.frontDesk, both.id, { kind: 'other', conditions: 'May visit on Saturdays.' });
  return both;
}

const versionAt = async (at: Computer, id: string) =>
  (await at.db.syncVersions.get(recordSyncId('restrictions', id)))?.version;

describe('a record changed on two computers at once', () => {
  it('a restriction recorded on one computer is on the other, at the same version', async () => {
    const { frontDesk, office, id } = await courtOrderOnBoth();
    expect(await office.db.restrictions.get(id)).toEqual(await frontDesk.db.restrictions.get(id));
    expect(await versionAt(office, id)).toBe(await versionAt(frontDesk, id));
    expect(await office.db.restrictionHistory.count()).toBe(await frontDesk.db.restrictionHistory.count());
    const kinds = (await restrictionRepository(office.db).listAll(office.session)).map((r) => r.kind);
    expect(kinds).toEqual(['supervisedOnly']);
  });

  it('a restriction recorded and changed before it is sent arrives at its last version, in one batch', async () => {
    const { keys, frontDesk, office } = await twoComputers('registeredManager');
    const recorded = await restrictionRepository(frontDesk.db).record(frontDesk.session, courtOrder);
    if (!recorded.ok) throw new Error(recorded.error.message);
    const id = recorded.value.id;
    await changeCourtOrderAt(frontDesk, id, { kind: 'noContact', conditions: '' });
    await send(frontDesk, office, keys);
    const outcome = await applyIncoming(office.db, office.mirror, keys);
    expect(outcome.refused).toBe(0);
    expect(await office.db.syncConflicts.count()).toBe(0);
    expect(await office.db.restrictions.get(id)).toEqual(await frontDesk.db.restrictions.get(id));
    expect(await versionAt(office, id)).toBe(await versionAt(frontDesk, id));
    expect(await office.db.restrictionHistory.count()).toBe(await frontDesk.db.restrictionHistory.count());
  });

  it('a change made on the version the other computer holds is applied there, with no conflict', async () => {
    const { keys, frontDesk, office, id } = await courtOrderOnBoth();
    await changeCourtOrderAt(office, id, { kind: 'noContact', conditions: '' });
    await exchange(frontDesk, office, keys);
    expect(await frontDesk.db.syncConflicts.count()).toBe(0);
    expect(await frontDesk.db.restrictions.get(id)).toEqual(await office.db.restrictions.get(id));
    expect(await versionAt(frontDesk, id)).toBe(await versionAt(office, id));
  });

  it('keeps both versions on both computers and holds the same winner until settled', async () => {
    const { keys, frontDesk, office, id } = await changedApart();
    await exchange(frontDesk, office, keys);

    const [deskConflict, officeConflict] = await Promise.all([
      frontDesk.db.syncConflicts.toArray(),
      office.db.syncConflicts.toArray(),
    ]);
    expect(deskConflict).toHaveLength(1);
    expect(officeConflict).toHaveLength(1);
    const sidesOf = (rows: typeof deskConflict) =>
      rows.flatMap((row) => row.sides.map((side) => `${side.d}:${side.n}`)).sort();
    expect(sidesOf(deskConflict)).toEqual(sidesOf(officeConflict));
    expect(deskConflict[0]?.base.version).toBe(officeConflict[0]?.base.version);
    // The same winner on both, and the same version.
    expect(await frontDesk.db.restrictions.get(id)).toEqual(await office.db.restrictions.get(id));
    expect(await versionAt(frontDesk, id)).toBe(await versionAt(office, id));
    // Nothing applied from elsewhere went back into either change log.
    expect(await office.db.syncChangeLog.count()).toBe(0);

    // The office settles it by keeping its own version: a new change naming both, and both close.
    const kept = await keepOwnSide(office, id);
    await exchange(frontDesk, office, keys);
    expect(await frontDesk.db.syncConflicts.count()).toBe(0);
    expect(await office.db.syncConflicts.count()).toBe(0);
    expect(await frontDesk.db.restrictions.get(id)).toEqual(kept.row);
    expect(await versionAt(frontDesk, id)).toBe(await versionAt(office, id));
  });

  it('reaches the same record whichever computer applies first', async () => {
    const { keys, frontDesk, office, id } = await changedApart();
    // The office hears first and changes again on top of its winner before the desk hears.
    await send(frontDesk, office, keys);
    await applyIncoming(office.db, office.mirror, keys);
    await changeCourtOrderAt(office, id, { kind: 'noContact', conditions: 'Not even at the gate.' });
    await send(office, frontDesk, keys);
    await applyIncoming(frontDesk.db, frontDesk.mirror, keys);
    await send(frontDesk, office, keys);
    await applyIncoming(office.db, office.mirror, keys);
    expect(await frontDesk.db.restrictions.get(id)).toEqual(await office.db.restrictions.get(id));
    expect(await versionAt(frontDesk, id)).toBe(await versionAt(office, id));
    const sides = async (at: Computer) =>
      (await at.db.syncConflicts.toArray()).flatMap((row) => row.sides.map((s) => `${s.d}:${s.n}`)).sort();
    expect(await sides(frontDesk)).toEqual(await sides(office));
    expect(await sides(office)).toHaveLength(2);
  });

  it('the door on both computers holds the stricter version until someone settles it', async () => {
    const { keys, frontDesk, office, id } = await changedApart();
    await exchange(frontDesk, office, keys);
    const atTheDoor = async (at: Computer) =>
      (await restrictionRepository(at.db).listForCheck(at.session, today)).restrictions.map((r) => r.kind);
    const onTheScreen = async (at: Computer) =>
      (await restrictionRepository(at.db).listInForce(at.session, today)).restrictions.map((r) => r.kind);
    // The relaxed version wins meanwhile (the front desk's change number is the higher), but the door holds the stricter.
    const stored = async (at: Computer) =>
      (await restrictionRepository(at.db).listAll(at.session)).map((r) => r.kind);
    for (const at of [frontDesk, office]) {
      expect(await stored(at)).toEqual(['other']);
      expect(await atTheDoor(at)).toEqual(['noContact']);
      expect(await onTheScreen(at)).toEqual(['noContact']);
    }

    // The manager keeps the relaxed version: once that reaches both, the door follows it.
    await keepOwnSide(frontDesk, id);
    await exchange(frontDesk, office, keys);
    for (const at of [frontDesk, office]) expect(await atTheDoor(at)).toEqual(['other']);
  });
});
