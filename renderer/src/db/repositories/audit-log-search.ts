import { Dexie } from 'dexie';
import type { ChainedAuditEntry } from '@shared/rules/audit-chain';
import {
  auditEntryMatcher,
  auditLogPlan,
  auditLogQuery,
  seqsInEverySet,
  type AuditIndexRead,
  type AuditReadSize,
  type AuditLogFilter,
  type AuditRecordKey,
} from '@shared/rules/audit-log-filter';
import { can } from '@shared/rules/access';
import type { StaffRole } from '@shared/schemas/staff';
import { fail, ok, type Result } from '@shared/result';
import type { FamilyLinksDb } from '../database';
import { recordWriter } from '../record-writer';
import { auditFileLeft } from './disclosure-repository';
import type { Session } from '../session';
import { unreachable } from '@shared/unreachable';

/** Entries read per `bulkGet` when a whole filtered log is read (the export). */
const readChunk = 2_000;

/**
 * Finding entries in the audit log (DESIGN: every list indexed; nothing loads a whole table to
 * show a page). A filter becomes index reads (`shared/rules/audit-log-filter.ts`) over `at`,
 * `actorId`, `action` and `[recordType+recordId]`. Usually each read gives entry numbers only and
 * the numbers in all of them, newest first, are the matches; but a young person's records are a
 * lookup each, so where a date range, a member of staff or an action holds fewer entries than that
 * costs, its entries are read and checked in memory instead (`auditLogPlan`). Only the entries on
 * screen are then read by number. Manager only, as the log itself.
 */
