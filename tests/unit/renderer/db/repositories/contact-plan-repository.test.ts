import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import {
  contactArrangementAgreementCodec,
  contactPlanRepository,
} from '../../../../../renderer/src/db/repositories/contact-plan-repository';
import { CompartmentLockedError } from '../../../../../renderer/src/db/encryption/record-cipher';
import { personCodec } from '../../../../../renderer/src/db/repositories/people-repository';
import { youngPersonCodec } from '../../../../../renderer/src/db/repositories/young-people-repository';
import type { Session } from '../../../../../renderer/src/db/session';
import { buildPerson, buildYoungPerson } from '../../../../factories';
import { freshDatabase } from '../test-database';
import { testSession } from '../test-session';

let db: FamilyLinksDb;
let manager: Session;
let tutor: Session;
let careWorker: Session;
afterEach(() => db?.close());

const youngPerson = buildYoungPerson();
const mum = buildPerson({ firstName: 'Dawn', lastName: 'Hughes' });

const weeklyCall = {
  youngPersonId: youngPerson.id,
  personId: mum.id,
  kind: 'phone',
  frequency: 'weekly',
  where: '',
  supervision: 'unsupervised',
  supervisedBy: '',
  wording: 'Amy phones Mum every Sunday evening.',
  startsOn: '2026-09-01',
  reviewOn: '2027-01-15',
  agreedBy: 'socialWorker',
  agreedByName: 'Jo Price, Leeds social care',
  agreedOn: '2026-08-20',
};

let now = new Date('2026-08-28T10:00:00.000Z');
const clock = () => now;

beforeEach(async () => {
  db = freshDatabase();
  manager = await testSession(['registeredManager']);
  const { dataKey, auditKey, compartments } = manager;
  tutor = await testSession(['personalTutor'], { dataKey, auditKey, compartments });
  careWorker = await testSession(['careStaff'], { dataKey, auditKey, compartments });
  await db.youngPeople.add(await youngPersonCodec.encode(youngPerson, manager.cipher));
  await db.people.add(await personCodec.encode(mum, manager.cipher));
  now = new Date('2026-08-28T10:00:00.000Z');
});

