import { describe, expect, it } from 'vitest';
import { shortDeviceId } from '../../../../../shared/sync/missing-changes';
import { restrictionRepository } from '../../../../../renderer/src/db/repositories/restriction-repository';
import { restrictionCodec } from '../../../../../renderer/src/db/repositories/restriction-codec';
import type { RestrictionRow } from '../../../../../renderer/src/db/database';
import { recordSyncId } from '../../../../../renderer/src/db/sync/change-log';
import { conflictCodecOf, mergeOpenConflicts } from '../../../../../renderer/src/db/sync/sync-merge';
import { hasVersions, replicatedRowSchemas } from '../../../../../renderer/src/db/sync/replicated-rows';
import {
  changeCourtOrderAt,
  courtOrderChangedOn as today,
  courtOrderOnBoth,
  exchange,
  type Computer,
} from '../sync-computers';
import { testSession } from '../test-session';
import { syncConflictRepository } from '../../../../../renderer/src/db/repositories/sync-conflict-repository';

/**
 * The merging pass: a signed-in computer holding a record's keys merges a conflict whose sides
 * changed different fields, and the merge closes it on every computer; the same field changed
 * two ways is left for the manager; without the keys nothing is touched.
 */

async function changedApart(office: object, frontDesk: object) {
  const { keys, frontDesk: desk, office: offc, id } = await courtOrderOnBoth();
  await changeCourtOrderAt(offc, id, office);
  await changeCourtOrderAt(desk, id, frontDesk);
  await exchange(desk, offc, keys);
  return { keys, desk, office: offc, id };
}

const opened = async (at: Computer, id: string) => {
  const row = (await at.db.restrictions.get(id)) as RestrictionRow;
  return restrictionCodec.decode(row, at.session.cipher);
};
/** Changes to restrictions waiting in the change log (its audit entries are logged too). */
const restrictionChanges = (at: Computer) =>
  at.db.syncChangeLog.filter((row) => row.table === 'restrictions').count();
const versionAt = async (at: Computer, id: string) =>
  (await at.db.syncVersions.get(recordSyncId('restrictions', id)))?.version;

describe('the merging pass', () => {
  it('merges changes to different fields and the merge closes the conflict on both computers', async () => {
    const { keys, desk, office, id } = await changedApart(
      { kind: 'noContact', conditions: '' },
      { reviewOn: '2027-02-01' },
    );
    expect(await office.db.syncConflicts.count()).toBe(1);
    expect(await desk.db.syncConflicts.count()).toBe(1);

    const outcome = await mergeOpenConflicts(office.db, office.session);
    expect(outcome).toEqual({ merged: 1, settled: 0, forManager: 0, notOpened: 0 });
    expect(await office.db.syncConflicts.count()).toBe(0);
    const merged = await opened(office, id);
    expect(merged).toMatchObject({ kind: 'noContact', reviewOn: '2027-02-01', version: 2 });
    expect(merged.conditions ?? '').toBe('');
    const audited = await office.db.audit.where('action').equals('sync.merged').toArray();
    expect(audited.map((entry) => [entry.recordType, entry.recordId, entry.detail])).toEqual([
      ['restrictions', id, 'merged field by field'],
    ]);

    await exchange(desk, office, keys);
    expect(await desk.db.syncConflicts.count()).toBe(0);
    expect(await opened(desk, id)).toEqual(merged);
    expect(await versionAt(desk, id)).toBe(await versionAt(office, id));
    // The door on the front desk follows the merge.
    const atTheDoor = await restrictionRepository(desk.db).listForCheck(desk.session, today);
    expect(atTheDoor.restrictions.map((r) => r.kind)).toEqual(['noContact']);
  });

  it('leaves the same field changed two ways for the manager, naming the fields', async () => {
    const { desk, office } = await changedApart(
      { kind: 'noContact', conditions: '' },
      { kind: 'other', conditions: 'May visit on Saturdays.' },
    );
    const logged = await restrictionChanges(office);
    expect(await mergeOpenConflicts(office.db, office.session)).toEqual({
      merged: 0,
      settled: 0,
      forManager: 1,
      notOpened: 0,
    });
    const [conflict] = await office.db.syncConflicts.toArray();
    expect(conflict?.conflicting).toEqual(['conditions', 'kind']);
    expect(await restrictionChanges(office)).toBe(logged);
    expect(await desk.db.syncConflicts.count()).toBe(1);
  });

  it('when both computers merge, the two merges are settled with no new change', async () => {
    const { keys, desk, office, id } = await changedApart(
      { kind: 'noContact', conditions: '' },
      { reviewOn: '2027-02-01' },
    );
    await mergeOpenConflicts(office.db, office.session);
    await mergeOpenConflicts(desk.db, desk.session);
    await exchange(desk, office, keys);
    // Each merge arrives as a change concurrent with the other: a conflict whose sides are the same.
    for (const at of [office, desk]) expect(await at.db.syncConflicts.count()).toBe(1);
    for (const at of [office, desk]) {
      const logged = await restrictionChanges(at);
      expect(await mergeOpenConflicts(at.db, at.session)).toMatchObject({ settled: 1, merged: 0 });
      expect(await at.db.syncConflicts.count()).toBe(0);
      expect(await restrictionChanges(at)).toBe(logged);
    }
    expect(await opened(desk, id)).toEqual(await opened(office, id));
    expect(await versionAt(desk, id)).toBe(await versionAt(office, id));
  });

  it('touches nothing without the keys: a care worker’s session cannot open the casework part', async () => {
    const { office } = await changedApart({ kind: 'noContact', conditions: '' }, { reviewOn: '2027-02-01' });
    const careWorker = await testSession(['careStaff'], {
      dataKey: office.session.dataKey,
      auditKey: office.session.auditKey,
      compartments: office.session.compartments,
    });
    const before = await office.db.syncConflicts.toArray();
    expect(await mergeOpenConflicts(office.db, careWorker)).toEqual({
      merged: 0,
      settled: 0,
      forManager: 0,
      notOpened: 1,
    });
    expect(await office.db.syncConflicts.toArray()).toEqual(before);
    expect(await office.db.audit.where('action').equals('sync.merged').count()).toBe(0);
  });

  it('knows how to open and seal every table whose records can conflict', () => {
    const changeable = Object.keys(replicatedRowSchemas).filter(hasVersions);
    expect(changeable.length).toBeGreaterThan(10);
    expect(changeable.filter((table) => !conflictCodecOf(table))).toEqual([]);
  });
});

