import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { contactFormRepository } from '../../../../../renderer/src/db/repositories/contact-form-repository';
import { formActionAlerts } from '../../../../../renderer/src/db/repositories/form-action-alerts';
import { formActionRepository } from '../../../../../renderer/src/db/repositories/form-action-repository';
import { outboxRepository } from '../../../../../renderer/src/db/repositories/outbox-repository';
import { youngPeopleRepository } from '../../../../../renderer/src/db/repositories/young-people-repository';
import type { Session } from '../../../../../renderer/src/db/session';
import { panAlertHome } from '../pan-alert-test-home';
import { testSession } from '../test-session';
import { okValue } from '../../ok-value';

let db: FamilyLinksDb | undefined;
afterEach(() => db?.close());

// Thursday 3 December 2026, mid-morning in London (GMT: London and UTC agree in winter).
const filedAt = new Date('2026-12-01T10:00:00.000Z');

const entry = (actions: readonly Record<string, string>[]) => ({
  kind: 'phoneCall',
  contactStartedAt: '2026-11-30T18:00:00.000Z',
  durationMinutes: 20,
  initiatedBy: 'family',
  whatHappened: 'Talked with Mum about the school play.',
  isSafeguardingConcern: false,
  actions,
});

const signed = {
  pdf: new Uint8Array([37, 80, 68, 70]),
  sha256: 'b'.repeat(64),
  place: {
    caseNumber: 'FL-0001',
    academicYear: '2026/27',
    date: '2026-12-01',
    kind: 'contact-form',
    reference: 'CF-1',
  },
  filedAt: filedAt.toISOString(),
  caseFile: { state: 'written', relativePath: 'FL-0001/CF-1.pdf', writtenAt: filedAt.toISOString() },
} as const;

/** The form's three actions: Tom's photos, due `photosDueOn`; Carl's booking, undated; the social worker's question. */
const threeActions = (tutor: Session, careWorker: Session, photosDueOn: string): Record<string, string>[] => [
  {
    action: 'Send Mum the photos from the play',
    ownerStaffId: tutor.staff.id,
    ownerName: '',
    dueOn: photosDueOn,
  },
  { action: 'Book the family room for Saturday', ownerStaffId: careWorker.staff.id, ownerName: '' },
  { action: 'Ask about Christmas contact', ownerName: 'Sam, the social worker', dueOn: '2026-12-10' },
];

/**
 * Tom (PT) files a call with three actions: one his own due 3 December, one given to Carl (care
 * staff) with no date, and one for the social worker, who has no account, due 10 December. Cara
 * is Millie's Case Co-ordinator.
 */
async function filedWithActions() {
  const home = await panAlertHome();
  db = home.db;
  const { manager, tutor, coordinator, careWorker, youngPerson } = home;
  okValue(
    await youngPeopleRepository(db).save(
      manager,
      { ...youngPerson, caseCoordinatorId: coordinator.staff.id },
      youngPerson.id,
    ),
  );
  const forms = contactFormRepository(db, () => filedAt);
  const form = okValue(
    await forms.start(tutor, youngPerson.id, entry(threeActions(tutor, careWorker, '2026-12-03'))),
  );
  okValue(await forms.file(tutor, form.id, signed));
  return { ...home, db, forms, form };
}

const at = (iso: string) => () => new Date(iso);

