import { describe, expect, it } from 'vitest';
import { buildCheckableRestriction } from '../../../factories';
import { warningInstruction } from '../../../../shared/rules/door-check';
import {
  checkRestrictions,
  isRestrictionInForce,
  prepareRestrictionIndex,
  type CheckableRestriction,
  type RestrictionCheck,
  type RestrictionCheckInput,
} from '../../../../shared/rules/restriction-check';
import { amy, ben } from './restricted-young-people';

const today = '2026-11-22';
const dad = 'person-dad';

/** A restriction in force today for Amy against John Smith, unless told otherwise. */
const restriction = (overrides: Partial<CheckableRestriction> = {}) =>
  buildCheckableRestriction({ ...overrides });

/** Someone typing `name` at the door, visiting Amy. */
const typed = (name: string, overrides: Partial<RestrictionCheckInput> = {}): RestrictionCheckInput => ({
  visitor: { kind: 'typed', name },
  youngPersonIds: [amy],
  ...overrides,
});

const matchesOf = (result: RestrictionCheck) => (result.kind === 'clear' ? [] : result.matches);

describe('who is at the door', () => {
  const barred = restriction({ aliases: ['Johnny Bravo', 'Smithy', 'Jack Smith'] });

  it.each([
    ['the restricted name', 'John Smith', 'exact name', 'John Smith'],
    ['an alias on the restriction', 'Johnny Bravo', 'alias', 'Johnny Bravo'],
    ['a one-word alias', 'Smithy', 'alias', 'Smithy'],
    [
      'an alias that is also a short form (the alias is the better reason)',
      'Jack Smith',
      'alias',
      'Jack Smith',
    ],
    ['a short form', 'Johnny Smith', 'short form', 'John Smith'],
    ['a near spelling', 'Jon Smyth', 'near spelling', 'John Smith'],
    ['a near spelling of the surname', 'John Smithe', 'near spelling', 'John Smith'],
  ])('is caught by %s', (_case, name, how, restrictedName) => {
    const result = checkRestrictions(typed(name), [barred], today);
    expect(result.kind).toBe('block');
    expect(matchesOf(result)[0]?.name).toEqual({ how, matchedText: name, restrictedName });
  });

  it('is caught by their record when registered, whatever name was typed', () => {
    const onRecord = restriction({ personId: dad, name: 'Jonathan Smith' });
    const result = checkRestrictions(
      { visitor: { kind: 'registered', personId: dad, names: ['Jack Jones'] }, youngPersonIds: [amy] },
      [onRecord],
      today,
    );
    expect(matchesOf(result)[0]?.name.how).toBe('same person');
    expect(result.kind).toBe('block');
  });

  it('is caught by name when registered, if the restriction was recorded by name only', () => {
    const byName = restriction({ personId: undefined });
    const result = checkRestrictions(
      {
        visitor: { kind: 'registered', personId: dad, names: ['Jack Jones', 'John Smith'] },
        youngPersonIds: [amy],
      },
      [byName],
      today,
    );
    expect(result.kind).toBe('block');
    expect(matchesOf(result)[0]?.name).toEqual({
      how: 'exact name',
      matchedText: 'John Smith',
      restrictedName: 'John Smith',
    });
  });

  it('is only warned about, never turned away, when the name matches a restriction recorded against someone else', () => {
    const againstTheFather = restriction({ personId: 'person-father' });
    const son = { kind: 'registered' as const, personId: 'person-son', names: ['John Smith'] };
    const result = checkRestrictions({ visitor: son, youngPersonIds: [amy] }, [againstTheFather], today);
    expect(result.kind).toBe('warn');
    expect(matchesOf(result)[0]?.isRecordedAsSomeoneElse).toBe(true);
    expect(warningInstruction(matchesOf(result))).toContain('Check their ID with the duty manager');
  });

  it.each(['Joan Smith', 'John Smithson', 'Jane Smith', 'Tom Smith', 'John Smart', 'Jon Snow'])(
    'is not stopped for being %s',
    (name) => {
      expect(checkRestrictions(typed(name), [barred], today)).toEqual({ kind: 'clear', allowed: [] });
    },
  );
});

