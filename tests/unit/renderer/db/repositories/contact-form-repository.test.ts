import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { caseFileCopyRepository } from '../../../../../renderer/src/db/repositories/case-file-copy-repository';
import { contactFormRepository } from '../../../../../renderer/src/db/repositories/contact-form-repository';
import { personCodec } from '../../../../../renderer/src/db/repositories/people-repository';
import { restrictionCodec } from '../../../../../renderer/src/db/repositories/restriction-codec';
import { restrictionRepository } from '../../../../../renderer/src/db/repositories/restriction-repository';
import { youngPersonCodec } from '../../../../../renderer/src/db/repositories/young-people-repository';
import {
  buildCaseFilePlace,
  buildContactFormEntry,
  buildPerson,
  buildRestriction,
  buildRestrictionChange,
  buildYoungPerson,
} from '../../../../factories';
import { freshDatabase } from '../test-database';
import { homeStaff } from '../test-session';
import { okValue } from '../../ok-value';

let db: FamilyLinksDb;
afterEach(() => db?.close());

const now = new Date('2026-11-20T10:00:00.000Z');
const sha = 'a'.repeat(64);
const place = buildCaseFilePlace();

async function setUp() {
  db = freshDatabase();
  const [manager, careWorker, colleague, tutor] = await homeStaff('careStaff', 'careStaff', 'personalTutor');
  const youngPerson = buildYoungPerson();
  const mum = buildPerson({ firstName: 'Sarah', lastName: 'Jones' });
  const dad = buildPerson({ firstName: 'Mark', lastName: 'Jones' });
  const noPhone = buildRestriction({
    youngPersonId: youngPerson.id,
    personId: dad.id,
    name: 'Mark Jones',
    kind: 'noPhoneContact',
    effectiveFrom: '2026-01-01',
    authority: 'courtOrder',
    authorityReference: 'ZW1',
  });
  await db.youngPeople.put(await youngPersonCodec.encode(youngPerson, manager.cipher));
  await db.people.bulkPut([
    await personCodec.encode(mum, manager.cipher),
    await personCodec.encode(dad, manager.cipher),
  ]);
  await db.restrictions.put(await restrictionCodec.encode(noPhone, manager.cipher));
  const forms = contactFormRepository(db, () => now);
  return { manager, careWorker, colleague, tutor, youngPerson, mum, dad, noPhone, forms };
}

const entry = buildContactFormEntry;