describe('actions agreed on a form become tracked items when it is filed', () => {
  it('one per action, in the filing’s transaction, with nothing they say left in the clear', async () => {
    const { db, forms, form, tutor } = await filedWithActions();
    const rows = await db.formActions.where('formId').equals(form.id).toArray();
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.status === 'open')).toBe(true);
    const clear = JSON.stringify(rows.map(({ sealed: _sealed, ...plain }) => plain));
    expect(clear).not.toMatch(/photos|Sam|social worker|Christmas/);
    const actions = (await db.audit.toArray()).map((audited) => audited.action);
    expect(actions).toContain('form-action.tracked');

    // Filing it again is refused, and tracks nothing twice.
    const again = await forms.file(tutor, form.id, signed);
    expect(again.ok ? 'filed' : again.error.code).toBe('already-filed');
    expect(await db.formActions.count()).toBe(3);
  });

  it('a draft’s actions are not tracked: only a filed form’s are', async () => {
    const home = await panAlertHome();
    db = home.db;
    const forms = contactFormRepository(db, () => filedAt);
    okValue(
      await forms.start(
        home.tutor,
        home.youngPerson.id,
        entry([{ action: 'Ring Dad', ownerStaffId: home.tutor.staff.id, ownerName: '' }]),
      ),
    );
    expect(await db.formActions.count()).toBe(0);
  });

  it('an addendum tracks only the actions it adds or changes', async () => {
    const { db, forms, form, tutor, careWorker } = await filedWithActions();
    const addendum = okValue(await forms.startAddendum(tutor, form.id, 'The photos are due later'));
    okValue(await forms.save(tutor, addendum.id, entry(threeActions(tutor, careWorker, '2026-12-05'))));
    okValue(await forms.file(tutor, addendum.id, { ...signed, sha256: 'c'.repeat(64) }));
    const fromAddendum = await db.formActions.where('formId').equals(addendum.id).toArray();
    expect(fromAddendum.map((row) => row.dueOn)).toEqual(['2026-12-05']);
  });
});

describe('need to know: who sees which actions', () => {
  it('the owner sees their own; the CC their young people’s; the manager all; a colleague none', async () => {
    const { db, tutor, careWorker, coordinator, manager, youngPerson } = await filedWithActions();
    const repository = formActionRepository(db, () => filedAt);
    expect((await repository.mine(tutor)).map((action) => action.action)).toEqual([
      'Send Mum the photos from the play',
    ]);
    expect((await repository.mine(careWorker)).map((action) => action.action)).toEqual([
      'Book the family room for Saturday',
    ]);
    expect(await repository.mine(coordinator)).toEqual([]);

    const forCoordinator = await repository.openForReview(coordinator);
    expect(forCoordinator.map((item) => [item.youngPersonId, item.open.length])).toEqual([
      [youngPerson.id, 3],
    ]);
    expect((await repository.openForReview(manager)).map((item) => item.open.length)).toEqual([3]);
    // A PT does not review; another CC does not see a young person who is not theirs.
    expect(await repository.openForReview(tutor)).toEqual([]);
    const otherCoordinator = await testSession(['caseCoordinator'], manager);
    expect(await repository.openForReview(otherCoordinator)).toEqual([]);
  });
});

describe('an overdue action is raised to its owner and the CC, once', () => {
  it('not on the day it is due; the next morning to both, initials only; never twice', async () => {
    const { db, manager, tutor } = await filedWithActions();
    // 23:59 on 3 December in London: still due today.
    expect(await formActionAlerts(db, at('2026-12-03T23:59:00.000Z')).raiseOverdue(tutor)).toBe(0);
    expect(await formActionAlerts(db, at('2026-12-04T00:01:00.000Z')).raiseOverdue(tutor)).toBe(1);
    expect(await formActionAlerts(db, at('2026-12-04T00:02:00.000Z')).raiseOverdue(tutor)).toBe(0);
    // Someone else signing in days later does not raise it again.
    expect(await formActionAlerts(db, at('2026-12-05T09:00:00.000Z')).raiseOverdue(manager)).toBe(0);

    const messages = await outboxRepository(db).list(manager);
    expect(messages.map((message) => [message.event, message.recipient.email]).sort()).toEqual([
      ['actionOverdue', 'cara.co@home.example'],
      ['actionOverdue', 'tom.tutor@home.example'],
    ]);
    for (const message of messages) {
      expect(message.reference).toMatch(/^CF-.* action 1$/);
      expect(message.isRaisedByApp).toBe(true);
      expect(message.subject).toContain('M.H.');
      expect(`${message.subject}\n${message.body}`).not.toMatch(/Amelia|Hughes|Millie|photos|Mum|Sam/);
    }
    const raised = (await db.audit.toArray()).filter(
      (entry) => entry.action === 'form-action.overdue-raised',
    );
    expect(raised).toHaveLength(1);
  });

  it('an action done before it was noticed is never raised', async () => {
    const { db, tutor } = await filedWithActions();
    const [mine] = await formActionRepository(db, () => filedAt).mine(tutor);
    okValue(
      await formActionRepository(db, () => filedAt).markDone(tutor, mine!.id, { note: 'Posted them.' }),
    );
    expect(await formActionAlerts(db, at('2026-12-20T09:00:00.000Z')).raiseOverdue(tutor)).toBe(1);
    const messages = await outboxRepository(db).list(tutor);
    // Only the social worker's action (10 December) is raised, to Cara alone: it has no owner account.
    expect(messages.map((message) => message.recipient.email)).toEqual(['cara.co@home.example']);
  });
});

