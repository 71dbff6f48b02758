import type { Dexie, Transaction } from 'dexie';
import { markVisitorsOnSite } from './migrations/0003-visitor-on-site';
import { markContactFormsForListFields } from './migrations/0011-contact-form-list-fields';

/**
 * Every schema version the app has ever shipped, oldest first. A shipped entry is never edited:
 * a change is a new version at the end, with its data changes in `migrations/000N-what.ts` and an
 * upgrade test that opens a database made at the version before. Indexed fields hold no personal
 * data (ids, dates, states): names and notes live in each row's sealed part.
 */
export type SchemaVersion = {
  readonly version: number;
  readonly stores: Readonly<Record<string, string | null>>;
  readonly upgrade?: (transaction: Transaction) => Promise<void>;
};

export const schemaVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      settings: 'key',
      academicYears: 'id, &label, startsOn',
      staff: 'id, &username',
      youngPeople: 'id, &caseNumber',
      people: 'id',
      relationships: 'id, youngPersonId, personId',
      restrictions: 'id, youngPersonId, personId, reviewOn, effectiveTo',
      visitorLog: 'id, arrivedAt, departedAt, *visitingYoungPersonIds, amendsEntryId',
      rooms: 'id',
      visits: 'id, startsAt, endsAt, *youngPersonIds, *staffIds, roomId, status, seriesId',
      contactForms: 'id, &reference, youngPersonId, authorId, dueAt, status',
      panGroups: 'id, &youngPersonId',
      outbox: 'id, state, createdAt, nextAttemptAt',
      declarations: 'id, staffId, recordedAt',
      audit: '++seq, at, actorId, action',
    },
  },
  {
    // The security core: each account's wrapped keys and sign-in state, drafts kept while the
    // screen is locked, and sign-in events that happen before anyone holds the audit key.
    version: 2,
    stores: {
      accountKeys: 'staffId',
      drafts: 'id, ownerId, updatedAt',
      pendingAudit: '++id, at',
    },
  },
  {
    // The door: who is on site is found by index, not by scanning years of entries, and each
    // restriction keeps every earlier version of itself.
    version: 3,
    stores: {
      visitorLog: 'id, arrivedAt, departedAt, *visitingYoungPersonIds, amendsEntryId, isOnSite',
      restrictionHistory: 'id, restrictionId, at',
    },
    upgrade: markVisitorsOnSite,
  },
  {
    // Staff declarations and the disclosure log: the manager's list of open declarations is found
    // by status, and the log by date, young person and who took the copy. No declaration was ever
    // stored before this version, so no rows need changing.
    version: 4,
    stores: {
      declarations: 'id, staffId, recordedAt, status',
      disclosures: 'id, at, youngPersonId, byId',
    },
  },
  {
    // Contact forms: "forms this person owes" by [author, status, due] and a young person's forms
    // by [young person, contact end], so neither scans the table; restricted participants by when
    // they were flagged. Signed PDFs (sealed) and the case-file copies waiting to be retried get
    // tables of their own. Forms were never stored before this version: no rows change.
    version: 5,
    stores: {
      contactForms:
        'id, &reference, youngPersonId, authorId, dueAt, status, contactEndedAt, restrictionFlaggedAt, amendsFormId, [authorId+status+dueAt], [youngPersonId+contactEndedAt]',
      contactFormFiles: 'id',
      caseFileQueue: 'id, nextAttemptAt',
    },
  },
  {
    // Visits: rooms are listed in name order by index. Visits already had every index
    // the calendar and the conflict check use (startsAt, endsAt, young people, staff, room); no
    // room was stored before this version, so no rows change.
    version: 6,
    stores: {
      rooms: 'id, name',
    },
  },
  {
    // PAN groups and the outbox: a young person's alerts are found by index; the outbox
    // already had state and nextAttemptAt for the sender. Nothing was stored in either before.
    version: 7,
    stores: {
      outbox: 'id, state, createdAt, nextAttemptAt, youngPersonId',
    },
  },
  {
    // The termly review's sample monitoring (seed 004, 5.5.3): samples by term and by when they were
    // drawn; each sampled form's review by its sample and by the form. New tables: no rows change.
    version: 9,
    stores: {
      reviewSamples: 'id, drawnAt, [yearId+termName]',
      reviewSampleItems: 'id, sampleId, formId',
    },
  },
  {
    // The termly overview's stored summaries (so the overview opens fast): derived data, not records.
    // Each row is one young person's review for one term, worked out from their forms, visits,
    // relationships and restrictions, the young person, the year and the home's settings, and kept
    // until one of those changes (review-summary-invalidation.ts deletes it in the same
    // transaction) or its `stableUntil` passes. Keyed `${youngPersonId}|${yearId}|${termName}`, so
    // a young person's summaries are one key range; only ids, times and a version are plain, the
    // review itself is sealed. Backups leave the table out, and a new table changes no rows.
    version: 10,
    stores: {
      reviewSummaries: 'id',
    },
  },
  {
    // The Contact forms list (ids, dates, states, kind and the staff who took part are plain, so
    // a page of ~100k forms is read by index without opening any): a person's forms by author and
    // contact end, the forms a member of staff took part in (multi-entry), and the forms stored
    // before this version that still need those fields copied out (see the migration).
    version: 11,
    stores: {
      contactForms:
        'id, &reference, youngPersonId, authorId, dueAt, status, contactEndedAt, restrictionFlaggedAt, amendsFormId, [authorId+status+dueAt], [youngPersonId+contactEndedAt], [authorId+contactEndedAt], *staffIds, listFieldsPending',
    },
    upgrade: markContactFormsForListFields,
  },
  {
    // Every sealed row's seal covers its plain fields too (row-binding.ts). Sealing needs a key
    // and a migration holds none, so no row changes here: rows sealed the old way carry no
    // `sealFormat` and the first signed-in session seals them again (reseal-old-rows.ts). What is
    // new is the list of records found damaged, by table, each noted once (ids only).
    version: 12,
    stores: {
      damagedRecords: 'id, table',
    },
  },
  {
    // The audit log is narrowed by young person: entries are found by the record they are about
    // (a young person's forms, restrictions, visits...) by index, not by reading years of entries.
    // Only a new index: no entry changes, so the chain's MACs are untouched.
    version: 13,
    stores: {
      audit: '++seq, at, actorId, action, [recordType+recordId]',
    },
  },
  {
    // A case number names a child, so it is no longer indexed as it is: the unique index is on a
    // keyed hash of it (`caseNumberIndex`, see `youngPersonCodec`), and the number itself is sealed.
    // Dropping the old index removes the numbers from IndexedDB's index; the rows still hold theirs
    // in the clear until they are stored again. That needs the door key, which no migration holds,
    // and a marker written here would break each row's seal (its plain fields are bound in), so
    // nothing changes here: after sign-in, `young-person-case-index.ts` finds the rows with no
    // `caseNumberIndex` (the table is small: tens of young people a year) and stores them again.
    version: 14,
    stores: {
      youngPeople: 'id, &caseNumberIndex',
    },
  },
  {
    // Actions agreed on filed contact forms, tracked to done: a person's own by owner, a young
    // person's by young person, a form's by form, and the open ones by the date they are due by
    // (the overdue check reads a range of it). Made at filing from now on; a form filed before
    // this version keeps its actions on its signed copy only. A new table: no rows change.
    version: 15,
    stores: {
      formActions: 'id, formId, youngPersonId, ownerStaffId, [status+dueOn]',
    },
  },
  {
    // The contact plan (DESIGN, "Contact plan"): each arrangement by young person (the page, the
    // booking check, the review) and by person; its review and end dates for the lists to come.
    // The agreement behind each (who agreed it, when) is a row of its own under the casework key,
    // and every earlier version is kept, sealed, by arrangement. New tables: no rows change.
    version: 16,
    stores: {
      contactArrangements: 'id, youngPersonId, personId, reviewOn, endsOn',
      contactArrangementAgreements: 'id, youngPersonId',
      contactArrangementHistory: 'id, arrangementId, at',
    },
  },
  {
    // The visiting protocol (DESIGN, "Visiting protocol"; seed 004 §4): each published version
    // by its number (the current one is the highest), and each visitor's answers by person (the
    // door asks again when their latest is older than the current version, or a refusal). The
    // text, the answers and any drawn signature are sealed under the door key. New tables only.
    version: 18,
    stores: {
      visitingProtocols: 'id, &version, publishedAt',
      protocolAcceptances: 'id, personId, at',
    },
  },
  {
    // Each family member's special dates (birthdays and other occasions, seed 004 §4), one row per
    // person under the person's id, sealed whole in the casework compartment: only the id is plain,
    // so nothing of a date can be read or looked up by index. A new table: no rows change.
    version: 19,
    stores: {
      personSpecialDates: 'id',
    },
  },
  {
    // Sync's record layer (docs/sync-design.md): this computer's change log, written in the same
    // transaction as each write to a replicated table once sync is set up (`syncDevice` holds its
    // next sequence number); what has been sent and read (`syncState`); every document applied
    // from another computer (`syncApplied`, so a copy is never applied twice); the other
    // computers' public keys (`syncPeers`); and what was refused (`syncProblems`). Ids, numbers and
    // sealed rows only. New tables: no rows change, and nothing is logged until sync is set up.
    version: 20,
    stores: {
      syncDevice: 'id',
      syncChangeLog: 'seq',
      syncState: 'key',
      syncApplied: 'id, [deviceId+n]',
      syncPeers: 'deviceId',
      syncProblems: 'id, at',
    },
  },
  {
    // Changes made on two computers at once (docs/sync-design.md, "Conflicts"): the version each
    // changeable record is at here (`syncVersions`, by table and id), and each record changed
    // concurrently, with its versions as stored rows, sealed as the record is (`syncConflicts`).
    // Ids, version names and sealed rows only. New tables: no rows change.
    version: 23,
    stores: {
      syncVersions: 'id',
      syncConflicts: 'id, table',
    },
  },
  {
    // One audit chain per computer (docs/sync-design.md): each entry names its computer and its
    // place in that computer's chain, found by index when checking a chain, moving the main
    // process's anchor on, or applying another computer's next entry. Only a new index: entries
    // written before it have neither field, are not in it, and stay this computer's chain as they
    // are (their MACs untouched), which is also how a restored older backup reads.
    version: 24,
    stores: {
      audit: '++seq, at, actorId, action, [recordType+recordId], [deviceId+deviceSeq]',
    },
  },
];

export const latestSchemaVersion = schemaVersions[schemaVersions.length - 1]?.version ?? 0;

/**
 * Declares versions 1..`upTo` on a Dexie instance; tests use `upTo` to build an older database.
 *
 * Only a version with data to change, and the last, are declared to Dexie; the tables and indexes
 * of the versions between are folded into the next one declared. An older database still reaches
 * the same schema with every data change run in order: Dexie compares the schema the database
 * really has with each declared version above it. Declaring every version would cost each start
 * time the sign-in screen waits for, because Dexie works out all the versions again at each one.
 */
export function declareSchemaVersions(db: Dexie, upTo = latestSchemaVersion): void {
  const wanted = schemaVersions.filter((entry) => entry.version <= upTo);
  let folded: Record<string, string | null> = {};
  for (const [index, entry] of wanted.entries()) {
    folded = { ...folded, ...entry.stores };
    if (!entry.upgrade && index < wanted.length - 1) continue;
    const declared = db.version(entry.version).stores(folded);
    if (entry.upgrade) declared.upgrade(entry.upgrade);
    folded = {};
  }
}
