import { describe, expect, it } from 'vitest';
import { reportContentSchema } from '../../../../../shared/ipc/channels/documents';
import { visibleRestriction } from '../../../../../shared/rules/access';
import type {
  ChronologyEntry,
  FormEntry,
  RestrictionEntry,
} from '../../../../../renderer/src/db/repositories/chronology-entries';
import {
  chronologyReport,
  filterWords,
} from '../../../../../renderer/src/features/chronology/chronology-report';
import { entryWords } from '../../../../../renderer/src/features/chronology/chronology-words';
import { buildRestriction } from '../../../../factories';

const london = 'Europe/London';
const mum = 'c0000000-0000-4000-8000-000000000001';
const personName = (id: string) => (id === mum ? 'Karen Hughes' : undefined);
const context = { personName, timeZone: london };

function formLine(index: number, at: string): FormEntry {
  return {
    kind: 'contactForm',
    key: `contactForm:${index}`,
    at,
    recordId: `form-${index}`,
    reference: `CF-2026-${String(index).padStart(6, '0')}`,
    contactKind: 'phoneCall',
    status: 'filed',
    filedAt: at,
    isAddendum: false,
    personIds: [mum],
    detail: { otherParticipants: '' },
  };
}

const courtOrder = buildRestriction({
  name: 'Dean Hughes',
  authorityReference: 'LS26C01234',
  effectiveFrom: '2026-01-12',
});
const restrictionLine = (roles: Parameters<typeof visibleRestriction>[1]): RestrictionEntry => ({
  kind: 'restriction',
  key: 'restriction:1:recorded',
  at: '2026-01-12T00:00:00.000Z',
  recordId: courtOrder.id,
  change: 'recorded',
  restriction: visibleRestriction(courtOrder, roles),
  personIds: [],
});

describe('a chronology line in words', () => {
  it('names the form, the kind of contact and who took part', () => {
    expect(entryWords(formLine(1, '2026-03-02T18:20:00.000Z'), context)).toEqual({
      title: 'Phone call recorded on form CF-2026-000001',
      detail: 'With Karen Hughes.',
    });
  });

  it('says when and by whom the young person was told what happened next, and how the family felt', () => {
    const teller = 'c0000000-0000-4000-8000-000000000002';
    const line = {
      ...formLine(2, '2026-03-02T18:20:00.000Z'),
      detail: {
        otherParticipants: '',
        voices: {
          familyFeeling: 'mixed',
          viewsUsed: 'Calls moved to Sundays.',
          toldNextOn: '2026-03-04',
          toldNextById: teller,
        },
      },
    } satisfies FormEntry;
    const staffName = (id: string) => (id === teller ? 'Owen Lloyd' : undefined);
    expect(entryWords(line, { ...context, staffName }).detail).toBe(
      'With Karen Hughes. Told what happened next on 4 Mar 2026 by Owen Lloyd. The family felt mixed about our work. Their views were used: Calls moved to Sundays.',
    );
    const notTold = {
      ...line,
      detail: { otherParticipants: '', voices: { viewsUsed: '' } },
    } satisfies FormEntry;
    expect(entryWords(notTold, context).detail).toBe('With Karen Hughes. Not yet told what happened next.');
  });

  it('gives a case co-ordinator a restriction’s authority and reference, and a care worker neither', () => {
    expect(entryWords(restrictionLine(['caseCoordinator']), context).detail).toBe(
      'In force from 12 Jan 2026. Court order, reference LS26C01234.',
    );
    const careWorker = entryWords(restrictionLine(['careStaff']), context);
    expect(careWorker.title).toBe('Restriction recorded: Supervised contact only, Dean Hughes');
    expect(careWorker.detail).toBe('In force from 12 Jan 2026.');
  });

  it('says a record changed outside the app cannot be trusted', () => {
    const line: ChronologyEntry = {
      ...formLine(2, '2026-03-02T18:20:00.000Z'),
      detail: { isUnreadable: true, reason: 'damaged' },
    };
    expect(entryWords(line, context).detail).toBe(
      'This record has been changed outside Family Links and cannot be trusted.',
    );
  });
});

describe('the signed copy of a chronology', () => {
  const report = (entries: readonly ChronologyEntry[]) =>
    chronologyReport({
      homeName: 'Oakfield House',
      youngPersonName: 'H Turner',
      caseNumber: 'FL-2025-421',
      entries,
      filter: { kinds: ['contactForm'], personId: mum, fromDate: '2025-01-01' },
      personName,
      signedBy: { name: 'Ruth Adeyemi', role: 'Case Co-ordinator' },
      signedAt: '2026-12-04T10:00:00.000Z',
      timeZone: london,
    });

  it('says what it shows, then a section a year, newest first, each line in words', () => {
    const content = report([
      formLine(2, '2026-03-02T18:20:00.000Z'),
      formLine(1, '2025-12-31T23:30:00.000Z'),
    ]);
    expect(reportContentSchema.parse(content)).toEqual(content);
    expect(content.sections.map((section) => section.heading)).toEqual([
      'Summary',
      '2026 (1 entry)',
      '2025 (1 entry)',
    ]);
    const summary = content.sections[0]?.blocks[0];
    const fields = summary?.kind === 'fields' ? summary.rows : [];
    expect(fields).toContainEqual({
      label: 'Showing',
      value: 'Contact forms, concerning Karen Hughes, from 1 Jan 2025',
    });
    expect(fields).toContainEqual({ label: 'Entries', value: '2' });
    expect(content.sections[1]?.blocks[0]).toEqual({
      kind: 'table',
      columns: ['When', 'What', 'Details'],
      rows: [
        [
          'Mon, 2 Mar 2026, 18:20',
          'Contact forms: Phone call recorded on form CF-2026-000002',
          'With Karen Hughes.',
        ],
      ],
    });
  });

  it('splits a long year into tables the report can hold, and stays valid', () => {
    const start = Date.parse('2026-12-01T12:00:00.000Z');
    const lines = Array.from({ length: 4_500 }, (_, index) =>
      formLine(index, new Date(start - index * 3_600_000).toISOString()),
    );
    const content = report(lines);
    expect(() => reportContentSchema.parse(content)).not.toThrow();
    const tables = content.sections
      .flatMap((section) => section.blocks)
      .filter((block) => block.kind === 'table');
    expect(tables.reduce((sum, table) => sum + (table.kind === 'table' ? table.rows.length : 0), 0)).toBe(
      4_500,
    );
  });

  it('says so when nothing matches', () => {
    const content = report([]);
    expect(reportContentSchema.parse(content).sections.at(-1)?.blocks[0]).toEqual({
      kind: 'paragraph',
      text: 'Nothing matches these filters.',
    });
  });

  it('words the filters plainly', () => {
    expect(filterWords({}, personName)).toBe('Everything');
    expect(filterWords({ toDate: '2026-06-30' }, personName)).toBe('Everything, up to 30 Jun 2026');
  });
});
