import { describe, expect, it } from 'vitest';
import { contactFormRepository } from '../../../../../renderer/src/db/repositories/contact-form-repository';
import { outboxRepository } from '../../../../../renderer/src/db/repositories/outbox-repository';
import { panAlertRepository } from '../../../../../renderer/src/db/repositories/pan-alert-repository';
import type { Session } from '../../../../../renderer/src/db/session';
import { mergeOpenConflicts } from '../../../../../renderer/src/db/sync/sync-merge';
import type { SyncKeys } from '../../../../../shared/sync/sync-envelope';
import { exchange, twoComputers, type Computer } from '../sync-computers';
import { panAlertHome } from '../pan-alert-test-home';
import { okValue } from '../../ok-value';

/**
 * An overdue form's PAN alert between two computers that were apart when it fell due
 * (docs/sync-design.md, "Settings and the outbox"): both notice it, both queue it, and the home
 * still holds one alert, sent once, by one computer; when both sent it before they met, the
 * record and the audit say so.
 */

const overdueAt = () => new Date('2026-11-22T09:01:00.000Z');
const laterAt = () => new Date('2026-11-22T09:30:00.000Z');

/** Two computers holding one home, with a contact form that is overdue on both. */
async function overdueFormOnBoth() {
  const { keys, frontDesk, office } = await twoComputers('registeredManager');
  const home = await panAlertHome(frontDesk.db);
  const [form] = okValue(
    await contactFormRepository(frontDesk.db, () => new Date('2026-11-20T10:00:00.000Z')).createDueForContact(
      home.manager,
      {
        youngPersonIds: [home.youngPerson.id],
        kind: 'phoneCall',
        contactEndedAt: '2026-11-20T09:00:00.000Z',
        authorId: home.tutor.staff.id,
      },
    ),
  );
  if (!form) throw new Error('No form was made');
  await exchange(frontDesk, office, keys);
  expect(await office.db.contactForms.count()).toBe(1);
  return { keys, frontDesk, office, manager: home.manager, form };
}

const noticeOverdue = (at: Computer, manager: Session) =>
  panAlertRepository(at.db, overdueAt).queueOverdueFormAlerts(manager);

/** Sends what one computer may send now: every message it takes, as the sender would. */
async function sendAt(at: Computer, manager: Session, serverId: string): Promise<string[]> {
  const outbox = outboxRepository(at.db, laterAt);
  const sent: string[] = [];
  for (const id of await outbox.dueIds()) {
    if (!(await outbox.claim(manager, id))) continue;
    okValue(await outbox.recordSent(manager, id, serverId));
    sent.push(id);
  }
  return sent;
}

/** The computers meet: they exchange and merge until neither holds a conflict (as sync and the merging pass do). */
async function meet(a: Computer, b: Computer, keys: SyncKeys, manager: Session): Promise<void> {
  for (let round = 0; round < 4; round += 1) {
    await exchange(a, b, keys);
    await mergeOpenConflicts(a.db, manager, { clock: laterAt });
    await mergeOpenConflicts(b.db, manager, { clock: laterAt });
    if ((await a.db.syncConflicts.count()) + (await b.db.syncConflicts.count()) === 0) {
      await exchange(a, b, keys);
      if ((await a.db.syncConflicts.count()) + (await b.db.syncConflicts.count()) === 0) return;
    }
  }
  throw new Error('The computers did not settle');
}

const listed = async (at: Computer, manager: Session) =>
  (await outboxRepository(at.db, laterAt).list(manager)).map((message) => ({
    id: message.id,
    state: message.state,
    event: message.event,
    email: message.recipient.email,
    queuedOn: message.queuedOn,
  }));

