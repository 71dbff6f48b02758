import { describe, expect, it } from 'vitest';
import { termlyReviewCsv, termlyReviewCsvHeader } from '@shared/export/termly-review-csv';
import { yearReview } from '@shared/rules/termly-review';
import { termVoices } from '@shared/rules/voices';
import { buildAcademicYear, buildReviewYoungPerson } from '../../../factories';

const year = buildAcademicYear({ startYear: 2026 });
const [autumn] = yearReview({
  youngPerson: buildReviewYoungPerson({ id: 'yp' }),
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
    // Header, the figures, one family member, then the voices: five points, no answer, not asked, acted on.
    expect(lines.filter(Boolean)).toHaveLength(1 + autumn.figures.length + 1 + 8);
    expect(lines[1]).toBe(
      'Zoë Hughes,FL-1,2026/27,Autumn,Home visit this term,None held,Red,No home visit in the autumn term: the policy asks for a home visit each term.,0',
    );
  });

  it('a family member’s name with a comma and quotes is quoted, the quotes doubled', () => {
    const familyLine = lines.find((line) => line.includes('Contact with'));
    expect(familyLine).toContain('"Contact with =Dean, ""Deano"" Hughes (Dad)"');
    expect(familyLine).toContain(',Red,');
  });

  it('counts the term’s voices, marked as counted rather than coloured', () => {
    expect(lines).toContain(
      'Zoë Hughes,FL-1,2026/27,Autumn,Family felt very happy about our work,0,Counted,Filed forms this term where the family chose this answer.,0',
    );
    expect(lines.find((line) => line.includes('views acted on and told'))).toContain(',0 of 0,Counted,');
  });

  it('puts each form’s answer in its row', () => {
    const filed = { filedAt: '2026-10-02T10:00:00.000Z', contactStartedAt: '2026-10-01T10:00:00.000Z' };
    const voices = termVoices(
      [
        {
          ...filed,
          id: 'f1',
          familyFeeling: 'veryHappy',
          familyFeelingWords: '',
          viewsUsed: 'Asked for more calls; added.',
          toldNextOn: '2026-10-03',
        },
        {
          ...filed,
          id: 'f2',
          familyFeeling: 'veryHappy',
          familyFeelingWords: 'Lovely',
          viewsUsed: '',
          youngPersonViews: 'Wants to see Nan',
        },
        { ...filed, id: 'f3' },
      ],
      { startsMs: Date.parse('2026-09-01T00:00:00Z'), endsMs: Date.parse('2026-12-20T00:00:00Z') },
    );
    const withVoices = termlyReviewCsv([
      { youngPersonName: 'Zoë Hughes', caseNumber: 'FL-1', review: { ...autumn, voices } },
    ]);
    const voiceLines = withVoices.split('\r\n');
    expect(voiceLines.find((line) => line.includes('Family felt very happy'))).toContain(',2,Counted,');
    expect(voiceLines.find((line) => line.includes('Family not asked'))).toContain(',1,Counted,');
    expect(voiceLines.find((line) => line.includes('views acted on and told'))).toContain(',1 of 2,Counted,');
  });
});
