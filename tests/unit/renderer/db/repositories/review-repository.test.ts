import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { reviewRepository } from '../../../../../renderer/src/db/repositories/review-repository';
import { reviewSampleRepository } from '../../../../../renderer/src/db/repositories/review-sample-repository';
import { contactFormCodec } from '../../../../../renderer/src/db/repositories/contact-form-codec';
import { contactFormListRepository } from '../../../../../renderer/src/db/repositories/contact-form-list-repository';
import { contactFormRepository } from '../../../../../renderer/src/db/repositories/contact-form-repository';
import { visitCodec } from '../../../../../renderer/src/db/repositories/visit-codec';
import { personCodec } from '../../../../../renderer/src/db/repositories/people-repository';
import { sampleItemReviewCodec } from '../../../../../renderer/src/db/repositories/review-sample-repository';
import { buildContactForm, buildPerson, buildVisit } from '../../../../factories';
import { freshDatabase } from '../test-database';
import { storeReviewHome } from '../review-test-home';
import { homeStaff } from '../test-session';
import { okValue } from '../../ok-value';

let db: FamilyLinksDb;
afterEach(() => db?.close());

const now = new Date('2027-01-20T12:00:00.000Z'); // spring term 2026/27 under way

async function setUp() {
  db = freshDatabase();
  const [manager, coordinator, otherCoordinator, careWorker] = await homeStaff(
    'caseCoordinator',
    'caseCoordinator',
    'careStaff',
  );
  const tutorId = crypto.randomUUID();
  const {
    year,
    millie: mine,
    tom: theirs,
    mum,
  } = await storeReviewHome(db, manager.cipher, {
    coordinatorId: coordinator.staff.id,
    otherCoordinatorId: otherCoordinator.staff.id,
    tutorId,
  });
  await db.people.add(
    await personCodec.encode(
      buildPerson({ id: mum.personId, firstName: 'Karen', lastName: 'Hughes' }),
      manager.cipher,
    ),
  );
  // Millie: a home visit with the PT and CC in the autumn; Tom: none.
  const homeVisit = buildVisit({
    youngPersonIds: [mine.id],
    kind: 'homeVisit',
    startsAt: '2026-10-07T10:00:00.000Z',
    endsAt: '2026-10-07T11:30:00.000Z',
    staffIds: [tutorId, coordinator.staff.id],
    personIds: [mum.personId],
  });
  const visitForm = buildContactForm({
    youngPersonId: mine.id,
    kind: 'homeVisit',
    visitId: homeVisit.id,
    contactStartedAt: homeVisit.startsAt,
    contactEndedAt: homeVisit.endsAt,
    dueAt: '2026-10-09T11:30:00.000Z',
    filedAt: '2026-10-08T09:00:00.000Z',
    authorId: tutorId,
    personIds: [mum.personId],
  });
  const tomsCall = buildContactForm({
    youngPersonId: theirs.id,
    contactStartedAt: '2026-10-08T18:00:00.000Z',
    contactEndedAt: '2026-10-08T18:20:00.000Z',
    dueAt: '2026-10-10T18:20:00.000Z',
    filedAt: '2026-10-09T09:00:00.000Z',
  });
  const { filedAt: _neverFiled, ...draft } = buildContactForm({
    youngPersonId: theirs.id,
    status: 'draft',
    contactStartedAt: '2026-11-08T18:00:00.000Z',
    contactEndedAt: '2026-11-08T18:20:00.000Z',
    dueAt: '2026-11-10T18:20:00.000Z',
  });
  await db.visits.add(await visitCodec.encode(homeVisit, manager.cipher));
  for (const form of [visitForm, tomsCall, draft])
    await db.contactForms.add(await contactFormCodec.encode(form, manager.cipher));
  return {
    manager,
    coordinator,
    careWorker,
    year,
    mine,
    theirs,
    homeVisit,
    visitForm,
    tomsCall,
    draft,
    reviews: reviewRepository(db),
  };
}

describe('the termly review: need to know in the data layer', () => {
  it('a Case Co-ordinator’s overview holds their own young people only; the manager’s everyone', async () => {
    const { manager, coordinator, year, reviews } = await setUp();
    const own = okValue(await reviews.termlyOverview(coordinator, year.id, 'autumn', now));
    expect(own.scope).toBe('own');
    expect(own.rows.map((row) => row.youngPerson.name)).toEqual(['Millie Hughes']);
    const all = okValue(await reviews.termlyOverview(manager, year.id, 'autumn', now));
    expect(all.rows.map((row) => row.youngPerson.name)).toEqual(['Millie Hughes', 'Tom Hughes']);
  });

  it('a care worker is refused the review in words', async () => {
    const { careWorker, year, reviews } = await setUp();
    const result = await reviews.termlyOverview(careWorker, year.id, 'autumn', now);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message: 'The termly review is for Case Co-ordinators and the Registered Manager.',
      },
    });
  });

  it('a Case Co-ordinator cannot open another’s young person’s records, even by id', async () => {
    const { coordinator, tomsCall, visitForm, reviews, theirs, year } = await setUp();
    const records = okValue(
      await reviews.recordsBehind(coordinator, [
        { type: 'contactForm', id: tomsCall.id },
        { type: 'contactForm', id: visitForm.id },
      ]),
    );
    expect(
      records.map((record) => (record.type === 'contactForm' ? record.form.id : record.visit.id)),
    ).toEqual([visitForm.id]);
    expect((await reviews.youngPersonReview(coordinator, theirs.id, year.id, 'autumn', now)).ok).toBe(false);
  });
});