export function auditLogSearch(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const records = recordWriter(db, clock);
  const asNumbers = (keys: readonly unknown[]) =>
    keys.filter((key): key is number => typeof key === 'number');
  const atRange = (read: { readonly from: string | undefined; readonly before: string | undefined }) =>
    db.audit.where('at').between(read.from ?? Dexie.minKey, read.before ?? Dexie.maxKey, true, false);
  // One request a key, run together: `anyOf` walks a cursor, a step a matching entry.
  const eachEqual = <K, R>(keys: readonly K[], read: (key: K) => Promise<R[]>): Promise<R[]> =>
    db.transaction('r', db.audit, () => Promise.all(keys.map(read))).then((found) => found.flat());

  async function seqsOf(read: AuditIndexRead): Promise<number[]> {
    switch (read.kind) {
      case 'at':
        return asNumbers(await atRange(read).primaryKeys());
      case 'actor':
        return asNumbers(await db.audit.where('actorId').equals(read.staffId).primaryKeys());
      case 'noActor': {
        // Entries with no actor are in no actorId index: every entry less those that have one.
        const [all, withActor] = await Promise.all([
          db.audit.toCollection().primaryKeys(),
          db.audit.orderBy('actorId').primaryKeys(),
        ]);
        const signedIn = new Set(withActor);
        return asNumbers(all).filter((seq) => !signedIn.has(seq));
      }
      case 'actions':
        return asNumbers(
          await eachEqual(read.actions, (action) => db.audit.where('action').equals(action).primaryKeys()),
        );
      case 'records':
        return asNumbers(
          await eachEqual(read.keys, (key) =>
            db.audit
              .where('[recordType+recordId]')
              .equals([...key])
              .primaryKeys(),
          ),
        );
      default:
        return unreachable(read, 'audit index read');
    }
  }

  /** How many entries a read would give, counted by IndexedDB without reading them. */
  async function sizeOf(read: AuditIndexRead): Promise<AuditReadSize> {
    switch (read.kind) {
      case 'at':
        return { read, entries: await atRange(read).count() };
      case 'actor':
        return { read, entries: await db.audit.where('actorId').equals(read.staffId).count() };
      case 'actions': {
        const counts = await Promise.all(
          read.actions.map((action) => db.audit.where('action').equals(action).count()),
        );
        return { read, entries: counts.reduce((sum, count) => sum + count, 0) };
      }
      case 'records':
        return { read, entries: read.keys.length };
      case 'noActor':
        return { read, entries: Number.POSITIVE_INFINITY };
      default:
        return unreachable(read, 'audit index read');
    }
  }

  /** The entries a read gives, in full (plain fields only: the log holds nothing sealed). */
  async function entriesOf(read: AuditIndexRead): Promise<ChainedAuditEntry[]> {
    switch (read.kind) {
      case 'at':
        return atRange(read).toArray();
      case 'actor':
        return db.audit.where('actorId').equals(read.staffId).toArray();
      case 'actions':
        return eachEqual(read.actions, (action) => db.audit.where('action').equals(action).toArray());
      default:
        throw new Error(`An audit read of ${read.kind} does not drive a search`);
    }
  }

  /** The entry numbers in every read, newest first, found the cheaper way (`auditLogPlan`). */
  async function seqsInEveryRead(reads: readonly AuditIndexRead[]): Promise<number[]> {
    const needsPlan = reads.length > 1 && reads.some((read) => read.kind === 'records');
    const plan = needsPlan
      ? auditLogPlan(await Promise.all(reads.map(sizeOf)))
      : ({ kind: 'intersect' } as const);
    if (plan.kind === 'intersect') return seqsInEverySet(await Promise.all(reads.map(seqsOf)));
    const matches = auditEntryMatcher(reads);
    const seqs = (await entriesOf(plan.drive)).filter(matches).map((entry) => entry.seq);
    return seqsInEverySet([seqs]);
  }

  return {
    /**
     * The records that belong to a young person, as the log names them: the young person, their
     * contact forms, restrictions, visits, visitor register entries, PAN group, email alerts and
     * copies taken out of the app, and the family members and friends related to them. Found by
     * each table's plain young-person index: no record is opened.
     */
    async recordsOfYoungPerson(youngPersonId: string): Promise<AuditRecordKey[]> {
      const ids = (keys: readonly unknown[]) => keys.filter((key): key is string => typeof key === 'string');
      const [forms, restrictions, visits, visitorLog, panGroups, outbox, disclosures, relationships] =
        await Promise.all([
          db.contactForms.where('youngPersonId').equals(youngPersonId).primaryKeys(),
          db.restrictions.where('youngPersonId').equals(youngPersonId).primaryKeys(),
          db.visits.where('youngPersonIds').equals(youngPersonId).primaryKeys(),
          db.visitorLog.where('visitingYoungPersonIds').equals(youngPersonId).primaryKeys(),
          db.panGroups.where('youngPersonId').equals(youngPersonId).primaryKeys(),
          db.outbox.where('youngPersonId').equals(youngPersonId).primaryKeys(),
          db.disclosures.where('youngPersonId').equals(youngPersonId).primaryKeys(),
          db.relationships.where('youngPersonId').equals(youngPersonId).toArray(),
        ]);
      const keys: AuditRecordKey[] = [['youngPerson', youngPersonId]];
      const add = (recordType: string, found: readonly unknown[]) => {
        for (const id of ids(found)) keys.push([recordType, id]);
      };
      add('contactForm', forms);
      add('restriction', restrictions);
      add('visit', visits);
      add('visitorLog', visitorLog);
      add('panGroup', panGroups);
      add('outboxMessage', outbox);
      add('disclosure', disclosures);
      add(
        'person',
        relationships.map((relationship) => relationship.personId),
      );
      return keys;
    },

    /**
     * The numbers of the entries matching `filter`, newest first (their count is the number of
     * matches); undefined for anyone who may not read the log.
     */
    async matchingSeqs(
      roles: readonly StaffRole[],
      filter: AuditLogFilter,
      timeZone: string,
    ): Promise<number[] | undefined> {
      if (!can(roles, 'audit:view')) return undefined;
      const records = filter.youngPersonId ? await this.recordsOfYoungPerson(filter.youngPersonId) : [];
      const query = auditLogQuery(filter, timeZone, records);
      switch (query.kind) {
        case 'nothing':
          return [];
        case 'everything':
          return asNumbers(await db.audit.toCollection().primaryKeys()).reverse();
        case 'indexed':
          return seqsInEveryRead(query.reads);
        default:
          return unreachable(query, 'audit query');
      }
    },

    /**
     * Notes in the log that entries left the app as a file: how many and the file's SHA-256 (DESIGN:
     * the hash of every exported file is kept in the audit log). The copy itself is recorded first,
     * through the disclosure log.
     */
    async recordExport(
      session: Session,
      file: { readonly disclosureId: string; readonly entries: number; readonly sha256: string },
    ): Promise<Result<void, 'forbidden'>> {
      if (!can(session.roles, 'audit:view'))
        return fail('forbidden', 'The audit log is for the Registered Manager.');
      await auditFileLeft(records, session, {
        action: 'audit.exported',
        disclosureId: file.disclosureId,
        detail: `CSV, ${file.entries} ${file.entries === 1 ? 'entry' : 'entries'}, SHA-256 ${file.sha256}`,
      });
      return ok(undefined);
    },

    /** The entries with these numbers, in the order given (missing ones left out). Manager only. */
    async entries(roles: readonly StaffRole[], seqs: readonly number[]): Promise<ChainedAuditEntry[]> {
      if (!can(roles, 'audit:view')) return [];
      const found: ChainedAuditEntry[] = [];
      for (let start = 0; start < seqs.length; start += readChunk) {
        const rows = await db.audit.bulkGet(seqs.slice(start, start + readChunk));
        for (const row of rows) if (row) found.push(row);
      }
      return found;
    },
  };
}
