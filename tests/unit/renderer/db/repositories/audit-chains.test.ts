import { describe, expect, it } from 'vitest';
import { shortDeviceId } from '../../../../../shared/sync/missing-changes';
import { sealEnvelope } from '../../../../../shared/sync/sync-envelope';
import { appendAuditEntry, headOf, type AuditHead } from '../../../../../shared/rules/audit-chain';
import { auditLog } from '../../../../../renderer/src/db/repositories/audit-log-repository';
import { applyIncoming } from '../../../../../renderer/src/db/sync/sync-applier';
import { startChangeLog } from '../../../../../renderer/src/db/sync/sync-device';
import { databaseAtVersion, databasesClosedAfterEach, upgradeDatabase } from '../test-database';
import { testSession } from '../test-session';
import { send, signInVisitorAt, twoComputers } from '../sync-computers';

/**
 * One audit chain per computer (docs/sync-design.md): a log written before chains still
 * verifies after the upgrade and carries on as this computer's chain; another computer's entries
 * arrive through the applier into a chain of their own, and one that does not follow on is kept
 * out and reported; the check names the computer whose chain breaks.
 */

const opened = databasesClosedAfterEach();

const event = (action: string) => ({ at: '2026-11-20T08:00:00.000Z', actorId: 'manager-1', action });

describe('a log written before computers had chains', () => {
  it('still verifies after the upgrade to version 24, and carries on as this computer’s chain', async () => {
    const manager = await testSession(['registeredManager']);
    const before = await databaseAtVersion(opened, 23);
    let head: AuditHead | null = null;
    for (const [index, action] of ['sign-in', 'restriction.recorded', 'sign-out'].entries()) {
      const entry = await appendAuditEntry(head, event(action), manager.auditKey);
      await before.audit.add({ ...entry, seq: index + 1 });
      head = headOf(entry);
    }
    await before.settings.put({ key: 'auditHead', value: head });

    const db = await upgradeDatabase(opened, before, 24);
    expect(await auditLog(db).verify(manager.roles, manager.auditKey)).toEqual({ kind: 'intact', count: 3 });
    await auditLog(db).write(
      { actorId: manager.staff.id, auditKey: manager.auditKey },
      [{ action: 'audit.verified' }],
      [],
      () => Promise.resolve(),
      new Date('2026-11-21T09:00:00.000Z'),
    );
    // Without sync the computer writes as it always has: no id, numbered by its place.
    const fourth = await db.audit.orderBy('seq').last();
    expect(fourth).toMatchObject({ seq: 4, previousMac: head?.mac });
    expect(fourth?.deviceId).toBeUndefined();
    expect(await auditLog(db).verifyComputers(manager.roles, manager.auditKey)).toEqual([
      {
        deviceId: '',
        isThisComputer: true,
        name: 'this computer',
        count: 4,
        verdict: { kind: 'intact', count: 4 },
        refused: 0,
        gone: [],
      },
    ]);

    // Once sync is set up, entries name the computer and carry on the same chain.
    const { deviceId } = await startChangeLog(db, new Date());
    await auditLog(db).write(
      { actorId: manager.staff.id, auditKey: manager.auditKey },
      [{ action: 'sync.set-up' }],
      [],
      () => Promise.resolve(),
      new Date('2026-11-21T09:05:00.000Z'),
    );
    expect(await db.audit.orderBy('seq').last()).toMatchObject({
      seq: 5,
      deviceId,
      deviceSeq: 5,
      previousMac: fourth?.mac,
    });
    expect(await auditLog(db).verifyComputers(manager.roles, manager.auditKey)).toEqual([
      {
        deviceId,
        isThisComputer: true,
        name: 'this computer',
        count: 5,
        verdict: { kind: 'intact', count: 5 },
        refused: 0,
        gone: [],
      },
    ]);
  });
});

