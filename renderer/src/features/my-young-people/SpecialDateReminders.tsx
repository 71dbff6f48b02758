import { daysAwayWords } from '@shared/rules/special-dates';
import type { SpecialDateReminder } from '../../db/repositories/special-date-reminders';
import { recordContactHref } from '../contact-forms';
import { bookVisitHref } from '../visits';

/**
 * Special dates coming up, each one step from booking or recording the call (seed 004 §4: young
 * people "supported in maintaining contact by telephone ... or sending cards on special
 * occasions"). `showYoungPerson` names whose family it is, for a list across young people.
 */
export function SpecialDateReminderList({
  reminders,
  showYoungPerson,
  label,
}: {
  readonly reminders: readonly SpecialDateReminder[];
  readonly showYoungPerson: boolean;
  readonly label: string;
}) {
  return (
    <ul className="special-dates" aria-label={label}>
      {reminders.map((reminder) => (
        <li key={reminder.key} className="special-dates__item">
          <span className="special-dates__text">{reminder.text}</span>{' '}
          <span className="muted">
            ({daysAwayWords(reminder.daysAway)}
            {reminder.turns ? `, turning ${reminder.turns}` : ''}; {reminder.personName}
            {showYoungPerson ? `, for ${reminder.youngPersonName}` : ''})
          </span>
          <span className="special-dates__steps">
            <a
              className="button button--secondary"
              href={bookVisitHref(reminder.youngPersonId, 'phoneCall')}
              aria-label={`Book a call for ${reminder.youngPersonName}: ${reminder.text}`}
            >
              Book a call
            </a>
            <a
              className="button button--secondary"
              href={recordContactHref(reminder.youngPersonId, 'phoneCall')}
              aria-label={`Record the call for ${reminder.youngPersonName}: ${reminder.text}`}
            >
              Record the call
            </a>
          </span>
        </li>
      ))}
    </ul>
  );
}
