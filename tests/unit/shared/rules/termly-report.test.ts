import { describe, expect, it } from 'vitest';
import { yearReview } from '@shared/rules/termly-review';
import { buildVisit } from '../../../factories';
import { afterAutumn, autumnReportContent, reviewYear as year } from './review-test-support';

const reviewOf = (placementStartsOn: string, visits: ReturnType<typeof buildVisit>[]) =>
  yearReview({
    youngPerson: { id: 'yp', personalTutorId: 'pt', caseCoordinatorId: 'cc', placementStartsOn },
    year,
    visits,
    forms: [],
    family: [],
    restrictions: [],
    now: new Date(afterAutumn),
  }).terms[0];

function summaryRow(placementStartsOn: string, visits: ReturnType<typeof buildVisit>[] = []) {
  const review = reviewOf(placementStartsOn, visits);
  if (!review) throw new Error('no autumn review');
  const content = autumnReportContent([{ youngPersonName: 'Zoë Hughes', caseNumber: 'FL-1', review }]);
  const table = content.sections[0]?.blocks[0];
  if (table?.kind !== 'table') throw new Error('no summary table');
  return table.rows[0];
}

describe('the signed termly report’s summary reads each figure in words', () => {
  it('a missed home visit reads "None held (red)", not "Red: none"', () => {
    expect(summaryRow('2020-09-01')?.[3]).toBe('None held (red)');
  });
  it('a held one with the PT and CC reads "1 held (green)"', () => {
    const visit = buildVisit({
      youngPersonIds: ['yp'],
      kind: 'homeVisit',
      status: 'completed',
      startsAt: '2026-10-07T10:00:00.000Z',
      endsAt: '2026-10-07T11:00:00.000Z',
      staffIds: ['pt', 'cc'],
    });
    expect(summaryRow('2020-09-01', [visit])?.[3]).toBe('1 held (green)');
  });
  it('a term before the placement reads "Not placed", with no colour', () => {
    expect(summaryRow('2027-01-20')?.[3]).toBe('Not placed');
  });
});