describe('what the restriction means for this contact', () => {
  it.each<[string, CheckableRestriction['kind'], RestrictionCheckInput['contact'], RestrictionCheck['kind']]>(
    [
      ['no contact blocks a visit', 'noContact', 'visit', 'block'],
      ['no contact blocks even a letter', 'noContact', 'letter', 'block'],
      ['supervised only warns at the door', 'supervisedOnly', 'visit', 'warn'],
      ['indirect only blocks a visit', 'indirectOnly', 'visit', 'block'],
      ['indirect only allows a letter', 'indirectOnly', 'letter', 'clear'],
      ['indirect only allows a phone call', 'indirectOnly', 'phone', 'clear'],
      ['no phone contact blocks a phone call', 'noPhoneContact', 'phone', 'block'],
      ['no phone contact allows a visit', 'noPhoneContact', 'visit', 'clear'],
      ['no unsupervised outings blocks an unsupervised outing', 'noUnsupervisedOutings', 'outing', 'block'],
      ['no overnight stays blocks an overnight stay', 'noOvernightStays', 'overnight', 'block'],
      ['not to collect blocks a collection', 'notToCollect', 'collection', 'block'],
      ['not to collect warns at the door', 'notToCollect', 'visit', 'warn'],
      ['another condition always warns', 'other', 'email', 'warn'],
    ],
  )('%s', (_case, kind, contact, expected) => {
    expect(checkRestrictions(typed('John Smith', { contact }), [restriction({ kind })], today).kind).toBe(
      expected,
    );
  });

  it('is a visit to the home when the kind of contact is not given (the door)', () => {
    expect(checkRestrictions(typed('John Smith'), [restriction({ kind: 'indirectOnly' })], today).kind).toBe(
      'block',
    );
  });

  it('still reports a restriction that allows this contact, so a screen can say why', () => {
    const noPhone = restriction({ kind: 'noPhoneContact' });
    const result = checkRestrictions(typed('John Smith'), [noPhone], today);
    expect(result.kind).toBe('clear');
    expect(result.allowed.map((match) => match.restrictionId)).toEqual([noPhone.id]);
  });

  it('warns supervised only with the condition and what to do, in plain words', () => {
    const supervised = restriction({ kind: 'supervisedOnly' });
    const result = checkRestrictions(typed('John Smith'), [supervised], today);
    expect(warningInstruction(matchesOf(result))).toBe(
      'Supervised contact only. A named member of staff must supervise. Speak to the duty manager.',
    );
    expect(matchesOf(result)[0]?.effect).toMatchObject({ kind: 'warn', needsSupervisor: true });
  });

  it('no longer asks for a supervisor once one is named (booking)', () => {
    const result = checkRestrictions(
      typed('John Smith', { isSupervised: true }),
      [restriction({ kind: 'supervisedOnly' })],
      today,
    );
    expect(matchesOf(result)[0]?.effect).toMatchObject({ kind: 'warn', needsSupervisor: false });
  });

  it('adds the written conditions to the condition', () => {
    const result = checkRestrictions(
      typed('John Smith'),
      [restriction({ kind: 'supervisedOnly', conditions: 'Two staff present' })],
      today,
    );
    expect(warningInstruction(matchesOf(result))).toContain('Supervised contact only. Two staff present.');
  });

  it('turns a barred visitor away without the court order or its reasons', () => {
    const result = checkRestrictions(typed('John Smith'), [restriction()], today);
    expect(matchesOf(result)[0]?.effect).toMatchObject({
      kind: 'block',
      instruction: 'Do not admit. Speak to the duty manager.',
    });
    expect(JSON.stringify(result)).not.toMatch(/authority|description/);
  });

  it('says how a close name matched, so the door can ask for ID (see door-check.ts)', () => {
    const result = checkRestrictions(typed('Jon Smyth'), [restriction()], today);
    expect(matchesOf(result)[0]?.name.how).toBe('near spelling');
  });

  it('gives the most severe answer, with the block before the warning', () => {
    const supervised = restriction({ kind: 'supervisedOnly', youngPersonId: ben });
    const barred = restriction({ kind: 'noContact' });
    const result = checkRestrictions(
      typed('John Smith', { youngPersonIds: [amy, ben] }),
      [supervised, barred],
      today,
    );
    expect(result.kind).toBe('block');
    expect(matchesOf(result).map((match) => match.restrictionId)).toEqual([barred.id, supervised.id]);
  });
});

