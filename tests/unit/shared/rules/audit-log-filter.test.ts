import { describe, expect, it } from 'vitest';
import {
  auditEntryMatcher,
  auditLogPlan,
  auditLogQuery,
  entriesPerRecordLookup,
  seqsInEverySet,
  type AuditIndexRead,
  type AuditLogFilter,
  type AuditRecordKey,
} from '@shared/rules/audit-log-filter';

const london = 'Europe/London';

describe('auditLogQuery: a filter as index reads', () => {
  it('asks for everything when nothing is chosen', () => {
    expect(auditLogQuery({}, london)).toEqual({ kind: 'everything' });
  });

  it.each<[string, AuditLogFilter, string | undefined, string | undefined]>([
    [
      'a winter day',
      { fromDate: '2026-01-15', toDate: '2026-01-15' },
      '2026-01-15T00:00:00.000Z',
      '2026-01-16T00:00:00.000Z',
    ],
    [
      'a summer day starts at 23:00 UTC the day before',
      { fromDate: '2026-06-01', toDate: '2026-06-01' },
      '2026-05-31T23:00:00.000Z',
      '2026-06-01T23:00:00.000Z',
    ],
    [
      'across the spring clock change (a 23-hour day)',
      { fromDate: '2026-03-29', toDate: '2026-03-29' },
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T23:00:00.000Z',
    ],
    [
      'across the autumn clock change (a 25-hour day)',
      { fromDate: '2026-10-25', toDate: '2026-10-25' },
      '2026-10-24T23:00:00.000Z',
      '2026-10-26T00:00:00.000Z',
    ],
    ['from a day on, with no end', { fromDate: '2026-02-01' }, '2026-02-01T00:00:00.000Z', undefined],
    ['up to a day, with no start', { toDate: '2026-02-01' }, undefined, '2026-02-02T00:00:00.000Z'],
  ])('dates on the home’s clock, both days included: %s', (_, filter, from, before) => {
    expect(auditLogQuery(filter, london)).toEqual({ kind: 'indexed', reads: [{ kind: 'at', from, before }] });
  });

  it('finds nothing when "from" is after "to", or no action is chosen', () => {
    expect(auditLogQuery({ fromDate: '2026-02-02', toDate: '2026-02-01' }, london)).toEqual({
      kind: 'nothing',
      reason: 'dates-reversed',
    });
    expect(auditLogQuery({ actions: [] }, london)).toEqual({ kind: 'nothing', reason: 'no-actions' });
  });

  it('ignores a date that is not a whole date (a half-typed field)', () => {
    expect(auditLogQuery({ fromDate: '2026-0', toDate: '' }, london)).toEqual({ kind: 'everything' });
  });

  it('reads a young person’s records, then actions, then the person, then the dates', () => {
    const query = auditLogQuery(
      {
        fromDate: '2026-01-01',
        actor: { kind: 'staff', staffId: 'staff-1' },
        actions: ['restriction.ended', 'restriction.ended'],
        youngPersonId: 'yp-1',
      },
      london,
      [
        ['youngPerson', 'yp-1'],
        ['restriction', 'r-1'],
      ],
    );
    expect(query.kind === 'indexed' ? query.reads.map((read) => read.kind) : query.kind).toEqual([
      'records',
      'actions',
      'actor',
      'at',
    ]);
    expect(query.kind === 'indexed' ? query.reads[1] : undefined).toEqual({
      kind: 'actions',
      actions: ['restriction.ended'],
    });
  });

  it('asks for entries with no one signed in by their missing actor', () => {
    expect(auditLogQuery({ actor: { kind: 'notSignedIn' } }, london)).toEqual({
      kind: 'indexed',
      reads: [{ kind: 'noActor' }],
    });
  });
});

