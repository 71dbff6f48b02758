import { Dexie, type EntityTable, type Table } from 'dexie';
import type { AcademicYear } from '@shared/schemas/academic-year';
import type { VisitorEntry } from '@shared/schemas/registers';
import type { ChainedAuditEntry } from '@shared/rules/audit-chain';
import type { PendingAuditEvent } from '@shared/ipc/channels/audit';
import type { StaffMember } from '@shared/schemas/staff';
import type { Person, Relationship, YoungPerson } from '@shared/schemas/people';
import type { PersonSpecialDates } from '@shared/schemas/communication';
import type { Restriction } from '@shared/schemas/registers';
import type { AccountKeys } from '@shared/schemas/keyring';
import type { Declaration } from '@shared/schemas/declarations';
import type { Disclosure } from '@shared/schemas/disclosures';
import type { Room, Visit } from '@shared/schemas/visits';
import type { PanGroup } from '@shared/schemas/pan';
import type { OutboxMessage } from '@shared/schemas/mail';
import type { ContactForm } from '@shared/schemas/contact-forms';
import type { FormAction } from '@shared/schemas/form-actions';
import type { ReviewSample, SampleItemReview } from '@shared/schemas/review';
import type { ContactArrangement, ContactPlanAgreement } from '@shared/schemas/contact-plans';
import type { ProtocolAcceptance, VisitingProtocol } from '@shared/schemas/visiting-protocol';
import { fail, ok, type Result } from '@shared/result';
import type { SealedRow } from './sealed-codec';
import type { DamagedReason } from './row-binding';
import type { SealedBox } from './encryption/record-cipher';
import type { ReviewSummary } from '@shared/schemas/review-summary';
import { declareSchemaVersions, latestSchemaVersion } from './schema-versions';
import { reviewSummaryInvalidation, reviewSummaryTable } from './review-summary-invalidation';
import { syncChangeLog, type ChangeLogRow, type SyncDeviceRow } from './sync/change-log';
import type {
  SyncAppliedRow,
  SyncConflictRow,
  SyncPeerRow,
  SyncProblemRow,
  SyncStateRow,
  SyncVersionRow,
} from './sync/sync-rows';

export const databaseName = 'family-links';

/**
 * Tables worked out from the others (the termly overview's summaries): never backed up, since a
 * restore can always work them out again and a restored copy could disagree with the records.
 */
export const derivedTables: ReadonlySet<string> = new Set([reviewSummaryTable]);

/** A settings row: one JSON-able value per key (`home`, ...). Settings hold no personal data. */
export type SettingRow = { readonly key: string; readonly value: unknown };

/** Stored academic years carry their span as plain columns so a date range finds them by index. */
export type AcademicYearRow = AcademicYear & { readonly startsOn: string; readonly endsOn: string };

/** `isOnSite` is 1 until the visitor signs out (IndexedDB cannot index booleans). */
export type VisitorLogRow = SealedRow<VisitorEntry, VisitorLogPlainKey> & { readonly isOnSite?: 0 | 1 };
export type VisitorLogPlainKey =
  'id' | 'arrivedAt' | 'departedAt' | 'visitingYoungPersonIds' | 'amendsEntryId';

export type YoungPersonPlainKey = 'id';
/**
 * A young person: only the id is plain, and `caseNumberIndex`, a keyed hash of the case number
 * (`youngPersonCodec`), so the unique index finds a case number without holding it. Rows stored
 * while case numbers were plain still hold `caseNumber` in the clear until they are indexed again
 * (`young-person-case-index.ts`); no other row has it.
 */
export type YoungPersonRow = SealedRow<YoungPerson, YoungPersonPlainKey> & {
  readonly caseNumberIndex?: string;
  readonly caseNumber?: string;
};
export type PersonPlainKey = 'id';
export type RelationshipPlainKey = 'id' | 'youngPersonId' | 'personId';
export type RestrictionPlainKey = 'id' | 'youngPersonId' | 'personId' | 'reviewOn' | 'effectiveTo';
/** A restriction: the door's part in `sealed`, the casework part (authority, reference, description) apart. */
export type RestrictionRow = SealedRow<Restriction, RestrictionPlainKey> & {
  readonly sealedCasework?: SealedBox;
};

