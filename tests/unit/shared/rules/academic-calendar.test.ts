import { describe, expect, it } from 'vitest';
import {
  academicYearOverlaps,
  academicYearProblems,
  termAt,
  type AcademicYearDates,
  type TermDates,
} from '../../../../shared/rules/academic-calendar';

const autumn: TermDates = {
  name: 'autumn',
  startsOn: '2026-09-03',
  endsOn: '2026-12-18',
  halfTermStartsOn: '2026-10-26',
  halfTermEndsOn: '2026-10-30',
};
const spring: TermDates = {
  name: 'spring',
  startsOn: '2027-01-05',
  endsOn: '2027-03-26',
  halfTermStartsOn: '2027-02-15',
  halfTermEndsOn: '2027-02-19',
};
const summer: TermDates = {
  name: 'summer',
  startsOn: '2027-04-12',
  endsOn: '2027-07-21',
  halfTermStartsOn: '2027-05-31',
  halfTermEndsOn: '2027-06-04',
};
const year2026: AcademicYearDates = { id: 'a', label: '2026/27', terms: [autumn, spring, summer] };

function withTerm(index: number, change: Partial<TermDates>): AcademicYearDates {
  return {
    ...year2026,
    terms: year2026.terms.map((term, i) => (i === index ? { ...term, ...change } : term)),
  };
}

describe('an academic year on its own', () => {
  it('is sound when three terms follow in order, each with its half term inside it', () => {
    expect(academicYearProblems(year2026)).toEqual([]);
  });

  it.each([
    [
      'a term that ends before it starts',
      withTerm(0, { endsOn: '2026-08-18' }),
      'terms.0.endsOn',
      'ends before it starts',
    ],
    [
      'a half term that ends before it starts',
      withTerm(1, { halfTermStartsOn: '2027-02-19', halfTermEndsOn: '2027-02-15' }),
      'terms.1.halfTermEndsOn',
      'half term ends before it starts',
    ],
    [
      'a half term that starts on the term’s first day',
      withTerm(2, { halfTermStartsOn: '2027-04-12' }),
      'terms.2.halfTermStartsOn',
      'inside the summer term',
    ],
    [
      'a half term that runs past the term’s end',
      withTerm(0, { halfTermEndsOn: '2026-12-20' }),
      'terms.0.halfTermStartsOn',
      'inside the autumn term',
    ],
    [
      'a spring term that starts before autumn ends',
      withTerm(1, { startsOn: '2026-12-18' }),
      'terms.1.startsOn',
      'must start after the autumn term ends',
    ],
    [
      'terms out of order',
      { ...year2026, terms: [spring, autumn, summer] },
      'terms.0.name',
      'order autumn, spring, summer',
    ],
    ['a label whose years do not follow on', { ...year2026, label: '2026/28' }, 'label', 'must follow on'],
    [
      'an autumn term in the wrong calendar year',
      { ...year2026, label: '2025/26' },
      'terms.0.startsOn',
      'should start in 2025',
    ],
  ])('reports %s, at the field to correct', (_case, year, path, message) => {
    const problems = academicYearProblems(year);
    const atPath = problems.find((problem) => problem.path.join('.') === path);
    expect(atPath?.message).toContain(message);
  });
});

/*
 * A date typed that is not a real date gets its own field's message from the schema; comparing
 * the text anyway blamed its neighbours (the half term "outside" a term whose end was 31 February).
 */
describe('a date that cannot be read', () => {
  it.each([
    ['empty', ''],
    ['a day that does not exist', '2026-02-31'],
    ['not a date', '18/12/2026x'],
  ])('in one field (%s) leaves every other field without a message', (_case, unreadable) => {
    for (const field of ['startsOn', 'endsOn', 'halfTermStartsOn', 'halfTermEndsOn'] as const) {
      for (const index of [0, 1, 2]) {
        expect(academicYearProblems(withTerm(index, { [field]: unreadable }))).toEqual([]);
      }
    }
  });

  it('still has a wrong label reported', () => {
    const year = { ...withTerm(0, { startsOn: '' }), label: '2026/28' };
    expect(academicYearProblems(year).map((problem) => problem.path.join('.'))).toEqual(['label']);
  });
});

describe('years beside each other', () => {
  const next: AcademicYearDates = {
    id: 'b',
    label: '2027/28',
    terms: [
      {
        ...autumn,
        startsOn: '2027-09-02',
        endsOn: '2027-12-17',
        halfTermStartsOn: '2027-10-25',
        halfTermEndsOn: '2027-10-29',
      },
      {
        ...spring,
        startsOn: '2028-01-04',
        endsOn: '2028-03-31',
        halfTermStartsOn: '2028-02-14',
        halfTermEndsOn: '2028-02-18',
      },
      {
        ...summer,
        startsOn: '2028-04-18',
        endsOn: '2028-07-20',
        halfTermStartsOn: '2028-05-29',
        halfTermEndsOn: '2028-06-02',
      },
    ],
  };

  it('do not overlap when one ends before the next begins', () => {
    expect(academicYearOverlaps(next, [year2026])).toEqual([]);
  });

  it('overlap when they share even one day (the last day of one is the first of the other)', () => {
    const touching = {
      ...next,
      terms: [{ ...next.terms[0]!, startsOn: '2027-07-21' }, next.terms[1]!, next.terms[2]!],
    };
    expect(academicYearOverlaps(touching, [year2026]).map((year) => year.label)).toEqual(['2026/27']);
  });

  it('never count a year as overlapping itself (editing a saved year)', () => {
    expect(academicYearOverlaps(year2026, [year2026])).toEqual([]);
  });
});

describe('where a date falls', () => {
  type Expected = { kind: 'inTerm' | 'holiday' | 'outsideCalendar'; term?: string; isHalfTerm?: boolean };
  it.each<[string, string, Expected]>([
    ['the first day of term', '2026-09-03', { kind: 'inTerm', term: 'autumn', isHalfTerm: false }],
    ['the last day of term', '2026-12-18', { kind: 'inTerm', term: 'autumn', isHalfTerm: false }],
    ['a half-term day', '2027-02-17', { kind: 'inTerm', term: 'spring', isHalfTerm: true }],
    ['Christmas Day', '2026-12-25', { kind: 'holiday', term: 'autumn' }],
    ['the Easter holiday', '2027-04-01', { kind: 'holiday', term: 'spring' }],
    ['the summer after the year', '2027-08-10', { kind: 'outsideCalendar' }],
    ['the day before the year starts', '2026-09-02', { kind: 'outsideCalendar' }],
  ])('places %s', (_case, date, expected) => {
    const found = termAt(date, [year2026]);
    expect(found.kind).toBe(expected.kind);
    if (found.kind === 'inTerm')
      expect({ term: found.term.name, isHalfTerm: found.isHalfTerm }).toEqual({
        term: expected.term,
        isHalfTerm: expected.isHalfTerm,
      });
    if (found.kind === 'holiday') expect(found.after.name).toBe(expected.term);
  });
});