describe('contact forms: the 48-hour clock and who owes what', () => {
  it('a completed visit makes one form per young person, due 48 hours after it ended, owed by its author', async () => {
    const { careWorker, youngPerson, forms } = await setUp();
    const visitId = crypto.randomUUID();
    const made = okValue(
      await forms.createDueForContact(careWorker, {
        youngPersonIds: [youngPerson.id],
        kind: 'visit',
        contactStartedAt: '2026-11-19T14:00:00.000Z',
        contactEndedAt: '2026-11-19T16:00:00.000Z',
        visitId,
        authorId: careWorker.staff.id,
      }),
    );
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({
      dueAt: '2026-11-21T16:00:00.000Z',
      status: 'draft',
      authorId: careWorker.staff.id,
      staffIds: [careWorker.staff.id],
    });
    // Marking the same visit completed again does not make a second form.
    const again = okValue(
      await forms.createDueForContact(careWorker, {
        youngPersonIds: [youngPerson.id],
        kind: 'visit',
        contactEndedAt: '2026-11-19T16:00:00.000Z',
        visitId,
        authorId: careWorker.staff.id,
      }),
    );
    expect(again.map((form) => form.id)).toEqual(made.map((form) => form.id));
  });

  it('lists the forms a person owes soonest first, never a colleague’s, and drops a form once filed', async () => {
    const { careWorker, colleague, youngPerson, forms } = await setUp();
    const later = okValue(
      await forms.start(careWorker, youngPerson.id, entry({ contactStartedAt: '2026-11-19T18:00:00.000Z' })),
    );
    const sooner = okValue(
      await forms.start(
        careWorker,
        youngPerson.id,
        entry({ contactStartedAt: '2026-11-18T18:00:00.000Z', initiatedBy: 'youngPerson' }),
      ),
    );
    okValue(await forms.start(colleague, youngPerson.id, entry()));
    expect((await forms.owedBy(careWorker)).map((form) => form.id)).toEqual([sooner.id, later.id]);
    expect(await forms.owedBy(careWorker, colleague.staff.id)).toEqual([]);
    okValue(
      await forms.file(careWorker, sooner.id, {
        pdf: new Uint8Array([37, 80, 68, 70]),
        sha256: sha,
        place,
        filedAt: now.toISOString(),
        caseFile: { state: 'written', relativePath: 'x.pdf', writtenAt: now.toISOString() },
      }),
    );
    expect((await forms.owedBy(careWorker)).map((form) => form.id)).toEqual([later.id]);
  });

  it('uses the hours the manager set, and only the manager may set them', async () => {
    const { manager, careWorker, youngPerson, forms } = await setUp();
    expect((await forms.saveSettings(careWorker, { dueHours: 24 })).ok).toBe(false);
    okValue(await forms.saveSettings(manager, { dueHours: 24 }));
    const form = okValue(
      await forms.start(
        careWorker,
        youngPerson.id,
        entry({ contactStartedAt: '2026-11-19T18:00:00.000Z', durationMinutes: 30 }),
      ),
    );
    expect(form.dueAt).toBe('2026-11-20T18:30:00.000Z');
  });

  it('refuses a contact that starts later than now, which would push its deadline out of sight', async () => {
    const { careWorker, youngPerson, forms } = await setUp();
    // It is 10:00 on 20 November; a slip of the year (2027) or the day would make the form due next year.
    const tomorrow = await forms.start(
      careWorker,
      youngPerson.id,
      entry({ contactStartedAt: '2026-11-21T09:00:00.000Z' }),
    );
    expect(tomorrow.ok ? 'saved' : tomorrow.error.fields?.contactStartedAt).toMatch(
      /later than now.*Check the date and the time it started/,
    );
    expect(await forms.owedBy(careWorker)).toEqual([]);

    // A call that started this very minute is fine; moving a saved form into the future is not.
    const justNow = okValue(
      await forms.start(careWorker, youngPerson.id, entry({ contactStartedAt: now.toISOString() })),
    );
    const moved = await forms.save(
      careWorker,
      justNow.id,
      entry({ contactStartedAt: '2027-11-20T09:00:00.000Z' }),
    );
    expect(moved.ok ? 'saved' : moved.error.code).toBe('invalid');
    expect((await forms.owedBy(careWorker)).map((form) => form.contactStartedAt)).toEqual([
      now.toISOString(),
    ]);
  });
});

describe('contact forms: need to know', () => {
  it('a care worker reads only forms they wrote or took part in; a tutor reads all of a young person’s', async () => {
    const { careWorker, colleague, tutor, youngPerson, forms } = await setUp();
    const mine = okValue(await forms.start(careWorker, youngPerson.id, entry()));
    const withMe = okValue(
      await forms.start(colleague, youngPerson.id, entry({ staffIds: [careWorker.staff.id] })),
    );
    const notMine = okValue(await forms.start(colleague, youngPerson.id, entry()));
    const range = ['2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'] as const;
    expect(
      (await forms.listForYoungPerson(careWorker, youngPerson.id, ...range)).map((form) => form.id).sort(),
    ).toEqual([mine.id, withMe.id].sort());
    expect(await forms.get(careWorker, notMine.id)).toBeUndefined();
    expect(await forms.listForYoungPerson(tutor, youngPerson.id, ...range)).toHaveLength(3);
    expect(
      await forms.listForYoungPerson(
        tutor,
        youngPerson.id,
        '2026-12-01T00:00:00.000Z',
        '2027-01-01T00:00:00.000Z',
      ),
    ).toHaveLength(0);
  });

  it('only the author changes a draft', async () => {
    const { careWorker, colleague, youngPerson, forms } = await setUp();
    const form = okValue(
      await forms.start(careWorker, youngPerson.id, entry({ staffIds: [colleague.staff.id] })),
    );
    const result = await forms.save(colleague, form.id, entry({ whatHappened: 'Changed' }));
    expect(result.ok ? 'saved' : result.error.code).toBe('forbidden');
  });
});