/** A restriction as it was before a change: who changed it, when, and the earlier version, sealed. */
export type RestrictionHistoryRow = {
  readonly id: string;
  readonly restrictionId: string;
  readonly at: string;
  readonly sealed: SealedBox;
};

/** A contact-plan arrangement: ids and dates plain; what was agreed sealed under the door key. */
export type ContactArrangementPlainKey = 'id' | 'youngPersonId' | 'personId' | 'reviewOn' | 'endsOn';
export type ContactArrangementRow = SealedRow<
  Omit<ContactArrangement, 'agreement'>,
  ContactArrangementPlainKey
>;
/** Who agreed an arrangement, and when: sealed under the casework key; `id` is the arrangement's. */
/** A person's special dates: one row per person, its id the person's; all sealed (casework). */
export type PersonSpecialDatesRow = SealedRow<PersonSpecialDates, 'id'>;

export type ContactArrangementAgreementRow = SealedRow<
  { id: string; youngPersonId: string; agreement: ContactPlanAgreement },
  'id' | 'youngPersonId'
>;
/** An arrangement as it was before a change, whole, sealed under the casework key. */
export type ContactArrangementHistoryRow = {
  readonly id: string;
  readonly arrangementId: string;
  readonly at: string;
  readonly sealed: SealedBox;
};

/** A version of the visiting protocol: id, number and time plain; the text and who published it sealed. */
export type VisitingProtocolPlainKey = 'id' | 'version' | 'publishedAt';
export type VisitingProtocolRow = SealedRow<VisitingProtocol, VisitingProtocolPlainKey>;
/** A visitor's answer to the protocol: ids and time plain; the version, answer, staff and drawn signature sealed. */
export type ProtocolAcceptancePlainKey = 'id' | 'personId' | 'at';
export type ProtocolAcceptanceRow = SealedRow<ProtocolAcceptance, ProtocolAcceptancePlainKey>;

export type DeclarationPlainKey = 'id' | 'staffId' | 'recordedAt' | 'status';
export type DisclosurePlainKey = 'id' | 'at' | 'youngPersonId' | 'byId';
/** A visit's ids, times, kind and status are plain (the calendar and the conflict check read them by index); who is coming, transport and notes are sealed. */
export type VisitPlainKey =
  'id' | 'startsAt' | 'endsAt' | 'youngPersonIds' | 'staffIds' | 'roomId' | 'status' | 'seriesId' | 'kind';
export type PanGroupPlainKey = 'id' | 'youngPersonId';
/** An alert's recipient, subject, body, reference and attachment are sealed; its state and times are plain. */
export type OutboxPlainKey =
  | 'id'
  | 'state'
  | 'youngPersonId'
  | 'event'
  | 'createdAt'
  | 'createdById'
  | 'queuedOn'
  | 'attempts'
  | 'nextAttemptAt'
  | 'sendingSince'
  | 'lastError'
  | 'lastErrorCode'
  | 'sentAt'
  | 'sentVia'
  | 'serverMessageId'
  | 'disclosureId';
export type ContactFormPlainKey =
  | 'id'
  | 'reference'
  | 'youngPersonId'
  | 'authorId'
  | 'dueAt'
  | 'status'
  | 'contactEndedAt'
  | 'restrictionFlaggedAt'
  | 'amendsFormId'
  | 'kind'
  | 'contactStartedAt'
  | 'filedAt'
  | 'staffIds';
/** A contact-form row; `listFieldsPending` marks one stored before its list fields were plain. */
export type ContactFormRow = SealedRow<ContactForm, ContactFormPlainKey> & { readonly listFieldsPending?: 1 };
/**
 * An action agreed on a filed form, tracked to done: ids, the date it is due by, whether it is open
 * and when its lateness was raised are plain (for "my actions" and the overdue check); what it
 * says, who was named and the note it was closed with, sealed.
 */