describe('when a restriction applies', () => {
  it.each([
    ['from its first day', { effectiveFrom: today }, true],
    ['not before it starts', { effectiveFrom: '2026-11-23' }, false],
    ['on its last day', { effectiveTo: today }, true],
    ['not once it has lapsed', { effectiveTo: '2026-11-21' }, false],
    ['not once it has been ended, whatever its dates', { endedAt: '2026-11-01T10:00:00.000Z' }, false],
  ])('%s', (_case, dates, expected) => {
    const dated = restriction(dates);
    expect(isRestrictionInForce(dated, today)).toBe(expected);
    expect(checkRestrictions(typed('John Smith'), [dated], today).kind).toBe(expected ? 'block' : 'clear');
  });
});

describe('whom they are visiting', () => {
  const forBen = restriction({ youngPersonId: ben });

  it.each([
    ['another young person is not affected', [amy], 'clear'],
    ['a visit to both is', [amy, ben], 'block'],
    ['a visitor who has not said whom they are visiting is checked against everyone', [], 'block'],
  ] as const)('a restriction for one young person: %s', (_case, youngPersonIds, expected) => {
    const result = checkRestrictions(
      typed('John Smith', { youngPersonIds: [...youngPersonIds] }),
      [forBen],
      today,
    );
    expect(result.kind).toBe(expected);
    if (result.kind !== 'clear') expect(result.matches[0]?.youngPersonId).toBe(ben);
  });
});

describe('the whole register, as the name is typed', () => {
  // Not timed here (machines differ); `npm run bench` measures a check against 5,000.
  it('checks a name against 5,000 restrictions, reusing the index on every keystroke', () => {
    const surnames = [
      'Smith',
      'Jones',
      'Taylor',
      'Brown',
      'Williams',
      'Wilson',
      'Evans',
      'Walker',
      'Khan',
      'Patel',
      'O’Brien',
      'Smith-Jones',
    ];
    const firsts = ['John', 'Mary', 'David', 'Sarah', 'Michael', 'Emma', 'James', 'Laura'];
    const register = Array.from({ length: 5000 }, (_, i) =>
      restriction({
        name: `${firsts[i % firsts.length] ?? ''} ${surnames[(i * 7) % surnames.length] ?? ''}${i % 13 === 0 ? 'son' : ''}`,
        youngPersonId: `young-person-${i % 50}`,
      }),
    );
    const index = prepareRestrictionIndex(register);
    const results = ['J', 'Jo', 'Jon', 'Jon S', 'Jon Sm', 'Jon Smy', 'Jon Smyth'].map((name) =>
      checkRestrictions(typed(name, { youngPersonIds: [] }), index, today),
    );
    expect(results.slice(0, -1).every((result) => result.kind === 'clear')).toBe(true);
    const last = results[results.length - 1];
    const expected = register.filter(
      (entry) => entry.name === 'John Smith' || entry.name === 'John Smith-Jones',
    ).length;
    expect(last?.kind).toBe('block');
    expect(last && matchesOf(last)).toHaveLength(expected);
  });

  it('answers the same from an index as from the plain list', () => {
    const register = [
      restriction(),
      restriction({ name: 'Dean', kind: 'supervisedOnly' }),
      restriction({ name: 'Mary Jones' }),
    ];
    for (const name of ['Jon Smyth', 'Dean Walsh', 'Mary Jones', 'Nobody Here']) {
      expect(checkRestrictions(typed(name), prepareRestrictionIndex(register), today)).toEqual(
        checkRestrictions(typed(name), register, today),
      );
    }
  });
});
