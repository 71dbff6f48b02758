import type { VisitorRegisterCsvLine } from '@shared/export/visitor-register-csv';
import type { VisitorEntry } from '@shared/schemas/registers';
import type { DoorDirectory } from '../../common/useDoorDirectory';

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
