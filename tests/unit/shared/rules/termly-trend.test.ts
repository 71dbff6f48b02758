import { describe, expect, it } from 'vitest';
import { yearReview } from '@shared/rules/termly-review';
import { trendLabel, trendPoint, trendTerms, trendText } from '@shared/rules/termly-trend';
import { buildAcademicYear, buildReviewYoungPerson, buildVisit, reviewStaff } from '../../../factories';
import { reviewMum } from './review-test-support';

const older = buildAcademicYear({ startYear: 2024, id: 'year-2024' });
const last = buildAcademicYear({ startYear: 2025, id: 'year-2025' });
const current = buildAcademicYear({ startYear: 2026, id: 'year-2026' });

describe('the trend runs across academic years, oldest term first', () => {
  it('the chosen term and the five before it, crossing into last year', () => {
    const terms = trendTerms([current, older, last], { yearId: current.id, termName: 'spring' });
    expect(terms.map(trendLabel)).toEqual([
      'Summer 2024/25',
      'Autumn 2025/26',
      'Spring 2025/26',
      'Summer 2025/26',
      'Autumn 2026/27',
      'Spring 2026/27',
    ]);
  });
  it('the first term the home has stops the trend early rather than inventing terms', () => {
    expect(trendTerms([older, last], { yearId: older.id, termName: 'spring' }).map(trendLabel)).toEqual([
      'Autumn 2024/25',
      'Spring 2024/25',
    ]);
  });
  it('a shorter trend when fewer terms are asked for, each with its index in its year', () => {
    expect(trendTerms([older, last, current], { yearId: last.id, termName: 'autumn' }, 2)).toEqual([
      { yearId: older.id, yearLabel: '2024/25', termName: 'summer', termIndex: 2 },
      { yearId: last.id, yearLabel: '2025/26', termName: 'autumn', termIndex: 0 },
    ]);
  });
  it('a term that is not in the calendar gives no trend', () => {
    expect(trendTerms([older], { yearId: 'gone', termName: 'autumn' })).toEqual([]);
  });
});

describe('a trend point counts each young person once by overall status, and the home visits held', () => {
  const reviewOf = (id: string, visits: ReturnType<typeof buildVisit>[]) =>
    yearReview({
      youngPerson: buildReviewYoungPerson({ id }),
      year: current,
      visits,
      forms: [],
      family: [reviewMum],
      restrictions: [],
      now: new Date('2027-01-02T12:00:00.000Z'),
    }).terms[0];

  it('a young person with no home visit all autumn is red; the booked visit of another is not counted as held', () => {
    const withNone = reviewOf('yp-1', []);
    const withHeld = reviewOf('yp-2', [
      buildVisit({
        youngPersonIds: ['yp-2'],
        kind: 'homeVisit',
        startsAt: '2026-10-07T10:00:00.000Z',
        endsAt: '2026-10-07T11:00:00.000Z',
        staffIds: [reviewStaff.pt, reviewStaff.cc],
        personIds: ['mum'],
        status: 'completed',
      }),
    ]);
    const withBooked = reviewOf('yp-3', [
      buildVisit({
        youngPersonIds: ['yp-3'],
        kind: 'homeVisit',
        startsAt: '2026-11-07T10:00:00.000Z',
        endsAt: '2026-11-07T11:00:00.000Z',
        staffIds: [reviewStaff.pt, reviewStaff.cc],
        personIds: ['mum'],
        status: 'confirmed',
      }),
    ]);
    if (!withNone || !withHeld || !withBooked) throw new Error('no autumn review');
    const point = trendPoint({ termName: 'autumn', yearLabel: '2026/27' }, [withNone, withHeld, withBooked]);
    expect(point).toMatchObject({ label: 'Autumn 2026/27', youngPeople: 3, homeVisits: 1 });
    expect(point.red + point.amber + point.green).toBe(3);
    expect(withNone.overall).toBe('red');
  });
  it('says the same in words for the chart’s text alternative', () => {
    expect(
      trendText([{ label: 'Autumn 2026/27', red: 1, amber: 2, green: 0, homeVisits: 4, youngPeople: 3 }]),
    ).toBe('Autumn 2026/27: 1 red, 2 amber, 0 green of 3 young people; 4 home visits');
    expect(
      trendText([{ label: 'Spring 2026/27', red: 0, amber: 0, green: 1, homeVisits: 1, youngPeople: 1 }]),
    ).toBe('Spring 2026/27: 0 red, 0 amber, 1 green of 1 young person; 1 home visit');
    expect(trendText([])).toBe('No terms to show.');
  });
});
