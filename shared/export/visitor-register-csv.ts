import { instantToWallClock } from '../home-time';
/**
 * The visitor register as a CSV file, for a manager to hand to an inspector or keep with the
 * home's records. Pure: the screen resolves ids to names first and hands over plain lines.
 *
 * - Cells are quoted when they hold a comma, a double quote, a line break or leading/trailing
 *   space (RFC 4180); quotes inside are doubled.
 * - Formula injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage
 *   return) as a formula, so such cells are prefixed with a single quote. A visitor's name is typed
 *   by whoever is at the door; the file must not run anything when a manager opens it.
 * - Date-times are written as UK staff read them, in the home's own zone: 23/11/2026 14:05.
 * - Lines end CRLF, and the file starts with a byte-order mark so Excel reads it as UTF-8
 *   (names such as Zoë or Siân).
 */

export type VisitorRegisterCsvLine = {
  readonly visitorName: string;
  readonly organisationOrRelationship: string;
  /** The young people visited, by the names staff use. */
  readonly visiting: readonly string[];
  readonly reason: string;
  /** ISO instants (UTC). */
  readonly arrivedAt: string;
  readonly departedAt: string | undefined;
  readonly isIdChecked: boolean;
  readonly vehicle: string;
  readonly badgeNumber: string;
  readonly admittedBy: string;
  readonly supervisedBy: string;
  readonly restrictionCheck: 'clear' | 'warn' | 'block' | 'overridden';
  readonly overrideReason: string;
  /** Set when this line is a correction of an earlier one. */
  readonly amendmentReason: string;
  /** Someone turned away at the door: they never came in, so never left. */
  readonly isTurnedAway: boolean;
  /** The conditions they were admitted under, in words. */
  readonly conditions: string;
  /** For someone turned away: the note staff added. */
  readonly note: string;
};

export const visitorRegisterCsvHeader = [
  'Visitor',
  'Organisation or relationship',
  'Visiting',
  'Reason for visit',
  'Arrived',
  'Left',
  'ID checked',
  'Vehicle',
  'Badge',
  'Admitted or turned away by',
  'Supervised by',
  'Restriction check',
  'Override reason',
  'Correction',
  'Conditions',
  'Note',
] as const;

const checkWords: Readonly<Record<VisitorRegisterCsvLine['restrictionCheck'], string>> = {
  clear: 'No restriction found',
  warn: 'Restriction with conditions',
  block: 'Refused',
  overridden: 'Restriction overridden by the manager',
};

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]|^\s|\s$/;

/** One cell, made safe for a spreadsheet and quoted where CSV needs it. */
export function csvCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * A whole file from its rows, header first: a byte-order mark (so Excel reads UTF-8), every cell
 * through `csvCell`, CRLF line ends. Every export the app writes is laid out this way.
 */
export function csvFile(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** "23/11/2026 14:05" on the home's clock in `timeZone`: the form spreadsheets read as a date and time. */
export function ukDateTime(isoInstant: string, timeZone: string): string {
  const { date, time } = instantToWallClock(isoInstant, timeZone);
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year} ${time}`;
}

function cellsOf(line: VisitorRegisterCsvLine, timeZone: string): string[] {
  return [
    line.visitorName,
    line.organisationOrRelationship,
    line.visiting.join('; '),
    line.reason,
    ukDateTime(line.arrivedAt, timeZone),
    line.isTurnedAway ? 'Turned away' : line.departedAt ? ukDateTime(line.departedAt, timeZone) : '',
    line.isIdChecked ? 'Yes' : 'No',
    line.vehicle,
    line.badgeNumber,
    line.admittedBy,
    line.supervisedBy,
    checkWords[line.restrictionCheck],
    line.overrideReason,
    line.amendmentReason,
    line.conditions,
    line.note,
  ];
}

/** The whole file: a byte-order mark, the header row, then one row per line, CRLF line ends. */
export function visitorRegisterCsv(lines: readonly VisitorRegisterCsvLine[], timeZone: string): string {
  return csvFile([visitorRegisterCsvHeader, ...lines.map((line) => cellsOf(line, timeZone))]);
}
