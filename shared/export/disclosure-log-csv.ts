import { disclosureKindLabels, disclosureReasonLabels, type Disclosure } from '../schemas/disclosures';
import { csvFile, ukDateTime } from './visitor-register-csv';

/**
 * The disclosure log as a CSV file, for the manager to hand to an inspector. Pure: the screen
 * resolves ids to names first. Quoting, formula-injection guarding and UK date-times are the
 * visitor register's (`csvCell`, `ukDateTime`), so both files read the same in a spreadsheet.
 */
export type DisclosureLogCsvLine = Pick<
  Disclosure,
  'at' | 'what' | 'kind' | 'recipient' | 'reason' | 'reasonDetail'
> & {
  readonly youngPerson: string;
  readonly by: string;
};

export const disclosureLogCsvHeader = [
  'When',
  'What',
  'How',
  'To whom or where',
  'Why',
  'Reason in words',
  'Young person',
  'By',
] as const;

function cellsOf(line: DisclosureLogCsvLine, timeZone: string): string[] {
  return [
    ukDateTime(line.at, timeZone),
    line.what,
    disclosureKindLabels[line.kind],
    line.recipient,
    disclosureReasonLabels[line.reason],
    line.reasonDetail,
    line.youngPerson,
    line.by,
  ];
}

/** The whole file: a byte-order mark (Excel reads UTF-8), the header, one row per copy, CRLF line ends. */
export function disclosureLogCsv(lines: readonly DisclosureLogCsvLine[], timeZone: string): string {
  return csvFile([disclosureLogCsvHeader, ...lines.map((line) => cellsOf(line, timeZone))]);
}
