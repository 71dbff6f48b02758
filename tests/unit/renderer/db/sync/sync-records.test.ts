import { describe, expect, it } from 'vitest';
import { generateDeviceKeyPair, sealEnvelope } from '../../../../../shared/sync/sync-envelope';
import { pumpChanges, pushedThroughKey } from '../../../../../renderer/src/db/sync/sync-pump';
import { applyIncoming, pulledSinceKey, seenVector } from '../../../../../renderer/src/db/sync/sync-applier';
import type { MirrorReader } from '../../../../../renderer/src/db/sync/sync-applier';
import type { MirrorWriter } from '../../../../../renderer/src/db/sync/sync-pump';
import { startRecordSync } from '../../../../../renderer/src/db/sync/record-sync';
import { visitorLogRepository } from '../../../../../renderer/src/db/repositories/visitor-log-repository';
import { send, signInVisitorAt, twoComputers, type Computer } from '../sync-computers';

/**
 * Two computers of one home, each with its own IndexedDB and its own PouchDB mirror, the mirrors
 * replicated to each other as live sync would through the server: what the front desk records
 * reaches the office's registers through the change log, the pump, the envelope and the applier.
 */

const onSiteAt = async (at: Computer) =>
  (await visitorLogRepository(at.db, at.session.cipher).onSite()).map((entry) => entry.visitorName);

