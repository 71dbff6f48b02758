import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { contactFormRepository } from '../../../../../renderer/src/db/repositories/contact-form-repository';
import { restrictionRepository } from '../../../../../renderer/src/db/repositories/restriction-repository';
import { disclosureRepository } from '../../../../../renderer/src/db/repositories/disclosure-repository';
import { outboxRepository } from '../../../../../renderer/src/db/repositories/outbox-repository';
import { panAlertRepository } from '../../../../../renderer/src/db/repositories/pan-alert-repository';
import { panGroupRepository } from '../../../../../renderer/src/db/repositories/pan-group-repository';
import { outboxCodec } from '../../../../../renderer/src/db/repositories/outbox-codec';
import { alertMessageId } from '../../../../../shared/rules/alert-once';
import {
  panAlertHome,
  queuePanAlert,
  restrictionForm,
  samSocial,
  theoTherapist,
} from '../pan-alert-test-home';
import type { Session } from '../../../../../renderer/src/db/session';
import type { PanAlertRequest } from '../../../../../shared/schemas/pan';
import { okValue } from '../../ok-value';

let db: FamilyLinksDb | undefined;
afterEach(() => db?.close());

const now = new Date('2026-11-20T10:00:00.000Z');
const clock = () => now;

async function setUp() {
  const home = await panAlertHome();
  db = home.db;
  return { ...home, groups: panGroupRepository(home.db, clock), outbox: outboxRepository(home.db, clock) };
}

/** `session` queues `request` in the test's database at the test's clock. */
const queueAlert = (session: Session, request: PanAlertRequest) =>
  queuePanAlert(db!, session, request, clock);

/** `session` files form CF-1 for the young person: its first alert message, which the outbox tests follow. */
async function queueFormFiled(session: Session, youngPersonId: string) {
  const [message] = okValue(
    await queueAlert(session, { youngPersonId, event: 'formFiled', reference: 'CF-1' }),
  ).messages;
  if (!message) throw new Error('Filing the form queued no alert');
  return message;
}

type Outbox = ReturnType<typeof outboxRepository>;

/** One try at sending message `id` that the server turns down with `failure`: the state it is left in. */
async function failedTry(
  outbox: Outbox,
  session: Session,
  id: string,
  failure: Parameters<Outbox['recordFailure']>[2],
) {
  await outbox.claim(session, id);
  return okValue(await outbox.recordFailure(session, id, failure));
}