describe('contact forms: restrictions when a contact is recorded', () => {
  it('a phone call with someone allowed no phone contact is marked on the form and raised to the manager', async () => {
    const { manager, careWorker, youngPerson, dad, noPhone, forms } = await setUp();
    const form = okValue(await forms.start(careWorker, youngPerson.id, entry({ personIds: [dad.id] })));
    expect(form.restrictedParticipants).toEqual([
      expect.objectContaining({ restrictionId: noPhone.id, name: 'Mark Jones', verdict: 'block' }),
    ]);
    expect(form.restrictionFlaggedAt).toBe(now.toISOString());
    expect(
      (await forms.restrictionAlerts(manager, '2026-11-01T00:00:00.000Z')).map((item) => item.id),
    ).toEqual([form.id]);
    expect(await forms.restrictionAlerts(careWorker, '2026-11-01T00:00:00.000Z')).toEqual([]);
  });

  it('the author is told who is restricted while writing, before saving, and nothing is stored or raised by asking', async () => {
    const { manager, careWorker, youngPerson, dad, noPhone, forms } = await setUp();
    const asked = { youngPersonId: youngPerson.id, ...entry({ personIds: [dad.id] }) };
    expect(await forms.restrictedPreview(careWorker, asked)).toEqual([
      expect.objectContaining({ restrictionId: noPhone.id, name: 'Mark Jones', verdict: 'block' }),
    ]);
    expect(await forms.restrictedPreview(careWorker, { ...asked, kind: 'visit' })).toEqual([]);
    // Unusable input, or someone who does not record contacts, is told nothing.
    expect(await forms.restrictedPreview(careWorker, { ...asked, contactStartedAt: 'yesterday' })).toEqual(
      [],
    );
    expect(await db.contactForms.count()).toBe(0);
    expect(await forms.restrictionAlerts(manager, '2026-11-01T00:00:00.000Z')).toEqual([]);
  });

  it('the same person at a family visit is allowed, so nothing is raised', async () => {
    const { manager, careWorker, youngPerson, dad, forms } = await setUp();
    const form = okValue(
      await forms.start(careWorker, youngPerson.id, entry({ kind: 'visit', personIds: [dad.id] })),
    );
    expect(form.restrictedParticipants).toEqual([]);
    expect(await forms.restrictionAlerts(manager, '2026-11-01T00:00:00.000Z')).toEqual([]);
  });
});

/*
 * Someone at the keyboard edits the register in IndexedDB: a row that no longer opens, or an older
 * copy of a changed restriction written back. The form is still kept, but the contact is never
 * read as checked against a restriction that cannot be trusted: it is marked for the manager.
 */
describe('contact forms: a restriction changed outside Family Links', () => {
  const unchecked = (restrictionId: string): unknown =>
    expect.objectContaining({ restrictionId, verdict: 'unchecked', name: 'A restriction on the register' });

  it('a row edited in the database marks the form as unchecked and alerts the manager, and the form is kept', async () => {
    const { manager, careWorker, youngPerson, mum, noPhone, forms } = await setUp();
    // Ended in the database, as if lifted: the row's seal no longer matches it.
    await db.restrictions.update(noPhone.id, { effectiveTo: '2026-01-02' });

    const asked = { youngPersonId: youngPerson.id, ...entry({ kind: 'visit', personIds: [mum.id] }) };
    expect(await forms.restrictedPreview(careWorker, asked)).toEqual([unchecked(noPhone.id)]);
    const form = okValue(
      await forms.start(careWorker, youngPerson.id, entry({ kind: 'visit', personIds: [mum.id] })),
    );
    expect(form.restrictedParticipants).toEqual([unchecked(noPhone.id)]);
    expect(await db.contactForms.count()).toBe(1);
    expect(
      (await forms.restrictionAlerts(manager, '2026-11-01T00:00:00.000Z')).map((item) => item.id),
    ).toEqual([form.id]);
  });

  it('an older copy put back is not read as the restriction it was', async () => {
    const { manager, careWorker, youngPerson, dad, noPhone, forms } = await setUp();
    const register = restrictionRepository(db, () => now);
    const before = await db.restrictions.get(noPhone.id);
    if (!before) throw new Error('setup');
    okValue(
      await register.change(
        manager,
        noPhone.id,
        buildRestrictionChange({ kind: 'noContact', conditions: '', effectiveFrom: '2026-11-01' }),
        '2026-11-01',
      ),
    );
    const visit = entry({ kind: 'visit', personIds: [dad.id] });
    // As changed, no contact at all: the visit went against it.
    const asChanged = okValue(await forms.start(careWorker, youngPerson.id, visit));
    expect(asChanged.restrictedParticipants).toEqual([
      expect.objectContaining({ restrictionId: noPhone.id, verdict: 'block' }),
    ]);

    // Put back, the old "no phone contact" would let the visit through unremarked.
    await db.restrictions.put(before);
    const afterPutBack = okValue(await forms.start(careWorker, youngPerson.id, visit));
    expect(afterPutBack.restrictedParticipants).toEqual([unchecked(noPhone.id)]);
    expect(afterPutBack.restrictionFlaggedAt).toBe(now.toISOString());
  });
});

