import type { RetainedRecordKind, RetentionSettings } from '../schemas/retention';

/**
 * When a record's retention period ends, and whether it has. Pure: the
 * caller passes today's date in the home's zone. Dates are calendar dates (YYYY-MM-DD); a period
 * that would end on 29 February in a year without one ends on 28 February, never later.
 */
export type RetentionStatus =
  | { readonly kind: 'keep'; readonly until: string }
  | { readonly kind: 'pastRetention'; readonly since: string };

export function addYears(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const targetYear = year + years;
  const lastDay = new Date(Date.UTC(targetYear, month, 0)).getUTCDate();
  const clamped = Math.min(day, lastDay);
  return `${String(targetYear).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(clamped).padStart(2, '0')}`;
}

/** The years a record of `kind` is kept, and from which date of the record they count. */
export function retentionYears(kind: RetainedRecordKind, settings: RetentionSettings): number {
  switch (kind) {
    case 'caseRecord':
      return settings.caseRecordsYearsFromBirth;
    case 'visitorRegister':
      return settings.visitorRegisterYears;
    case 'declaration':
      return settings.declarationsYears;
    case 'disclosure':
      return settings.disclosuresYears;
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/**
 * `from` is the date the period counts from: the young person's date of birth for case records,
 * the visit's date for the register, when a declaration or disclosure was recorded. The record
 * is past retention from the anniversary that ends the period (75th birthday, 15th anniversary).
 */
export function retentionStatus(input: {
  readonly kind: RetainedRecordKind;
  readonly from: string;
  readonly settings: RetentionSettings;
  readonly today: string;
}): RetentionStatus {
  const ends = addYears(input.from, retentionYears(input.kind, input.settings));
  return input.today >= ends ? { kind: 'pastRetention', since: ends } : { kind: 'keep', until: ends };
}

/** The last date counted from which a record of `kind` is past retention today (for index range queries). */
export function pastRetentionIfFromBefore(
  kind: RetainedRecordKind,
  settings: RetentionSettings,
  today: string,
): string {
  return addYears(today, -retentionYears(kind, settings));
}