export type FormActionPlainKey =
  'id' | 'formId' | 'youngPersonId' | 'ownerStaffId' | 'dueOn' | 'status' | 'doneAt' | 'overdueRaisedAt';
export type FormActionRow = SealedRow<FormAction, FormActionPlainKey>;
/** A filed form's signed PDF (base64, sealed); `id` is the form's id. */
export type ContactFormFileRow = { readonly id: string; readonly sealed: SealedBox };
/** A sampled form's review: ids, outcome and time plain; the manager's comment sealed. */
export type SampleItemReviewPlainKey =
  'id' | 'sampleId' | 'formId' | 'outcome' | 'reviewedAt' | 'reviewedById';
/** A signed copy waiting for the case-file folder; `id` is the form's id. No personal data in the plain part. */
export type CaseFileQueueRow = {
  readonly id: string;
  readonly nextAttemptAt: string;
  readonly attempts: number;
  readonly lastError: string;
  readonly queuedAt: string;
};

export type StaffPlainKey = 'id' | 'username' | 'roles' | 'isActive';
export type StaffRow = SealedRow<StaffMember, StaffPlainKey>;

/**
 * A stored termly-review summary (derived data): ids, term, times and rules version plain; sealed,
 * the term's overview, and apart from it the whole review (read only for the records behind a figure).
 */
export type ReviewSummaryPlainKey =
  'id' | 'youngPersonId' | 'yearId' | 'termName' | 'computedAt' | 'stableUntil' | 'rulesVersion';
export type ReviewSummaryRow = SealedRow<ReviewSummary, ReviewSummaryPlainKey> & {
  readonly sealedWhole: SealedBox;
};
/** The one row of the summaries table that is not a summary: a token replaced whenever a review's inputs change. */
export type ReviewInputsMarkerRow = { readonly id: string; readonly token: string };

/** A sealed row that failed to open, noted once (`id` is `${table}:${rowId}`); ids only. */
export type DamagedRecordRow = {
  readonly id: string;
  readonly table: string;
  readonly rowId: string;
  readonly reason: DamagedReason;
  readonly foundAt: string;
};

/** Something typed but not yet saved, sealed, kept while the screen is locked. */
export type DraftRow = {
  readonly id: string;
  readonly ownerId: string;
  readonly updatedAt: string;
  readonly sealed: SealedBox;
};

/**
 * A sign-in event from before anyone held the audit key, as the main process stamps it; chained
 * into the log at the next sign-in. `at`, `n` and `tag` are the main process's stamp
 * (audit:seal-pending): a row without one, or whose stamp does not check, is chained in marked as
 * not verified.
 */
export type PendingAuditRow = Readonly<
  PendingAuditEvent & { id?: number; at: string; n?: number; tag?: string }
>;

/**
 * The one database. Only repositories touch its tables. Rows for tables not yet used by a screen
 * are declared here so the schema's shape is settled from version 1.
 */
