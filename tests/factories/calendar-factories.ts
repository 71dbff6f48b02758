import type { AcademicYear, Term } from '@shared/schemas/academic-year';

/**
 * An academic year with English state-school term dates. By default 2026/27; give `startYear`
 * for another year with the same shape (dates a year on), or override `terms` whole.
 */
export function buildAcademicYear(
  overrides: Partial<AcademicYear> & { startYear?: number } = {},
): AcademicYear {
  const { startYear = 2026, ...rest } = overrides;
  const next = startYear + 1;
  const terms: [Term, Term, Term] = [
    {
      name: 'autumn',
      startsOn: `${startYear}-09-03`,
      endsOn: `${startYear}-12-18`,
      halfTermStartsOn: `${startYear}-10-26`,
      halfTermEndsOn: `${startYear}-10-30`,
    },
    {
      name: 'spring',
      startsOn: `${next}-01-05`,
      endsOn: `${next}-03-26`,
      halfTermStartsOn: `${next}-02-15`,
      halfTermEndsOn: `${next}-02-19`,
    },
    {
      name: 'summer',
      startsOn: `${next}-04-12`,
      endsOn: `${next}-07-21`,
      halfTermStartsOn: `${next}-05-31`,
      halfTermEndsOn: `${next}-06-04`,
    },
  ];
  return {
    id: crypto.randomUUID(),
    label: `${startYear}/${String(next % 100).padStart(2, '0')}`,
    terms,
    ...rest,
  };
}
