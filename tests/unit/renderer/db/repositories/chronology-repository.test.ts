import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { chronologyRepository } from '../../../../../renderer/src/db/repositories/chronology-repository';
import type { ChronologyEntry } from '../../../../../renderer/src/db/repositories/chronology-entries';
import { contactFormCodec } from '../../../../../renderer/src/db/repositories/contact-form-codec';
import { restrictionCodec } from '../../../../../renderer/src/db/repositories/restriction-codec';
import { restrictionHistoryCodec } from '../../../../../renderer/src/db/repositories/restriction-repository';
import { visitCodec } from '../../../../../renderer/src/db/repositories/visit-codec';
import { visitorLogCodec } from '../../../../../renderer/src/db/repositories/visitor-log-rows';
import type { Session } from '../../../../../renderer/src/db/session';
import { buildContactForm, buildRestriction, buildVisit, buildVisitorEntry } from '../../../../factories';
import { freshDatabase } from '../test-database';
import { testSession } from '../test-session';

const london = 'Europe/London';
const youngPersonId = 'a0000000-0000-4000-8000-000000000001';
const someoneElse = 'a0000000-0000-4000-8000-000000000002';
const mum = 'c0000000-0000-4000-8000-000000000001';
const dad = 'c0000000-0000-4000-8000-000000000002';

let db: FamilyLinksDb;
let manager: Session;
let careWorker: Session;
afterEach(() => db?.close());

beforeEach(async () => {
  db = freshDatabase();
  manager = await testSession(['registeredManager']);
  const { dataKey, auditKey, compartments } = manager;
  careWorker = await testSession(['careStaff'], { dataKey, auditKey, compartments });
});

const keysOf = (entries: readonly ChronologyEntry[]) => entries.map((entry) => entry.key);

/** A year of mixed records for one young person (and a few for someone else, which must not show). */
async function storeAYear() {
  const cipher = manager.cipher;
  const phoneCall = buildContactForm({
    youngPersonId,
    reference: 'CF-2026-000001',
    contactEndedAt: '2026-03-02T18:20:00.000Z',
    personIds: [mum],
    authorId: careWorker.staff.id,
  });
  const homeVisitForm = buildContactForm({
    youngPersonId,
    reference: 'CF-2026-000002',
    kind: 'homeVisit',
    contactEndedAt: '2026-05-20T15:00:00.000Z',
    personIds: [dad],
    whatHappened: 'Dad talked about moving house.',
  });
  const addendum = buildContactForm({
    youngPersonId,
    reference: 'CF-2026-000003',
    contactEndedAt: '2026-05-20T15:00:00.000Z',
    filedAt: '2026-06-01T10:00:00.000Z',
    amendsFormId: homeVisitForm.id,
    personIds: [dad],
  });
  const otherChild = buildContactForm({
    youngPersonId: someoneElse,
    contactEndedAt: '2026-04-01T10:00:00.000Z',
  });
  await db.contactForms.bulkPut(
    await Promise.all(
      [phoneCall, homeVisitForm, addendum, otherChild].map((form) => contactFormCodec.encode(form, cipher)),
    ),
  );

  const heldVisit = buildVisit({
    youngPersonIds: [youngPersonId, someoneElse],
    personIds: [mum],
    startsAt: '2026-04-11T13:00:00.000Z',
    endsAt: '2026-04-11T14:30:00.000Z',
  });
  const cancelledVisit = buildVisit({
    youngPersonIds: [youngPersonId],
    personIds: [dad],
    startsAt: '2026-07-04T13:00:00.000Z',
    endsAt: '2026-07-04T14:00:00.000Z',
    status: 'cancelled',
    cancelledReason: 'Dad unwell',
  });
  await db.visits.bulkPut(
    await Promise.all([heldVisit, cancelledVisit].map((visit) => visitCodec.encode(visit, cipher))),
  );

  const signedIn = buildVisitorEntry({
    visitingYoungPersonIds: [youngPersonId],
    personId: mum,
    visitorName: 'Karen Hughes',
    arrivedAt: '2026-04-11T12:55:00.000Z',
    departedAt: '2026-04-11T14:35:00.000Z',
  });
  const turnedAway = buildVisitorEntry({
    kind: 'turnedAway',
    visitingYoungPersonIds: [youngPersonId],
    personId: dad,
    visitorName: 'Dean Hughes',
    arrivedAt: '2026-08-01T16:00:00.000Z',
    departedAt: undefined,
    restrictionCheck: 'block',
    reason: '',
  });
  const mistaken = buildVisitorEntry({
    visitingYoungPersonIds: [youngPersonId],
    visitorName: 'Karen Hughs',
    arrivedAt: '2026-09-05T10:00:00.000Z',
  });
  const correction = buildVisitorEntry({
    visitingYoungPersonIds: [youngPersonId],
    personId: mum,
    visitorName: 'Karen Hughes',
    arrivedAt: '2026-09-05T10:00:00.000Z',
    amendsEntryId: mistaken.id,
    amendmentReason: 'Name misspelt',
  });
  await db.visitorLog.bulkPut(
    await Promise.all(
      [signedIn, turnedAway, mistaken, correction].map((entry) => visitorLogCodec.encode(entry, cipher)),
    ),
  );

  const restriction = buildRestriction({
    youngPersonId,
    personId: dad,
    name: 'Dean Hughes',
    effectiveFrom: '2026-02-01',
    endedAt: '2026-10-01T09:00:00.000Z',
    endedReason: 'Order discharged',
  });
  await db.restrictions.put(await restrictionCodec.encode(restriction, cipher));
  await db.restrictionHistory.bulkPut(
    await Promise.all(
      [
        {
          id: crypto.randomUUID(),
          restrictionId: restriction.id,
          at: '2026-06-15T11:00:00.000Z',
          version: restriction,
        },
        // Written by the end itself, a moment after the end's own time: the end, not a change.
        {
          id: crypto.randomUUID(),
          restrictionId: restriction.id,
          at: '2026-10-01T09:00:00.004Z',
          version: restriction,
        },
      ].map((row) => restrictionHistoryCodec.encode(row, cipher)),
    ),
  );
  return {
    phoneCall,
    homeVisitForm,
    addendum,
    heldVisit,
    cancelledVisit,
    signedIn,
    turnedAway,
    mistaken,
    correction,
    restriction,
  };
}

