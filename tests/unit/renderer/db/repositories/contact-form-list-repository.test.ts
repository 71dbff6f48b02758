import { afterEach, describe, expect, it } from 'vitest';
import type { ContactForm } from '../../../../../shared/schemas/contact-forms';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { contactFormCodec } from '../../../../../renderer/src/db/repositories/contact-form-codec';
import {
  contactFormListRepository,
  type ContactFormListFilter,
} from '../../../../../renderer/src/db/repositories/contact-form-list-repository';
import { copyContactFormListFields } from '../../../../../renderer/src/db/repositories/contact-form-list-backfill';
import {
  normaliseReference,
  referencePattern,
  uniqueReference,
} from '../../../../../renderer/src/db/repositories/contact-form-reference';
import type { Session } from '../../../../../renderer/src/db/session';
import { freshDatabase } from '../test-database';
import { fieldsIndexedAt, oldFormatRow } from '../old-format-row';
import { homeStaff, testSession } from '../test-session';

let db: FamilyLinksDb;
afterEach(() => db?.close());

const now = new Date('2026-11-20T10:00:00.000Z');
const hour = 3_600_000;

function form(index: number, overrides: Partial<ContactForm> = {}): ContactForm {
  const endedAt = new Date(Date.parse('2026-11-19T18:00:00.000Z') - index * 5 * hour);
  return {
    id: crypto.randomUUID(),
    reference: `CF-2026-${String(index).padStart(6, '0')}`,
    youngPersonId: 'a0000000-0000-4000-8000-000000000001',
    kind: index % 2 === 0 ? 'phoneCall' : 'visit',
    contactStartedAt: new Date(endedAt.getTime() - 20 * 60_000).toISOString(),
    contactEndedAt: endedAt.toISOString(),
    dueAt: new Date(endedAt.getTime() + 48 * hour).toISOString(),
    authorId: 'b0000000-0000-4000-8000-000000000001',
    personIds: [],
    staffIds: [],
    otherParticipants: '',
    whatHappened: `Contact ${index}`,
    youngPersonViews: '',
    familyViews: '',
    concerns: '',
    isSafeguardingConcern: false,
    actions: [],
    nextContactPlanned: '',
    restrictedParticipants: [],
    amendmentReason: '',
    status: 'filed',
    filedAt: new Date(endedAt.getTime() + 2 * hour).toISOString(),
    ...overrides,
  };
}

async function store(forms: readonly ContactForm[], session: Session) {
  await db.contactForms.bulkPut(
    await Promise.all(forms.map((item) => contactFormCodec.encode(item, session.cipher))),
  );
}

async function everything(session: Session, filter: ContactFormListFilter, pageSize = 7) {
  const list = contactFormListRepository(db);
  const references: string[] = [];
  let cursor;
  for (let pages = 0; pages < 100; pages += 1) {
    const page = await list.page(session, filter, { now, pageSize, cursor });
    references.push(...page.items.map((item) => item.reference));
    if (!page.next) return references;
    cursor = page.next;
  }
  throw new Error('The list never ended');
}