export class FamilyLinksDb extends Dexie {
  declare settings: EntityTable<SettingRow, 'key'>;
  declare academicYears: EntityTable<AcademicYearRow, 'id'>;
  declare visitorLog: Table<VisitorLogRow, string>;
  declare audit: Table<ChainedAuditEntry, number>;
  declare staff: Table<StaffRow, string>;
  declare drafts: Table<DraftRow, string>;
  declare pendingAudit: Table<PendingAuditRow, number>;
  declare accountKeys: Table<AccountKeys, string>;
  declare youngPeople: Table<YoungPersonRow, string>;
  declare people: Table<SealedRow<Person, PersonPlainKey>, string>;
  declare relationships: Table<SealedRow<Relationship, RelationshipPlainKey>, string>;
  declare restrictions: Table<RestrictionRow, string>;
  declare restrictionHistory: Table<RestrictionHistoryRow, string>;
  declare declarations: Table<SealedRow<Declaration, DeclarationPlainKey>, string>;
  declare disclosures: Table<SealedRow<Disclosure, DisclosurePlainKey>, string>;
  declare rooms: Table<Room, string>;
  declare visits: Table<SealedRow<Visit, VisitPlainKey>, string>;
  declare panGroups: Table<SealedRow<PanGroup, PanGroupPlainKey>, string>;
  declare outbox: Table<SealedRow<OutboxMessage, OutboxPlainKey>, string>;
  declare contactForms: Table<ContactFormRow, string>;
  declare contactFormFiles: Table<ContactFormFileRow, string>;
  declare formActions: Table<FormActionRow, string>;
  declare caseFileQueue: Table<CaseFileQueueRow, string>;
  declare reviewSamples: Table<ReviewSample, string>;
  declare reviewSampleItems: Table<SealedRow<SampleItemReview, SampleItemReviewPlainKey>, string>;
  declare reviewSummaries: Table<ReviewSummaryRow | ReviewInputsMarkerRow, string>;
  declare damagedRecords: Table<DamagedRecordRow, string>;
  declare contactArrangements: Table<ContactArrangementRow, string>;
  declare contactArrangementAgreements: Table<ContactArrangementAgreementRow, string>;
  declare contactArrangementHistory: Table<ContactArrangementHistoryRow, string>;
  declare visitingProtocols: Table<VisitingProtocolRow, string>;
  declare protocolAcceptances: Table<ProtocolAcceptanceRow, string>;
  declare personSpecialDates: Table<PersonSpecialDatesRow, string>;
  declare syncDevice: Table<SyncDeviceRow, string>;
  declare syncChangeLog: Table<ChangeLogRow, number>;
  declare syncState: Table<SyncStateRow, string>;
  declare syncApplied: Table<SyncAppliedRow, string>;
  declare syncPeers: Table<SyncPeerRow, string>;
  declare syncProblems: Table<SyncProblemRow, string>;
  declare syncVersions: Table<SyncVersionRow, string>;
  declare syncConflicts: Table<SyncConflictRow, string>;

  /** The IndexedDB this database lives in (a fresh in-memory one in unit tests). */
  readonly factory: IDBFactory;

  constructor(name = databaseName, options: { upToVersion?: number; indexedDB?: IDBFactory } = {}) {
    // Strict durability everywhere: a transaction counts as done only once it is on disk. These
    // are legal records and the audit chain; a power cut must not lose an acknowledged save.
    super(name, {
      chromeTransactionDurability: 'strict',
      ...(options.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: globalThis.IDBKeyRange } : {}),
    });
    this.factory = options.indexedDB ?? globalThis.indexedDB;
    declareSchemaVersions(this, options.upToVersion);
    // Every write to a review's inputs deletes the summaries it makes stale, whoever writes.
    this.use(reviewSummaryInvalidation);
    // Once sync is set up, every write to a replicated table is logged in its own transaction.
    this.use(syncChangeLog);
  }
}

export type OpenFailureCode = 'newer-schema' | 'open-failed';

/**
 * Opens the database and refuses one made by a newer version of the app: Dexie would otherwise
 * open it anyway and this build would read and write a schema it does not know.
 */
export async function openFamilyLinksDb(
  db: FamilyLinksDb,
  knownInstalled?: { readonly version: number | undefined },
): Promise<Result<FamilyLinksDb, OpenFailureCode>> {
  // Look before opening: Dexie 4 opens a newer database anyway and may even add tables to it.
  // A caller that has just asked (the start) passes what it was told, saving a round trip.
  const installed = knownInstalled
    ? knownInstalled.version
    : await installedNativeVersion(db.factory, db.name);
  if (installed !== undefined && installed > latestSchemaVersion * 10) return newerSchema();
  try {
    await db.open();
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'VersionError') return newerSchema();
    return fail(
      'open-failed',
      'Family Links could not open its records on this computer. Close other Family Links windows and try again.',
    );
  }
  return ok(db);
}

/** The version IndexedDB holds for `name` (Dexie writes version n as n * 10), without opening it. */
export async function installedNativeVersion(factory: IDBFactory, name: string): Promise<number | undefined> {
  const databases = await factory.databases();
  return databases.find((database) => database.name === name)?.version;
}

function newerSchema() {
  return fail(
    'newer-schema',
    'These records were last opened by a newer version of Family Links. Install that version (or a later one) to open them; nothing has been changed.',
  );
}
