import { formatUkDate } from '@shared/format-dates';
import type { Holding, OwedLine, OwedState } from '@shared/rules/my-young-people';

export const holdingWords: Readonly<Record<Holding, string>> = {
  personalTutor: 'Personal Tutor',
  caseCoordinator: 'Case Co-ordinator',
  learningMentor: 'Learning Mentor',
};

export const stateWords: Readonly<Record<OwedState, string>> = {
  missed: 'Missed',
  owed: 'Owed',
  booked: 'Booked',
  done: 'Done',
  upcoming: 'Not yet',
  notDue: 'Not due',
};

/** When it is due, in words: "by Sun 25 Oct 2026", "from 31 Oct 2026 to 13 Nov 2026". */
export function whenWords(line: Pick<OwedLine, 'byDate' | 'fromDate' | 'state' | 'tally'>): string {
  const tally = line.tally ? `${line.tally.done} of ${line.tally.of} so far; ` : '';
  if (line.state === 'upcoming' && line.fromDate)
    return `${tally}from ${formatUkDate(line.fromDate)} to ${formatUkDate(line.byDate)}`;
  if (line.state === 'missed') return `${tally}was due by ${formatUkDate(line.byDate)}`;
  return `${tally}by ${formatUkDate(line.byDate)}`;
}
