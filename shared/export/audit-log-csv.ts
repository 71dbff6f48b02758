import { csvFile, ukDateTime } from './visitor-register-csv';

/**
 * Audit log entries as a CSV file, in words: who by name, what as its plain label, the record
 * in words, and the detail exactly as it was written. Pure: the screen turns codes and ids into
 * words first. Quoting, formula-injection guarding and UK date-times are the visitor register's,
 * so every export from the app reads the same in a spreadsheet.
 */
export type AuditLogCsvLine = {
  readonly seq: number;
  readonly at: string;
  readonly who: string;
  readonly what: string;
  readonly record: string;
  readonly detail: string;
};

export const auditLogCsvHeader = ['No.', 'When', 'Who', 'What', 'Record', 'Detail'] as const;

/** The whole file: a byte-order mark (Excel reads UTF-8), the header, one row per entry, CRLF line ends. */
export function auditLogCsv(lines: readonly AuditLogCsvLine[], timeZone: string): string {
  return csvFile([
    auditLogCsvHeader,
    ...lines.map((line) => [
      String(line.seq),
      ukDateTime(line.at, timeZone),
      line.who,
      line.what,
      line.record,
      line.detail,
    ]),
  ]);
}
