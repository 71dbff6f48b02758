import { describe, expect, it } from 'vitest';
import { buildCheckableRestriction } from '../../../factories';
import {
  prepareRestrictionIndex,
  type CheckableRestriction,
} from '../../../../shared/rules/restriction-check';
import { restrictionsOnPerson, type PersonRestriction } from '../../../../shared/rules/restricted-people';
import { amy, ben } from './restricted-young-people';

const today = '2026-12-04';
const dad = { personId: 'person-dad', names: ['John Smith', 'Johnny Smith'] };

/** A no-contact restriction for Amy against John Smith, in force today, unless told otherwise. */
const restriction = (overrides: Partial<CheckableRestriction> = {}) =>
  buildCheckableRestriction({ ...overrides });

const onDad = (...restrictions: CheckableRestriction[]): PersonRestriction[] =>
  restrictionsOnPerson(dad, prepareRestrictionIndex(restrictions), today);

describe('which restrictions in force mark a person in the family list', () => {
  const cases: {
    readonly what: string;
    readonly restrictions: CheckableRestriction[];
    readonly expected: Pick<PersonRestriction, 'youngPersonId' | 'how' | 'kind'>[];
  }[] = [
    {
      what: 'recorded against them, whatever name it gives',
      restrictions: [restriction({ personId: dad.personId, name: 'J. Smyth' })],
      expected: [{ youngPersonId: amy, how: 'recorded against them', kind: 'noContact' }],
    },
    {
      what: 'their name, recorded against no one in the list',
      restrictions: [restriction()],
      expected: [{ youngPersonId: amy, how: 'by name', kind: 'noContact' }],
    },
    {
      what: 'another name they use, as an alias',
      restrictions: [restriction({ name: 'Jonathan Smithers', aliases: ['Johnny Smith'] })],
      expected: [{ youngPersonId: amy, how: 'by name', kind: 'noContact' }],
    },
    {
      what: 'a kind that does not stop a visit still marks them',
      restrictions: [restriction({ personId: dad.personId, kind: 'noPhoneContact' })],
      expected: [{ youngPersonId: amy, how: 'recorded against them', kind: 'noPhoneContact' }],
    },
    {
      what: 'one for each young person',
      restrictions: [
        restriction({ personId: dad.personId }),
        restriction({
          id: 'restriction-2',
          personId: dad.personId,
          youngPersonId: ben,
          kind: 'supervisedOnly',
        }),
      ],
      expected: [
        { youngPersonId: amy, how: 'recorded against them', kind: 'noContact' },
        { youngPersonId: ben, how: 'recorded against them', kind: 'supervisedOnly' },
      ],
    },
    {
      what: 'ended',
      restrictions: [restriction({ personId: dad.personId, endedAt: '2026-11-01T10:00:00.000Z' })],
      expected: [],
    },
    {
      what: 'lapsed yesterday',
      restrictions: [restriction({ personId: dad.personId, effectiveTo: '2026-12-03' })],
      expected: [],
    },
    {
      what: 'starting tomorrow',
      restrictions: [restriction({ personId: dad.personId, effectiveFrom: '2026-12-05' })],
      expected: [],
    },
    {
      what: 'their name, but recorded against someone else in the list',
      restrictions: [restriction({ personId: 'person-another-john' })],
      expected: [],
    },
    {
      what: 'only a near spelling of their name',
      restrictions: [restriction({ name: 'John Smyth' })],
      expected: [],
    },
    { what: 'only their surname', restrictions: [restriction({ name: 'Karen Smith' })], expected: [] },
    { what: 'nothing in the register', restrictions: [], expected: [] },
  ];

  it.each(cases)('$what', ({ restrictions, expected }) => {
    const found = onDad(...restrictions).map(({ youngPersonId, how, kind }) => ({
      youngPersonId,
      how,
      kind,
    }));
    expect(found).toEqual(expect.arrayContaining(expected));
    expect(found).toHaveLength(expected.length);
  });

  it('lasts to the end of its last day', () => {
    expect(onDad(restriction({ personId: dad.personId, effectiveTo: today }))).toHaveLength(1);
  });
});
