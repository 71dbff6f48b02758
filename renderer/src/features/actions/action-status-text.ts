import { formatUkDate } from '@shared/format-dates';
import type { FormActionStatus } from '@shared/rules/form-actions';

/** Where an action stands, in a few words for its badge. */
export function actionStatusText(status: FormActionStatus): string {
  switch (status.kind) {
    case 'done':
      return 'Done';
    case 'noDate':
      return 'No date agreed';
    case 'due':
      return status.daysLeft === 0
        ? 'Due today'
        : status.daysLeft === 1
          ? 'Due tomorrow'
          : `Due in ${status.daysLeft} days`;
    case 'overdue':
      return status.daysLate === 1 ? 'Overdue by 1 day' : `Overdue by ${status.daysLate} days`;
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

/** "due by 3 Dec 2026", or nothing for an action with no date. */
export function dueByText(dueOn: string | undefined): string {
  return dueOn ? `due by ${formatUkDate(dueOn)}` : 'no date agreed';
}