describe('changed on two computers at once: the manager’s choice', () => {
  const sameField = () =>
    changedApart(
      { kind: 'noContact', conditions: '' },
      { kind: 'other', conditions: 'May visit on Saturdays.' },
    );

  it('lists both versions, only where they differ, and only for the manager', async () => {
    const { desk, office } = await sameField();
    const [listed, ...others] = await syncConflictRepository(office.db).listForManager(office.session);
    expect(others).toEqual([]);
    expect(listed?.recordName).toBe('Contact restriction: John Smith');
    expect(listed?.versions.map((version) => version.madeHere).sort()).toEqual([false, true]);
    // The front desk has no name here yet (set up before names): it goes by the start of its id.
    expect(listed?.versions.map((version) => version.madeOn).sort()).toEqual(
      [`computer ${shortDeviceId(desk.device.deviceId)}`, 'this computer'].sort(),
    );
    expect(listed?.fields.map((field) => field.label)).toEqual(['Conditions', 'What is allowed']);
    const kinds = listed?.fields.find((field) => field.field === 'kind')?.values;
    expect([...(kinds ?? [])].sort()).toEqual(['No contact', 'Other (see the conditions)']);
    const careWorker = await testSession(['careStaff'], {
      dataKey: office.session.dataKey,
      auditKey: office.session.auditKey,
      compartments: office.session.compartments,
    });
    expect(await syncConflictRepository(office.db).listForManager(careWorker)).toEqual([]);
    expect(await syncConflictRepository(office.db).countOpen(careWorker)).toBe(0);
    const refused = await syncConflictRepository(office.db).keep(careWorker, listed?.id ?? '', '');
    expect(refused.ok ? undefined : refused.error.code).toBe('forbidden');
  });

  it('lists versions made in the same second in one order, however this computer holds them', async () => {
    const { office } = await sameField();
    const conflicts = syncConflictRepository(office.db);
    const [row] = await office.db.syncConflicts.toArray();
    if (!row) throw new Error('no conflict kept');
    const sameSecond = row.sides.map((side) => ({ ...side, at: '2026-12-05T09:00:00.000Z' }));
    await office.db.syncConflicts.put({ ...row, sides: sameSecond });
    const [first] = await conflicts.listForManager(office.session);
    await office.db.syncConflicts.put({ ...row, sides: [...sameSecond].reverse() });
    const [again] = await conflicts.listForManager(office.session);
    expect(first?.versions).toHaveLength(2);
    expect(again?.versions).toEqual(first?.versions);
  });

  it('does not list changes to different fields: they are merged unasked, though counted until then', async () => {
    const { office } = await changedApart({ kind: 'noContact', conditions: '' }, { reviewOn: '2027-02-01' });
    const conflicts = syncConflictRepository(office.db);
    expect(await conflicts.countOpen(office.session)).toBe(1);
    expect(await conflicts.listForManager(office.session)).toEqual([]);
  });

  it('keeps the chosen version on both computers, audited, and both lists empty', async () => {
    const { keys, desk, office, id } = await sameField();
    const conflicts = syncConflictRepository(office.db);
    await office.db.syncPeers.update(desk.device.deviceId, { name: 'Front desk' });
    const [listed] = await conflicts.listForManager(office.session);
    const fromDesk = listed?.versions.find((version) => !version.madeHere);
    if (!listed || !fromDesk) throw new Error('no conflict listed');
    expect(fromDesk.madeOn).toBe('Front desk');
    expect((await conflicts.keep(office.session, listed.id, fromDesk.version)).ok).toBe(true);
    expect(await conflicts.countOpen(office.session)).toBe(0);
    const audited = await office.db.audit.where('action').equals('sync.version-chosen').toArray();
    expect(audited.map((entry) => [entry.recordId, entry.detail])).toEqual([
      [id, 'kept the version made on Front desk'],
    ]);
    // Choosing again (a stale screen) says it is settled.
    const again = await conflicts.keep(office.session, listed.id, fromDesk.version);
    expect(again.ok ? undefined : again.error.code).toBe('not-found');

    await exchange(desk, office, keys);
    for (const at of [desk, office]) {
      expect(await syncConflictRepository(at.db).countOpen(at.session)).toBe(0);
      expect(await opened(at, id)).toMatchObject({ kind: 'other', conditions: 'May visit on Saturdays.' });
    }
    expect(await versionAt(desk, id)).toBe(await versionAt(office, id));
  });
});