describe('contact forms: filing, copies and corrections', () => {
  it('a filed form cannot change, keeps its signed PDF, and a queued copy waits for a retry', async () => {
    const { careWorker, youngPerson, forms } = await setUp();
    const copies = caseFileCopyRepository(db, () => now);
    const form = okValue(await forms.start(careWorker, youngPerson.id, entry({ initiatedBy: 'family' })));
    const pdf = new Uint8Array([37, 80, 68, 70, 45, 49]);
    okValue(
      await forms.file(careWorker, form.id, {
        pdf,
        sha256: sha,
        place,
        filedAt: now.toISOString(),
        caseFile: {
          state: 'queued',
          code: 'unwritable',
          message: 'The case-file folder cannot be written to.',
          queuedAt: now.toISOString(),
        },
      }),
    );
    const saved = await forms.save(careWorker, form.id, entry({ whatHappened: 'Rewritten' }));
    expect(saved.ok ? 'saved' : saved.error.code).toBe('already-filed');
    expect((await forms.signedFile(careWorker, form.id))?.pdf).toEqual(pdf);
    expect((await copies.waiting()).map((copy) => copy.id)).toEqual([form.id]);
    expect(await copies.due(now)).toEqual([]);
    expect(await copies.due(new Date(now.getTime() + 6 * 60_000))).toEqual([form.id]);
    await copies.recordRetry(careWorker, form.id, {
      state: 'queued',
      code: 'unwritable',
      message: 'Still not',
      queuedAt: now.toISOString(),
    });
    expect((await copies.waiting())[0]?.attempts).toBe(2);
    await copies.recordRetry(careWorker, form.id, {
      state: 'written',
      relativePath: 'CN1/2026-27/x.pdf',
      writtenAt: now.toISOString(),
    });
    expect(await copies.waiting()).toEqual([]);
    expect((await forms.signedFile(careWorker, form.id))?.caseFile).toMatchObject({
      state: 'written',
      relativePath: 'CN1/2026-27/x.pdf',
    });
  });

  it('refuses to file a form with nothing written about what happened', async () => {
    const { careWorker, youngPerson, forms } = await setUp();
    const form = okValue(await forms.start(careWorker, youngPerson.id, entry({ whatHappened: '' })));
    const result = await forms.file(careWorker, form.id, {
      pdf: new Uint8Array([1]),
      sha256: sha,
      place,
      filedAt: now.toISOString(),
      caseFile: { state: 'written', relativePath: 'x.pdf', writtenAt: now.toISOString() },
    });
    expect(result.ok ? 'filed' : result.error.code).toBe('not-ready');
    expect(await db.contactFormFiles.count()).toBe(0);
  });

  it('an addendum names the original form and its file’s SHA-256', async () => {
    const { careWorker, youngPerson, forms } = await setUp();
    const form = okValue(await forms.start(careWorker, youngPerson.id, entry({ initiatedBy: 'staff' })));
    okValue(
      await forms.file(careWorker, form.id, {
        pdf: new Uint8Array([1]),
        sha256: sha,
        place,
        filedAt: now.toISOString(),
        caseFile: { state: 'written', relativePath: 'x.pdf', writtenAt: now.toISOString() },
      }),
    );
    const addendum = okValue(
      await forms.startAddendum(careWorker, form.id, 'The call was with Mum, not Dad.'),
    );
    expect(addendum).toMatchObject({
      amendsFormId: form.id,
      amendsSha256: sha,
      reference: `${form.reference}-A1`,
      status: 'draft',
    });
    expect((await forms.addendaOf(careWorker, form.id)).map((item) => item.id)).toEqual([addendum.id]);
  });

  it('each exported file is audited with its SHA-256 and the disclosure, only for forms the exporter may read', async () => {
    const { careWorker, colleague, youngPerson, forms } = await setUp();
    const mine = okValue(await forms.start(careWorker, youngPerson.id, entry()));
    const theirs = okValue(await forms.start(colleague, youngPerson.id, entry()));
    const sha = 'ab'.repeat(32);
    const disclosureId = crypto.randomUUID();
    const recorded = await forms.recordExport(careWorker, disclosureId, [
      { formId: mine.id, fileName: `${mine.reference}.pdf`, sha256: sha },
      { formId: theirs.id, fileName: `${theirs.reference}.pdf`, sha256: sha },
    ]);
    expect(recorded).toEqual({ ok: true, value: 1 });
    const exported = (await db.audit.toArray()).filter((item) => item.action === 'contact-form.exported');
    expect(exported).toEqual([
      expect.objectContaining({
        recordId: mine.id,
        detail: `${mine.reference}.pdf, SHA-256 ${sha}, disclosure ${disclosureId}`,
      }),
    ]);
    expect(
      (
        await forms.recordExport(careWorker, disclosureId, [
          { formId: mine.id, fileName: 'x.pdf', sha256: 'not a hash' },
        ])
      ).ok,
    ).toBe(false);
  });

  it('every change is in the audit log, without the form’s words', async () => {
    const { careWorker, youngPerson, forms } = await setUp();
    okValue(await forms.start(careWorker, youngPerson.id, entry({ whatHappened: 'Secret words' })));
    const entries = await db.audit.toArray();
    expect(entries.map((item) => item.action)).toContain('contact-form.started');
    expect(JSON.stringify(entries)).not.toContain('Secret words');
  });
});

