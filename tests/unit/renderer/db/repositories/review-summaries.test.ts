import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { academicYearRepository } from '../../../../../renderer/src/db/repositories/academic-year-repository';
import { contactFormCodec } from '../../../../../renderer/src/db/repositories/contact-form-codec';
import { contactFormRepository } from '../../../../../renderer/src/db/repositories/contact-form-repository';
import { contactFormSettingsKey } from '../../../../../renderer/src/db/repositories/contact-form-settings-repository';
import { relationshipCodec } from '../../../../../renderer/src/db/repositories/people-repository';
import { restrictionCodec } from '../../../../../renderer/src/db/repositories/restriction-codec';
import { reviewRepository } from '../../../../../renderer/src/db/repositories/review-repository';
import {
  reviewSummaryCodec,
  reviewSummaryRepository,
} from '../../../../../renderer/src/db/repositories/review-summary-repository';
import { visitRepository } from '../../../../../renderer/src/db/repositories/visit-repository';
import { visitCodec } from '../../../../../renderer/src/db/repositories/visit-codec';
import { youngPersonCodec } from '../../../../../renderer/src/db/repositories/young-people-repository';
import {
  inputsMarkerId,
  reviewSettingKeys,
} from '../../../../../renderer/src/db/review-summary-invalidation';
import type { Session } from '../../../../../renderer/src/db/session';
import {
  buildCaseFilePlace,
  buildContactForm,
  buildContactFormEntry,
  buildRelationship,
  buildRestriction,
  buildVisit,
} from '../../../../factories';
import { freshDatabase } from '../test-database';
import { springTermUnderWay as now, storeReviewHome } from '../review-test-home';
import { homeStaff } from '../test-session';
import { okValue } from '../../ok-value';

let db: FamilyLinksDb;
afterEach(() => db?.close());

const sha = 'a'.repeat(64);
const place = buildCaseFilePlace({ date: '2027-01-19' });

async function setUp() {
  db = freshDatabase();
  const [manager, coordinator, otherCoordinator, tutor] = await homeStaff(
    'caseCoordinator',
    'caseCoordinator',
    'personalTutor',
  );
  const { year, millie, tom, mum } = await storeReviewHome(
    db,
    manager.cipher,
    {
      coordinatorId: coordinator.staff.id,
      otherCoordinatorId: otherCoordinator.staff.id,
      tutorId: tutor.staff.id,
    },
    { placementStartsOn: '2025-01-01' },
  );
  return {
    manager,
    coordinator,
    otherCoordinator,
    tutor,
    year,
    millie,
    tom,
    mum,
    reviews: reviewRepository(db),
  };
}

/** The young people whose summaries are stored (the marker row left out). */
async function summarised(): Promise<string[]> {
  const rows = await db.reviewSummaries.toArray();
  return rows.flatMap((row) => ('sealed' in row ? [row.youngPersonId] : [])).sort();
}

async function overview(session: Session, yearId: string) {
  return okValue(await reviewRepository(db).termlyOverview(session, yearId, 'spring', now));
}

/** The records behind a young person's "Contact forms on time" figure, as opening it lists them. */
async function formsFigureRecords(session: Session, yearId: string, youngPersonId: string) {
  return okValue(
    await reviewRepository(db).recordsOf(session, youngPersonId, yearId, 'spring', now, { figure: 'forms' }),
  );
}

