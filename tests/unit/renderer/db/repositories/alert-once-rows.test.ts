import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { alertOnceRows } from '../../../../../renderer/src/db/repositories/alert-once-rows';
import { outboxCodec } from '../../../../../renderer/src/db/repositories/outbox-codec';
import { panAlertRepository } from '../../../../../renderer/src/db/repositories/pan-alert-repository';
import { panAlertHome } from '../pan-alert-test-home';
import { okValue } from '../../ok-value';

let db: FamilyLinksDb | undefined;
afterEach(() => db?.close());

type OutboxRow = Parameters<FamilyLinksDb['outbox']['put']>[0];

/** A row put in IndexedDB by hand: the plain fields, and a seal that is only bytes. */
const planted = (id: string, ivByte: number) =>
  ({
    id,
    state: 'queued',
    youngPersonId: id,
    event: 'formOverdue',
    createdAt: '2026-11-20T10:00:00.000Z',
    attempts: 0,
    sealed: { iv: new Uint8Array(12).fill(ivByte), data: new ArrayBuffer(32) },
  }) as unknown as OutboxRow;

/** A home whose PT has one alert made ready and not written: the message, and what it is. */
async function readyAlert() {
  const home = await panAlertHome();
  db = home.db;
  const alerts = panAlertRepository(db, () => new Date('2026-11-22T09:01:00.000Z'));
  const [message] = okValue(
    await alerts.prepareAlert(
      home.manager,
      { youngPersonId: home.youngPerson.id, event: 'formOverdue', reference: 'CF-1' },
      { onceAbout: crypto.randomUUID() },
    ),
  ).messages;
  if (!message) throw new Error('no alert made');
  const identity = {
    id: message.id,
    youngPersonId: message.youngPersonId,
    event: message.event,
    recipientEmail: message.recipient.email,
  };
  const read = () => alertOnceRows(home.db, home.manager.cipher, [identity]);
  return { ...home, db: home.db, message, read };
}

describe('the rows under an alert’s message ids, held until its write', () => {
  it('a message that has appeared since it was read refuses the write', async () => {
    const { db, manager, message, read } = await readyAlert();
    const rows = await read();
    expect(await rows.isStillAsRead()).toBe(true);
    await db.outbox.put(await outboxCodec.encode(message, manager.cipher));
    expect(await rows.isStillAsRead()).toBe(false);
  });

  it('a planted row is replaced even if planted again, but a genuine copy arriving over it refuses the write', async () => {
    const { db, manager, message, read } = await readyAlert();
    await db.outbox.put(planted(message.id, 1));
    const rows = await read();
    expect(rows.standing.size).toBe(0);
    expect(rows.replacing.get(message.id)?.detail).toBe('did not open');

    await db.outbox.put({ ...planted(message.id, 1), state: 'sent' });
    expect(await rows.isStillAsRead()).toBe(true);
    await db.outbox.put({ ...planted(message.id, 2), sealed: { data: new ArrayBuffer(1) } } as OutboxRow);
    expect(await rows.isStillAsRead()).toBe(true);
    await db.outbox.put(await outboxCodec.encode(message, manager.cipher));
    expect(await rows.isStillAsRead()).toBe(false);
  });

  it('the same message stands and is not written again', async () => {
    const { db, manager, message, read } = await readyAlert();
    await db.outbox.put(await outboxCodec.encode({ ...message, state: 'sent' }, manager.cipher));
    const rows = await read();
    expect([...rows.standing]).toEqual([message.id]);
    expect(rows.replacing.size).toBe(0);
  });
});
