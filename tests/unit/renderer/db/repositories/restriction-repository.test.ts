import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { isRestrictionInForce } from '../../../../../shared/rules/restriction-check';
import { restrictionRepository } from '../../../../../renderer/src/db/repositories/restriction-repository';
import { youngPeopleRepository } from '../../../../../renderer/src/db/repositories/young-people-repository';
import { peopleRepository } from '../../../../../renderer/src/db/repositories/people-repository';
import { buildCourtOrderEntry } from '../../../../factories';
import { freshDatabase, kaydenMorris as child } from '../test-database';
import { homeStaff } from '../test-session';

let db: FamilyLinksDb;
afterEach(() => db?.close());

const courtOrder = buildCourtOrderEntry();

async function setUp() {
  db = freshDatabase();
  const [manager, tutor, careWorker] = await homeStaff('personalTutor', 'careStaff');
  return { manager, tutor, careWorker, restrictions: restrictionRepository(db) };
}

describe('the restriction register', () => {
  it('shows a care worker the instruction but not the court order', async () => {
    const { manager, careWorker, restrictions } = await setUp();
    await restrictions.record(manager, courtOrder);
    const [seen] = await restrictions.listAll(careWorker);
    expect(seen).toMatchObject({ view: 'instruction', name: 'John Smith', kind: 'noContact' });
    expect(seen).not.toHaveProperty('authorityReference');
    expect(seen).not.toHaveProperty('description');
    const [full] = await restrictions.listAll(manager);
    expect(full).toMatchObject({ view: 'full', authorityReference: 'ZW24C00123' });
  });

  it('keeps a tutor’s restriction in force while it waits for the manager’s approval', async () => {
    const { manager, tutor, restrictions } = await setUp();
    const recorded = await restrictions.record(tutor, courtOrder);
    if (!recorded.ok) throw new Error(recorded.error.message);
    expect(recorded.value.approvedById).toBeUndefined();
    expect((await restrictions.listForCheck(tutor, '2026-06-01')).restrictions).toHaveLength(1);
    const approved = await restrictions.approve(manager, recorded.value.id);
    expect(approved.ok && approved.value.approvedById).toBe(manager.staff.id);
    const refused = await restrictions.approve(tutor, recorded.value.id);
    expect(refused.ok ? undefined : refused.error.code).toBe('forbidden');
  });

  it('shows the manager a tutor’s restriction as waiting for approval until approved, and nobody else', async () => {
    const { manager, tutor, careWorker, restrictions } = await setUp();
    const recorded = await restrictions.record(tutor, { ...courtOrder, reviewOn: undefined });
    if (!recorded.ok) throw new Error(recorded.error.message);
    await restrictions.record(manager, { ...courtOrder, name: 'Own Entry', reviewOn: undefined });
    const waiting = await restrictions.needingAttention(manager, '2026-11-23', '2026-12-07');
    expect(waiting.awaitingApproval.map((item) => item.name)).toEqual(['John Smith']);
    // Whether it was approved is the manager's to know: a care worker or the tutor sees no list.
    expect(
      (await restrictions.needingAttention(careWorker, '2026-11-23', '2026-12-07')).awaitingApproval,
    ).toEqual([]);
    expect((await restrictions.needingAttention(tutor, '2026-11-23', '2026-12-07')).awaitingApproval).toEqual(
      [],
    );
    await restrictions.approve(manager, recorded.value.id);
    const approved = await restrictions.needingAttention(manager, '2026-11-23', '2026-12-07');
    expect(approved.awaitingApproval).toEqual([]);
  });

  it('a care worker cannot record one', async () => {
    const { careWorker, restrictions } = await setUp();
    const result = await restrictions.record(careWorker, courtOrder);
    expect(result.ok ? undefined : result.error.code).toBe('forbidden');
  });

  it('needs a reference for a court order, and an end date after the start', async () => {
    const { manager, restrictions } = await setUp();
    const result = await restrictions.record(manager, {
      ...courtOrder,
      authorityReference: '',
      effectiveTo: '2025-12-31',
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(Object.keys(result.error.fields ?? {}).sort()).toEqual(['authorityReference', 'effectiveTo']);
  });

  it('ends only with a reason, keeps every earlier version, and stays in the register', async () => {
    const { manager, restrictions } = await setUp();
    const recorded = await restrictions.record(manager, courtOrder);
    if (!recorded.ok) throw new Error(recorded.error.message);
    const noReason = await restrictions.end(manager, recorded.value.id, '  ');
    expect(noReason.ok ? undefined : noReason.error.code).toBe('invalid');
    await restrictions.change(
      manager,
      recorded.value.id,
      { ...courtOrder, kind: 'supervisedOnly', conditions: 'Supervised by two staff' },
      courtOrder.effectiveFrom,
    );
    const ended = await restrictions.end(manager, recorded.value.id, 'Order discharged 3 March');
    expect(ended.ok && ended.value.endedReason).toBe('Order discharged 3 March');
    const history = await restrictions.history(manager, recorded.value.id);
    expect(history?.map((entry) => entry.version.kind)).toEqual(['supervisedOnly', 'noContact']);
    expect(await restrictions.listAll(manager)).toHaveLength(1);
    expect((await restrictions.listForCheck(manager, '2026-06-01')).restrictions).toHaveLength(0);
  });

  it.each([
    ['before it starts', '2025-12-31', false],
    ['on its first day', '2026-01-01', true],
    ['on its last day', '2026-06-30', true],
    ['the day after it lapses', '2026-07-01', false],
  ])('is in force %s: %s', (_case, today, expected) => {
    expect(isRestrictionInForce({ effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30' }, today)).toBe(
      expected,
    );
  });

  it('lists reviews due soon and restrictions that lapsed without being ended', async () => {
    const { manager, restrictions } = await setUp();
    await restrictions.record(manager, { ...courtOrder, reviewOn: '2026-11-30' });
    await restrictions.record(manager, {
      ...courtOrder,
      name: 'Old Order',
      reviewOn: undefined,
      effectiveTo: '2026-10-01',
    });
    const attention = await restrictions.needingAttention(manager, '2026-11-23', '2026-12-07');
    expect(attention.dueForReview.map((item) => item.name)).toEqual(['John Smith']);
    expect(attention.lapsed.map((item) => item.name)).toEqual(['Old Order']);
  });
});

describe('young people and their families', () => {
  it('refuses a second young person with the same case number', async () => {
    const { manager } = await setUp();
    const youngPeople = youngPeopleRepository(db);
    expect((await youngPeople.save(manager, child)).ok).toBe(true);
    const again = await youngPeople.save(manager, { ...child, firstName: 'Other' });
    expect(again.ok ? undefined : again.error.code).toBe('duplicate-case-number');
    expect(await youngPeople.list(manager)).toHaveLength(1);
  });

  it('one parent is family to two siblings placed apart', async () => {
    const { manager } = await setUp();
    const youngPeople = youngPeopleRepository(db);
    const first = await youngPeople.save(manager, child);
    const second = await youngPeople.save(manager, {
      ...child,
      caseNumber: 'FL-0043',
      firstName: 'Mia',
      preferredName: '',
    });
    if (!first.ok || !second.ok) throw new Error('setup');
    const people = peopleRepository(db);
    const saved = await people.savePerson(manager, {
      person: { firstName: 'Dawn', lastName: 'Morris', aliases: ['Dawn Clarke'] },
      relationships: [
        {
          youngPersonId: first.value.id,
          relationship: 'Mum',
          category: 'parent',
          hasParentalResponsibility: true,
        },
        {
          youngPersonId: second.value.id,
          relationship: 'Mum',
          category: 'parent',
          hasParentalResponsibility: true,
        },
      ],
    });
    expect(saved.ok).toBe(true);
    expect((await people.familyOf(manager, first.value.id)).map((entry) => entry.person.firstName)).toEqual([
      'Dawn',
    ]);
    expect(
      (await people.familyOf(manager, second.value.id)).map((entry) => entry.relationship.relationship),
    ).toEqual(['Mum']);
  });
});

describe('keeping family records straight', () => {
  it('refuses the same young person twice for one person, and an edit of a person who is not there', async () => {
    const { manager } = await setUp();
    const child = await youngPeopleRepository(db).save(manager, {
      caseNumber: 'FL-0100',
      firstName: 'Ava',
      lastName: 'Jones',
      preferredName: '',
      dateOfBirth: '2013-02-01',
      placementStartsOn: '2025-01-01',
    });
    if (!child.ok) throw new Error('setup');
    const link = {
      youngPersonId: child.value.id,
      relationship: 'Nan',
      category: 'grandparent',
      hasParentalResponsibility: false,
    };
    const twice = await peopleRepository(db).savePerson(manager, {
      person: { firstName: 'Rose', lastName: 'Jones', aliases: [] },
      relationships: [link, link],
    });
    expect(twice.ok ? undefined : twice.error.fields?.['relationships.1.youngPersonId']).toBe(
      'This young person is already listed above.',
    );
    const ghost = await peopleRepository(db).savePerson(
      manager,
      { person: { firstName: 'Rose', lastName: 'Jones', aliases: [] }, relationships: [link] },
      crypto.randomUUID(),
    );
    expect(ghost.ok ? undefined : ghost.error.code).toBe('not-found');
    expect(await db.people.count()).toBe(0);
  });

  it('lists a lapsed restriction once, as lapsed, even when its review date has passed too', async () => {
    const { manager, restrictions } = await setUp();
    await restrictions.record(manager, {
      ...courtOrder,
      name: 'Both Ways',
      reviewOn: '2026-09-01',
      effectiveTo: '2026-10-01',
    });
    const attention = await restrictions.needingAttention(manager, '2026-11-23', '2026-12-07');
    expect(attention.dueForReview).toEqual([]);
    expect(attention.lapsed.map((item) => item.name)).toEqual(['Both Ways']);
  });
});

/*
 * A row's seal shows it was edited, not that it was taken away: someone at the computer could
 * delete a court order's row in IndexedDB and the door would clear the person it bars. Every
 * restriction recorded is in the audit log (chained, anchored by the main process), and the app
 * never deletes one, so a recorded restriction with no row is treated as one that does not open.
 */
describe('a restriction deleted outside Family Links', () => {
  it('leaves the door check unable to clear anyone, for every role', async () => {
    const { manager, careWorker, restrictions } = await setUp();
    const recorded = await restrictions.record(manager, courtOrder);
    if (!recorded.ok) throw new Error(recorded.error.message);
    expect((await restrictions.listForCheck(careWorker, '2026-06-01')).damagedIds).toEqual([]);

    await db.restrictions.delete(recorded.value.id);

    for (const session of [careWorker, manager]) {
      expect(await restrictions.listForCheck(session, '2026-06-01')).toEqual({
        restrictions: [],
        damagedIds: [recorded.value.id],
      });
      expect((await restrictions.listInForce(session, '2026-06-01')).damagedIds).toEqual([recorded.value.id]);
    }
  });

  it('is not confused with one still there, or with one that has ended', async () => {
    const { manager, careWorker, restrictions } = await setUp();
    const kept = await restrictions.record(manager, courtOrder);
    const ended = await restrictions.record(manager, {
      ...courtOrder,
      name: 'Jane Smith',
      effectiveFrom: '2024-01-01',
      effectiveTo: '2024-12-31',
    });
    if (!kept.ok || !ended.ok) throw new Error('setup');
    expect(await restrictions.listForCheck(careWorker, '2026-06-01')).toMatchObject({
      restrictions: [{ id: kept.value.id }],
      damagedIds: [],
    });
  });
});
