import { afterEach, describe, expect, it } from 'vitest';
import type { AuditLink, PendingAuditEvent } from '../../../../../shared/ipc/channels/audit';
import { genesisMac, type AuditHead } from '../../../../../shared/rules/audit-chain';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { auditLog } from '../../../../../renderer/src/db/repositories/audit-log-repository';
import type { AuditAnchorPort } from '../../../../../renderer/src/platform/audit-anchor-port';
import { freshDatabase } from '../test-database';
import { testSession } from '../test-session';

let db: FamilyLinksDb;
afterEach(() => db?.close());

/**
 * Stands in for the main process's anchor (electron/main/services/audit-anchor.ts, tested with the
 * real files in tests/unit/electron/services/audit-anchor.test.ts): it keeps a head, moves it only along
 * links that follow on from it, and can be made to read as missing or damaged.
 */
type MemoryAnchor = AuditAnchorPort & {
  stored: AuditHead | null;
  state: 'ok' | 'missing' | 'damaged';
  offered: AuditLink[][];
  sealed: Map<number, PendingAuditEvent>;
  removedWhileWaiting: number;
};

function memoryAnchor(): MemoryAnchor {
  const port: MemoryAnchor = {
    stored: null as AuditHead | null,
    state: 'ok',
    offered: [],
    sealed: new Map<number, PendingAuditEvent>(),
    removedWhileWaiting: 0,
    advance(links) {
      port.offered.push([...links]);
      if (port.state !== 'ok') return Promise.resolve('refused');
      let previous = port.stored ?? { seq: 0, mac: genesisMac };
      for (const link of links.filter((candidate) => candidate.seq > (port.stored?.seq ?? 0))) {
        if (link.seq !== previous.seq + 1 || link.previousMac !== previous.mac)
          return Promise.resolve('refused');
        previous = { seq: link.seq, mac: link.mac };
      }
      port.stored = previous.seq === 0 ? null : previous;
      return Promise.resolve('stored');
    },
    read() {
      if (port.state !== 'ok')
        return Promise.resolve({ state: port.state, message: `The record is ${port.state}.` });
      return Promise.resolve(
        port.stored ? { state: 'anchored', head: port.stored, storedAt: 'now' } : { state: 'none' },
      );
    },
    history: () => Promise.resolve([]),
    sealPending(event) {
      const n = port.sealed.size + 1;
      port.sealed.set(n, event);
      return Promise.resolve({ n, at: '2026-11-23T09:00:00.000Z', tag: 'a'.repeat(64) });
    },
    checkPending(rows) {
      return Promise.resolve({
        authentic: rows.map(
          (row) =>
            row.n !== undefined &&
            row.tag === 'a'.repeat(64) &&
            JSON.stringify(port.sealed.get(row.n)) === JSON.stringify(row.event),
        ),
        missing: port.removedWhileWaiting,
        isCountKnown: true,
      });
    },
  };
  return port;
}

async function logWithEntries(count: number) {
  db = freshDatabase();
  const session = await testSession(['registeredManager']);
  const anchor = memoryAnchor();
  const log = auditLog(db, anchor);
  const write = (detail: string) =>
    log.write(
      { actorId: session.staff.id, auditKey: session.auditKey },
      [{ action: 'test.event', detail }],
      [],
      () => Promise.resolve(),
      new Date(),
    );
  for (let index = 1; index <= count; index += 1) await write(`event ${index}`);
  return { session, anchor, log, write };
}

