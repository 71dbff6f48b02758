import { describe, expect, it } from 'vitest';
import {
  badgeYoungPersonName,
  isBadgePaper,
  visitorBadge,
  type BadgeContext,
} from '../../../../shared/rules/visitor-badge';
import { buildRestriction, buildVisitorEntry, buildYoungPerson } from '../../../factories';

const millie = buildYoungPerson({ firstName: 'Amelia', preferredName: 'Millie', lastName: 'Hughes' });
const sam = buildYoungPerson({ firstName: 'Samuel', preferredName: '', lastName: 'osei' });
const supervisorId = crypto.randomUUID();

const context: BadgeContext = {
  homeName: 'Oakfield House',
  timeZone: 'Europe/London',
  youngPeople: [millie, sam],
  staffName: (id) => (id === supervisorId ? 'Priya Raman' : 'a former colleague'),
};

/** On site: arrived at 14:10 on a December afternoon (GMT), not yet signed out. */
const onSite = (overrides: Parameters<typeof buildVisitorEntry>[0] = {}) =>
  buildVisitorEntry({
    arrivedAt: '2026-12-03T14:10:00.000Z',
    departedAt: undefined,
    visitingYoungPersonIds: [millie.id],
    badgeNumber: '4',
    ...overrides,
  });

function badgeOf(entry: ReturnType<typeof onSite>) {
  const content = visitorBadge(entry, context);
  if (content.kind !== 'badge') throw new Error(`No badge: ${content.reason}`);
  return content.badge;
}

describe('what a visitor’s badge says', () => {
  it('names the home, the visitor, whom they visit, when they came in and the badge number', () => {
    expect(badgeOf(onSite({ visitorName: 'Dawn Morris' }))).toEqual({
      homeName: 'Oakfield House',
      visitorName: 'Dawn Morris',
      whom: 'Visiting Millie H.',
      timeIn: 'In 3 Dec 2026, 14:10',
      badge: 'Badge 4',
      mark: { kind: 'none' },
    });
  });

  it.each([
    ['winter: GMT is UTC', '2026-12-03T14:10:00.000Z', 'In 3 Dec 2026, 14:10'],
    ['summer: an hour ahead of UTC', '2026-07-14T13:05:00.000Z', 'In 14 Jul 2026, 14:05'],
    [
      'just after midnight in summer time: already the next day',
      '2026-07-14T23:30:00.000Z',
      'In 15 Jul 2026, 00:30',
    ],
  ])('gives the time in on the home’s clock (%s)', (_when, arrivedAt, expected) => {
    expect(badgeOf(onSite({ arrivedAt })).timeIn).toBe(expected);
  });

  it.each([
    ['one young person, by the name she goes by', [millie.id], '', 'Visiting Millie H.'],
    [
      'two young people, first name when there is no preferred one',
      [millie.id, sam.id],
      '',
      'Visiting Millie H., Samuel O.',
    ],
    ['a young person no longer listed', [crypto.randomUUID()], 'Dad', 'Visiting a young person'],
    ['nobody, from an organisation', [], 'Acme Heating Ltd', 'Acme Heating Ltd'],
    ['nobody, no organisation given', [], '  ', 'Visitor'],
  ])('says whom they visit: %s', (_case, visitingYoungPersonIds, organisationOrRelationship, expected) => {
    expect(badgeOf(onSite({ visitingYoungPersonIds, organisationOrRelationship })).whom).toBe(expected);
  });

  it.each([
    ['a number given at the door', 'V12', 'Badge V12'],
    ['none given', '', 'No badge number'],
    ['only spaces', '   ', 'No badge number'],
  ])('gives the badge number: %s', (_case, badgeNumber, expected) => {
    expect(badgeOf(onSite({ badgeNumber })).badge).toBe(expected);
  });

  it.each([
    ['no restriction', { restrictionCheck: 'clear' }, { kind: 'none' }],
    [
      'supervised only, with the member of staff named',
      { restrictionCheck: 'warn', supervisingStaffId: supervisorId },
      { kind: 'supervised', words: 'SUPERVISED', note: 'Must be with Priya Raman at all times.' },
    ],
    [
      'another condition (must not collect)',
      { restrictionCheck: 'warn' },
      {
        kind: 'conditions',
        words: 'CONDITIONS APPLY',
        note: 'Staff: the conditions are on the front door’s list.',
      },
    ],
    [
      'admitted by the manager against a restriction',
      { restrictionCheck: 'overridden' },
      {
        kind: 'conditions',
        words: 'CONDITIONS APPLY',
        note: 'Staff: the conditions are on the front door’s list.',
      },
    ],
    [
      'admitted by the manager, supervised',
      { restrictionCheck: 'overridden', supervisingStaffId: supervisorId },
      { kind: 'supervised', words: 'SUPERVISED', note: 'Must be with Priya Raman at all times.' },
    ],
  ] as const)('marks the visit: %s', (_case, overrides, expected) => {
    expect(badgeOf(onSite(overrides)).mark).toEqual(expected);
  });

  it('never carries the conditions’ wording or the restriction’s authority, reference or description (DESIGN rule 8)', () => {
    const restriction = buildRestriction({
      authorityReference: 'LS26C01234',
      description: 'Assault on the mother in 2024',
    });
    const entry = onSite({
      visitorName: 'Dean Hughes',
      restrictionCheck: 'warn',
      supervisingStaffId: supervisorId,
      matchedRestrictionIds: [restriction.id],
      admittedUnder: [
        {
          restrictionId: restriction.id,
          condition: `Supervised contact only. Family room only. Ask him to leave if he is intoxicated. ${restriction.authorityReference} ${restriction.description}`,
        },
      ],
    });
    const printed = JSON.stringify(visitorBadge(entry, context));
    for (const secret of ['Family room', 'intoxicated', 'LS26C01234', 'Assault', 'Court', 'courtOrder'])
      expect(printed).not.toContain(secret);
  });

  it.each([
    [
      'someone turned away',
      { kind: 'turnedAway', reason: '' },
      'This person was turned away at the door, so they need no badge.',
    ],
    [
      'a visitor already signed out',
      { departedAt: '2026-12-03T15:00:00.000Z' },
      'This visitor has already been signed out.',
    ],
  ] as const)('gives no badge to %s', (_case, overrides, reason) => {
    expect(visitorBadge(onSite(overrides), context)).toEqual({ kind: 'noBadge', reason });
  });
});

describe('names and paper', () => {
  it.each([
    [{ firstName: 'Amelia', preferredName: 'Millie', lastName: 'Hughes' }, 'Millie H.'],
    [{ firstName: 'Samuel', preferredName: '', lastName: 'osei' }, 'Samuel O.'],
    [{ firstName: 'Kai', preferredName: '', lastName: ' ' }, 'Kai'],
  ])('a young person on a badge: %o is %s', (name, expected) => {
    expect(badgeYoungPersonName({ id: 'x', ...name })).toBe(expected);
  });

  it.each([
    ['a4Sheet', true],
    ['label62mm', true],
    ['letter', false],
    [undefined, false],
    [null, false],
  ])('%s is a paper a badge prints on: %s', (value, expected) => {
    expect(isBadgePaper(value)).toBe(expected);
  });
});
