import { afterEach, describe, expect, it } from 'vitest';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { declarationRepository } from '../../../../../renderer/src/db/repositories/declaration-repository';
import type { Session } from '../../../../../renderer/src/db/session';
import { freshDatabase } from '../test-database';
import { homeStaff } from '../test-session';

let db: FamilyLinksDb;
afterEach(() => db?.close());

const now = new Date('2026-11-20T10:00:00.000Z');

async function setUp() {
  db = freshDatabase();
  const [manager, careWorker, colleague, tutor] = await homeStaff('careStaff', 'careStaff', 'personalTutor');
  const declarations = declarationRepository(db, () => now);
  const giftFrom = (_by: Session, whatHappened: string) => ({
    kind: 'giftOffered',
    happenedOn: '2026-11-18',
    whatHappened,
    whoWasInvolved: 'A parent',
    lineManagerId: manager.staff.id,
  });
  return { manager, careWorker, colleague, tutor, declarations, giftFrom };
}

async function recorded<T>(
  result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const outcome = await result;
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

describe('staff declarations: need to know', () => {
  it('a care worker records their own and sees only their own, through every way of reading', async () => {
    const { careWorker, colleague, declarations, giftFrom } = await setUp();
    const mine = await recorded(
      declarations.recordOwn(careWorker, giftFrom(careWorker, 'Offered £20 by a parent; declined')),
    );
    const theirs = await recorded(
      declarations.recordOwn(colleague, giftFrom(colleague, 'Friend request from a former care leaver')),
    );

    expect(mine.staffId).toBe(careWorker.staff.id);
    expect((await declarations.listVisible(careWorker)).map((item) => item.id)).toEqual([mine.id]);
    expect(await declarations.get(careWorker, theirs.id)).toBeUndefined();
    expect((await declarations.get(careWorker, mine.id))?.whatHappened).toBe(
      'Offered £20 by a parent; declined',
    );
    expect(await declarations.listForStaff(careWorker, colleague.staff.id)).toEqual([]);
    expect(await declarations.listForStaff(careWorker, careWorker.staff.id)).toHaveLength(1);
    expect(await declarations.needingAttention(careWorker, '2026-11-20')).toEqual([]);
  });

  it('a tutor, like any member of staff, cannot read a colleague’s', async () => {
    const { tutor, colleague, declarations, giftFrom } = await setUp();
    const theirs = await recorded(declarations.recordOwn(colleague, giftFrom(colleague, 'A gift')));
    expect(await declarations.listVisible(tutor)).toEqual([]);
    expect(await declarations.get(tutor, theirs.id)).toBeUndefined();
  });

  it('records who made it and when, whatever the form says', async () => {
    const { careWorker, colleague, declarations, giftFrom } = await setUp();
    const made = await recorded(
      declarations.recordOwn(careWorker, {
        ...giftFrom(careWorker, 'A gift'),
        staffId: colleague.staff.id,
        recordedAt: '2020-01-01T00:00:00.000Z',
      }),
    );
    expect(made.staffId).toBe(careWorker.staff.id);
    expect(made.recordedAt).toBe(now.toISOString());
  });

  it('refuses a declaration without what happened or a line manager, saying what to fix', async () => {
    const { careWorker, declarations } = await setUp();
    const result = await declarations.recordOwn(careWorker, {
      kind: 'giftOffered',
      happenedOn: '2026-11-18',
      whatHappened: ' ',
      lineManagerId: '',
    });
    expect(result.ok ? undefined : result.error.fields).toMatchObject({
      whatHappened: 'Enter what happened.',
      lineManagerId: 'Choose your line manager.',
    });
    expect(await db.declarations.count()).toBe(0);
  });

  it('the manager reads everyone’s, and only the manager reviews', async () => {
    const { manager, careWorker, colleague, declarations, giftFrom } = await setUp();
    const mine = await recorded(declarations.recordOwn(careWorker, giftFrom(careWorker, 'One')));
    await recorded(declarations.recordOwn(colleague, giftFrom(colleague, 'Two')));
    expect(await declarations.listVisible(manager)).toHaveLength(2);
    expect(await declarations.listForStaff(manager, careWorker.staff.id)).toHaveLength(1);

    const refused = await declarations.review(careWorker, mine.id, { supervisionOn: '2026-11-25' });
    expect(refused.ok ? undefined : refused.error.code).toBe('forbidden');

    const reviewed = await recorded(
      declarations.review(manager, mine.id, {
        supervisionOn: '2026-11-19',
        outcome: 'Declined correctly; no action',
        action: '',
      }),
    );
    expect(reviewed).toMatchObject({
      reviewedById: manager.staff.id,
      reviewedAt: now.toISOString(),
      status: 'closed',
      whatHappened: 'One',
    });
    // The member of staff sees the manager's review of their own declaration.
    expect((await declarations.get(careWorker, mine.id))?.outcome).toBe('Declined correctly; no action');
  });

  it('writes each declaration and each review to the audit log with the change', async () => {
    const { manager, careWorker, declarations, giftFrom } = await setUp();
    const mine = await recorded(declarations.recordOwn(careWorker, giftFrom(careWorker, 'One')));
    await recorded(declarations.review(manager, mine.id, {}));
    const actions = (await db.audit.orderBy('seq').toArray()).map((entry) => [
      entry.action,
      entry.actorId,
      entry.recordId,
    ]);
    expect(actions).toEqual([
      ['declaration.recorded', careWorker.staff.id, mine.id],
      ['declaration.reviewed', manager.staff.id, mine.id],
    ]);
  });
});

describe('declarations needing the manager’s attention', () => {
  it('flags one waiting for review, then for a supervision date, then for an outcome once that date has passed', async () => {
    const { manager, careWorker, declarations, giftFrom } = await setUp();
    const mine = await recorded(declarations.recordOwn(careWorker, giftFrom(careWorker, 'One')));
    const kinds = async (today: string) =>
      (await declarations.needingAttention(manager, today)).map((item) => item.attention.kind);

    expect(await kinds('2026-11-20')).toEqual(['awaitingReview']);
    await recorded(declarations.review(manager, mine.id, {}));
    expect(await kinds('2026-11-20')).toEqual(['awaitingSupervisionDate']);
    await recorded(declarations.review(manager, mine.id, { supervisionOn: '2026-11-27' }));
    expect(await kinds('2026-11-20')).toEqual([]);
    expect(await kinds('2026-11-27')).toEqual(['outcomeDue']);
    await recorded(
      declarations.review(manager, mine.id, { supervisionOn: '2026-11-27', outcome: 'Discussed; no action' }),
    );
    expect(await kinds('2026-12-01')).toEqual([]);
  });

  it('will not take an outcome without the supervision date', async () => {
    const { manager, careWorker, declarations, giftFrom } = await setUp();
    const mine = await recorded(declarations.recordOwn(careWorker, giftFrom(careWorker, 'One')));
    const result = await declarations.review(manager, mine.id, { outcome: 'Fine' });
    expect(result.ok ? undefined : result.error.fields?.['supervisionOn']).toMatch(/supervision/);
  });
});
