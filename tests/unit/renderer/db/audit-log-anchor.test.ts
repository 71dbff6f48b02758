import { afterEach, describe, expect, it } from 'vitest';
import type { AuditHead } from '../../../../shared/rules/audit-chain';
import type { FamilyLinksDb } from '../../../../renderer/src/db/database';
import { auditLog } from '../../../../renderer/src/db/repositories/audit-log-repository';
import type { AuditAnchorPort } from '../../../../renderer/src/platform/audit-anchor-port';
import { freshDatabase } from './test-database';
import { testSession } from './test-session';

let db: FamilyLinksDb;
afterEach(() => db?.close());

/** Stands in for the main process's file: remembers the latest head it was given. */
function memoryAnchor(): AuditAnchorPort & { stored: AuditHead | null } {
  const port = {
    stored: null as AuditHead | null,
    anchor: (head: AuditHead) => {
      port.stored = head;
      return Promise.resolve();
    },
    read: () => Promise.resolve(port.stored),
  };
  return port;
}

async function logWithEntries(count: number) {
  db = freshDatabase();
  const session = await testSession(['registeredManager']);
  const anchor = memoryAnchor();
  const log = auditLog(db, anchor);
  for (let index = 1; index <= count; index += 1) {
    await log.write(
      { actorId: session.staff.id, auditKey: session.auditKey },
      [{ action: 'test.event', detail: `event ${index}` }],
      [],
      () => Promise.resolve(),
      new Date(),
    );
  }
  return { session, anchor, log };
}

describe('the copy of the audit head kept outside the database', () => {
  it('follows every append', async () => {
    const { anchor } = await logWithEntries(3);
    const last = await db.audit.orderBy('seq').last();
    expect(anchor.stored).toEqual({ seq: 3, mac: last?.mac });
  });

  it('catches the last entries cut off with the head set back to match (which needs no key)', async () => {
    const { session, log } = await logWithEntries(4);
    const kept = await db.audit.get(2);
    if (!kept) throw new Error('setup');
    await db.audit.bulkDelete([3, 4]);
    await db.settings.put({ key: 'auditHead', value: { seq: kept.seq, mac: kept.mac } });
    const verdict = await log.verify(session.roles, session.auditKey);
    expect(verdict).toMatchObject({ kind: 'tampered', reason: 'truncated', atSeq: 3 });
    if (verdict?.kind === 'tampered') expect(verdict.message).toContain('reached entry 4');
  });

  it('catches a log cut short and then grown past the anchor: the anchor does not follow the new entries', async () => {
    const { session, log, anchor } = await logWithEntries(4);
    const kept = await db.audit.get(2);
    if (!kept) throw new Error('setup');
    // Entries 3 and 4 removed behind the app's back, then the home carries on: 3, 4 and 5 are new.
    await db.audit.bulkDelete([3, 4]);
    await db.settings.put({ key: 'auditHead', value: { seq: kept.seq, mac: kept.mac } });
    for (const index of [1, 2, 3])
      await log.write(
        { actorId: session.staff.id, auditKey: session.auditKey },
        [{ action: 'test.event', detail: `after ${index}` }],
        [],
        () => Promise.resolve(),
        new Date(),
      );
    expect(anchor.stored?.seq).toBe(4);
    const verdict = await log.verify(session.roles, session.auditKey);
    expect(verdict).toMatchObject({ kind: 'tampered', atSeq: 4 });
  });

  it('follows again after a lag (a write whose anchor copy failed): the entry it names is still there', async () => {
    const { session, log, anchor } = await logWithEntries(3);
    const first = await db.audit.get(1);
    anchor.stored = first ? { seq: 1, mac: first.mac } : null;
    await log.write(
      { actorId: session.staff.id, auditKey: session.auditKey },
      [{ action: 'test.event' }],
      [],
      () => Promise.resolve(),
      new Date(),
    );
    expect(anchor.stored?.seq).toBe(4);
    expect((await log.verify(session.roles, session.auditKey))?.kind).toBe('intact');
  });

  it('is intact when nothing was touched, and when the copy merely lags behind the log', async () => {
    const { session, log, anchor } = await logWithEntries(3);
    expect((await log.verify(session.roles, session.auditKey))?.kind).toBe('intact');
    const first = await db.audit.get(1);
    anchor.stored = first ? { seq: 1, mac: first.mac } : null;
    expect((await log.verify(session.roles, session.auditKey))?.kind).toBe('intact');
  });
});