describe('another computer’s audit entries', () => {
  it('arrive through the applier as a chain of their own, and every computer’s chain checks out', async () => {
    const { keys, frontDesk, office } = await twoComputers('registeredManager');
    await signInVisitorAt(office, 'Sam Okafor');
    await signInVisitorAt(frontDesk);
    await send(frontDesk, office, keys);
    await applyIncoming(office.db, office.mirror, keys);

    const fromFrontDesk = await office.db.audit.where('deviceId').equals(frontDesk.device.deviceId).toArray();
    expect(fromFrontDesk.map((entry) => entry.action)).toEqual(['visitor.signed-in']);
    // Kept under the office's own numbering, after its own entries, and never sent back as the office's.
    expect(fromFrontDesk[0]?.seq).toBe(await office.db.audit.count());
    expect(await office.db.syncChangeLog.filter((row) => row.table === 'audit').count()).toBe(1);

    const checked = await auditLog(office.db).check(office.session);
    expect(checked?.kind).toBe('intact');
    expect(checked?.chains.map((chain) => [chain.isThisComputer, chain.count, chain.verdict.kind])).toEqual([
      [true, 1, 'intact'],
      [false, 1, 'intact'],
    ]);
    expect(checked?.chains[1]?.deviceId).toBe(frontDesk.device.deviceId);
    // Named as the registry names it, or by the start of its id while it has no name here.
    expect(checked?.chains.map((chain) => chain.name)).toEqual([
      'this computer',
      `computer ${shortDeviceId(frontDesk.device.deviceId)}`,
    ]);
    await office.db.syncPeers.update(frontDesk.device.deviceId, { name: 'Front desk' });
    const named = await auditLog(office.db).check(office.session);
    expect(named?.chains.map((chain) => chain.name)).toEqual(['this computer', 'Front desk']);
  });

  it('takes several from one batch, each numbered after the last here, with this computer’s own kept', async () => {
    const { keys, frontDesk, office } = await twoComputers('registeredManager');
    await signInVisitorAt(office, 'Sam Okafor');
    for (const name of ['Dawn Morris', 'Lee Morris', 'Ann Morris']) await signInVisitorAt(frontDesk, name);
    const ownBefore = await office.db.audit.toArray();
    await send(frontDesk, office, keys);
    await applyIncoming(office.db, office.mirror, keys);

    const all = await office.db.audit.orderBy('seq').toArray();
    expect(all.slice(0, ownBefore.length)).toEqual(ownBefore);
    const fromFrontDesk = all.slice(ownBefore.length);
    expect(fromFrontDesk.map((entry) => [entry.deviceId, entry.action])).toEqual(
      Array.from({ length: 3 }, () => [frontDesk.device.deviceId, 'visitor.signed-in']),
    );
    expect(fromFrontDesk.map((entry) => entry.seq)).toEqual([1, 2, 3].map((n) => ownBefore.length + n));
    const checked = await auditLog(office.db).check(office.session);
    expect(checked?.chains.map((chain) => [chain.count, chain.verdict.kind])).toEqual([
      [ownBefore.length, 'intact'],
      [3, 'intact'],
    ]);
  });

  it('keeps out an entry that does not follow on from that computer’s chain, and reports it', async () => {
    const { keys, frontDesk, office } = await twoComputers('registeredManager');
    await signInVisitorAt(frontDesk);
    await send(frontDesk, office, keys);
    await applyIncoming(office.db, office.mirror, keys);
    const [held] = await office.db.audit.toArray();
    if (!held) throw new Error('nothing arrived');

    // Signed by the front desk: a second entry that does not link to its first (a fork), one
    // claiming a place in the office's chain, and one further on (held until the gap fills).
    const { seq: _seq, ...entry } = held;
    const forking = { ...entry, seq: 6, deviceSeq: 2, previousMac: '0'.repeat(64) };
    const skipping = { ...entry, seq: 7, deviceSeq: 3 };
    const claiming = {
      ...entry,
      seq: 8,
      deviceSeq: 2,
      previousMac: held.mac,
      deviceId: office.device.deviceId,
    };
    const documents = await Promise.all(
      [forking, claiming, skipping].map((row, index) =>
        sealEnvelope(keys, frontDesk.device, 100 + index, {
          table: 'audit',
          key: row.seq,
          op: 'put',
          row,
          base: null,
          seen: {},
          at: row.at,
        }),
      ),
    );
    await office.mirror.bulkDocs(documents);
    const outcome = await applyIncoming(office.db, office.mirror, keys, {
      auditor: { actorId: office.session.staff.id, auditKey: office.session.auditKey },
    });
    expect(outcome).toMatchObject({ applied: 0, refused: 2, held: 1 });
    const problems = await office.db.syncProblems.toArray();
    expect(problems.map((problem) => problem.reason)).toEqual(['audit-out-of-chain', 'audit-out-of-chain']);
    expect(problems.map((problem) => problem.n).sort()).toEqual([100, 101]);
    expect(await office.db.audit.where('deviceId').equals(frontDesk.device.deviceId).count()).toBe(1);

    const checked = await auditLog(office.db).check(office.session);
    expect(checked?.kind).toBe('tampered');
    expect(checked?.chains.find((chain) => !chain.isThisComputer)).toMatchObject({ count: 1, refused: 2 });
  });

  it('holds an entry that arrives before the one it follows, and applies it once that one arrives', async () => {
    const { keys, frontDesk, office } = await twoComputers('registeredManager');
    await signInVisitorAt(frontDesk);
    await signInVisitorAt(frontDesk, 'Sam Okafor');
    await send(frontDesk, office, keys);
    // The server withholds the front desk's first audit entry for a while: its second change,
    // after the visitor's row it records (one transaction, the row first).
    const raw = office.mirror as unknown as {
      allDocs(o: object): Promise<{ rows: { id: string }[] }>;
      remove(doc: object): Promise<unknown>;
    };
    const docs = await Promise.all((await raw.allDocs({})).rows.map((row) => office.mirror.get(row.id)));
    const withheld = docs.find((doc) => doc.d === frontDesk.device.deviceId && doc.n === 2);
    if (!withheld) throw new Error('nothing to withhold');
    const { _rev, ...kept } = withheld;
    await raw.remove(withheld);
    await applyIncoming(office.db, office.mirror, keys);
    expect(await office.db.syncProblems.count()).toBe(0);
    expect(await office.db.audit.where('deviceId').equals(frontDesk.device.deviceId).count()).toBe(0);

    await office.mirror.put(kept);
    await applyIncoming(office.db, office.mirror, keys);
    expect(await office.db.syncProblems.count()).toBe(0);
    const arrived = await office.db.audit.where('deviceId').equals(frontDesk.device.deviceId).toArray();
    expect(arrived.map((entry) => entry.deviceSeq)).toEqual([1, 2]);
    expect((await auditLog(office.db).check(office.session))?.kind).toBe('intact');
  });

  it('checked while a batch is being applied, never says entries are on their way that have arrived whole', async () => {
    const { keys, frontDesk, office } = await twoComputers('registeredManager');
    for (const name of ['Dawn Morris', 'Lee Morris', 'Ann Morris', 'Sam Okafor']) {
      await signInVisitorAt(frontDesk, name);
      await send(frontDesk, office, keys);
      // The manager presses Check at every moment of the batch's write: before it, during each
      // of its requests, and after. Each check sees the batch whole or not at all.
      const checks: Promise<Awaited<ReturnType<ReturnType<typeof auditLog>['check']>>>[] = [];
      const applying = applyIncoming(office.db, office.mirror, keys);
      for (let moment = 0; moment < 40; moment += 1) {
        checks.push(auditLog(office.db).check(office.session));
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      await applying;
      for (const checked of await Promise.all(checks)) {
        expect(checked?.kind).toBe('intact');
        expect(checked?.chains.filter((chain) => chain.behind)).toEqual([]);
      }
    }
  });

  it('names the computer and the entry where a chain breaks', async () => {
    const { keys, frontDesk, office } = await twoComputers('registeredManager');
    await signInVisitorAt(frontDesk);
    await signInVisitorAt(frontDesk, 'Sam Okafor');
    await send(frontDesk, office, keys);
    await applyIncoming(office.db, office.mirror, keys);
    // Someone with the office's disk changes the front desk's second entry.
    const second = await office.db.audit
      .where('[deviceId+deviceSeq]')
      .equals([frontDesk.device.deviceId, 2])
      .first();
    if (!second) throw new Error('nothing arrived');
    await office.db.audit.put({ ...second, action: 'visitor.signed-out' });

    const checked = await auditLog(office.db).check(office.session);
    expect(checked?.kind).toBe('tampered');
    const [mine, theirs] = checked?.chains ?? [];
    expect(mine?.verdict.kind).toBe('intact');
    expect(theirs).toMatchObject({
      deviceId: frontDesk.device.deviceId,
      verdict: { kind: 'tampered', atSeq: 2, reason: 'edited' },
    });
  });
});

/*
 * Someone at the keyboard deletes register rows in IndexedDB. The log, chained and anchored, still
 * names them; the manager's check says which are gone, from this computer's own entries only (a row
 * another computer recorded may still be on its way).
 */
describe('records the log names, deleted outside Family Links', () => {
  it('are reported by the check on this computer, and another computer’s are left out', async () => {
    const { keys, frontDesk, office } = await twoComputers('registeredManager');
    await signInVisitorAt(office, 'Sam Okafor');
    await signInVisitorAt(frontDesk, 'Dawn Morris');
    await send(frontDesk, office, keys);
    await applyIncoming(office.db, office.mirror, keys);
    const clean = await auditLog(office.db).check(office.session);
    expect(clean?.chains.map((chain) => chain.gone)).toEqual([[], []]);

    const own = await office.db.audit
      .where('action')
      .equals('visitor.signed-in')
      .filter((entry) => entry.deviceId !== frontDesk.device.deviceId)
      .first();
    await office.db.visitorLog.clear();

    const checked = await auditLog(office.db).check(office.session);
    expect(checked?.kind).toBe('intact');
    expect(checked?.chains.map((chain) => chain.gone)).toEqual([
      [{ table: 'visitorLog', ids: [own?.recordId] }],
      [],
    ]);
    expect((await office.db.audit.orderBy('seq').last())?.detail).toBe('intact; rows it records gone: 1');
  });
});
