import type { VisitorEntry } from '@shared/schemas/registers';

/** What the restriction check said, in the register's words. */
const restrictionCheckLabels: Readonly<Record<VisitorEntry['restrictionCheck'], string>> = {
  clear: 'Clear',
  warn: 'Restriction: conditions',
  block: 'Refused',
  overridden: 'Overridden by the manager',
};

/**
 * The check's words for one register entry, the same in the register and on the manager's home
 * screen: someone turned away is said so first.
 */
export function checkLabelOf(entry: Pick<VisitorEntry, 'kind' | 'restrictionCheck'>): string {
  const label = restrictionCheckLabels[entry.restrictionCheck];
  return entry.kind === 'turnedAway' ? `Turned away (${label.toLowerCase()})` : label;
}