describe('seqsInEverySet: the entries every read found, newest first', () => {
  it('is the intersection, highest number first, each once', () => {
    expect(
      seqsInEverySet([
        [5, 1, 3, 9, 3],
        [3, 9, 4, 1],
        [1, 2, 3, 9, 10],
      ]),
    ).toEqual([9, 3, 1]);
  });

  it('is empty with no reads, or when any read found nothing', () => {
    expect(seqsInEverySet([])).toEqual([]);
    expect(seqsInEverySet([[1, 2], []])).toEqual([]);
  });

  it('agrees with a plain check over 100,000 entries, whichever order the reads come in', () => {
    const size = 100_000;
    const all = Array.from({ length: size }, (_, index) => index + 1);
    const everyThird = all.filter((seq) => seq % 3 === 1);
    const even = all.filter((seq) => seq % 2 === 0).reverse();
    const lastTenThousand = all.slice(-10_000).reverse();
    const expected = lastTenThousand.filter((seq) => seq % 2 === 0 && seq % 3 === 1);
    const started = performance.now();
    expect(seqsInEverySet([everyThird, even, lastTenThousand])).toEqual(expected);
    expect(seqsInEverySet([lastTenThousand, everyThird, even])).toEqual(expected);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('auditLogPlan: which read drives a search for a young person', () => {
  const records = (count: number): AuditIndexRead => ({
    kind: 'records',
    keys: Array.from({ length: count }, (_, index): AuditRecordKey => ['contactForm', `form-${index}`]),
  });
  const year: AuditIndexRead = {
    kind: 'at',
    from: '2020-08-31T23:00:00.000Z',
    before: '2021-08-31T23:00:00.000Z',
  };
  const staff: AuditIndexRead = { kind: 'actor', staffId: 'staff-3' };
  const filed: AuditIndexRead = { kind: 'actions', actions: ['contact-form.filed'] };

  it('reads a year of entries rather than look up 1,333 records one by one', () => {
    expect(
      auditLogPlan([
        { read: records(1_333), entries: 1_333 },
        { read: year, entries: 10_000 },
      ]),
    ).toEqual({ kind: 'check', drive: year });
  });

  it('drives from the smallest range when there are several', () => {
    expect(
      auditLogPlan([
        { read: records(1_333), entries: 1_333 },
        { read: year, entries: 10_000 },
        { read: staff, entries: 3_300 },
        { read: filed, entries: 8_000 },
      ]),
    ).toEqual({ kind: 'check', drive: staff });
  });

  it('looks the records up when they cost less than the smallest range', () => {
    const few = records(20);
    expect(
      auditLogPlan([
        { read: few, entries: 20 },
        { read: year, entries: 20 * entriesPerRecordLookup },
      ]),
    ).toEqual({ kind: 'intersect' });
    expect(
      auditLogPlan([
        { read: few, entries: 20 },
        { read: year, entries: 20 * entriesPerRecordLookup - 1 },
      ]),
    ).toEqual({ kind: 'check', drive: year });
  });

  it('intersects when no young person is asked for, or nothing else narrows the search', () => {
    expect(
      auditLogPlan([
        { read: year, entries: 10 },
        { read: staff, entries: 5 },
      ]),
    ).toEqual({ kind: 'intersect' });
    expect(auditLogPlan([{ read: records(5_000), entries: 5_000 }])).toEqual({ kind: 'intersect' });
  });

  it('never drives from "not signed in", which has no index of its own', () => {
    expect(
      auditLogPlan([
        { read: records(5_000), entries: 5_000 },
        { read: { kind: 'noActor' }, entries: 0 },
      ]),
    ).toEqual({ kind: 'intersect' });
  });
});

describe('auditEntryMatcher: the reads checked on an entry in memory', () => {
  const entry = {
    at: '2026-03-10T09:00:00.000Z',
    actorId: 'staff-a',
    action: 'contact-form.filed',
    recordType: 'contactForm',
    recordId: 'form-1',
  };
  const reads: AuditIndexRead[] = [
    {
      kind: 'records',
      keys: [
        ['contactForm', 'form-1'],
        ['youngPerson', 'yp-1'],
      ],
    },
    { kind: 'actions', actions: ['contact-form.filed', 'visit.booked'] },
    { kind: 'actor', staffId: 'staff-a' },
    { kind: 'at', from: '2026-03-10T00:00:00.000Z', before: '2026-03-11T00:00:00.000Z' },
  ];

  it('keeps an entry that every read would find', () => {
    expect(auditEntryMatcher(reads)(entry)).toBe(true);
    expect(auditEntryMatcher([])(entry)).toBe(true);
  });

  it.each<[string, object]>([
    ['another record', { recordId: 'form-2' }],
    ['the same id as another kind of record', { recordType: 'visit' }],
    ['no record', { recordType: undefined, recordId: undefined }],
    ['another action', { action: 'visit.cancelled' }],
    ['another member of staff', { actorId: 'staff-b' }],
    ['no one signed in', { actorId: undefined }],
    ['the first instant after the range', { at: '2026-03-11T00:00:00.000Z' }],
    ['just before the range', { at: '2026-03-09T23:59:59.999Z' }],
  ])('leaves out an entry about %s', (_, change) => {
    expect(auditEntryMatcher(reads)({ ...entry, ...change })).toBe(false);
  });

  it('keeps the first instant of the range and, for "not signed in", only entries with no actor', () => {
    expect(auditEntryMatcher(reads)({ ...entry, at: '2026-03-10T00:00:00.000Z' })).toBe(true);
    const notSignedIn = auditEntryMatcher([{ kind: 'noActor' }]);
    expect(notSignedIn({ ...entry, actorId: undefined })).toBe(true);
    expect(notSignedIn(entry)).toBe(false);
  });

  it('tells a record key from one whose parts run together', () => {
    const matches = auditEntryMatcher([{ kind: 'records', keys: [['visit', 'or-1']] }]);
    expect(matches({ ...entry, recordType: 'visitor', recordId: '-1' })).toBe(false);
    expect(matches({ ...entry, recordType: 'visit', recordId: 'or-1' })).toBe(true);
  });
});