describe('changed on two computers at once: the manager combines the versions', () => {
  // The office tightens the order and moves its review; the front desk relaxes it and gives a new reference.
  const apart = () =>
    changedApart(
      { kind: 'noContact', conditions: '', reviewOn: '2027-02-01' },
      { kind: 'other', conditions: 'May visit on Saturdays.', authorityReference: 'ZW24C00999' },
    );
  const atTheDoor = async (at: Computer) =>
    (await restrictionRepository(at.db).listForCheck(at.session, today)).restrictions.map((r) => [
      r.kind,
      r.conditions ?? '',
    ]);

  async function listed(at: Computer) {
    const [conflict] = await syncConflictRepository(at.db).listForManager(at.session);
    if (!conflict) throw new Error('no conflict listed');
    const versionFrom = (here: boolean) =>
      conflict.versions.find((version) => version.madeHere === here)?.version ?? '';
    return { conflict, here: versionFrom(true), there: versionFrom(false) };
  }

  it('offers the details changed two ways to choose, and keeps what one computer changed', async () => {
    const { keys, desk, office, id } = await apart();
    await office.db.syncPeers.update(desk.device.deviceId, { name: 'Front desk' });
    const { conflict, here, there } = await listed(office);
    expect(conflict.choosable).toEqual(['conditions', 'kind']);
    // The door holds the stricter version meanwhile, on both.
    for (const at of [office, desk]) expect(await atTheDoor(at)).toEqual([['noContact', '']]);

    const versions = conflict.versions.map((version) => version.version);
    const combined = await syncConflictRepository(office.db).combine(office.session, conflict.id, {
      versions,
      choices: { kind: there, conditions: there },
    });
    expect(combined).toEqual({ ok: true, value: undefined });
    expect(await syncConflictRepository(office.db).countOpen(office.session)).toBe(0);
    const kept = await opened(office, id);
    // The front desk's terms and reference, with the office's review date: neither version alone.
    expect(kept).toMatchObject({
      kind: 'other',
      conditions: 'May visit on Saturdays.',
      authorityReference: 'ZW24C00999',
      reviewOn: '2027-02-01',
    });
    const audited = await office.db.audit.where('action').equals('sync.versions-combined').toArray();
    expect(audited.map((entry) => [entry.recordType, entry.recordId, entry.detail])).toEqual([
      [
        'restrictions',
        id,
        'combined the versions: Conditions from Front desk; What is allowed from Front desk',
      ],
    ]);
    expect(here).not.toBe(there);

    // The combination reaches the front desk, closes the conflict there, and both doors follow it.
    await exchange(desk, office, keys);
    for (const at of [desk, office]) {
      expect(await syncConflictRepository(at.db).countOpen(at.session)).toBe(0);
      expect(await opened(at, id)).toEqual(kept);
      expect(await atTheDoor(at)).toEqual([['other', 'May visit on Saturdays.']]);
    }
    expect(await versionAt(desk, id)).toBe(await versionAt(office, id));
  });

  it('names the computers a combination took each detail from, by field, never by value', async () => {
    const { office, id } = await apart();
    const { conflict, here, there } = await listed(office);
    const versions = conflict.versions.map((version) => version.version);
    const combined = await syncConflictRepository(office.db).combine(office.session, conflict.id, {
      versions,
      choices: { kind: here, conditions: there },
    });
    expect(combined.ok).toBe(true);
    const [entry] = await office.db.audit.where('action').equals('sync.versions-combined').toArray();
    expect(entry?.detail).toMatch(
      /^combined the versions: Conditions from computer \S+; What is allowed from this computer$/,
    );
    expect(entry?.detail).not.toContain('Saturdays');
    expect(await opened(office, id)).toMatchObject({
      kind: 'noContact',
      conditions: 'May visit on Saturdays.',
    });
  });

  it('refuses an impossible combination with a plain message and writes nothing', async () => {
    const { desk, office } = await apart();
    const { conflict, here, there } = await listed(office);
    const before = {
      conflicts: await office.db.syncConflicts.toArray(),
      restrictions: await office.db.restrictions.toArray(),
      changes: await restrictionChanges(office),
      audit: await office.db.audit.count(),
    };
    // "Other" from the front desk, with the office's conditions, which are none.
    const refused = await syncConflictRepository(office.db).combine(office.session, conflict.id, {
      versions: conflict.versions.map((version) => version.version),
      choices: { kind: there, conditions: here },
    });
    expect(refused.ok ? undefined : [refused.error.code, refused.error.message]).toEqual([
      'invalid',
      'These values cannot be kept together. Conditions: Say what the restriction is: “other” needs its conditions written out. Nothing has been changed.',
    ]);
    const unchosen = await syncConflictRepository(office.db).combine(office.session, conflict.id, {
      versions: conflict.versions.map((version) => version.version),
      choices: { kind: there },
    });
    expect(unchosen.ok ? undefined : unchosen.error.code).toBe('unchosen');
    expect({
      conflicts: await office.db.syncConflicts.toArray(),
      restrictions: await office.db.restrictions.toArray(),
      changes: await restrictionChanges(office),
      audit: await office.db.audit.count(),
    }).toEqual(before);
    expect(await desk.db.syncConflicts.count()).toBe(1);
  });

  it('refuses when another version arrived since the versions were shown, and for anyone but the manager', async () => {
    const { keys, desk, office, id } = await apart();
    const { conflict, there } = await listed(office);
    const shown = {
      versions: conflict.versions.map((version) => version.version),
      choices: { kind: there, conditions: there },
    };
    // The front desk changes it again before the manager's choice is made.
    await changeCourtOrderAt(desk, id, { kind: 'other', conditions: 'May visit on Sundays.' });
    await exchange(desk, office, keys);
    const moved = await syncConflictRepository(office.db).combine(office.session, conflict.id, shown);
    expect(moved.ok ? undefined : [moved.error.code, moved.error.message]).toEqual([
      'moved',
      'Another version of this record has just arrived. Look at the versions again and choose.',
    ]);
    expect(await office.db.audit.where('action').equals('sync.versions-combined').count()).toBe(0);

    const careWorker = await testSession(['careStaff'], {
      dataKey: office.session.dataKey,
      auditKey: office.session.auditKey,
      compartments: office.session.compartments,
    });
    const forbidden = await syncConflictRepository(office.db).combine(careWorker, conflict.id, shown);
    expect(forbidden.ok ? undefined : forbidden.error.code).toBe('forbidden');
  });
});