describe('an action row changed outside the app', () => {
  it('is left out, and does not stop the others being listed or raised', async () => {
    const { db, tutor, coordinator } = await filedWithActions();
    const rows = await db.formActions.toArray();
    const socialWorkers = rows.find((row) => row.dueOn === '2026-12-10');
    // Someone moves its date in IndexedDB: the plain field is bound into the seal, so it no longer opens.
    await db.formActions.put({ ...socialWorkers!, dueOn: '2026-12-01' });

    expect(await formActionAlerts(db, at('2026-12-20T09:00:00.000Z')).raiseOverdue(tutor)).toBe(1);
    const review = await formActionRepository(db, () => filedAt).openForReview(coordinator);
    expect(review[0]?.open.map((action) => action.action).sort()).toEqual([
      'Book the family room for Saturday',
      'Send Mum the photos from the play',
    ]);
  });
});

describe('an action is marked done with a short note', () => {
  it('by its owner, audited; not without a note, not twice, and not by a colleague', async () => {
    const { db, tutor, careWorker } = await filedWithActions();
    const repository = formActionRepository(db, () => new Date('2026-12-02T15:00:00.000Z'));
    const [mine] = await repository.mine(tutor);

    const blank = await repository.markDone(tutor, mine!.id, { note: '   ' });
    expect(blank.ok ? 'done' : blank.error.fields?.note).toBe('Enter a short note of what was done.');
    const colleague = await repository.markDone(careWorker, mine!.id, { note: 'Not mine to close' });
    expect(colleague.ok ? 'done' : colleague.error.code).toBe('forbidden');
    const hostile = await repository.markDone(tutor, mine!.id, { note: 'x'.repeat(501) });
    expect(hostile.ok ? 'done' : hostile.error.code).toBe('invalid');

    const done = okValue(await repository.markDone(tutor, mine!.id, { note: 'Posted the photos to Mum.' }));
    expect(done).toMatchObject({
      status: 'done',
      doneById: tutor.staff.id,
      doneNote: 'Posted the photos to Mum.',
      doneAt: '2026-12-02T15:00:00.000Z',
    });
    const twice = await repository.markDone(tutor, mine!.id, { note: 'Again' });
    expect(twice.ok ? 'done' : twice.error.code).toBe('already-done');

    const audited = (await db.audit.toArray()).filter((entry) => entry.action === 'form-action.done');
    expect(audited.map((entry) => [entry.recordType, entry.recordId, entry.actorId])).toEqual([
      ['formAction', mine!.id, tutor.staff.id],
    ]);
    // Still on the owner's list for a fortnight, as done; gone after.
    expect((await repository.mine(tutor)).map((action) => action.status)).toEqual(['done']);
    expect(await formActionRepository(db, () => new Date('2026-12-20T15:00:00.000Z')).mine(tutor)).toEqual(
      [],
    );
  });

  it('by the young person’s CC or the manager too', async () => {
    const { db, coordinator, manager } = await filedWithActions();
    const repository = formActionRepository(db, () => filedAt);
    const [first, second] = (await repository.openForReview(coordinator))[0]!.open;
    expect(
      okValue(await repository.markDone(coordinator, first!.id, { note: 'Checked with Tom' })).status,
    ).toBe('done');
    expect(okValue(await repository.markDone(manager, second!.id, { note: 'Done at handover' })).status).toBe(
      'done',
    );
  });
});