describe('a PAN alert is queued for the PT and the members who asked, and recorded', () => {
  it('a filed form alerts the PT and the social worker who asked, not the one who did not; initials only', async () => {
    const { groups, manager, tutor, careWorker, youngPerson, outbox } = await setUp();
    okValue(await groups.addMember(tutor, youngPerson.id, samSocial()));
    okValue(await groups.addMember(tutor, youngPerson.id, theoTherapist()));

    const queued = okValue(
      await queueAlert(careWorker, {
        youngPersonId: youngPerson.id,
        event: 'formFiled',
        reference: 'CF-2026-0042',
        summary: 'Home visit on 3 March',
      }),
    );

    expect(queued.messages.map((message) => message.recipient.email)).toEqual([
      'tom.tutor@home.example',
      'sam@council.example',
    ]);
    for (const message of queued.messages) {
      expect(message.state).toBe('queued');
      expect(`${message.subject}\n${message.body}`).toContain('M.H.');
      expect(`${message.subject}\n${message.body}`).not.toMatch(/Amelia|Hughes|Millie/);
      expect(message.body).toContain('Open Family Links to read it.');
    }
    // Queued is not disclosed: nothing has left the app yet.
    expect((await disclosureRepository(db!).list(manager)) ?? []).toEqual([]);

    // One goes from a mail client an hour later, the other is cancelled: only the first is logged,
    // at the time it left, under the id the message was given.
    const later = new Date(now.getTime() + 3_600_000);
    const outboxLater = outboxRepository(db!, () => later);
    const [toTutor, toSocialWorker] = queued.messages;
    okValue(await outboxLater.markSentFromMailClient(careWorker, toTutor!.id));
    okValue(await outboxLater.cancel(careWorker, toSocialWorker!.id));
    const log = (await disclosureRepository(db!).list(manager)) ?? [];
    expect(log.map((entry) => entry.recipient)).toEqual([
      'Tom Tutor (Personal Tutor) <tom.tutor@home.example>',
    ]);
    expect(log[0]).toMatchObject({
      id: toTutor!.disclosureId,
      kind: 'email',
      byId: careWorker.staff.id,
      youngPersonId: youngPerson.id,
      at: later.toISOString(),
    });
    // Marking it sent twice cannot log it twice.
    expect((await outboxLater.markSentFromMailClient(careWorker, toTutor!.id)).ok).toBe(false);
    expect(await db!.disclosures.count()).toBe(1);

    // The care worker sees the alerts they raised; the manager sees all; the stored row hides the text.
    expect(await outbox.list(careWorker)).toHaveLength(2);
    expect(await outbox.list(tutor)).toHaveLength(0);
    const row = await db!.outbox.get(queued.messages[1]!.id);
    expect(JSON.stringify(row)).not.toContain('sam@council.example');
    expect(row?.state).toBe('cancelled');
  });

  it('a staff member in the group is told at their account’s email, and a restriction change reaches those who ticked it', async () => {
    const { groups, coordinator, tutor, manager, youngPerson } = await setUp();
    okValue(
      await groups.addMember(tutor, youngPerson.id, {
        kind: 'staff',
        staffId: coordinator.staff.id,
        topics: ['restrictionChanged'],
      }),
    );
    const ended = okValue(
      await queueAlert(manager, {
        youngPersonId: youngPerson.id,
        event: 'restrictionEnded',
        reference: 'R-1A2B3C4D',
      }),
    );
    expect(ended.messages.map((message) => message.recipient.email)).toEqual([
      'tom.tutor@home.example',
      'cara.co@home.example',
    ]);
    const filed = okValue(
      await queueAlert(manager, { youngPersonId: youngPerson.id, event: 'formFiled', reference: 'CF-1' }),
    );
    expect(filed.messages.map((message) => message.recipient.email)).toEqual(['tom.tutor@home.example']);
  });

  it('refuses an alert with no reference without writing anything', async () => {
    const { manager, youngPerson } = await setUp();
    const result = await queueAlert(manager, {
      youngPersonId: youngPerson.id,
      event: 'formFiled',
      reference: ' ',
    });
    expect(result.ok).toBe(false);
    expect(await db!.outbox.count()).toBe(0);
    expect(await db!.disclosures.count()).toBe(0);
  });

  it('the attachment is only a reference to the filed form, decided at sending time', async () => {
    const { manager, youngPerson } = await setUp();
    const formId = crypto.randomUUID();
    const queued = okValue(
      await queueAlert(manager, {
        youngPersonId: youngPerson.id,
        event: 'formFiled',
        reference: 'CF-1',
        contactFormId: formId,
      }),
    );
    expect(queued.messages[0]?.attachment).toEqual({ kind: 'signedContactForm', contactFormId: formId });
  });
});

describe('keeping the PAN group', () => {
  it('only those who lead contact can change or read it; a care worker cannot', async () => {
    const { groups, careWorker, youngPerson, coordinator } = await setUp();
    const refused = await groups.addMember(careWorker, youngPerson.id, {
      kind: 'outside',
      name: 'A',
      role: 'B',
      email: 'a@b.example',
      topics: [],
    });
    expect(refused.ok ? '' : refused.error.code).toBe('forbidden');
    okValue(await groups.addMember(coordinator, youngPerson.id, samSocial()));
    expect(await groups.get(careWorker, youngPerson.id)).toBeUndefined();
    expect((await groups.get(coordinator, youngPerson.id))?.members).toHaveLength(1);
  });

  it('the same adult cannot be added twice, and a bad email is refused with the field named', async () => {
    const { groups, tutor, youngPerson } = await setUp();
    okValue(await groups.addMember(tutor, youngPerson.id, samSocial()));
    const twice = await groups.addMember(tutor, youngPerson.id, {
      kind: 'outside',
      name: 'Sam S',
      role: 'Social worker',
      email: 'SAM@council.example',
      topics: [],
    });
    expect(twice.ok ? '' : twice.error.code).toBe('duplicate');
    const bad = await groups.addMember(tutor, youngPerson.id, {
      kind: 'outside',
      name: 'X',
      role: 'Y',
      email: 'not an email',
      topics: [],
    });
    expect(bad.ok ? {} : bad.error.fields).toHaveProperty('email');
  });

  it('changes and removals are kept, with an audit entry each', async () => {
    const { groups, tutor, youngPerson } = await setUp();
    const added = okValue(await groups.addMember(tutor, youngPerson.id, samSocial()));
    const memberId = added.members[0]!.id;
    const changed = okValue(
      await groups.updateMember(tutor, youngPerson.id, memberId, samSocial(['formFiled', 'formOverdue'])),
    );
    expect(changed.members[0]?.topics).toEqual(['formFiled', 'formOverdue']);
    const removed = okValue(await groups.removeMember(tutor, youngPerson.id, memberId));
    expect(removed.members).toEqual([]);
    const actions = (await db!.audit.toArray())
      .map((entry) => entry.action)
      .filter((action) => action.startsWith('pan-group'));
    expect(actions).toEqual([
      'pan-group.member-added',
      'pan-group.member-changed',
      'pan-group.member-removed',
    ]);
  });
});