describe('the termly overview’s stored summaries', () => {
  it('an overview stores a summary for each young person it reviews, sealed, with only ids and times in the clear', async () => {
    const { manager, year, millie, tom } = await setUp();
    await overview(manager, year.id);
    expect(await summarised()).toEqual([millie.id, tom.id].sort());
    const row = await db.reviewSummaries.get(`${millie.id}|${year.id}|spring`);
    expect(row && Object.keys(row).sort()).toEqual([
      'computedAt',
      'id',
      'rulesVersion',
      'sealed',
      'sealedWhole',
      'stableUntil',
      'termName',
      'yearId',
      'youngPersonId',
    ]);
  });

  it('a cached overview equals one worked out fresh from the records', async () => {
    const { manager, year } = await setUp();
    const first = await overview(manager, year.id);
    const cached = await overview(manager, year.id);
    await db.reviewSummaries.clear();
    const fresh = await overview(manager, year.id);
    expect(cached).toEqual(fresh);
    expect(first).toEqual(fresh);
  });

  it('the second overview is read from the summaries, not worked out again', async () => {
    const { manager, year, millie } = await setUp();
    await overview(manager, year.id);
    // Tamper with a stored summary (sealed properly, so it opens): the overview shows what is stored.
    const id = `${millie.id}|${year.id}|spring`;
    const row = await db.reviewSummaries.get(id);
    if (!row || !('sealed' in row)) throw new Error('no summary stored');
    const stored = await reviewSummaryCodec.decodeWhole(row, manager.cipher);
    if (!stored) throw new Error('the stored summary did not open');
    await db.reviewSummaries.put(
      await reviewSummaryCodec.encode(
        { ...stored, review: { ...stored.review, overall: 'green' as const } },
        manager.cipher,
      ),
    );
    const cached = await overview(manager, year.id);
    expect(cached.rows.find((each) => each.youngPerson.id === millie.id)?.review.overall).toBe('green');
  });

  it('the overview opens only each summary’s overview part; a figure’s records come from the whole review, as worked out', async () => {
    const { manager, year, millie } = await setUp();
    await overview(manager, year.id);
    const wholeOpened = vi.spyOn(reviewSummaryCodec, 'decodeWhole');
    const overviewOpened = vi.spyOn(reviewSummaryCodec, 'decode');
    await overview(manager, year.id);
    expect(overviewOpened).toHaveBeenCalledTimes(2);
    expect(wholeOpened).not.toHaveBeenCalled();
    const fromStored = await formsFigureRecords(manager, year.id, millie.id);
    expect(wholeOpened).toHaveBeenCalledTimes(1);
    await db.reviewSummaries.clear();
    expect(await formsFigureRecords(manager, year.id, millie.id)).toEqual(fromStored);
    vi.restoreAllMocks();
  });

  it('the whole review cannot stand in for the overview part, nor one summary’s for another’s', async () => {
    const { manager, year, millie, tom } = await setUp();
    await overview(manager, year.id);
    const millieRow = await db.reviewSummaries.get(`${millie.id}|${year.id}|spring`);
    const tomRow = await db.reviewSummaries.get(`${tom.id}|${year.id}|spring`);
    if (!millieRow || !('sealed' in millieRow) || !tomRow || !('sealed' in tomRow))
      throw new Error('no summaries stored');
    expect(
      await reviewSummaryCodec.decode({ ...millieRow, sealed: millieRow.sealedWhole }, manager.cipher),
    ).toBe(undefined);
    expect(
      await reviewSummaryCodec.decodeWhole({ ...tomRow, sealedWhole: millieRow.sealedWhole }, manager.cipher),
    ).toBe(undefined);
  });

  it('a Case Co-ordinator is refused the records behind another Co-ordinator’s young person’s figure', async () => {
    const { manager, coordinator, year, tom } = await setUp();
    await overview(manager, year.id);
    const refused = await reviewRepository(db).recordsOf(coordinator, tom.id, year.id, 'spring', now, {
      figure: 'forms',
    });
    expect(refused.ok).toBe(false);
  });

  it('a Case Co-ordinator never receives another Co-ordinator’s young person from the summaries', async () => {
    const { manager, coordinator, otherCoordinator, year, millie, tom } = await setUp();
    await overview(manager, year.id);
    expect(await summarised()).toEqual([millie.id, tom.id].sort());
    expect((await overview(coordinator, year.id)).rows.map((row) => row.youngPerson.id)).toEqual([millie.id]);
    expect((await overview(otherCoordinator, year.id)).rows.map((row) => row.youngPerson.id)).toEqual([
      tom.id,
    ]);
  });

  it('a summary past its stableUntil, from earlier rules, or that will not open is worked out again, never an error', async () => {
    const { manager, year, millie, tom } = await setUp();
    const fresh = await overview(manager, year.id);
    const millieId = `${millie.id}|${year.id}|spring`;
    const tomId = `${tom.id}|${year.id}|spring`;
    const millieRow = await db.reviewSummaries.get(millieId);
    const tomRow = await db.reviewSummaries.get(tomId);
    if (!millieRow || !('sealed' in millieRow) || !tomRow || !('sealed' in tomRow))
      throw new Error('no summaries stored');
    await db.reviewSummaries.bulkPut([
      { ...millieRow, stableUntil: now.toISOString() },
      { ...tomRow, sealed: millieRow.sealed },
    ]);
    expect(await overview(manager, year.id)).toEqual(fresh);
    await db.reviewSummaries.put({ ...millieRow, rulesVersion: 0 });
    expect(await overview(manager, year.id)).toEqual(fresh);
    expect(
      Date.parse(((await db.reviewSummaries.get(millieId)) as { stableUntil: string }).stableUntil),
    ).toBeGreaterThan(now.getTime());
  });

  it('summaries worked out while an input changed are not stored (they may be stale already)', async () => {
    const { manager, year, millie } = await setUp();
    const summaries = reviewSummaryRepository(db);
    const before = await summaries.fresh([millie.id], year.id, 'spring', now, manager.cipher);
    await overview(manager, year.id);
    const stored = await summaries.whole(millie.id, year.id, 'spring', now, manager.cipher);
    if (!stored) throw new Error('no summary stored');
    await db.reviewSummaries.clear();
    await db.relationships.add(
      await relationshipCodec.encode(buildRelationship({ youngPersonId: millie.id }), manager.cipher),
    );
    expect(await summaries.keep([stored], before.inputsToken, manager.cipher)).toBe(false);
    expect(await summarised()).toEqual([]);
  });
});

