import { describe, expect, it } from 'vitest';
import {
  csvCell,
  ukDateTime,
  visitorRegisterCsv,
  type VisitorRegisterCsvLine,
} from '../../../../shared/export/visitor-register-csv';

const line: VisitorRegisterCsvLine = {
  visitorName: 'Dawn Morris',
  organisationOrRelationship: 'Mum',
  visiting: ['Millie Hughes', 'Kai Morris'],
  reason: 'Family visit',
  arrivedAt: '2026-07-14T13:05:00.000Z',
  departedAt: '2026-07-14T14:40:00.000Z',
  isIdChecked: true,
  vehicle: 'AB12 CDE',
  badgeNumber: '7',
  admittedBy: 'Tom Hughes',
  supervisedBy: '',
  restrictionCheck: 'clear',
  overrideReason: '',
  amendmentReason: '',
  isTurnedAway: false,
  conditions: '',
  note: '',
};

/** A small RFC 4180 reader, so the tests check what a spreadsheet would read back. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let isQuoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index];
    if (isQuoted) {
      if (char === '"' && body[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') isQuoted = false;
      else cell += char;
    } else if (char === '"') isQuoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && body[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index += 1;
    } else cell += char;
  }
  return rows;
}

/** A row as a spreadsheet user reads it: each cell under its column's heading. */
function underHeadings(
  header: readonly string[],
  row: readonly string[],
): Record<string, string | undefined> {
  return Object.fromEntries(header.map((heading, column) => [heading, row[column]]));
}

describe('a cell in the visitor register export', () => {
  it.each([
    ['plain text stays as it is', 'Dawn Morris', 'Dawn Morris'],
    ['a comma is quoted', 'Morris, Dawn', '"Morris, Dawn"'],
    ['a quote is doubled inside quotes', 'Said "back at 3"', '"Said ""back at 3"""'],
    ['a line break is quoted', 'Line one\nline two', '"Line one\nline two"'],
    ['a leading space is kept by quoting', ' Dawn', '" Dawn"'],
    ['= would run as a formula', '=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['+ would run as a formula', '+44 7700 900123', "'+44 7700 900123"],
    ['- would run as a formula', '-1+1', "'-1+1"],
    ['@ would run as a formula', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab would run as a formula', '\t=1', "'\t=1"],
    ['an empty cell stays empty', '', ''],
  ])('%s', (_why, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('UK date-times in the home’s zone', () => {
  it.each([
    ['British Summer Time is an hour ahead of UTC', '2026-07-14T13:05:00.000Z', '14/07/2026 14:05'],
    ['Greenwich Mean Time in winter', '2026-11-23T09:30:00.000Z', '23/11/2026 09:30'],
    ['just after midnight in summer is already the next day', '2026-07-14T23:30:00.000Z', '15/07/2026 00:30'],
  ])('%s', (_why, instant, expected) => {
    expect(ukDateTime(instant, 'Europe/London')).toBe(expected);
  });
});

describe('the visitor register as a CSV file', () => {
  it('starts with a header row and has one row per visit, read back exactly', () => {
    const tricky: VisitorRegisterCsvLine = {
      ...line,
      visitorName: '=cmd|"/c calc"!A1',
      reason: 'Contact, supervised\nin the family room',
      departedAt: undefined,
      isIdChecked: false,
      restrictionCheck: 'overridden',
      overrideReason: 'Court order varied; "social worker" confirmed',
      amendmentReason: 'Wrong badge number',
    };
    const [header = [], ...rows] = readCsv(visitorRegisterCsv([line, tricky], 'Europe/London'));
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.length === header.length)).toBe(true);
    const [first, second] = rows.map((row) => underHeadings(header, row));
    const expectedFirst = {
      Visitor: 'Dawn Morris',
      'Organisation or relationship': 'Mum',
      Visiting: 'Millie Hughes; Kai Morris',
      'Reason for visit': 'Family visit',
      Arrived: '14/07/2026 14:05',
      Left: '14/07/2026 15:40',
      'ID checked': 'Yes',
      Vehicle: 'AB12 CDE',
      Badge: '7',
      'Admitted or turned away by': 'Tom Hughes',
      'Supervised by': '',
      'Restriction check': 'No restriction found',
      'Override reason': '',
      Correction: '',
      Conditions: '',
      Note: '',
    };
    expect(first).toEqual(expectedFirst);
    // The tricky line differs only where it was changed; the formula is defused, the rest read back as written.
    expect(second).toEqual({
      ...expectedFirst,
      Visitor: '\'=cmd|"/c calc"!A1',
      'Reason for visit': 'Contact, supervised\nin the family room',
      Left: '',
      'ID checked': 'No',
      'Restriction check': 'Restriction overridden by the manager',
      'Override reason': 'Court order varied; "social worker" confirmed',
      Correction: 'Wrong badge number',
    });
  });

  it('marks someone turned away as turned away, with the note, and a visit under conditions with them', () => {
    const turnedAway: VisitorRegisterCsvLine = {
      ...line,
      departedAt: undefined,
      restrictionCheck: 'block',
      isTurnedAway: true,
      note: 'Left in a silver car',
    };
    const supervised: VisitorRegisterCsvLine = {
      ...line,
      restrictionCheck: 'warn',
      supervisedBy: 'Priya Raman',
      conditions: 'Supervised contact only. The named member of staff must supervise throughout.',
    };
    const [header = [], ...rows] = readCsv(visitorRegisterCsv([turnedAway, supervised], 'Europe/London'));
    const [turnedAwayRow, supervisedRow] = rows.map((row) => underHeadings(header, row));
    expect(turnedAwayRow).toMatchObject({
      Left: 'Turned away',
      'Restriction check': 'Refused',
      Note: 'Left in a silver car',
    });
    expect(supervisedRow).toMatchObject({
      'Supervised by': 'Priya Raman',
      Conditions: 'Supervised contact only. The named member of staff must supervise throughout.',
    });
  });

  it('is only a header for an empty period, with a byte-order mark so Excel reads UTF-8', () => {
    const text = visitorRegisterCsv([], 'Europe/London');
    expect(text.startsWith('\uFEFFVisitor,')).toBe(true);
    expect(readCsv(text)).toHaveLength(1);
  });
});