describe('the outbox’s states', () => {
  it('queued → sending → sent with the server’s id; a second claim gets nothing', async () => {
    const { manager, youngPerson, outbox } = await setUp();
    const message = await queueFormFiled(manager, youngPerson.id);
    expect(await outbox.dueIds()).toEqual([message.id]);
    const claimed = await outbox.claim(manager, message.id);
    expect(claimed?.recipient.email).toBe('tom.tutor@home.example');
    expect(await outbox.claim(manager, message.id)).toBeUndefined();
    okValue(await outbox.recordSent(manager, message.id, '<abc@mail.example>'));
    const [sent] = await outbox.list(manager);
    expect(sent).toMatchObject({
      state: 'sent',
      serverMessageId: '<abc@mail.example>',
      attempts: 1,
      sentVia: 'smtp',
    });
  });

  it('an unreachable server leaves it queued for later; a wrong password fails it at once, and the badge counts it', async () => {
    const { manager, youngPerson, outbox } = await setUp();
    const message = await queueFormFiled(manager, youngPerson.id);
    expect(
      await failedTry(outbox, manager, message.id, {
        code: 'unreachable',
        message: 'The mail server could not be reached.',
        isWorthRetrying: true,
      }),
    ).toBe('queued');
    expect(await outbox.dueIds()).toEqual([]);
    const [waiting] = await outbox.list(manager);
    expect(waiting).toMatchObject({
      state: 'queued',
      attempts: 1,
      nextAttemptAt: '2026-11-20T10:01:00.000Z',
      lastErrorCode: 'unreachable',
    });
    expect(await outbox.failedCount(manager)).toBe(0);

    okValue(await outbox.retry(manager, message.id));
    expect(
      await failedTry(outbox, manager, message.id, {
        code: 'auth',
        message: 'The password was not accepted.',
        isWorthRetrying: false,
      }),
    ).toBe('failed');
    expect(await outbox.failedCount(manager)).toBe(1);
    okValue(await outbox.cancel(manager, message.id));
    expect(await outbox.failedCount(manager)).toBe(0);
    expect((await outbox.list(manager))[0]?.state).toBe('cancelled');
  });

  it('only the manager or whoever raised it may retry or cancel; a sent message cannot be cancelled', async () => {
    const { manager, tutor, careWorker, youngPerson, outbox } = await setUp();
    const message = await queueFormFiled(careWorker, youngPerson.id);
    const refused = await outbox.cancel(tutor, message.id);
    expect(refused.ok ? '' : refused.error.code).toBe('forbidden');
    okValue(await outbox.markSentFromMailClient(careWorker, message.id));
    const late = await outbox.cancel(manager, message.id);
    expect(late.ok ? '' : late.error.code).toBe('wrong-state');
  });

  it('a message left sending by a closed app goes back in the queue after ten minutes', async () => {
    const { manager, youngPerson } = await setUp();
    const message = await queueFormFiled(manager, youngPerson.id);
    await outboxRepository(db!, clock).claim(manager, message.id);
    expect(
      await outboxRepository(db!, () => new Date(now.getTime() + 5 * 60_000)).releaseStuck(manager),
    ).toBe(0);
    const later = outboxRepository(db!, () => new Date(now.getTime() + 11 * 60_000));
    expect(await later.releaseStuck(manager)).toBe(1);
    expect(await later.dueIds()).toEqual([message.id]);
  });
});

describe('a contact form overdue', () => {
  it('alerts the PAN group once when its 48 hours pass unfiled, and not again on the next look', async () => {
    const { manager, tutor, youngPerson } = await setUp();
    const made = await contactFormRepository(db!, clock).createDueForContact(manager, {
      youngPersonIds: [youngPerson.id],
      kind: 'phoneCall',
      contactEndedAt: '2026-11-20T09:00:00.000Z',
      authorId: tutor.staff.id,
    });
    const [form] = okValue(made);
    const early = panAlertRepository(db!, () => new Date('2026-11-22T08:59:00.000Z'));
    expect(await early.queueOverdueFormAlerts(manager)).toBe(0);

    const late = panAlertRepository(db!, () => new Date('2026-11-22T09:01:00.000Z'));
    expect(await late.queueOverdueFormAlerts(manager)).toBe(1);
    expect(await late.queueOverdueFormAlerts(manager)).toBe(0);
    const messages = await outboxRepository(db!).list(manager);
    expect(messages.map((message) => [message.event, message.reference, message.recipient.email])).toEqual([
      ['formOverdue', form!.reference, 'tom.tutor@home.example'],
    ]);
    // Noticed by the app, not raised by whoever was signed in at the time.
    expect(messages[0]?.isRaisedByApp).toBe(true);
  });
});