describe('an overdue form noticed on two computers apart', () => {
  it('both queue its alert, and once they meet the home holds one alert, sent by one computer', async () => {
    const { keys, frontDesk, office, manager } = await overdueFormOnBoth();
    expect(await noticeOverdue(frontDesk, manager)).toBe(1);
    expect(await noticeOverdue(office, manager)).toBe(1);

    await meet(frontDesk, office, keys, manager);
    const atFront = await listed(frontDesk, manager);
    expect(atFront).toHaveLength(1);
    expect(atFront[0]).toMatchObject({
      state: 'queued',
      event: 'formOverdue',
      email: 'tom.tutor@home.example',
    });
    expect(await listed(office, manager)).toEqual(atFront);
    // Neither computer's manager is asked to choose: the list of alerted forms merged too.
    expect(await frontDesk.db.syncConflicts.count()).toBe(0);
    expect(await office.db.syncConflicts.count()).toBe(0);
    // Exactly one computer sends it.
    const senders = [
      ...(await outboxRepository(frontDesk.db, laterAt).dueIds()),
      ...(await outboxRepository(office.db, laterAt).dueIds()),
    ];
    expect(senders).toEqual([atFront[0]?.id]);
    // Neither notices it again.
    expect(await noticeOverdue(frontDesk, manager)).toBe(0);
    expect(await noticeOverdue(office, manager)).toBe(0);
    expect(await frontDesk.db.outbox.count()).toBe(1);
  });

  it('one sends it before they meet: the other never sends its copy, and the record shows it sent once', async () => {
    const { keys, frontDesk, office, manager } = await overdueFormOnBoth();
    await noticeOverdue(frontDesk, manager);
    await noticeOverdue(office, manager);
    const [sentId] = await sendAt(frontDesk, manager, '<m1@front.example>');
    expect(sentId).toBeDefined();

    // Received before the merging pass has run: held back, not sent.
    await exchange(frontDesk, office, keys);
    expect(await office.db.syncConflicts.count()).toBeGreaterThan(0);
    expect(await outboxRepository(office.db, laterAt).dueIds()).toEqual([]);

    await meet(frontDesk, office, keys, manager);
    expect(await sendAt(office, manager, '<m2@office.example>')).toEqual([]);
    for (const at of [frontDesk, office]) {
      const [message, ...others] = await outboxRepository(at.db, laterAt).list(manager);
      expect(others).toEqual([]);
      expect(message).toMatchObject({
        id: sentId,
        state: 'sent',
        queuedOn: frontDesk.device.deviceId,
        serverMessageId: '<m1@front.example>',
      });
      expect(message?.alsoSentBy).toBeUndefined();
      // Disclosed once: the office's copy never left, so it logged nothing.
      expect(await at.db.disclosures.count()).toBe(1);
    }
  });

  it('both send before they meet: the record says it went twice, and the audit from which computers', async () => {
    const { keys, frontDesk, office, manager } = await overdueFormOnBoth();
    await noticeOverdue(frontDesk, manager);
    await noticeOverdue(office, manager);
    await sendAt(frontDesk, manager, '<m1@front.example>');
    await sendAt(office, manager, '<m2@office.example>');

    await meet(frontDesk, office, keys, manager);
    // Each knows the other by the name the registry signed for it.
    await frontDesk.db.syncPeers.update(office.device.deviceId, { name: 'Other desk' });
    await office.db.syncPeers.update(frontDesk.device.deviceId, { name: 'Other desk' });
    for (const at of [frontDesk, office]) {
      const messages = await outboxRepository(at.db, laterAt).list(manager);
      expect(messages).toHaveLength(1);
      const [message] = messages;
      expect(message?.state).toBe('sent');
      const sends = [
        [message?.queuedOn, message?.serverMessageId],
        ...(message?.alsoSentBy ?? []).map((send) => [send.computer, send.serverMessageId]),
      ];
      expect(sends.sort()).toEqual(
        [
          [frontDesk.device.deviceId, '<m1@front.example>'],
          [office.device.deviceId, '<m2@office.example>'],
        ].sort(),
      );
      // Each copy that left is in the disclosure log.
      expect(await at.db.disclosures.count()).toBe(2);
      // The outbox names the other send's computer: this one, or the other by its registry name.
      const other = message?.alsoSentBy?.[0]?.computer;
      const named = other === at.device.deviceId ? 'this computer' : 'Other desk';
      expect(message?.alsoSentFrom).toEqual([{ computer: named, sentAt: message?.alsoSentBy?.[0]?.sentAt }]);
    }
    const merged = [...(await frontDesk.db.audit.toArray()), ...(await office.db.audit.toArray())].filter(
      (entry) => entry.action === 'sync.merged' && entry.recordType === 'outbox',
    );
    // The computer that merged first says which sent it; the other, merging alike, finds the same copy.
    const said = merged.filter((entry) => entry.detail !== 'the same on every computer');
    expect(said.length).toBeGreaterThan(0);
    for (const entry of said) {
      expect(entry.detail).toContain(frontDesk.device.deviceId);
      expect(entry.detail).toContain(office.device.deviceId);
    }
  });

  it('a computer that has the other’s alert already does not queue its own', async () => {
    const { keys, frontDesk, office, manager } = await overdueFormOnBoth();
    await noticeOverdue(frontDesk, manager);
    await sendAt(frontDesk, manager, '<m1@front.example>');
    await exchange(frontDesk, office, keys);
    // The list of alerted forms lost (an earlier version pruned it): the message itself still counts.
    await office.db.settings.delete('panOverdueAlerted');
    expect(await noticeOverdue(office, manager)).toBe(0);
    expect(await office.db.outbox.count()).toBe(1);
    expect(await sendAt(office, manager, '<m2@office.example>')).toEqual([]);
  });
});
