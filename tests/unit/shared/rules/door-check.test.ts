import { describe, expect, it } from 'vitest';
import { buildCheckableRestriction } from '../../../factories';
import {
  checkAtTheDoor,
  doorVerdict,
  type DoorCheck,
  type DoorCheckInput,
  type IdChecks,
} from '../../../../shared/rules/door-check';
import {
  prepareRestrictionIndex,
  type CheckableRestriction,
} from '../../../../shared/rules/restriction-check';
import { amy, ben } from './restricted-young-people';

const today = '2026-11-22';

/** A no-contact restriction for Amy against Sarah Khan, in force today, unless told otherwise. */
const restriction = (overrides: Partial<CheckableRestriction> = {}) =>
  buildCheckableRestriction({ name: 'Sarah Khan', ...overrides });

const typed = (name: string, idChecks?: IdChecks, youngPersonIds = [amy]): DoorCheckInput => ({
  visitor: { kind: 'typed', name },
  youngPersonIds,
  idChecks,
});

const barredSarah = restriction({ aliases: ['Saz', 'Sally Khan'] });
const barredWilliam = restriction({ name: 'William Jones' });
const barredSmithy = restriction({ name: 'Dean Walsh', aliases: ['Smithy'] });
const barredDean = restriction({ name: 'Dean', kind: 'supervisedOnly' });
const register = prepareRestrictionIndex([barredSarah, barredWilliam, barredSmithy]);

const check = (input: DoorCheckInput, index = register) => checkAtTheDoor(input, index, today);
const ids = (result: DoorCheck, list: 'matches' | 'toCheck' | 'idCheckedNot') =>
  result.kind === 'incomplete' || (list === 'toCheck' && result.kind !== 'checkId')
    ? []
    : (result as Record<typeof list, readonly { restrictionId: string }[]>)[list].map(
        (match) => match.restrictionId,
      );

describe('exact matches block at the door', () => {
  it.each([
    ['the name', 'Sarah Khan', barredSarah],
    ['the name in capitals with spaces pasted after it', 'SARAH KHAN   ', barredSarah],
    ['surname first, as on ID', 'KHAN, Sarah', barredSarah],
    ['an alias', 'Sally Khan', barredSarah],
    ['a known short form', 'Bill Jones', barredWilliam],
    ['a one-word alias given alone: a match is still a match', 'Smithy', barredSmithy],
    ['a one-word alias in a full name', 'Smithy Brown', barredSmithy],
  ])('%s (%s)', (_case, name, expected) => {
    const result = check(typed(name));
    expect(result.kind).toBe('block');
    expect(ids(result, 'matches')).toEqual([expected.id]);
  });
});

describe('close names ask for ID', () => {
  it.each([
    ['Sara Kahn', barredSarah],
    ['Sarah Kahn', barredSarah],
    ['S Khan', barredSarah],
    ['Willam Jones', barredWilliam],
    ['Smithie', barredSmithy],
  ])('%s is "check their ID" for that restriction, not a block', (name, expected) => {
    const result = check(typed(name));
    expect(result.kind).toBe('checkId');
    expect(ids(result, 'toCheck')).toEqual([expected.id]);
    expect(ids(result, 'matches')).toEqual([]);
    expect(doorVerdict(result)).toMatchObject({
      kind: 'checkId',
      isSignInAllowed: false,
      idCheckRestrictionIds: [expected.id],
      youngPersonIds: [amy],
    });
  });

  it('is clear once staff have checked ID and it is not them, and keeps that with the verdict', () => {
    const result = check(typed('Sara Kahn', { notThem: [barredSarah.id], treatedAsThem: [] }));
    expect(result.kind).toBe('clear');
    expect(doorVerdict(result)).toMatchObject({
      kind: 'clear',
      isSignInAllowed: true,
      idCheckedNotRestrictionIds: [barredSarah.id],
      restrictionIds: [],
    });
  });

  it('blocks when staff treat them as the restricted person', () => {
    const result = check(typed('Sara Kahn', { notThem: [], treatedAsThem: [barredSarah.id] }));
    expect(result.kind).toBe('block');
    expect(doorVerdict(result)).toMatchObject({ restrictionIds: [barredSarah.id], isSignInAllowed: false });
  });

  it('warns, with the condition, when the person they are treated as may visit under conditions', () => {
    const supervised = restriction({ kind: 'supervisedOnly', conditions: 'Family room only' });
    const result = check(
      typed('Sara Kahn', { notThem: [], treatedAsThem: [supervised.id] }),
      prepareRestrictionIndex([supervised]),
    );
    expect(result.kind).toBe('warn');
    expect(doorVerdict(result)).toMatchObject({
      needsSupervisor: true,
      admittedUnder: [
        {
          restrictionId: supervised.id,
          condition:
            'Supervised contact only. Family room only. A named member of staff must supervise. Speak to the duty manager.',
        },
      ],
    });
  });

  it('settles each close name on its own: one checked, one still to check', () => {
    const other = restriction({ name: 'Sarah Kahn', youngPersonId: ben });
    const both = prepareRestrictionIndex([barredSarah, other]);
    const result = check(typed('Sara Kahn', { notThem: [barredSarah.id], treatedAsThem: [] }, []), both);
    expect(result.kind).toBe('checkId');
    expect(ids(result, 'toCheck')).toEqual([other.id]);
    expect(ids(result, 'idCheckedNot')).toEqual([barredSarah.id]);
  });

  it('blocks at once when the name is exact for one restriction and only close for another', () => {
    const close = restriction({ name: 'Sara Kahn', youngPersonId: ben });
    const result = check(typed('Sarah Khan', undefined, []), prepareRestrictionIndex([barredSarah, close]));
    expect(result.kind).toBe('block');
  });

  it('asks for ID before an exact warning is acted on, and shows both', () => {
    const supervised = restriction({ name: 'Sara Kahn', kind: 'supervisedOnly' });
    const result = check(typed('Sara Kahn'), prepareRestrictionIndex([barredSarah, supervised]));
    expect(result.kind).toBe('checkId');
    expect(ids(result, 'toCheck')).toEqual([barredSarah.id]);
    expect(ids(result, 'matches')).toEqual([supervised.id]);
  });

  it('leaves a namesake recorded as someone else to the warning it already gives', () => {
    const againstFather = restriction({ name: 'Sarah Khan', personId: 'person-mother' });
    const result = checkAtTheDoor(
      {
        visitor: { kind: 'registered', personId: 'person-aunt', names: ['Sara Kahn'] },
        youngPersonIds: [amy],
      },
      [againstFather],
      today,
    );
    expect(result.kind).toBe('warn');
  });
});