describe('the termly review: figures from the stored records', () => {
  it('the autumn home visit with the PT and CC is green for Millie and lists the visit and its form; Tom’s term with none is red', async () => {
    const { manager, year, reviews, homeVisit, visitForm } = await setUp();
    const overview = okValue(await reviews.termlyOverview(manager, year.id, 'autumn', now));
    const [millie, tom] = overview.rows;
    const millieVisit = millie?.review.figures.find((figure) => figure.key === 'homeVisit');
    expect(millieVisit).toMatchObject({ status: 'green', recordCount: 2 });
    expect(
      okValue(
        await reviews.recordsOf(manager, millie?.youngPerson.id ?? '', year.id, 'autumn', now, {
          figure: 'homeVisit',
        }),
      ),
    ).toEqual([
      { type: 'visit', id: homeVisit.id },
      { type: 'contactForm', id: visitForm.id },
    ]);
    expect(tom?.review.figures.find((figure) => figure.key === 'homeVisit')).toMatchObject({
      status: 'red',
      reason: 'No home visit in the autumn term: the policy asks for a home visit each term.',
    });
    expect(tom?.review.forms.overdue.count).toBe(1);
  });

  it('the detail view names family members; the drill-down opens the records behind a figure', async () => {
    const { coordinator, year, reviews, mine, homeVisit } = await setUp();
    const detail = okValue(await reviews.youngPersonReview(coordinator, mine.id, year.id, 'autumn', now));
    expect(detail.terms[0]?.family.map((member) => [member.name, member.status])).toEqual([
      ['Karen Hughes', 'green'],
    ]);
    const figure = detail.terms[0]?.figures.find((each) => each.key === 'homeVisit');
    const records = okValue(await reviews.recordsBehind(coordinator, figure?.records ?? []));
    expect(records.map((record) => record.type)).toEqual(['visit', 'contactForm']);
    expect(records[0]?.type === 'visit' && records[0].visit.id).toBe(homeVisit.id);
  });
});

describe('the termly review: forms judged by their own due moment', () => {
  it('a form filed on time stays on time in the review when the home later shortens the time allowed, as the list says', async () => {
    const { manager, year, reviews, mine } = await setUp();
    // Given 48 hours when it was started (seed 004 §5.2.1), filed 30 hours after the call ended.
    const call = buildContactForm({
      youngPersonId: mine.id,
      contactStartedAt: '2026-10-14T18:00:00.000Z',
      contactEndedAt: '2026-10-14T18:20:00.000Z',
      dueAt: '2026-10-16T18:20:00.000Z',
      filedAt: '2026-10-16T00:20:00.000Z',
    });
    await db.contactForms.add(await contactFormCodec.encode(call, manager.cipher));
    okValue(await contactFormRepository(db, () => now).saveSettings(manager, { dueHours: 24 }));

    const listed = await contactFormListRepository(db).page(
      manager,
      { youngPersonId: mine.id },
      { now, pageSize: 10 },
    );
    expect(listed.items.find((item) => item.id === call.id)?.status).toBe('filed');
    const autumn = okValue(await reviews.youngPersonReview(manager, mine.id, year.id, 'autumn', now))
      .terms[0];
    expect(autumn?.forms.late.records).toEqual([]);
    expect(autumn?.forms.onTime.records).toContainEqual({ type: 'contactForm', id: call.id });
    expect(autumn?.figures.find((figure) => figure.key === 'forms')?.status).toBe('green');
  });
});

