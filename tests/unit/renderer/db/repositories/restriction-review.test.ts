import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { outboxRepository } from '../../../../../renderer/src/db/repositories/outbox-repository';
import { restrictionRepository } from '../../../../../renderer/src/db/repositories/restriction-repository';
import type { Session } from '../../../../../renderer/src/db/session';
import { checkAtTheDoor } from '../../../../../shared/rules/door-check';
import { panAlertHome } from '../pan-alert-test-home';
import { okValue } from '../../ok-value';
import { buildCourtOrderEntry, buildRestrictionChange } from '../../../../factories';
import { auditActions } from '../test-database';
import { plantLaterEntry } from './audit-trail-test-support';

let db: FamilyLinksDb | undefined;
afterEach(() => db?.close());

const now = new Date('2026-12-04T10:00:00.000Z');
const clock = () => now;
const today = '2026-12-04';

async function setUp() {
  const home = await panAlertHome();
  db = home.db;
  const restrictions = restrictionRepository(home.db, clock);
  const barred = okValue(
    await restrictions.record(
      home.manager,
      buildCourtOrderEntry({
        youngPersonId: home.youngPerson.id,
        name: 'Dean Hughes',
        aliases: [],
        authorityReference: 'LS26C01234',
        effectiveFrom: '2026-01-12',
        reviewOn: '2026-12-10',
      }),
    ),
  );
  const actions = async () =>
    (await auditActions(home.db, home.manager))
      .filter((action) => action !== 'young-person.created')
      .reverse();
  const alerts = async () =>
    (await outboxRepository(home.db, clock).list(home.manager)).map((message) => message.event).sort();
  /** `by` reviews Dean's order today, checked with the social worker unless `what` says otherwise. */
  const review = (by: Session, what: Record<string, unknown>) =>
    restrictions.review(
      by,
      barred.id,
      { reviewedOn: today, reviewedById: by.staff.id, checkedWith: 'SW', ...what },
      today,
    );
  return { ...home, restrictions, barred, actions, alerts, review };
}

/** A review's outcome: the order continues, next due in January, unless told otherwise. */
const continues = (changes: Record<string, string> = {}) => ({
  outcome: 'continues',
  nextReviewOn: '2027-01-01',
  ...changes,
});

const supervised = buildRestrictionChange();

const doorSays = (restrictions: Parameters<typeof checkAtTheDoor>[1], day: string) =>
  checkAtTheDoor({ visitor: { kind: 'typed', name: 'Dean Hughes' }, youngPersonIds: [] }, restrictions, day)
    .kind;