describe('changes to a review’s inputs delete the summaries they make stale, in the same transaction', () => {
  it('after a form is filed, the next overview reflects it', async () => {
    const { manager, tutor, year, millie, tom } = await setUp();
    const forms = contactFormRepository(db, () => now);
    const started = okValue(
      await forms.start(
        tutor,
        millie.id,
        buildContactFormEntry({ contactStartedAt: '2027-01-11T18:00:00.000Z', initiatedBy: 'youngPerson' }),
      ),
    );
    const millieForms = (review: Awaited<ReturnType<typeof overview>>) =>
      review.rows.find((row) => row.youngPerson.id === millie.id)?.review.forms;
    expect(millieForms(await overview(manager, year.id))?.overdue.recordCount).toBe(1);
    expect(await formsFigureRecords(manager, year.id, millie.id)).toEqual([
      { type: 'contactForm', id: started.id },
    ]);
    okValue(
      await forms.file(tutor, started.id, {
        pdf: new Uint8Array([37, 80, 68, 70]),
        sha256: sha,
        place,
        filedAt: '2027-01-12T09:00:00.000Z',
        caseFile: { state: 'written', relativePath: 'x.pdf', writtenAt: now.toISOString() },
      }),
    );
    expect(await summarised()).toEqual([tom.id]);
    const after = millieForms(await overview(manager, year.id));
    expect(after?.overdue.count).toBe(0);
    expect(after?.onTime.recordCount).toBe(1);
    expect(await formsFigureRecords(manager, year.id, millie.id)).toEqual([
      { type: 'contactForm', id: started.id },
    ]);
  });

  it('a visit booked for one young person deletes only that young person’s summary', async () => {
    const { manager, year, millie, tom } = await setUp();
    await overview(manager, year.id);
    await visitRepository(db).addMany(manager, [
      buildVisit({
        youngPersonIds: [tom.id],
        kind: 'homeVisit',
        status: 'planned',
        startsAt: '2027-02-01T10:00:00.000Z',
        endsAt: '2027-02-01T11:00:00.000Z',
      }),
    ]);
    expect(await summarised()).toEqual([millie.id]);
    const booked = (await overview(manager, year.id)).rows
      .find((row) => row.youngPerson.id === tom.id)
      ?.review.figures.find((figure) => figure.key === 'homeVisit');
    expect(booked?.value).toBe('Booked');
  });

  it('a visit moved from one young person to another deletes both summaries', async () => {
    const { manager, year, millie, tom } = await setUp();
    const visit = buildVisit({
      youngPersonIds: [tom.id],
      startsAt: '2027-02-01T10:00:00.000Z',
      endsAt: '2027-02-01T11:00:00.000Z',
    });
    await visitRepository(db).addMany(manager, [visit]);
    await overview(manager, year.id);
    expect(await summarised()).toEqual([millie.id, tom.id].sort());
    await db.visits.put(await visitCodec.encode({ ...visit, youngPersonIds: [millie.id] }, manager.cipher));
    expect(await summarised()).toEqual([]);
  });

  it('a relationship added deletes that young person’s summary', async () => {
    const { manager, year, millie, tom } = await setUp();
    await overview(manager, year.id);
    await db.relationships.add(
      await relationshipCodec.encode(
        buildRelationship({ youngPersonId: millie.id, relationship: 'Dad', category: 'parent' }),
        manager.cipher,
      ),
    );
    expect(await summarised()).toEqual([tom.id]);
  });

  it('a restriction changed deletes that young person’s summary', async () => {
    const { manager, year, millie, tom, mum } = await setUp();
    const restriction = buildRestriction({
      youngPersonId: tom.id,
      personId: mum.personId,
      kind: 'supervisedOnly',
      effectiveFrom: '2026-01-01',
    });
    await db.restrictions.add(await restrictionCodec.encode(restriction, manager.cipher));
    await overview(manager, year.id);
    await db.restrictions.put(
      await restrictionCodec.encode({ ...restriction, kind: 'noContact' }, manager.cipher),
    );
    expect(await summarised()).toEqual([millie.id]);
  });

  it('a young person’s record changed (a new Case Co-ordinator) deletes their summary', async () => {
    const { manager, otherCoordinator, year, millie, tom } = await setUp();
    await overview(manager, year.id);
    await db.youngPeople.put(
      await youngPersonCodec.encode(
        { ...millie, caseCoordinatorId: otherCoordinator.staff.id },
        manager.cipher,
      ),
    );
    expect(await summarised()).toEqual([tom.id]);
  });

  it('a year edited, or the time allowed for forms changed, deletes every summary', async () => {
    const { manager, year } = await setUp();
    await overview(manager, year.id);
    const { id: _id, ...dates } = year;
    okValue(
      await academicYearRepository(db).save(
        manager,
        {
          ...dates,
          terms: dates.terms.map((term) =>
            term.name === 'spring' ? { ...term, endsOn: '2027-03-25' } : term,
          ),
        },
        year.id,
      ),
    );
    expect(await summarised()).toEqual([]);
    await overview(manager, year.id);
    okValue(await contactFormRepository(db).saveSettings(manager, { dueHours: 24 }));
    expect(await summarised()).toEqual([]);
  });

  it('a form deleted deletes every summary (a delete does not say whose it was)', async () => {
    const { manager, year, millie } = await setUp();
    const form = buildContactForm({
      youngPersonId: millie.id,
      contactStartedAt: '2027-01-11T18:00:00.000Z',
      contactEndedAt: '2027-01-11T18:20:00.000Z',
    });
    await db.contactForms.add(await contactFormCodec.encode(form, manager.cipher));
    await overview(manager, year.id);
    await db.contactForms.delete(form.id);
    expect(await summarised()).toEqual([]);
  });

  it('a write to an unrelated table, or to a setting a review does not read, leaves the summaries alone', async () => {
    const { manager, year, millie, tom } = await setUp();
    await overview(manager, year.id);
    const marker = await db.reviewSummaries.get(inputsMarkerId);
    await db.rooms.add({ id: crypto.randomUUID(), name: 'Family room', isActive: true });
    await db.settings.put({ key: 'security', value: { autoLockMinutes: 5 } });
    expect(await summarised()).toEqual([millie.id, tom.id].sort());
    expect(await db.reviewSummaries.get(inputsMarkerId)).toEqual(marker);
  });

  it('the settings a review reads are the ones that invalidate it', () => {
    expect(reviewSettingKeys.contactForms).toBe(contactFormSettingsKey);
    expect(reviewSettingKeys.home).toBe('home');
  });
});