describe('contact forms: the family’s view of our work and the young person’s voice', () => {
  it('keeps the answers sealed with the form, and an answer taken back is gone, not left as it was', async () => {
    const { tutor, youngPerson, forms } = await setUp();
    const form = okValue(
      await forms.start(
        tutor,
        youngPerson.id,
        entry({
          familyFeeling: 'happy',
          familyFeelingWords: 'Mum said the Sunday calls help.',
          viewsUsed: 'Calls moved to Sunday, as she asked.',
          toldNextOn: '2026-11-19',
          toldNextById: tutor.staff.id,
        }),
      ),
    );
    const row = await db.contactForms.get(form.id);
    expect(JSON.stringify(row)).not.toContain('Sunday');
    expect(await forms.get(tutor, form.id)).toMatchObject({
      familyFeeling: 'happy',
      viewsUsed: 'Calls moved to Sunday, as she asked.',
      toldNextOn: '2026-11-19',
      toldNextById: tutor.staff.id,
    });
    okValue(await forms.save(tutor, form.id, entry({ viewsUsed: 'Calls moved to Sunday, as she asked.' })));
    const saved = await forms.get(tutor, form.id);
    expect(saved?.familyFeeling).toBeUndefined();
    expect(saved?.toldNextOn).toBeUndefined();
    expect(saved?.familyFeelingWords).toBe('');
  });

  it('refuses a day told without who told them, with the message beside the field', async () => {
    const { tutor, youngPerson, forms } = await setUp();
    const result = await forms.start(tutor, youngPerson.id, entry({ toldNextOn: '2026-11-19' }));
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.error).toMatchObject({
      fields: { toldNextById: 'Say who told them what happened next.' },
    });
  });
});
