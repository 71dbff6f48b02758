import { formatUkDate } from '@shared/format-dates';
import type { YoungPerson } from '@shared/schemas/people';

/** "Since 3 Sept 2024" or "3 Sept 2024 to 18 Jul 2026". */
export function placementDates(
  youngPerson: Pick<YoungPerson, 'placementStartsOn' | 'placementEndsOn'>,
): string {
  return youngPerson.placementEndsOn
    ? `${formatUkDate(youngPerson.placementStartsOn)} to ${formatUkDate(youngPerson.placementEndsOn)}`
    : `Since ${formatUkDate(youngPerson.placementStartsOn)}`;
}
