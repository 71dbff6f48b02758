import type { ChainedAuditEntry } from '@shared/rules/audit-chain';
import type { AuditLogFilter } from '@shared/rules/audit-log-filter';
import type { FamilyLinksDb } from '../../../renderer/src/db/database';
import { auditLogSearch } from '../../../renderer/src/db/repositories/audit-log-search';
import { defineBenchmark } from './benchmark-registry';
import { progress, timedCount } from './bench-timing';
import { freshDatabase } from './large-home';

type State = { readonly db: FamilyLinksDb; readonly filter: AuditLogFilter };

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

/**
 * `audit-log-filtered-page`: the Audit log screen's first screenful for a manager's filter on a
 * log of 100,000 entries: one young person, one member of staff, one year (`matchingSeqs`, then
 * the first page of entries read by number). The floor is a bare Dexie read of all 100,000 rows,
 * what a screen without indexes would have to do; the ratio says how far under it the filter is.
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
    return { db, filter };
  },
  async run(state) {
    const search = auditLogSearch(state.db);
    const { ms, n } = await timedCount(async () => {
      const seqs = await search.matchingSeqs(['registeredManager'], state.filter, 'Europe/London');
      if (!seqs || seqs.length < pageSize) throw new Error(`The filter matched ${seqs?.length ?? 0} entries`);
      return (await search.entries(['registeredManager'], seqs.slice(0, pageSize))).length;
    });
    if (n !== pageSize) throw new Error(`The first page held ${n} entries, not ${pageSize}`);
    return { ms, n };
  },
  async floor(state) {
    const { ms, n: rows } = await timedCount(async () => (await state.db.audit.toArray()).length);
    if (rows !== entryCount) throw new Error(`The floor read ${rows} entries`);
    return ms;
  },
  teardown(state) {
    state.db.close();
    return Promise.resolve();
  },
});