describe('the copy of the audit head kept outside the database', () => {
  it('follows every append, offering the links from the head it holds', async () => {
    const { anchor } = await logWithEntries(3);
    const last = await db.audit.orderBy('seq').last();
    expect(anchor.stored).toEqual({ seq: 3, mac: last?.mac });
    expect(anchor.offered.map((links) => links.map((link) => link.seq))).toEqual([[1], [2], [3]]);
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

  it('catches a log cut short and then grown past the anchor: the new entries do not follow on', async () => {
    const { session, log, anchor, write } = await logWithEntries(4);
    const kept = await db.audit.get(2);
    if (!kept) throw new Error('setup');
    // Entries 3 and 4 removed behind the app's back, then the home carries on: 3, 4 and 5 are new.
    await db.audit.bulkDelete([3, 4]);
    await db.settings.put({ key: 'auditHead', value: { seq: kept.seq, mac: kept.mac } });
    for (const index of [1, 2, 3]) await write(`after ${index}`);
    expect(anchor.stored?.seq).toBe(4);
    const verdict = await log.verify(session.roles, session.auditKey);
    expect(verdict).toMatchObject({ kind: 'tampered', atSeq: 4 });
  });

  it('catches up after a lag (a write whose copy failed) with every link since the head it holds', async () => {
    const { session, log, anchor, write } = await logWithEntries(3);
    const first = await db.audit.get(1);
    anchor.stored = first ? { seq: 1, mac: first.mac } : null;
    await write('after the lag');
    expect(anchor.offered.at(-1)?.map((link) => link.seq)).toEqual([2, 3, 4]);
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

describe('a missing or damaged anchor fails closed', () => {
  it.each(['missing', 'damaged'] as const)(
    'a %s anchor with entries in the log reads as “cannot be verified”, never as intact',
    async (state) => {
      const { session, log, anchor } = await logWithEntries(3);
      anchor.state = state;
      const verdict = await log.verify(session.roles, session.auditKey);
      expect(verdict).toMatchObject({ kind: 'unverifiable' });
      if (verdict?.kind === 'unverifiable') expect(verdict.message).toContain(`The record is ${state}.`);
    },
  );

  it('an anchor never made, for a log that has entries, is “cannot be verified”, and a write does not start one', async () => {
    const { session, log, anchor, write } = await logWithEntries(3);
    anchor.stored = null;
    anchor.offered.splice(0);
    expect(await log.verify(session.roles, session.auditKey)).toMatchObject({ kind: 'unverifiable' });
    await write('one more');
    // Only the write that begins a log starts its anchor: vouching for a log already there from
    // the page's own copy is what someone who removed the anchor would want.
    expect(anchor.offered).toEqual([]);
    expect(anchor.stored).toBeNull();
  });

  it('an empty log with no anchor is simply empty', async () => {
    db = freshDatabase();
    const session = await testSession(['registeredManager']);
    const log = auditLog(db, memoryAnchor());
    expect(await log.verify(session.roles, session.auditKey)).toEqual({ kind: 'intact', count: 0 });
  });
});

describe('failed sign-ins recorded before anyone is signed in', () => {
  it('are stamped by the main process; unstamped or changed rows go in marked, and removed ones are counted', async () => {
    const { session, log, anchor } = await logWithEntries(1);
    const noChange = () => Promise.resolve();
    await log.writePending(
      [{ action: 'session.sign-in-failed', detail: 'unknown username' }],
      [],
      noChange,
      new Date(),
    );
    await log.writePending(
      [{ action: 'session.sign-in-failed', recordType: 'staff', recordId: 'x' }],
      [],
      noChange,
      new Date(),
    );
    const [first, second] = await db.pendingAudit.orderBy('id').toArray();
    expect(first).toMatchObject({ n: 1, at: '2026-11-23T09:00:00.000Z', tag: 'a'.repeat(64) });
    // One changed while it waited, one planted, and one the main process stamped then removed.
    if (second?.id === undefined) throw new Error('setup');
    await db.pendingAudit.update(second.id, { recordId: 'someone-else' });
    await db.pendingAudit.add({ action: 'session.sign-in-failed', at: '2026-11-23T08:00:00.000Z' });
    anchor.removedWhileWaiting = 1;
    await log.write(
      { actorId: session.staff.id, auditKey: session.auditKey },
      [{ action: 'session.signed-in' }],
      [],
      () => Promise.resolve(),
      new Date(),
      { includePending: true },
    );
    const entries = await db.audit.orderBy('seq').toArray();
    expect(entries.slice(1).map((entry) => [entry.action, entry.detail])).toEqual([
      ['session.sign-in-failed', 'unknown username'],
      [
        'session.sign-in-failed',
        'not verified: not stamped by this computer’s Family Links, or changed since',
      ],
      [
        'session.sign-in-failed',
        'not verified: not stamped by this computer’s Family Links, or changed since',
      ],
      [
        'audit.pending-removed',
        '1 sign-in record stamped by this computer was removed before it could be added to the log',
      ],
      ['session.signed-in', undefined],
    ]);
    expect(await db.pendingAudit.count()).toBe(0);
  });
});
