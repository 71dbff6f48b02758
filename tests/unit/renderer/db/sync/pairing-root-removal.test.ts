import { describe, expect, it } from 'vitest';
import { listComputers, removeComputer } from '../../../../../renderer/src/db/sync/pairing-flow';
import { syncHomeOnTestServer } from '../sync-computers-rig';

/**
 * The home's first computer removed from another: it is refused, the remover takes its place at
 * the root of the registry, and the computers it had added stay and can add others.
 */

const { rig, now, home } = syncHomeOnTestServer('family-links-root-removal-');

describe('removing the home’s first computer', () => {
  it('is done from another computer, which takes its place and endorses from then on', async () => {
    const { manager, office } = await home.managerAtTheOffice();
    const frontDesk = await home.addedComputer(office.connection, manager, 'Front desk');
    const staffRoom = await home.addedComputer(office.connection, manager, 'Staff room');
    await home.exchange(frontDesk.connection);

    const listed = await listComputers(frontDesk.connection);
    const first = listed.find((device) => device.isRoot);
    if (!first) throw new Error('The office is not listed');
    expect(first.name).toBe('Office');
    // The office cannot remove itself; the front desk can remove it.
    expect(
      await removeComputer(office.connection, office.calls, manager, rig.couch().admin, first, now),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(
      await removeComputer(frontDesk.connection, frontDesk.calls, manager, rig.couch().admin, first, now),
    ).toMatchObject({
      ok: true,
    });
    expect(await office.api['sync:http']({ method: 'GET', path: '/', query: '' })).toMatchObject({
      value: { outcome: 'reply', status: 401 },
    });

    // Every computer left works the same registry out: the office removed, the front desk at the
    // root in its place, the staff room (which the office added) endorsed again by the front desk.
    await home.exchange(staffRoom.connection);
    for (const connection of [frontDesk.connection, staffRoom.connection]) {
      const devices = await listComputers(connection);
      const byName = new Map(devices.map((device) => [device.name, device]));
      expect(byName.get('Office')?.removedFromSeq).toBeGreaterThan(0);
      expect(byName.get('Front desk')).toMatchObject({ isRoot: true });
      expect(byName.get('Staff room')).toMatchObject({ endorsedBy: frontDesk.connection.home.deviceId });
      expect(byName.get('Staff room')?.removedAt).toBeUndefined();
    }

    // The front desk adds a new computer, which works the registry out from the first computer's key.
    const hall = await home.addedComputer(frontDesk.connection, manager, 'Hall');
    await home.exchange(staffRoom.connection);
    const fromHall = await listComputers(hall.connection);
    expect(fromHall.find((device) => device.name === 'Hall')?.endorsedBy).toBe(
      frontDesk.connection.home.deviceId,
    );
    expect((await listComputers(staffRoom.connection)).map((device) => device.name)).toContain('Hall');
    expect((await frontDesk.db.audit.toArray()).map((entry) => entry.action)).toContain(
      'sync.computer-removed',
    );
  }, 120_000);
});
