import type { VisitorRegisterCsvLine } from '@shared/export/visitor-register-csv';
import type { VisitorEntry } from '@shared/schemas/registers';
import type { DoorDirectory } from '../door/useDoorDirectory';

/** What the restriction check said, in the register's words. */
export const restrictionCheckLabels: Readonly<Record<VisitorEntry['restrictionCheck'], string>> = {
  clear: 'Clear',
  warn: 'Restriction: conditions',
  block: 'Refused',
  overridden: 'Overridden by the manager',
};

/** The check's words for one entry: someone turned away is said so first. */
export function checkLabelOf(entry: Pick<VisitorEntry, 'kind' | 'restrictionCheck'>): string {
  const label = restrictionCheckLabels[entry.restrictionCheck];
  return entry.kind === 'turnedAway' ? `Turned away (${label.toLowerCase()})` : label;
}

/** A register entry with its ids turned into the names staff know, for the CSV file. */
export function csvLineOf(
  entry: VisitorEntry,
  directory: Pick<DoorDirectory, 'youngPersonName' | 'staffName'>,
): VisitorRegisterCsvLine {
  return {
    visitorName: entry.visitorName,
    organisationOrRelationship: entry.organisationOrRelationship,
    visiting: entry.visitingYoungPersonIds.map(directory.youngPersonName),
    reason: entry.reason,
    arrivedAt: entry.arrivedAt,
    departedAt: entry.departedAt,
    isIdChecked: entry.isIdChecked,
    vehicle: entry.vehicle,
    badgeNumber: entry.badgeNumber,
    admittedBy: directory.staffName(entry.admittedById),
    supervisedBy: directory.staffName(entry.supervisingStaffId),
    restrictionCheck: entry.restrictionCheck,
    overrideReason: entry.overrideReason,
    amendmentReason: entry.amendmentReason,
    isTurnedAway: entry.kind === 'turnedAway',
    conditions: entry.admittedUnder.map((item) => item.condition).join(' '),
    note: entry.turnedAwayNote,
  };
}