describe('the contact plan', () => {
  it('lets a tutor record an arrangement, audited, and shows care staff what was agreed but not who agreed it', async () => {
    const plans = contactPlanRepository(db, clock);
    const recorded = await plans.record(tutor, weeklyCall);
    if (!recorded.ok) throw new Error(recorded.error.message);
    expect(recorded.value).toMatchObject({ version: 1, recordedById: tutor.staff.id, kind: 'phone' });

    const seenByCare = await plans.listForYoungPerson(careWorker, youngPerson.id);
    expect(seenByCare.arrangements).toHaveLength(1);
    expect(seenByCare.arrangements[0]).toMatchObject({
      kind: 'phone',
      wording: 'Amy phones Mum every Sunday evening.',
    });
    expect(seenByCare.arrangements[0]?.agreement).toBeUndefined();
    expect(await plans.history(careWorker, recorded.value.id)).toBeUndefined();

    const seenByManager = await plans.listForYoungPerson(manager, youngPerson.id);
    expect(seenByManager.arrangements[0]?.agreement).toEqual({
      agreedBy: 'socialWorker',
      agreedByName: 'Jo Price, Leeds social care',
      agreedOn: '2026-08-20',
    });
    const audit = await db.audit.toArray();
    expect(audit.map((entry) => [entry.action, entry.recordType, entry.recordId])).toContainEqual([
      'contact-plan.recorded',
      'contactPlan',
      recorded.value.id,
    ]);
  });

  it('keeps who agreed it out of the rows care staff can open, even with the page’s code', async () => {
    const plans = contactPlanRepository(db, clock);
    await plans.record(manager, weeklyCall);
    const [agreementRow] = await db.contactArrangementAgreements.toArray();
    expect(agreementRow).toBeDefined();
    await expect(contactArrangementAgreementCodec.decode(agreementRow!, careWorker.cipher)).rejects.toThrow(
      CompartmentLockedError,
    );
    expect(JSON.stringify(await db.contactArrangements.toArray())).not.toContain('Jo Price');
  });

  it('refuses care staff, half-filled forms and a supervised arrangement with nobody named', async () => {
    const plans = contactPlanRepository(db, clock);
    const refused = await plans.record(careWorker, weeklyCall);
    expect(refused.ok ? undefined : refused.error.code).toBe('forbidden');
    const halfFilled = await plans.record(tutor, { ...weeklyCall, kind: '', agreedByName: '  ' });
    expect(halfFilled.ok ? undefined : Object.keys(halfFilled.error.fields ?? {}).sort()).toEqual([
      'agreedByName',
      'kind',
    ]);
    const unnamed = await plans.record(tutor, { ...weeklyCall, supervision: 'supervised' });
    expect(unnamed.ok ? undefined : unnamed.error.fields).toHaveProperty('supervisedBy');
    const endsFirst = await plans.record(tutor, { ...weeklyCall, endsOn: '2026-08-01' });
    expect(endsFirst.ok ? undefined : endsFirst.error.fields).toHaveProperty('endsOn');
    const stranger = await plans.record(tutor, { ...weeklyCall, personId: crypto.randomUUID() });
    expect(stranger.ok ? undefined : stranger.error.code).toBe('not-found');
    expect(await db.contactArrangements.count()).toBe(0);
  });

  it('keeps every earlier version when it changes, and refuses a change made on an old copy', async () => {
    const plans = contactPlanRepository(db, clock);
    const recorded = await plans.record(tutor, weeklyCall);
    if (!recorded.ok) throw new Error(recorded.error.message);
    now = new Date('2026-10-01T09:00:00.000Z');
    const changed = await plans.change(manager, recorded.value.id, 1, {
      ...weeklyCall,
      frequency: 'fortnightly',
    });
    if (!changed.ok) throw new Error(changed.error.message);
    expect(changed.value).toMatchObject({
      version: 2,
      frequency: 'fortnightly',
      firstRecordedAt: '2026-08-28T10:00:00.000Z',
      recordedAt: '2026-10-01T09:00:00.000Z',
    });
    // The same form saved twice: the second was opened on version 1, which is gone.
    const again = await plans.change(manager, recorded.value.id, 1, { ...weeklyCall, frequency: 'monthly' });
    expect(again.ok ? undefined : again.error.message).toContain('Someone else changed this arrangement');
    const history = await plans.history(tutor, recorded.value.id);
    expect(
      history?.map((version) => [version.version, version.frequency, version.agreement.agreedByName]),
    ).toEqual([[1, 'weekly', 'Jo Price, Leeds social care']]);
    const moved = await plans.change(manager, recorded.value.id, 2, {
      ...weeklyCall,
      personId: crypto.randomUUID(),
    });
    expect(moved.ok ? undefined : moved.error.code).toBe('invalid');
    const current = await plans.listForYoungPerson(careWorker, youngPerson.id);
    expect(current.arrangements.map((each) => each.frequency)).toEqual(['fortnightly']);
    expect(
      (await db.audit.toArray()).map((entry) => entry.action).filter((a) => a.startsWith('contact-plan')),
    ).toEqual(['contact-plan.recorded', 'contact-plan.changed']);
  });

  it('shows a row changed outside the app as damaged, not as no arrangement', async () => {
    const plans = contactPlanRepository(db, clock);
    const recorded = await plans.record(tutor, weeklyCall);
    if (!recorded.ok) throw new Error(recorded.error.message);
    await db.contactArrangements.update(recorded.value.id, { endsOn: '2026-09-02' });
    const read = await plans.listForYoungPerson(careWorker, youngPerson.id);
    expect(read.arrangements).toEqual([]);
    expect(read.damagedIds).toEqual([recorded.value.id]);
  });
});

describe('arrangements due for review', () => {
  it('lists those due within the window or missed, soonest first, and not those ended or far off', async () => {
    const plans = contactPlanRepository(db, clock);
    const call = await plans.record(tutor, weeklyCall);
    const visit = await plans.record(tutor, {
      ...weeklyCall,
      kind: 'visitAtHome',
      frequency: 'fortnightly',
      reviewOn: '2027-01-08',
    });
    const later = await plans.record(tutor, { ...weeklyCall, kind: 'video', reviewOn: '2027-06-01' });
    const ended = await plans.record(tutor, {
      ...weeklyCall,
      kind: 'letters',
      reviewOn: '2027-01-10',
      endsOn: '2026-12-31',
    });
    if (!call.ok || !visit.ok || !later.ok || !ended.ok) throw new Error('an arrangement was not recorded');

    const due = await plans.dueForReview(careWorker, '2027-01-05', '2027-01-19');
    expect(due.map((arrangement) => arrangement.id)).toEqual([visit.value.id, call.value.id]);
    expect(await plans.dueForReview(tutor, '2026-12-01', '2026-12-15')).toEqual([]);
    // A missed review stays listed until the arrangement gets a new review date or ends.
    const missed = await plans.dueForReview(tutor, '2027-02-01', '2027-02-15');
    expect(missed.map((arrangement) => arrangement.id)).toEqual([visit.value.id, call.value.id]);
  });
});