describe('reviewing a restriction', () => {
  it('continuing it unchanged takes it off the review-due list and keeps who reviewed it and with whom', async () => {
    const { manager, tutor, restrictions, review, actions, alerts } = await setUp();
    expect((await restrictions.needingAttention(manager, today, '2026-12-18')).dueForReview).toHaveLength(1);
    const reviewed = okValue(
      await review(
        tutor,
        continues({
          reviewedOn: '2026-12-03',
          checkedWith: 'Jo Bell, social worker',
          nextReviewOn: '2027-03-01',
        }),
      ),
    );
    expect(reviewed).toMatchObject({
      reviewOn: '2027-03-01',
      kind: 'noContact',
      approvedById: manager.staff.id,
    });
    expect(reviewed.reviews).toEqual([
      expect.objectContaining({ checkedWith: 'Jo Bell, social worker', outcome: 'continues', version: 1 }),
    ]);
    expect((await restrictions.needingAttention(manager, today, '2026-12-18')).dueForReview).toEqual([]);
    expect(await actions()).toEqual(['restriction.recorded', 'outbox.queued', 'restriction.reviewed']);
    // Nothing the PAN group acts on changed: only the recording was alerted.
    expect(await alerts()).toEqual(['restrictionAdded']);
  });

  it('changed at review: one transaction makes the new version, the review and the alert; the door reads each day’s version', async () => {
    const { manager, careWorker, restrictions, barred, review, actions, alerts } = await setUp();
    const changed = okValue(
      await review(manager, {
        outcome: 'changed',
        checkedWith: 'Jo Bell, social worker',
        change: supervised,
      }),
    );
    expect(changed).toMatchObject({ version: 2, kind: 'supervisedOnly', approvedById: manager.staff.id });
    // The review, the change and the alert's queuing are written together.
    expect(await actions()).toEqual([
      'restriction.recorded',
      'outbox.queued',
      'restriction.reviewed',
      'restriction.updated',
      'outbox.queued',
    ]);
    expect(await alerts()).toEqual(['restrictionAdded', 'restrictionChanged']);
    expect((await restrictions.needingAttention(manager, today, '2026-12-18')).dueForReview).toEqual([]);
    // The care worker's door: the old version until the change takes over, then the new.
    const before = await restrictions.listForCheck(careWorker, '2026-12-09');
    expect(doorSays(before.restrictions, '2026-12-09')).toBe('block');
    const after = await restrictions.listForCheck(careWorker, '2026-12-10');
    expect(doorSays(after.restrictions, '2026-12-10')).toBe('warn');
    expect((await restrictions.listInForce(careWorker, '2026-12-09')).restrictions[0]).toMatchObject({
      view: 'instruction',
      kind: 'noContact',
    });
    // The history keeps the version before, whole, for those who may read it.
    const history = await restrictions.history(manager, barred.id);
    expect(history?.map((entry) => [entry.version.version ?? 1, entry.version.kind])).toEqual([
      [1, 'noContact'],
    ]);
    expect(await restrictions.history(careWorker, barred.id)).toBeUndefined();
  });

  it('ended at review: ends it with the reason and alerts the PAN group', async () => {
    const { tutor, review, alerts } = await setUp();
    const ended = okValue(
      await review(tutor, {
        outcome: 'ended',
        checkedWith: 'Placing authority',
        endedReason: 'Order discharged',
      }),
    );
    expect(ended).toMatchObject({ endedReason: 'Order discharged', endedAt: now.toISOString() });
    expect(await alerts()).toEqual(['restrictionAdded', 'restrictionEnded']);
    const again = await review(tutor, continues({ checkedWith: 'x' }));
    expect(again.ok ? undefined : again.error.code).toBe('already-ended');
  });

  it('a care worker cannot review; a review without whom it was checked with is refused with the field named', async () => {
    const { careWorker, tutor, review, actions } = await setUp();
    const byCareWorker = await review(careWorker, continues());
    expect(byCareWorker.ok ? undefined : byCareWorker.error.code).toBe('forbidden');
    const blank = await review(tutor, continues({ checkedWith: '  ' }));
    expect(blank.ok ? undefined : Object.keys(blank.error.fields ?? {})).toEqual(['checkedWith']);
    const stillDue = await review(tutor, continues({ nextReviewOn: today }));
    expect(stillDue.ok ? undefined : Object.keys(stillDue.error.fields ?? {})).toEqual(['nextReviewOn']);
    expect(await actions()).toEqual(['restriction.recorded', 'outbox.queued']);
  });
});

describe('changing a restriction', () => {
  it('a tutor’s change applies from its day and waits for the manager’s approval', async () => {
    const { manager, tutor, restrictions, barred } = await setUp();
    const changed = okValue(await restrictions.change(tutor, barred.id, supervised, today));
    expect(changed).toMatchObject({
      version: 2,
      changedById: tutor.staff.id,
      recordedById: manager.staff.id,
    });
    expect(changed.approvedById).toBeUndefined();
    const waiting = await restrictions.needingAttention(manager, today, '2026-12-18');
    expect(waiting.awaitingApproval.map((item) => item.id)).toEqual([barred.id]);
    okValue(await restrictions.approve(manager, barred.id));
    expect((await restrictions.needingAttention(manager, today, '2026-12-18')).awaitingApproval).toEqual([]);
  });

  it('what comes over the bridge cannot set the version, its earlier terms, approval or reviews', async () => {
    const { tutor, restrictions, barred, youngPerson } = await setUp();
    const changed = okValue(
      await restrictions.change(
        tutor,
        barred.id,
        {
          ...supervised,
          approvedById: tutor.staff.id,
          version: 9,
          earlierTerms: [],
          reviews: [],
          name: 'Someone Else',
          youngPersonId: crypto.randomUUID(),
        },
        today,
      ),
    );
    expect(changed).toMatchObject({ version: 2, name: 'Dean Hughes', youngPersonId: youngPerson.id });
    expect(changed.approvedById).toBeUndefined();
    expect(changed.earlierTerms).toHaveLength(1);
    const recorded = okValue(
      await restrictions.record(tutor, {
        youngPersonId: youngPerson.id,
        name: 'Rita Hughes',
        aliases: [],
        kind: 'noContact',
        authority: 'carePlan',
        effectiveFrom: '2026-12-04',
        earlierTerms: [{ kind: 'other', conditions: 'none', effectiveFrom: '2020-01-01' }],
        version: 5,
      }),
    );
    expect(recorded.earlierTerms).toBeUndefined();
    expect(recorded.version).toBeUndefined();
  });

  it('refuses a backdated change, one that says nothing new, and the same change twice at once', async () => {
    const { manager, restrictions, barred, alerts } = await setUp();
    const backdated = await restrictions.change(
      manager,
      barred.id,
      { ...supervised, effectiveFrom: '2026-12-01' },
      today,
    );
    expect(backdated.ok ? undefined : Object.keys(backdated.error.fields ?? {})).toEqual(['effectiveFrom']);
    const same = await restrictions.change(
      manager,
      barred.id,
      {
        kind: 'noContact',
        conditions: '',
        authority: 'courtOrder',
        authorityReference: 'LS26C01234',
        effectiveFrom: today,
        reviewOn: '2026-12-10',
      },
      today,
    );
    expect(same.ok ? undefined : same.error.code).toBe('invalid');
    // Two clicks at once: one change is saved, the other is told someone changed it a moment ago.
    const both = await Promise.all([
      restrictions.change(manager, barred.id, supervised, today),
      restrictions.change(manager, barred.id, supervised, today),
    ]);
    expect(both.filter((result) => result.ok)).toHaveLength(1);
    expect((await restrictions.history(manager, barred.id))?.length).toBe(1);
    expect(await alerts()).toEqual(['restrictionAdded', 'restrictionChanged']);
  });
});