describe('the Contact forms list', () => {
  it('pages through every form newest first, none twice, none missed, even where contacts end at the same moment', async () => {
    db = freshDatabase();
    const manager = await testSession(['registeredManager']);
    const forms = Array.from({ length: 40 }, (_, index) => form(index));
    // Five forms for contacts that ended at the very same moment as form 10 (a visit with several young people).
    const sameMoment = Array.from({ length: 5 }, (_, index) =>
      form(10, { id: crypto.randomUUID(), reference: `CF-2026-99999${index}` }),
    );
    await store([...forms, ...sameMoment], manager);
    const listed = await everything(manager, {}, 3);
    expect(listed).toHaveLength(45);
    expect(new Set(listed).size).toBe(45);
    expect(listed[0]).toBe('CF-2026-000000');
    expect(listed.at(-1)).toBe('CF-2026-000039');
  });

  it('filters by young person, author, kind, status and dates, on plain fields alone', async () => {
    db = freshDatabase();
    const manager = await testSession(['registeredManager']);
    const other = 'a0000000-0000-4000-8000-000000000002';
    await store(
      [
        form(0, { status: 'draft', filedAt: undefined }),
        form(1, { status: 'draft', filedAt: undefined, dueAt: '2026-11-18T00:00:00.000Z' }),
        form(2, { filedAt: '2026-11-30T00:00:00.000Z' }),
        form(3, { youngPersonId: other }),
        form(4, { authorId: 'b0000000-0000-4000-8000-000000000002' }),
        form(5),
      ],
      manager,
    );
    expect(await everything(manager, { youngPersonId: other })).toEqual(['CF-2026-000003']);
    expect(await everything(manager, { authorId: 'b0000000-0000-4000-8000-000000000002' })).toEqual([
      'CF-2026-000004',
    ]);
    expect(await everything(manager, { kind: 'visit' })).toEqual([
      'CF-2026-000001',
      'CF-2026-000003',
      'CF-2026-000005',
    ]);
    expect(await everything(manager, { status: 'due' })).toEqual(['CF-2026-000000']);
    expect(await everything(manager, { status: 'overdue' })).toEqual(['CF-2026-000001']);
    expect(await everything(manager, { status: 'draft' })).toEqual(['CF-2026-000000', 'CF-2026-000001']);
    expect(await everything(manager, { status: 'filedLate' })).toEqual(['CF-2026-000002']);
    expect(await everything(manager, { status: 'filed', youngPersonId: other })).toEqual(['CF-2026-000003']);
    const fifth = form(5).contactEndedAt;
    expect(await everything(manager, { contactFrom: fifth, contactTo: form(3).contactEndedAt })).toEqual([
      'CF-2026-000004',
      'CF-2026-000005',
    ]);
  });

  it('finds a form by its reference however it is typed, the older counted ones too', async () => {
    db = freshDatabase();
    const manager = await testSession(['registeredManager']);
    await store(
      [form(126), form(7, { reference: 'CF-2026-7K3QXP' }), form(8, { reference: 'CF-2026-7K3QXP-A1' })],
      manager,
    );
    expect(await everything(manager, { reference: 'cf 2026 000126' })).toEqual(['CF-2026-000126']);
    expect(await everything(manager, { reference: ' CF2026-7k3qxp ' })).toEqual([
      'CF-2026-7K3QXP',
      'CF-2026-7K3QXP-A1',
    ]);
    expect(await everything(manager, { reference: 'CF-2026-7K3QXP-A1' })).toEqual(['CF-2026-7K3QXP-A1']);
    expect(await everything(manager, { reference: 'CF-2025' })).toEqual([]);
  });

  it('a care worker’s list holds only forms they wrote or took part in, whatever they filter by', async () => {
    db = freshDatabase();
    const [manager, careWorker] = await homeStaff('careStaff');
    await store(
      [
        form(0, { authorId: careWorker.staff.id }),
        form(1, { staffIds: [careWorker.staff.id] }),
        form(2),
        form(3, { reference: 'CF-2026-ZZZZZZ' }),
      ],
      manager,
    );
    expect(await everything(careWorker, {})).toEqual(['CF-2026-000000', 'CF-2026-000001']);
    expect(await everything(careWorker, { reference: 'CF-2026-ZZZZZZ' })).toEqual([]);
    expect(await everything(careWorker, { authorId: form(2).authorId })).toEqual(['CF-2026-000001']);
    expect(await everything(manager, {})).toHaveLength(4);
  });

  it('forms stored before the list fields were plain are copied out once, at sign-in, without changing them', async () => {
    db = freshDatabase();
    const manager = await testSession(['registeredManager']);
    const old = form(0, { staffIds: [manager.staff.id] });
    // As version 10 stored it: kind, start, filing time and staff inside the sealed part only.
    const versionTenPlain = fieldsIndexedAt<ContactForm>('contactForms', 10);
    for (const sealed of ['kind', 'contactStartedAt', 'filedAt', 'staffIds'] as const)
      expect(versionTenPlain).not.toContain(sealed);
    const plain = await oldFormatRow('contactForms', old, versionTenPlain, manager.cipher);
    // Untyped on purpose: a row of an older shape than the table's type.
    await db.table('contactForms').put({ ...plain, listFieldsPending: 1 });
    expect((await contactFormListRepository(db).page(manager, { kind: 'phoneCall' }, { now })).items).toEqual(
      [],
    );

    expect(await copyContactFormListFields(db, manager)).toBe(1);
    const listed = await contactFormListRepository(db).page(manager, { kind: 'phoneCall' }, { now });
    expect(listed.items.map((item) => item.reference)).toEqual([old.reference]);
    expect(await db.contactForms.where('staffIds').equals(manager.staff.id).count()).toBe(1);
    expect(await contactFormCodec.decode((await db.contactForms.get(old.id))!, manager.cipher)).toEqual(old);
    expect(await copyContactFormListFields(db, manager)).toBe(0);
  });
});

describe('references', () => {
  it.each([
    ['cf 2026 7k3qxp', 'CF-2026-7K3QXP'],
    ['CF2026-7K3QXP', 'CF-2026-7K3QXP'],
    ['cf-2026-000126', 'CF-2026-000126'],
    ['cf-2026-7k', 'CF-2026-7K'],
    ['cf-20', 'CF-20'],
    ['CF-2026-7K3QXP-A1', 'CF-2026-7K3QXP-A1'],
    ['7K3QXP', '7K3QXP'],
  ])('%j is searched as %j', (typed, wanted) => expect(normaliseReference(typed)).toBe(wanted));

  it('a new reference is in the one format and not one a stored form has', async () => {
    db = freshDatabase();
    const reference = await uniqueReference(db, '2026-11-19T18:00:00.000Z', 'Europe/London');
    expect(reference).toMatch(referencePattern);
    expect(reference.startsWith('CF-2026-')).toBe(true);
  });

  it.each([
    ['Europe/London', '2026-12-31T23:30:00.000Z', 'CF-2026-'],
    ['Pacific/Auckland', '2026-12-31T23:30:00.000Z', 'CF-2027-'],
    ['America/New_York', '2027-01-01T03:00:00.000Z', 'CF-2026-'],
  ])('a reference in %s is of the year on the home’s clock (%s)', async (timeZone, contactAt, prefix) => {
    db = freshDatabase();
    expect(await uniqueReference(db, contactAt, timeZone)).toMatch(new RegExp(`^${prefix}`));
  });
});