/** The test's home with one contact form due for Tom's call, and the alerts as seen once it has gone overdue. */
async function homeWithOverdueForm() {
  const home = await setUp();
  const made = await contactFormRepository(db!, clock).createDueForContact(home.manager, {
    youngPersonIds: [home.youngPerson.id],
    kind: 'phoneCall',
    contactEndedAt: '2026-11-20T09:00:00.000Z',
    authorId: home.tutor.staff.id,
  });
  const [form] = okValue(made);
  if (!form) throw new Error('no form made');
  return { ...home, form, late: panAlertRepository(db!, () => new Date('2026-11-22T09:01:00.000Z')) };
}

/** An outbox row put in IndexedDB by hand: a sent overdue alert in its plain fields, and a seal that is only bytes. */
const plantedOverdueAlert = (id: string, youngPersonId: string, createdById: string) =>
  ({
    id,
    state: 'sent',
    youngPersonId,
    event: 'formOverdue',
    createdAt: now.toISOString(),
    createdById,
    attempts: 1,
    nextAttemptAt: now.toISOString(),
    sealed: { iv: new Uint8Array(12), data: new ArrayBuffer(32) },
  }) as unknown as Parameters<FamilyLinksDb['outbox']['put']>[0];

describe('a contact form overdue, listed as alerted outside Family Links', () => {
  async function overdueForm() {
    const home = await homeWithOverdueForm();
    const sent = async () =>
      (await outboxRepository(db!).list(home.manager)).map((message) => [message.event, message.reference]);
    return { ...home, sent };
  }

  it('alerts the PAN group all the same when the form’s id was added to the list in IndexedDB', async () => {
    const { manager, form, late, sent } = await overdueForm();
    await db!.settings.put({ key: 'panOverdueAlerted', value: [form.id] });
    expect(await late.queueOverdueFormAlerts(manager)).toBe(1);
    expect(await sent()).toEqual([['formOverdue', form.reference]]);
    expect(await late.queueOverdueFormAlerts(manager)).toBe(0);
    expect(await sent()).toHaveLength(1);
  });

  it('is not silenced by a message planted in the outbox that does not open', async () => {
    const { manager, youngPerson, form, late } = await overdueForm();
    await db!.settings.put({ key: 'panOverdueAlerted', value: [form.id] });
    await db!.outbox.put(plantedOverdueAlert(crypto.randomUUID(), youngPerson.id, manager.staff.id));
    expect(await late.queueOverdueFormAlerts(manager)).toBe(1);
    // The planted row beside the one real alert (the outbox's own list refuses the planted one).
    expect(await db!.outbox.count()).toBe(2);
    expect(await late.queueOverdueFormAlerts(manager)).toBe(0);
  });
});

