import { describe, expect, it } from 'vitest';
import { termlyReviewCsv, termlyReviewCsvHeader } from '@shared/export/termly-review-csv';
import { yearReview } from '@shared/rules/termly-review';
import { buildAcademicYear } from '../../../factories';

const year = buildAcademicYear({ startYear: 2026 });
const [autumn] = yearReview({
  youngPerson: {
    id: 'yp',
    personalTutorId: 'pt',
    caseCoordinatorId: 'cc',
    learningMentorId: 'lm',
    placementStartsOn: '2020-09-01',
  },
  year,
  visits: [],
  forms: [],
  family: [
    {
      personId: 'dad',
      name: '=Dean, "Deano" Hughes',
      relationship: 'Dad',
      category: 'parent',
      hasParentalResponsibility: true,
    },
  ],
  restrictions: [],
  now: new Date('2027-01-10T12:00:00.000Z'),
}).terms;

describe('the termly report as CSV', () => {
  if (!autumn) throw new Error('no autumn review');
  const csv = termlyReviewCsv([{ youngPersonName: 'Zoë Hughes', caseNumber: 'FL-1', review: autumn }]);
  const lines = csv.slice(1).split('\r\n');

  it('starts with a byte-order mark and the header, with CRLF line ends', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe(termlyReviewCsvHeader.join(','));
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('has one row per figure and one per family member, each with its status and reason', () => {
    expect(lines.filter(Boolean)).toHaveLength(1 + autumn.figures.length + 1);
    expect(lines[1]).toBe(
      'Zoë Hughes,FL-1,2026/27,Autumn,Home visit this term,None held,Red,No home visit in the autumn term: the policy asks for a home visit each term.,0',
    );
  });

  it('a family member’s name with a comma and quotes is quoted, the quotes doubled', () => {
    const familyLine = lines.find((line) => line.includes('Contact with'));
    expect(familyLine).toContain('"Contact with =Dean, ""Deano"" Hughes (Dad)"');
    expect(familyLine).toContain(',Red,');
  });
});