describe('sync records between two computers', () => {
  it('a visitor signed in at the front desk is on the office’s fire roll, and is not sent back', async () => {
    const { keys, frontDesk, office } = await twoComputers();
    const entry = await signInVisitorAt(frontDesk);
    await send(frontDesk, office, keys);
    expect(await frontDesk.db.syncChangeLog.count()).toBe(0);
    expect((await frontDesk.db.syncState.get(pushedThroughKey))?.value).toBeGreaterThan(0);

    const outcome = await applyIncoming(office.db, office.mirror, keys);
    // The entry, and the front desk's audit entries saying who signed the visitor in.
    expect(outcome.applied).toBe(1 + (await frontDesk.db.audit.count()));
    expect(outcome.refused).toBe(0);
    expect(await onSiteAt(office)).toEqual(['Dawn Morris']);
    expect(await office.db.visitorLog.get(entry.id)).toEqual(await frontDesk.db.visitorLog.get(entry.id));
    // Applied from elsewhere: not in the office's own change log, so never sent back as its own.
    expect(await office.db.syncChangeLog.filter((row) => row.table === 'visitorLog').count()).toBe(0);
    const applied = (await office.db.syncApplied.toArray()).filter((row) => !row.held);
    expect(new Set(applied.map((row) => row.deviceId))).toEqual(new Set([frontDesk.device.deviceId]));
    expect(await office.db.syncProblems.count()).toBe(0);
  });

  it('applies each change once: again from the start, copies are skipped', async () => {
    const { keys, frontDesk, office } = await twoComputers();
    await signInVisitorAt(frontDesk);
    await signInVisitorAt(frontDesk, 'Sam Okafor');
    const sent = await send(frontDesk, office, keys);
    const first = await applyIncoming(office.db, office.mirror, keys);
    // The two entries and their audit entries; the audit head is this computer's own, never sent.
    const audited = await frontDesk.db.audit.count();
    expect(first).toMatchObject({ applied: 2 + audited, held: sent - 2 - audited, refused: 0 });
    expect((await applyIncoming(office.db, office.mirror, keys)).applied).toBe(0);
    await office.db.syncState.delete(pulledSinceKey);
    const again = await applyIncoming(office.db, office.mirror, keys);
    expect(again.applied).toBe(0);
    expect(again).toMatchObject({ applied: 0, held: 0, skipped: sent });
    expect((await onSiteAt(office)).sort()).toEqual(['Dawn Morris', 'Sam Okafor']);
    // Everything the front desk sent was received, with no gap.
    expect((await seenVector(office.db))[frontDesk.device.deviceId]).toBe(sent);
  });

  it('refuses a document altered on the server, lists it as a problem and audits it, never applying it', async () => {
    const { keys, frontDesk, office } = await twoComputers();
    const entry = await signInVisitorAt(frontDesk);
    await send(frontDesk, office, keys);
    // The server (here, the office's copy of what it holds) changes one byte of each document.
    const all = (
      await (office.mirror as unknown as { allDocs(o: object): Promise<{ rows: { id: string }[] }> }).allDocs(
        {},
      )
    ).rows;
    for (const { id } of all) {
      const doc = await office.mirror.get(id);
      const c = doc.c.startsWith('A') ? `B${doc.c.slice(1)}` : `A${doc.c.slice(1)}`;
      await office.mirror.put({ ...doc, c });
    }
    const outcome = await applyIncoming(office.db, office.mirror, keys, {
      auditor: { actorId: office.session.staff.id, auditKey: office.session.auditKey },
    });
    expect(outcome.applied).toBe(0);
    expect(outcome.refused).toBe(all.length);
    expect(await office.db.visitorLog.get(entry.id)).toBeUndefined();
    const problems = await office.db.syncProblems.toArray();
    expect(new Set(problems.map((problem) => problem.reason))).toEqual(new Set(['bad-signature']));
    const audited = await office.db.audit.where('action').equals('sync.document-refused').toArray();
    expect(audited.map((row) => row.recordId).sort()).toEqual(
      problems.map((problem) => problem.documentId).sort(),
    );
  });

  it('refuses an invented computer, a row not in the stored form and a different body for a used number', async () => {
    const { keys, frontDesk, office } = await twoComputers();
    const stranger = { deviceId: crypto.randomUUID(), ...(await generateDeviceKeyPair()) };
    const at = new Date().toISOString();
    const invented = await sealEnvelope(keys, stranger, 1, {
      table: 'visitorLog',
      key: 'x',
      op: 'put',
      row: {},
      base: null,
      seen: {},
      at,
    });
    const id = crypto.randomUUID();
    const unstoredRow = await sealEnvelope(keys, frontDesk.device, 900, {
      table: 'visitorLog',
      key: id,
      op: 'put',
      // A visitor's name in the clear is not how the register stores a row.
      row: {
        id,
        arrivedAt: at,
        visitingYoungPersonIds: [],
        visitorName: 'Dawn Morris',
        sealed: { iv: new Uint8Array(12), data: new ArrayBuffer(8) },
      },
      base: null,
      seen: {},
      at,
    });
    await office.mirror.bulkDocs([invented, unstoredRow]);
    const first = await applyIncoming(office.db, office.mirror, keys);
    expect(first).toMatchObject({ applied: 0, refused: 2 });

    // A second body, validly signed, under a change number already applied.
    const entry = await signInVisitorAt(frontDesk);
    await send(frontDesk, office, keys);
    const audited = await frontDesk.db.audit.count();
    expect((await applyIncoming(office.db, office.mirror, keys)).applied).toBe(1 + audited);
    const appliedRow = await office.db.syncApplied
      .where('deviceId')
      .equals(frontDesk.device.deviceId)
      .filter((row) => row.held === undefined)
      .first();
    if (!appliedRow) throw new Error('nothing applied');
    const existing = await office.mirror.get(appliedRow.id);
    const second = await sealEnvelope(keys, frontDesk.device, appliedRow.n, {
      table: 'visitorLog',
      key: entry.id,
      op: 'delete',
      base: null,
      seen: {},
      at,
    });
    await office.mirror.put({ ...second, _rev: existing._rev });
    await applyIncoming(office.db, office.mirror, keys);
    expect(await office.db.visitorLog.get(entry.id)).toBeDefined();

    const reasons = (await office.db.syncProblems.toArray()).map((problem) => problem.reason).sort();
    expect(reasons).toEqual(['different-copy', 'not-a-valid-row', 'unknown-device']);
    // Nobody signed in at the office: the refusals wait, stamped, for the next sign-in's chain.
    const pending = await office.db.pendingAudit.toArray();
    expect(pending.filter((row) => row.action === 'sync.document-refused')).toHaveLength(3);
  });

  it('a pump that stopped after writing to the mirror sends again without a second copy', async () => {
    const { keys, frontDesk, office } = await twoComputers();
    await signInVisitorAt(frontDesk);
    const crashing: MirrorWriter = {
      async bulkDocs(docs) {
        await frontDesk.mirror.bulkDocs(docs);
        throw new Error('the window closed');
      },
    };
    await expect(pumpChanges(frontDesk.db, crashing, keys, frontDesk.device)).rejects.toThrow(
      'the window closed',
    );
    const unsent = await frontDesk.db.syncChangeLog.count();
    expect(unsent).toBeGreaterThan(0);
    expect(await send(frontDesk, office, keys)).toBe(unsent);
    expect(await frontDesk.db.syncChangeLog.count()).toBe(0);
    const outcome = await applyIncoming(office.db, office.mirror, keys);
    const audited = await frontDesk.db.audit.count();
    expect(outcome).toMatchObject({ applied: 1 + audited, refused: 0, held: unsent - 1 - audited });
    expect(await onSiteAt(office)).toEqual(['Dawn Morris']);
  });

  it('record sync keeps both computers moving, and carries on after a pass that failed', async () => {
    const { keys, frontDesk, office } = await twoComputers();
    // One mirror for both, as if each were the server: live replication is the transport's business.
    const shared = frontDesk.mirror;
    let failures = 1;
    const flaky: MirrorReader & MirrorWriter = {
      bulkDocs: (docs) => shared.bulkDocs(docs),
      changes: (options) => {
        if (failures > 0) {
          failures -= 1;
          return Promise.reject(new Error('the connection dropped'));
        }
        return shared.changes(options);
      },
    };
    const errors: string[] = [];
    const onError = (error: unknown) => errors.push(String(error));
    const desk = startRecordSync(frontDesk.db, shared, keys, frontDesk.device, { onError });
    const officeSync = startRecordSync(office.db, flaky, keys, office.device, { onError });
    try {
      await signInVisitorAt(frontDesk);
      await expect.poll(() => onSiteAt(office), { timeout: 5_000 }).toEqual(['Dawn Morris']);
      expect(errors).toEqual(['Error: the connection dropped']);
    } finally {
      desk.stop();
      officeSync.stop();
    }
  });
});