describe('a row under the overdue alert’s own message id', () => {
  /** A form gone overdue, the id its alert to the PT is sent under, and what the audit log says of it. */
  async function overdueForm() {
    const home = await homeWithOverdueForm();
    // Worked out as the app does, from ids anyone can read in IndexedDB.
    const id = await alertMessageId({
      event: 'formOverdue',
      recordId: home.form.id,
      recipientKey: `staff:${home.tutor.staff.id}`,
    });
    const messages = async () =>
      (await outboxRepository(db!).list(home.manager)).map((message) => [
        message.id,
        message.event,
        message.reference,
        message.recipient.email,
      ]);
    const aboutMessage = async () =>
      (await db!.audit.where('[recordType+recordId]').equals(['outboxMessage', id]).sortBy('seq')).map(
        (entry) => [entry.action, entry.detail],
      );
    return { ...home, id, messages, aboutMessage };
  }

  /** The overdue alert as it is queued, sealed for `changes` made to it (what a copy made elsewhere would hold). */
  async function sealedAlert(
    home: Awaited<ReturnType<typeof overdueForm>>,
    changes: Record<string, unknown>,
  ) {
    const prepared = await home.late.prepareAlert(
      home.manager,
      { youngPersonId: home.youngPerson.id, event: 'formOverdue', reference: home.form.reference },
      { isRaisedByApp: true, onceAbout: home.form.id },
    );
    const [message] = okValue(prepared).messages;
    if (!message) throw new Error('no alert made');
    return outboxCodec.encode({ ...message, ...changes }, home.manager.cipher);
  }

  it('a planted row that does not open is replaced by the real alert, and the log says so', async () => {
    const home = await overdueForm();
    const { manager, youngPerson, form, id, late, messages, aboutMessage } = home;
    await db!.outbox.put(plantedOverdueAlert(id, youngPerson.id, manager.staff.id));
    expect(await late.queueOverdueFormAlerts(manager)).toBe(1);
    expect(await messages()).toEqual([[id, 'formOverdue', form.reference, 'tom.tutor@home.example']]);
    expect(await aboutMessage()).toEqual([
      ['outbox.damaged-replaced', 'did not open'],
      ['outbox.queued', 'formOverdue'],
    ]);
    // The real message stands now: not queued a second time.
    expect(await late.queueOverdueFormAlerts(manager)).toBe(0);
    expect(await db!.outbox.count()).toBe(1);
  });

  it('a row sealed for another message under its id is replaced by the real alert', async () => {
    const home = await overdueForm();
    const { manager, form, id, late, messages, aboutMessage } = home;
    await db!.outbox.put(
      await sealedAlert(home, {
        state: 'sent',
        recipient: { name: 'Someone Else', email: 'someone@elsewhere.example' },
      }),
    );
    expect(await late.queueOverdueFormAlerts(manager)).toBe(1);
    expect(await messages()).toEqual([[id, 'formOverdue', form.reference, 'tom.tutor@home.example']]);
    expect(await aboutMessage()).toEqual([
      ['outbox.damaged-replaced', 'was a different message'],
      ['outbox.queued', 'formOverdue'],
    ]);
  });

  it('a genuine copy, queued and sent on another computer, stops a second set', async () => {
    const home = await overdueForm();
    const { manager, form, id, late, messages, aboutMessage } = home;
    await db!.outbox.put(
      await sealedAlert(home, {
        state: 'sent',
        queuedOn: 'office-computer',
        sentAt: now.toISOString(),
        sentVia: 'smtp',
      }),
    );
    expect(await late.queueOverdueFormAlerts(manager)).toBe(0);
    expect(await messages()).toEqual([[id, 'formOverdue', form.reference, 'tom.tutor@home.example']]);
    expect((await outboxRepository(db!).list(manager))[0]?.state).toBe('sent');
    expect(await aboutMessage()).toEqual([]);
  });
});

describe('“Send all waiting now”', () => {
  it('makes every waiting message the person may act on due at once, and touches no other', async () => {
    const { manager, careWorker, tutor, youngPerson } = await setUp();
    const queued = okValue(
      await queueAlert(careWorker, { youngPersonId: youngPerson.id, event: 'formFiled', reference: 'CF-9' }),
    );
    // The server did not answer: each waits an hour or more for its next try.
    const outbox = outboxRepository(db!, clock);
    for (const message of queued.messages) {
      await failedTry(outbox, careWorker, message.id, {
        code: 'unreachable',
        message: 'The mail server did not answer.',
        isWorthRetrying: true,
      });
    }
    expect(await outbox.dueIds()).toEqual([]);
    // The tutor raised none of them, so has none to hurry.
    expect(okValue(await outbox.sendAllWaitingNow(tutor))).toBe(0);
    expect(okValue(await outbox.sendAllWaitingNow(manager))).toBe(queued.messages.length);
    expect((await outbox.dueIds()).sort()).toEqual(queued.messages.map((message) => message.id).sort());
  });
});

describe('restriction changes reach the PAN group', () => {
  it('adding, changing and ending a restriction each alert the PT, with a short code and not the authority’s reference', async () => {
    const { manager, youngPerson, outbox } = await setUp();
    const restrictions = restrictionRepository(db!, clock);
    const form = restrictionForm(youngPerson.id);
    const recorded = okValue(await restrictions.record(manager, form));
    okValue(
      await restrictions.change(
        manager,
        recorded.id,
        { ...form, conditions: 'Family room only, with staff.' },
        '2026-01-12',
      ),
    );
    okValue(await restrictions.end(manager, recorded.id, 'Order discharged'));
    const messages = await outbox.list(manager);
    expect(messages.map((message) => message.event).sort()).toEqual([
      'restrictionAdded',
      'restrictionChanged',
      'restrictionEnded',
    ]);
    for (const message of messages) {
      expect(message.reference).toBe(`R-${recorded.id.slice(0, 8).toUpperCase()}`);
      expect(`${message.subject} ${message.body}`).not.toMatch(/LS26C01234|Dean|Hughes/);
    }
  });
});
