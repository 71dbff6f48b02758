import { describe, expect, it } from 'vitest';
import { auditLogQuery, seqsInEverySet, type AuditLogFilter } from '@shared/rules/audit-log-filter';

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
