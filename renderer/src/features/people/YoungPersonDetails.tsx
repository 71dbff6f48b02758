import { formatUkDate } from '@shared/format-dates';
import type { YoungPerson } from '@shared/schemas/people';
import { ageOn } from './age';
import { placementDates } from './placement-dates';
import { DetailsList } from '../../ui/DetailsList';

type Props = {
  readonly youngPerson: YoungPerson;
  readonly staffNames: ReadonlyMap<string, string>;
  readonly today: string;
};

/** The facts on a young person's record, as a list of labelled values. */
export function YoungPersonDetails({ youngPerson, staffNames, today }: Props) {
  const staffName = (id: string | undefined) => (id ? (staffNames.get(id) ?? 'Not set') : 'Not set');
  const rows: [string, string][] = [
    ['Full name', `${youngPerson.firstName} ${youngPerson.lastName}`],
    ['Preferred name', youngPerson.preferredName || 'None given'],
    [
      'Date of birth',
      `${formatUkDate(youngPerson.dateOfBirth)} (age ${ageOn(youngPerson.dateOfBirth, today)})`,
    ],
    ['Case number', youngPerson.caseNumber],
    ['Placement', placementDates(youngPerson)],
    ['Placing authority', youngPerson.placingAuthority || 'Not recorded'],
    ['Social worker', youngPerson.socialWorker || 'Not recorded'],
    ['Personal Tutor', staffName(youngPerson.personalTutorId)],
    ['Case Co-ordinator', staffName(youngPerson.caseCoordinatorId)],
    ['Learning Mentor', staffName(youngPerson.learningMentorId)],
  ];
  return <DetailsList rows={rows} />;
}