describe('one word is not a check', () => {
  it.each([
    ['a first name alone', 'Imran', 'one word'],
    ['a surname alone', 'Khan', 'one word'],
    ['a title and a surname', 'Mrs Khan', 'one word'],
    ['a first name and an initial', 'Sarah K', 'one word'],
    ['a first name and a role', 'Imran the courier', 'one word'],
    ['a company and a role (not William Jones)', 'Williams Jonas Ltd courier', 'no name'],
    ['a carrier', 'DPD courier', 'no name'],
    ['the council', 'Leeds City Council', 'no name'],
    ['half a barred name, still being typed', 'Sarah Kh', 'unfinished'],
    ['a barred first name and half its surname, in capitals', 'SARAH KHA', 'unfinished'],
  ])('%s ("%s") is %s, never clear', (_case, name, reason) => {
    const result = check(typed(name));
    expect(result).toMatchObject({ kind: 'incomplete', reason });
  });

  it('lets a name that only looks unfinished be signed in, and not one word or no name', () => {
    expect(doorVerdict(check(typed('Sarah Kh'))).isSignInAllowed).toBe(true);
    expect(doorVerdict(check(typed('Imran'))).isSignInAllowed).toBe(false);
    expect(doorVerdict(check(typed('DPD courier'))).isSignInAllowed).toBe(false);
  });

  it('says what it left out, so the screen can ask for the person’s own name', () => {
    expect(check(typed('Williams Jonas Ltd courier'))).toMatchObject({
      leftOut: { organisation: true },
    });
  });

  it('matches a one-word restriction name all the same, with its condition', () => {
    const result = check(typed('Dean'), prepareRestrictionIndex([barredDean]));
    expect(result.kind).toBe('warn');
    expect(doorVerdict(result).needsSupervisor).toBe(true);
  });

  it('asks for the full name again when the only match was a close one-word name ID-checked away', () => {
    const result = check(typed('Smithie', { notThem: [barredSmithy.id], treatedAsThem: [] }));
    expect(result).toMatchObject({ kind: 'incomplete', reason: 'one word' });
  });

  it('checks a full name as usual', () => {
    expect(check(typed('Imran Hussain')).kind).toBe('clear');
    expect(check(typed('Dave Brown from Acme Ltd')).kind).toBe('clear');
  });

  it('does not ask a registered person chosen from the list for more of their name', () => {
    const result = checkAtTheDoor(
      { visitor: { kind: 'registered', personId: 'person-nan', names: ['Nana'] }, youngPersonIds: [amy] },
      register,
      today,
    );
    expect(result.kind).toBe('clear');
  });
});

describe('the conditions a visitor is admitted under', () => {
  it('gives the instruction for a named supervisor once one is named', () => {
    const supervised = restriction({ kind: 'supervisedOnly', name: 'Dawn Morris' });
    const verdict = doorVerdict(
      checkAtTheDoor(
        { ...typed('Dawn Morris'), isSupervised: true },
        prepareRestrictionIndex([supervised]),
        today,
      ),
    );
    expect(verdict.needsSupervisor).toBe(false);
    expect(verdict.admittedUnder).toEqual([
      {
        restrictionId: supervised.id,
        condition: 'Supervised contact only. The named member of staff must supervise throughout.',
      },
    ]);
  });

  it('says in words what a "not to take out" visitor must not do', () => {
    const noOutings = restriction({ kind: 'noUnsupervisedOutings', name: 'Dawn Morris' });
    const verdict = doorVerdict(check(typed('Dawn Morris'), prepareRestrictionIndex([noOutings])));
    expect(verdict.admittedUnder[0]?.condition).toBe(
      'No unsupervised outings. They may visit here, but must not take the young person out unless a member of staff goes too.',
    );
  });
});
