import { afterEach, describe, expect, it } from 'vitest';
import type { ChainedAuditEntry } from '@shared/rules/audit-chain';
import type { AuditLogFilter } from '@shared/rules/audit-log-filter';
import { endOfDayIn, startOfDayIn } from '@shared/home-time';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { auditLogSearch } from '../../../../../renderer/src/db/repositories/audit-log-search';
import { freshDatabase } from '../test-database';

const opened: FamilyLinksDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

const london = 'Europe/London';
const manager = ['registeredManager'] as const;
const staffIds = ['staff-a', 'staff-b', 'staff-c'];
const youngPeople = ['yp-1', 'yp-2', 'yp-3'];
const actions = [
  'restriction.ended',
  'contact-form.filed',
  'visitor.signed-in',
  'session.signed-in',
  'visit.booked',
];

/** A small deterministic random source, so a failure can be run again as it was. */
function randomFrom(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * A home's records as the tables index them (only the plain fields the search reads), and an audit
 * log of `size` entries over 2026 about them: some by no one signed in, some about records of
 * each young person, some about the young person, some about a family member, some about nothing.
 */
async function homeWithLog(size: number) {
  const db = freshDatabase();
  opened.push(db);
  await db.open();
  const random = randomFrom(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const owner = new Map<string, string>(); // record key -> young person
  const records: [string, string][] = [];
  const add = (recordType: string, id: string, youngPersonId: string) => {
    owner.set(`${recordType}|${id}`, youngPersonId);
    records.push([recordType, id]);
  };
  const rows = new Map<string, object[]>();
  const put = (table: string, row: object) => rows.set(table, [...(rows.get(table) ?? []), row]);
  {
    for (const youngPersonId of youngPeople) {
      add('youngPerson', youngPersonId, youngPersonId);
      for (let index = 0; index < 20; index += 1) {
        const id = `${youngPersonId}-${index}`;
        put('contactForms', { id: `form-${id}`, youngPersonId });
        add('contactForm', `form-${id}`, youngPersonId);
        put('restrictions', { id: `restriction-${id}`, youngPersonId });
        add('restriction', `restriction-${id}`, youngPersonId);
        put('visits', { id: `visit-${id}`, youngPersonIds: [youngPersonId] });
        add('visit', `visit-${id}`, youngPersonId);
        put('visitorLog', { id: `door-${id}`, visitingYoungPersonIds: [youngPersonId] });
        add('visitorLog', `door-${id}`, youngPersonId);
        put('outbox', { id: `mail-${id}`, youngPersonId });
        add('outboxMessage', `mail-${id}`, youngPersonId);
        put('disclosures', { id: `copy-${id}`, youngPersonId });
        add('disclosure', `copy-${id}`, youngPersonId);
      }
      put('panGroups', { id: `pan-${youngPersonId}`, youngPersonId });
      add('panGroup', `pan-${youngPersonId}`, youngPersonId);
      await db
        .table('relationships')
        .add({ id: `rel-${youngPersonId}`, youngPersonId, personId: `mum-${youngPersonId}` });
      add('person', `mum-${youngPersonId}`, youngPersonId);
    }
    // A visit with two young people belongs to both.
    put('visits', { id: 'visit-shared', youngPersonIds: ['yp-1', 'yp-2'] });
    records.push(['visit', 'visit-shared']);
  }
  for (const [table, tableRows] of rows) await db.table(table).bulkAdd(tableRows);
  const start = Date.parse('2026-01-01T00:00:00Z');
  const year = 365 * 24 * 3_600_000;
  const entries: ChainedAuditEntry[] = Array.from({ length: size }, (_, index) => {
    const record = random() < 0.7 ? pick(records) : undefined;
    const actorId = random() < 0.1 ? undefined : pick(staffIds);
    return {
      seq: index + 1,
      at: new Date(start + Math.floor((index / size) * year)).toISOString(),
      ...(actorId ? { actorId } : {}),
      action: pick(actions),
      ...(record ? { recordType: record[0], recordId: record[1] } : {}),
      previousMac: '0'.repeat(64),
      mac: '0'.repeat(64),
    };
  });
  await db.audit.bulkAdd(entries);
  const belongsTo = (entry: ChainedAuditEntry, youngPersonId: string) => {
    if (entry.recordType === 'visit' && entry.recordId === 'visit-shared')
      return youngPersonId === 'yp-1' || youngPersonId === 'yp-2';
    return owner.get(`${entry.recordType}|${entry.recordId}`) === youngPersonId;
  };
  return { db, entries, belongsTo };
}

/** What a filter should find, worked out the slow, obvious way: every entry checked in turn. */
function expected(
  entries: readonly ChainedAuditEntry[],
  filter: AuditLogFilter,
  belongsTo: (entry: ChainedAuditEntry, youngPersonId: string) => boolean,
): number[] {
  const from = filter.fromDate ? startOfDayIn(filter.fromDate, london) : undefined;
  const before = filter.toDate ? endOfDayIn(filter.toDate, london) : undefined;
  return entries
    .filter((entry) => {
      if (from && entry.at < from) return false;
      if (before && entry.at >= before) return false;
      if (filter.actor?.kind === 'staff' && entry.actorId !== filter.actor.staffId) return false;
      if (filter.actor?.kind === 'notSignedIn' && entry.actorId !== undefined) return false;
      if (filter.actions && !filter.actions.includes(entry.action)) return false;
      if (filter.youngPersonId && !belongsTo(entry, filter.youngPersonId)) return false;
      return true;
    })
    .map((entry) => entry.seq)
    .reverse();
}

describe('searching the audit log', () => {
  it(
    'finds exactly the entries each filter asks for, newest first, among 3,000',
    { timeout: 60_000 },
    async () => {
      const { db, entries, belongsTo } = await homeWithLog(3_000);
      const search = auditLogSearch(db);
      const filters: AuditLogFilter[] = [
        {},
        { fromDate: '2026-03-01', toDate: '2026-03-31' },
        { fromDate: '2026-10-25', toDate: '2026-10-25' },
        { actor: { kind: 'staff', staffId: 'staff-b' } },
        { actor: { kind: 'notSignedIn' } },
        { actions: ['restriction.ended'] },
        { actions: ['restriction.ended', 'visit.booked'] },
        { youngPersonId: 'yp-1' },
        { youngPersonId: 'yp-3', actions: ['visit.booked'] },
        {
          youngPersonId: 'yp-2',
          actor: { kind: 'staff', staffId: 'staff-a' },
          actions: ['contact-form.filed', 'restriction.ended'],
          fromDate: '2026-02-01',
          toDate: '2026-09-30',
        },
        { actor: { kind: 'notSignedIn' }, youngPersonId: 'yp-2', toDate: '2026-06-30' },
        // Ranges holding fewer entries than the young person's records cost to look up (a date
        // range, a member of staff, actions): read and checked in memory.
        { youngPersonId: 'yp-2', actor: { kind: 'staff', staffId: 'staff-c' } },
        { youngPersonId: 'yp-1', fromDate: '2026-03-01', toDate: '2026-03-31' },
        { youngPersonId: 'yp-2', fromDate: '2026-10-25', toDate: '2026-10-25' },
        {
          youngPersonId: 'yp-3',
          actor: { kind: 'notSignedIn' },
          actions: ['visit.booked', 'restriction.ended'],
          fromDate: '2026-01-01',
          toDate: '2026-02-28',
        },
        {
          youngPersonId: 'yp-1',
          actions: ['restriction.ended'],
          fromDate: '2026-06-01',
          toDate: '2026-06-30',
        },
        { youngPersonId: 'no-such-young-person' },
        { actions: [] },
        { fromDate: '2026-05-01', toDate: '2026-04-01' },
      ];
      for (const filter of filters) {
        const want = expected(entries, filter, belongsTo);
        expect(await search.matchingSeqs(manager, filter, london), JSON.stringify(filter)).toEqual(want);
      }
      // The filters are not all trivially empty or whole.
      expect(expected(entries, filters[9] ?? {}, belongsTo).length).toBeGreaterThan(5);
      expect(expected(entries, filters[12] ?? {}, belongsTo).length).toBeGreaterThan(5);
      expect(expected(entries, { youngPersonId: 'yp-1' }, belongsTo).length).toBeLessThan(2_000);
    },
  );

  it('reads the entries on screen by number, in the order asked', async () => {
    const { db } = await homeWithLog(50);
    const search = auditLogSearch(db);
    const found = await search.entries(manager, [40, 3, 17, 999]);
    expect(found.map((entry) => entry.seq)).toEqual([40, 3, 17]);
  });

  it('shows nothing to anyone but the manager', async () => {
    const { db } = await homeWithLog(20);
    const search = auditLogSearch(db);
    expect(await search.matchingSeqs(['careStaff'], {}, london)).toBeUndefined();
    expect(await search.entries(['personalTutor'], [1, 2])).toEqual([]);
  });
});
