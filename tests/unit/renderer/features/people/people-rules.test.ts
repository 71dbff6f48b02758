import { describe, expect, it } from 'vitest';
import {
  aliasesAsText,
  aliasesFromText,
  personFormSchema,
  youngPersonFormSchema,
} from '../../../../../shared/schemas/people';
import { ageOn } from '../../../../../renderer/src/features/people/age';
import type { PersonWithRelationships } from '../../../../../renderer/src/db/repositories/people-repository';
import { matchesFilter } from '../../../../../renderer/src/features/people/people-filter';

describe('age from the date of birth', () => {
  it.each([
    ['the day before the 14th birthday', '2012-03-14', '2026-03-13', 13],
    ['on the 14th birthday', '2012-03-14', '2026-03-14', 14],
    ['a 29 February birthday on 28 February', '2012-02-29', '2026-02-28', 13],
    ['a 29 February birthday on 1 March', '2012-02-29', '2026-03-01', 14],
  ])('%s', (_when, born, today, age) => {
    expect(ageOn(born, today)).toBe(age);
  });
});

describe('other names typed on one line', () => {
  it('splits at commas and drops blanks, and reads back the same', () => {
    expect(aliasesFromText(' Kaz,  Karen Smith ,, ')).toEqual(['Kaz', 'Karen Smith']);
    expect(aliasesAsText(['Kaz', 'Karen Smith'])).toBe('Kaz, Karen Smith');
    expect(aliasesFromText('')).toEqual([]);
  });
});

describe('the form schemas', () => {
  it('refuses a placement that ends before it starts, at the end date', () => {
    const result = youngPersonFormSchema.safeParse({
      caseNumber: 'FL-1',
      firstName: 'Amelia',
      lastName: 'Hughes',
      dateOfBirth: '2012-03-14',
      placementStartsOn: '2025-09-01',
      placementEndsOn: '2025-08-31',
    });
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'placementEndsOn',
    ]);
  });

  it('refuses the same young person twice in one person’s relationships', () => {
    const youngPersonId = crypto.randomUUID();
    const row = {
      youngPersonId,
      relationship: 'Mum',
      category: 'parent',
      hasParentalResponsibility: true,
    } as const;
    const result = personFormSchema.safeParse({ firstName: 'Karen', aliases: '', relationships: [row, row] });
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'relationships.1.youngPersonId',
    ]);
  });
});

describe('finding someone as you type', () => {
  const karen: PersonWithRelationships = {
    person: {
      id: crypto.randomUUID(),
      firstName: 'Karen',
      lastName: 'Hughes',
      aliases: ['Kaz'],
      phone: '',
      email: '',
      address: '',
      notes: '',
    },
    relationships: [
      {
        id: crypto.randomUUID(),
        youngPersonId: 'millie',
        personId: 'karen',
        relationship: 'Mum',
        category: 'parent',
        hasParentalResponsibility: true,
      },
    ],
  };
  const names = new Map([['millie', 'Millie Hughes']]);

  it.each([
    ['', true],
    ['kar hug', true],
    ['KAZ', true],
    ['mum', true],
    ['millie', true],
    ['dean', false],
    ['karen dean', false],
  ])('“%s” matches Karen: %s', (typed, expected) => {
    expect(matchesFilter(karen, names, typed)).toBe(expected);
  });

  const sean: PersonWithRelationships = {
    ...karen,
    person: { ...karen.person, firstName: 'Seán', lastName: "O'Brien-Hughes", aliases: [] },
  };

  it.each([
    ['sean', true],
    ['Sean OBrien', true],
    ['o’brien', true],
    ['o brien', true],
    ['obrien hughes', true],
    ['obrienhughes', false],
    ['sean dean', false],
  ])('“%s” matches Seán O’Brien-Hughes: %s', (typed, expected) => {
    expect(matchesFilter(sean, names, typed)).toBe(expected);
  });
});