describe('sample monitoring', () => {
  it('the manager draws a sample of the term’s filed forms only, of the size chosen, kept and in the audit log', async () => {
    const { manager, year, visitForm, tomsCall } = await setUp();
    const samples = reviewSampleRepository(db, () => now);
    const sample = okValue(await samples.draw(manager, { yearId: year.id, termName: 'autumn', size: 5 }));
    expect(sample.populationCount).toBe(2);
    expect([...sample.formIds].sort()).toEqual([visitForm.id, tomsCall.id].sort());
    expect(okValue(await samples.list(manager)).map((kept) => kept.id)).toEqual([sample.id]);
    const audit = await db.audit.toArray();
    expect(audit.map((entry) => entry.action)).toContain('review.sample-drawn');
  });

  it('a sample of one picks one of the filed forms', async () => {
    const { manager, year, visitForm, tomsCall } = await setUp();
    const sample = okValue(
      await reviewSampleRepository(db, () => now).draw(manager, {
        yearId: year.id,
        termName: 'autumn',
        size: 1,
      }),
    );
    expect(sample.formIds).toHaveLength(1);
    expect([visitForm.id, tomsCall.id]).toContain(sample.formIds[0]);
  });

  it('a Case Co-ordinator cannot draw a sample; a term with no filed forms says so', async () => {
    const { manager, coordinator, year } = await setUp();
    const samples = reviewSampleRepository(db, () => now);
    expect(await samples.draw(coordinator, { yearId: year.id, termName: 'autumn', size: 3 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await samples.draw(manager, { yearId: year.id, termName: 'summer', size: 3 })).toMatchObject({
      ok: false,
      error: {
        code: 'empty-term',
        message: 'No forms were filed in that term, so there is nothing to sample.',
      },
    });
    expect(await samples.draw(manager, { yearId: year.id, termName: 'autumn', size: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid', fields: { size: 'Sample at least 1 form.' } },
    });
  });

  it('each review is kept with its outcome, the comment sealed, and audited', async () => {
    const { manager, year } = await setUp();
    const samples = reviewSampleRepository(db, () => now);
    const sample = okValue(await samples.draw(manager, { yearId: year.id, termName: 'autumn', size: 2 }));
    const formId = sample.formIds[0] ?? '';
    expect(
      await samples.reviewForm(manager, sample.id, formId, { outcome: 'good', comment: '' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid' } });
    okValue(
      await samples.reviewForm(manager, sample.id, formId, {
        outcome: 'needsImprovement',
        comment: 'Family’s views missing.',
      }),
    );
    const kept = okValue(await samples.get(manager, sample.id));
    expect(kept.reviews.get(formId)).toMatchObject({
      outcome: 'needsImprovement',
      comment: 'Family’s views missing.',
      reviewedById: manager.staff.id,
    });
    expect(kept.forms).toHaveLength(2);
    const [row] = await db.reviewSampleItems.toArray();
    expect(JSON.stringify(row)).not.toContain('Family’s views missing');
    expect(await sampleItemReviewCodec.decode(row as NonNullable<typeof row>, manager.cipher)).toMatchObject({
      comment: 'Family’s views missing.',
    });
    expect((await db.audit.toArray()).map((entry) => entry.action)).toContain('review.sample-form-reviewed');
  });

  it('a sample whose forms were swapped in IndexedDB is refused and noted; one drawn before digests opens', async () => {
    const { manager, year, visitForm, tomsCall } = await setUp();
    const samples = reviewSampleRepository(db, () => now);
    const sample = okValue(await samples.draw(manager, { yearId: year.id, termName: 'autumn', size: 1 }));
    expect(okValue(await samples.get(manager, sample.id)).forms).toHaveLength(1);
    const other = sample.formIds[0] === visitForm.id ? tomsCall.id : visitForm.id;
    await db.reviewSamples.put({ ...sample, formIds: [other] });
    expect(await samples.get(manager, sample.id)).toMatchObject({ ok: false, error: { code: 'damaged' } });
    expect(await db.damagedRecords.toArray()).toMatchObject([{ id: `reviewSamples:${sample.id}` }]);

    // Drawn before the entry carried a digest: nothing to hold it to, so it opens as it did.
    await db.audit
      .where('[recordType+recordId]')
      .equals(['reviewSample', sample.id])
      .modify({ detail: '1 of 2 filed forms' });
    expect(okValue(await samples.get(manager, sample.id)).sample.formIds).toEqual([other]);
    // No draw entry at all: never drawn by Family Links.
    await db.reviewSamples.put({ ...sample, id: 'put-there-by-hand' });
    expect(await samples.get(manager, 'put-there-by-hand')).toMatchObject({
      ok: false,
      error: { code: 'damaged' },
    });
  });
});

describe('version 9: sample monitoring tables', () => {
  it('a database at version 8 upgrades to 9 with its rows kept and the new tables empty and indexed', async () => {
    const factory = new IDBFactory();
    const before = freshDatabase({ factory, upToVersion: 8 });
    await before.open();
    await before.table('rooms').add({ id: 'room-1', name: 'Family room', isActive: true });
    before.close();
    db = freshDatabase({ factory, upToVersion: 9 });
    await db.open();
    expect(await db.table('rooms').get('room-1')).toMatchObject({ name: 'Family room' });
    await db.reviewSamples.add({
      id: 's1',
      yearId: 'y',
      yearLabel: '2026/27',
      termName: 'autumn',
      drawnAt: '2027-01-01T10:00:00.000Z',
      drawnById: 'm',
      populationCount: 1,
      formIds: ['f'],
    });
    expect(await db.reviewSamples.where('[yearId+termName]').equals(['y', 'autumn']).count()).toBe(1);
  });
});