/*
 * An older sealed copy of a restriction's row still opens: written back in IndexedDB, the door
 * would read the restriction as it stood before the change. The audit log names every version.
 */
describe('an older copy of a restriction written back outside Family Links', () => {
  it('stops the door clearing anyone, and is shown as changed outside the app', async () => {
    const { manager, careWorker, restrictions, barred, youngPerson } = await setUp();
    const first = await db?.restrictions.get(barred.id);
    if (!db || !first) throw new Error('setup');
    okValue(await restrictions.change(manager, barred.id, supervised, today));
    expect((await restrictions.listForCheck(careWorker, today)).damagedIds).toEqual([]);

    await db.restrictions.put(first);

    for (const session of [careWorker, manager]) {
      expect((await restrictions.listForCheck(session, today)).damagedIds).toEqual([barred.id]);
      expect((await restrictions.listInForce(session, today)).damagedIds).toEqual([barred.id]);
      expect(await restrictions.listForYoungPerson(session, youngPerson.id)).toEqual({
        restrictions: [],
        damagedIds: [barred.id],
      });
    }
  });

  it('still stops the door when the change’s audit entry is edited, or a settled conflict planted, to vouch for it', async () => {
    const { manager, careWorker, restrictions, barred } = await setUp();
    const first = await db?.restrictions.get(barred.id);
    if (!db || !first) throw new Error('setup');
    okValue(await restrictions.change(manager, barred.id, supervised, today));
    // Read once as it is, so the change's entry has been checked (and found genuine) before it is edited.
    expect((await restrictions.listForCheck(careWorker, today)).damagedIds).toEqual([]);
    await db.restrictions.put(first);
    const [change] = await db.audit
      .where('[recordType+recordId]')
      .equals(['restriction', barred.id])
      .filter((entry) => entry.action === 'restriction.updated')
      .toArray();
    if (!change) throw new Error('no change entry');

    // The change's entry edited to name the version put back: its MAC no longer verifies.
    await db.audit.put({ ...change, detail: 'version 1' });
    expect((await restrictions.listForCheck(careWorker, today)).damagedIds).toEqual([barred.id]);

    // Put right, and a settled conflict planted after it instead, which would start the count again.
    await db.audit.put(change);
    await plantLaterEntry(db, change, {
      at: '2026-12-04T11:00:00.000Z',
      action: 'sync.version-chosen',
      recordType: 'restrictions',
      detail: 'the version on this computer',
    });
    expect((await restrictions.listForCheck(careWorker, today)).damagedIds).toEqual([barred.id]);
  });

  it('does not mistake a restriction changed in the app for one put back', async () => {
    const { manager, careWorker, restrictions, barred, youngPerson } = await setUp();
    okValue(await restrictions.change(manager, barred.id, supervised, today));
    okValue(
      await restrictions.review(
        manager,
        barred.id,
        {
          outcome: 'continues',
          reviewedOn: today,
          reviewedById: manager.staff.id,
          checkedWith: 'Jo Bell, social worker',
          nextReviewOn: '2027-03-01',
        },
        today,
      ),
    );
    expect((await restrictions.listForCheck(careWorker, today)).damagedIds).toEqual([]);
    const read = await restrictions.listForYoungPerson(manager, youngPerson.id);
    expect(read.damagedIds).toEqual([]);
    expect(read.restrictions.map((restriction) => restriction.id)).toEqual([barred.id]);
  });
});