describe('a young person’s chronology', () => {
  it('lists forms, visits, door events and restrictions newest first, corrections rather than originals', async () => {
    const made = await storeAYear();
    const read = await chronologyRepository(db).read(manager, youngPersonId, london);
    expect(keysOf(read.entries)).toEqual([
      `restriction:${made.restriction.id}:ended`,
      `door:${made.correction.id}`,
      `door:${made.turnedAway.id}`,
      `visit:${made.cancelledVisit.id}`,
      `restriction:${made.restriction.id}:changed:${(await db.restrictionHistory.where('at').equals('2026-06-15T11:00:00.000Z').first())?.id}`,
      `contactForm:${made.addendum.id}`,
      `contactForm:${made.homeVisitForm.id}`,
      `visit:${made.heldVisit.id}`,
      `door:${made.signedIn.id}`,
      `contactForm:${made.phoneCall.id}`,
      `restriction:${made.restriction.id}:recorded`,
    ]);
    const recorded = read.entries.at(-1);
    // 1 February is winter: the day starts at midnight UTC.
    expect(recorded?.at).toBe('2026-02-01T00:00:00.000Z');
  });

  it('places every line without opening a sealed record, and opens only the lines asked for', async () => {
    const made = await storeAYear();
    const read = await chronologyRepository(db).read(manager, youngPersonId, london);
    const sealed = read.entries.filter((entry) => entry.kind !== 'restriction');
    expect(sealed.every((entry) => entry.personIds === undefined)).toBe(true);

    const [turnedAway, cancelled] = await read.open(
      read.entries.filter(
        (entry) => entry.recordId === made.turnedAway.id || entry.recordId === made.cancelledVisit.id,
      ),
    );
    expect(turnedAway).toMatchObject({
      kind: 'door',
      personIds: [dad],
      detail: { entryKind: 'turnedAway', visitorName: 'Dean Hughes', restrictionCheck: 'block' },
    });
    expect(cancelled).toMatchObject({
      kind: 'visit',
      status: 'cancelled',
      personIds: [dad],
      detail: { cancelledReason: 'Dad unwell' },
    });
  });

  it('gives a care worker only the forms they wrote, and a restriction as the door sees it', async () => {
    const made = await storeAYear();
    const read = await chronologyRepository(db).read(careWorker, youngPersonId, london);
    const forms = read.entries.filter((entry) => entry.kind === 'contactForm');
    expect(forms.map((entry) => entry.recordId)).toEqual([made.phoneCall.id]);
    const restriction = read.entries.find((entry) => entry.kind === 'restriction');
    expect(restriction?.kind === 'restriction' && restriction.restriction.view).toBe('instruction');
    expect(JSON.stringify(read.entries)).not.toContain('LS26C01234');
    // Visits and the door are everyone's: they are on the chronology for care staff too.
    expect(read.entries.filter((entry) => entry.kind === 'visit')).toHaveLength(2);
    expect(read.entries.filter((entry) => entry.kind === 'door')).toHaveLength(3);
  });

  it('shows the manager the restriction’s authority', async () => {
    await storeAYear();
    const read = await chronologyRepository(db).read(manager, youngPersonId, london);
    const restriction = read.entries.find((entry) => entry.kind === 'restriction');
    expect(restriction?.kind === 'restriction' && restriction.restriction).toMatchObject({
      view: 'full',
      authority: 'courtOrder',
      authorityReference: 'LS26C01234',
    });
  });

  it('shows a record changed outside the app as unreadable, not as nothing', async () => {
    const made = await storeAYear();
    await db.visitorLog.update(made.signedIn.id, { arrivedAt: '2026-04-12T12:55:00.000Z' });
    const read = await chronologyRepository(db).read(manager, youngPersonId, london);
    const [opened] = await read.open(read.entries.filter((entry) => entry.recordId === made.signedIn.id));
    expect(opened?.detail).toEqual({ isUnreadable: true, reason: 'damaged' });
    expect(await db.damagedRecords.count()).toBe(1);
  });

  it('is empty for a young person with nothing recorded', async () => {
    await storeAYear();
    const read = await chronologyRepository(db).read(manager, crypto.randomUUID(), london);
    expect(read.entries).toEqual([]);
  });

  it('notes a signed copy in the audit log', async () => {
    await chronologyRepository(db).recordSignedCopy(manager, {
      youngPersonId,
      sha256: 'a'.repeat(64),
      disclosureId: crypto.randomUUID(),
    });
    expect(await db.audit.where('action').equals('chronology.signed-copy-saved').count()).toBe(1);
  });
});
