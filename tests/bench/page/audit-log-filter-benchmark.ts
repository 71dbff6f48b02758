import { endOfDayIn, startOfDayIn } from '@shared/home-time';
import type { ChainedAuditEntry } from '@shared/rules/audit-chain';
import type { AuditLogFilter } from '@shared/rules/audit-log-filter';
import type { FamilyLinksDb } from '../../../renderer/src/db/database';
import { auditLogSearch } from '../../../renderer/src/db/repositories/audit-log-search';
import { openBareDatabase, requestDone } from './bare-indexeddb';
import { defineBenchmark } from './benchmark-registry';
import { median, progress, timedCount } from './bench-timing';
import { freshDatabase } from './large-home';

type State = {
  readonly db: FamilyLinksDb;
  readonly bare: IDBDatabase;
  readonly filter: AuditLogFilter;
  /** Each repetition's bare read of the whole log, printed beside the floor at the end. */
  readonly wholeLogReads: number[];
};

const entryCount = 100_000;
const pageSize = 60;
const youngPeople = Array.from({ length: 50 }, (_, index) => `yp-${index}`);
const staff = Array.from({ length: 30 }, (_, index) => `staff-${index}`);
const actions = [
  'session.signed-in',
  'session.signed-out',
  'visitor.signed-in',
  'visitor.signed-out',
  'contact-form.started',
  'contact-form.saved',
  'contact-form.filed',
  'case-file.written',
  'outbox.queued',
  'outbox.sent',
  'visit.booked',
  'restriction.recorded',
];

/**
 * Ten years of a home's log: 100,000 entries by 30 staff, most about a record of one of 50 young
 * people (a contact form, a visitor register entry, a visit, an email alert), whose plain
 * young-person keys are stored as the app stores them. Deterministic, so runs compare.
 */
async function homeWithLongLog(): Promise<FamilyLinksDb> {
  const db = await freshDatabase('bench-audit-log');
  const forms: object[] = [];
  const door: object[] = [];
  const visits: object[] = [];
  const alerts: object[] = [];
  const entries: ChainedAuditEntry[] = [];
  const start = Date.parse('2016-09-01T08:00:00Z');
  const step = (10 * 365 * 86_400_000) / entryCount;
  for (let index = 0; index < entryCount; index += 1) {
    const youngPersonId = youngPeople[(index * 7) % youngPeople.length] ?? 'yp-0';
    const action = actions[(index * 5) % actions.length] ?? 'session.signed-in';
    let record: { recordType: string; recordId: string } | undefined;
    const id = `r-${index}`;
    if (action.startsWith('contact-form') || action === 'case-file.written') {
      forms.push({ id, youngPersonId });
      record = { recordType: 'contactForm', recordId: id };
    } else if (action.startsWith('visitor')) {
      door.push({ id, visitingYoungPersonIds: [youngPersonId] });
      record = { recordType: 'visitorLog', recordId: id };
    } else if (action === 'visit.booked') {
      visits.push({ id, youngPersonIds: [youngPersonId] });
      record = { recordType: 'visit', recordId: id };
    } else if (action.startsWith('outbox')) {
      alerts.push({ id, youngPersonId });
      record = { recordType: 'outboxMessage', recordId: id };
    }
    entries.push({
      seq: index + 1,
      at: new Date(start + Math.floor(index * step)).toISOString(),
      actorId: staff[(index * 11) % staff.length] ?? 'staff-0',
      action,
      ...record,
      previousMac: '0'.repeat(64),
      mac: '0'.repeat(64),
    });
  }
  progress(`storing ${entryCount} audit entries and their records`);
  await db.table('contactForms').bulkAdd(forms);
  await db.table('visitorLog').bulkAdd(door);
  await db.table('visits').bulkAdd(visits);
  await db.table('outbox').bulkAdd(alerts);
  await db.audit.bulkAdd(entries);
  return db;
}

/** The filter's dates as the screen reads them: calendar days on the home's clock. */
const timeZone = 'Europe/London';

/** Every entry in the filter's date range, through bare IndexedDB's `at` index. */
async function bareEntriesInRange(bare: IDBDatabase, filter: AuditLogFilter): Promise<number> {
  if (!filter.fromDate || !filter.toDate) throw new Error('The benchmark filter names no dates');
  const range = IDBKeyRange.bound(
    startOfDayIn(filter.fromDate, timeZone),
    endOfDayIn(filter.toDate, timeZone),
    false,
    true,
  );
  const index = bare.transaction('audit', 'readonly').objectStore('audit').index('at');
  return (await requestDone(index.getAll(range))).length;
}

/**
 * `audit-log-filtered-page`: the Audit log screen's first screenful for a manager's filter on a
 * log of 100,000 entries: one young person (about 1,300 records) over one year (`matchingSeqs`,
 * then the first page of entries read by number). The floor is a bare IndexedDB read of the
 * entries in that year by the `at` index (10,000): the least a search must read, since which
 * entries are about the young person's records shows only on the entries themselves. The bare
 * read of all 100,000 entries, what a screen without indexes would do, is printed beside it.
 */
export const auditLogFilteredPage = defineBenchmark<State>({
  name: 'audit-log-filtered-page',
  repetitions: 15,
  async setup() {
    const db = await homeWithLongLog();
    const filter: AuditLogFilter = {
      youngPersonId: 'yp-3',
      fromDate: '2020-09-01',
      toDate: '2021-08-31',
    };
    const bare = await openBareDatabase(db.name);
    return { db, bare, filter, wholeLogReads: [] };
  },
  async run(state) {
    const search = auditLogSearch(state.db);
    const { ms, n } = await timedCount(async () => {
      const seqs = await search.matchingSeqs(['registeredManager'], state.filter, timeZone);
      if (!seqs || seqs.length < pageSize) throw new Error(`The filter matched ${seqs?.length ?? 0} entries`);
      return (await search.entries(['registeredManager'], seqs.slice(0, pageSize))).length;
    });
    if (n !== pageSize) throw new Error(`The first page held ${n} entries, not ${pageSize}`);
    return { ms, n };
  },
  async floor(state) {
    const { ms, n: rows } = await timedCount(() => bareEntriesInRange(state.bare, state.filter));
    if (rows !== entryCount / 10) throw new Error(`The floor read ${rows} entries of the year`);
    const whole = await timedCount(async () => (await state.db.audit.toArray()).length);
    if (whole.n !== entryCount) throw new Error(`The whole log's read gave ${whole.n} entries`);
    state.wholeLogReads.push(whole.ms);
    return ms;
  },
  teardown(state) {
    progress(
      `audit-log-filtered-page: the whole log (${entryCount} entries) read in ${median(state.wholeLogReads).toFixed(1)} ms (median)`,
    );
    state.bare.close();
    state.db.close();
    return Promise.resolve();
  },
});
