import { useHomeClock } from '../../common/useHomeClock';
import { SpecialDateReminderList } from './SpecialDateReminders';
import { useSpecialDateReminders } from './useSpecialDateReminders';
import { Panel } from '../../ui/Panel';
import './my-young-people.css';

/**
 * On the home screen: the special dates in the coming week of the family of young people this
 * person is Personal Tutor to. Nothing when there are none (or this person holds no casework key).
 */
export function SpecialDatesPanel() {
  const { today } = useHomeClock();
  const reminders = useSpecialDateReminders(today);
  if (!reminders || reminders.length === 0) return null;
  return (
    <Panel titleId="special-dates-title" title="Special dates this week">
      <p className="muted">
        Birthdays and other occasions in your young people’s families in the next seven days.
      </p>
      <SpecialDateReminderList reminders={reminders} showYoungPerson label="Special dates this week" />
    </Panel>
  );
}
