import { afterEach, describe, expect, it } from 'vitest';
import type { Restriction } from '../../../../../shared/schemas/registers';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { restrictionRepository } from '../../../../../renderer/src/db/repositories/restriction-repository';
import { visitorLogRepository } from '../../../../../renderer/src/db/repositories/visitor-log-repository';
import { doorChecker, doorVisitor } from '../../../../../renderer/src/features/door/door-checker';
import { freshDatabase } from '../../db/test-database';
import { homeStaff } from '../../db/test-session';
import { buildCourtOrderEntry } from '../../../../factories';

const today = '2026-11-23';
const millie = crypto.randomUUID();
const kai = crypto.randomUUID();
const dad = crypto.randomUUID();

function restriction(overrides: Partial<Restriction> = {}): Restriction {
  return {
    id: crypto.randomUUID(),
    youngPersonId: millie,
    name: 'John Smith',
    aliases: [],
    description: '',
    kind: 'noContact',
    conditions: '',
    authority: 'courtOrder',
    authorityReference: 'LS26C01234',
    effectiveFrom: '2026-01-01',
    recordedById: crypto.randomUUID(),
    endedReason: '',
    ...overrides,
  };
}

const noRegisteredNames = () => undefined;

describe('the door’s restriction check, as the visitor register runs it', () => {
  it.each([
    ['an exact name blocks', 'John Smith', restriction(), 'block', false],
    ['a near spelling asks for ID', 'Jon Smyth', restriction(), 'checkId', false],
    ['an alias blocks', 'Johnny Boy', restriction({ aliases: ['Johnny Boy'] }), 'block', false],
    [
      'supervised only warns and needs a supervisor',
      'John Smith',
      restriction({ kind: 'supervisedOnly' }),
      'warn',
      true,
    ],
    ['someone else entirely is clear', 'Dawn Morris', restriction(), 'clear', false],
    ['one word is not enough to check', 'Dawn', restriction(), 'incomplete', false],
  ] as const)('%s', (_why, name, recorded, kind, needsSupervisor) => {
    const verdict = doorChecker(today)({ name }, [millie], [recorded]);
    expect(verdict).toMatchObject({ kind, needsSupervisor });
    expect(verdict.restrictionIds).toEqual(kind === 'block' || kind === 'warn' ? [recorded.id] : []);
    expect(verdict.idCheckRestrictionIds).toEqual(kind === 'checkId' ? [recorded.id] : []);
  });

  it('counts only restrictions for the young people being visited, or all when none is chosen yet', () => {
    const forMillie = restriction();
    expect(doorChecker(today)({ name: 'John Smith' }, [kai], [forMillie]).kind).toBe('clear');
    expect(doorChecker(today)({ name: 'John Smith' }, [], [forMillie]).kind).toBe('block');
  });

  it('checks a registered person as themselves, whatever name was typed', () => {
    const againstDad = restriction({ personId: dad, name: 'Robert Hughes' });
    const registered = (personId: string) => (personId === dad ? ['Robert Hughes', 'Bob'] : undefined);
    expect(doorChecker(today, registered)({ name: 'Rob', personId: dad }, [millie], [againstDad]).kind).toBe(
      'block',
    );
    expect(doorVisitor({ name: 'Rob', personId: dad }, registered)).toEqual({
      kind: 'registered',
      personId: dad,
      names: ['Rob', 'Robert Hughes', 'Bob'],
    });
    expect(doorVisitor({ name: 'Rob' }, registered)).toEqual({ kind: 'typed', name: 'Rob' });
    // The names the register read for itself are used as they are.
    const byNameOnly = restriction({ name: 'Robert Hughes' });
    expect(
      doorChecker(today)(
        { name: 'Rob', personId: crypto.randomUUID(), knownNames: ['Robert Hughes'] },
        [millie],
        [byNameOnly],
      ).kind,
    ).toBe('block');
  });

  it('ignores a restriction that has lapsed or been ended', () => {
    const lapsed = restriction({ effectiveTo: '2026-11-22' });
    const ended = restriction({ endedAt: '2026-11-01T10:00:00.000Z' });
    expect(
      doorChecker(today, noRegisteredNames)({ name: 'John Smith' }, [millie], [lapsed, ended]).kind,
    ).toBe('clear');
  });
});

describe('the register refuses through the adapter', () => {
  let db: FamilyLinksDb;
  afterEach(() => db?.close());

  it('a near spelling of a barred person cannot be signed in until their ID is checked, and a manager may still override once treated as them', async () => {
    db = freshDatabase();
    const [manager, careWorker] = await homeStaff('careStaff');
    const recorded = await restrictionRepository(db).record(
      manager,
      buildCourtOrderEntry({ youngPersonId: millie, aliases: [] }),
    );
    if (!recorded.ok) throw new Error(recorded.error.message);
    const register = visitorLogRepository(db, manager.cipher);
    const visit = {
      visitorName: 'Jon Smyth',
      visitingYoungPersonIds: [millie],
      reason: 'Says he is her uncle',
      isIdChecked: false,
    };
    const unchecked = await register.signIn(careWorker, visit, doorChecker(today), today);
    expect(unchecked.ok ? undefined : unchecked.error.code).toBe('needs-id-check');
    const treated = { ...visit, treatedAsRestrictionIds: [recorded.value.id] };
    const refused = await register.signIn(careWorker, treated, doorChecker(today), today);
    expect(refused.ok ? undefined : refused.error.code).toBe('blocked');
    const overridden = await register.signIn(manager, treated, doorChecker(today), today, {
      reason: 'Identity checked: a different John Smith',
    });
    expect(overridden.ok && overridden.value.matchedRestrictionIds).toEqual([recorded.value.id]);
  });
});
