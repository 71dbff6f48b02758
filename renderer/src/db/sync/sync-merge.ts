import { Dexie } from 'dexie';
import { z } from 'zod';
import { restrictionRecordSchema } from '@shared/schemas/registers';
import { canonicalJson, mergeVersions, versionId, type Side } from '@shared/sync/record-merge';
import { detailWithDigest, isManagerSettingKey, settingDigest } from '@shared/rules/setting-trail';
import { academicYearDigest, academicYearRecordType } from '@shared/rules/academic-year-trail';
import type { AcademicYearRow, FamilyLinksDb } from '../database';
import { CompartmentLockedError, KeysDroppedError, type RecordCipher } from '../encryption/record-cipher';
import { auditLog, type AuditEventInput } from '../repositories/audit-log-repository';
import { contactFormCodec } from '../repositories/contact-form-codec';
import {
  contactArrangementAgreementCodec,
  contactArrangementCodec,
} from '../repositories/contact-plan-repository';
import { declarationCodec } from '../repositories/declaration-repository';
import { disclosureCodec } from '../repositories/disclosure-repository';
import { formActionCodec } from '../repositories/form-action-repository';
import { outboxCodec } from '../repositories/outbox-codec';
import { panGroupCodec } from '../repositories/pan-group-repository';
import { personCodec, personSpecialDatesCodec, relationshipCodec } from '../repositories/people-repository';
import { restrictionCodec } from '../repositories/restriction-codec';
import { sampleItemReviewCodec } from '../repositories/review-sample-repository';
import { staffCodec } from '../repositories/staff-repository';
import { visitCodec } from '../repositories/visit-codec';
import { sharedCaseNumberCodec, youngPersonCodec } from '../repositories/young-people-repository';
import type { AuditAnchorPort } from '../../platform/audit-anchor-port';
import { DamagedRecordError } from '../row-binding';
import type { SealedCodec } from '../sealed-codec';
import type { Session } from '../session';
import { settledByRule } from './alert-conflicts';
import { markSettling } from './change-log';
import { hasVersions, replicatedRowSchemas } from './replicated-rows';
import type { SyncConflictRow } from './sync-rows';

/**
 * How a changeable table's stored rows are opened into records and sealed again, for comparing
 * and merging the versions of a conflict (docs/sync-design.md, "Conflicts"). Rows are sealed, so
 * only a session holding the record's compartments can do either.
 */
export type ConflictCodec = {
  /** The record's schema: what a record made by combining versions must satisfy before it is sealed. */
  readonly schema: z.ZodType;
  open(row: unknown, cipher: RecordCipher): Promise<object>;
  /** `like`: a stored row of the same record, for a table whose codec depends on the row. */
  seal(record: object, cipher: RecordCipher, like: unknown): Promise<unknown>;
};

function sealedTable<Record, PlainKey extends keyof Record, Row>(
  codec: SealedCodec<Record, PlainKey, Row> & { readonly schema: z.ZodType },
): ConflictCodec {
  return sealedWith(codec, codec.schema);
}

function sealedWith<Record, PlainKey extends keyof Record, Row>(
  codec: SealedCodec<Record, PlainKey, Row>,
  schema: z.ZodType,
): ConflictCodec {
  return {
    schema,
    open: async (row, cipher) => (await codec.decode(row as Row, cipher)) as object,
    seal: (record, cipher) => codec.encode(record as Record, cipher),
  };
}

const youngPersonCodecOf = (row: unknown) =>
  typeof row === 'object' &&
  row !== null &&
  (Reflect.get(row, 'caseNumberIndex') as string | undefined)?.includes('~')
    ? sharedCaseNumberCodec
    : youngPersonCodec;

// Rows kept in the clear (a room, an academic year, a review sample, a setting): nothing to open.
function plainTable(table: string): ConflictCodec {
  const schema = replicatedRowSchemas[table];
  if (!schema) throw new Error(`No stored form for the plain table ${table}`);
  return {
    schema,
    open: (row) => Promise.resolve(row as object),
    seal: (record) => Promise.resolve(record),
  };
}

const conflictCodecs: Readonly<Record<string, ConflictCodec>> = {
  // A restriction's terms keep their own rules (it cannot end before it starts) however it is made.
  restrictions: sealedWith(restrictionCodec, restrictionRecordSchema),
  // A young person whose case number another shares keeps its shared index (as key changes do).
  youngPeople: {
    schema: youngPersonCodec.schema,
    open: (row, cipher) => youngPersonCodecOf(row).decode(row as never, cipher),
    seal: (record, cipher, like) => youngPersonCodecOf(like).encode(record as never, cipher),
  },
  people: sealedTable(personCodec),
  relationships: sealedTable(relationshipCodec),
  personSpecialDates: sealedTable(personSpecialDatesCodec),
  declarations: sealedTable(declarationCodec),
  disclosures: sealedTable(disclosureCodec),
  visits: sealedTable(visitCodec),
  panGroups: sealedTable(panGroupCodec),
  contactForms: sealedTable(contactFormCodec),
  formActions: sealedTable(formActionCodec),
  reviewSampleItems: sealedTable(sampleItemReviewCodec),
  contactArrangements: sealedTable(contactArrangementCodec),
  contactArrangementAgreements: sealedTable(contactArrangementAgreementCodec),
  staff: sealedTable(staffCodec),
  outbox: sealedTable(outboxCodec),
  // A home setting is one value: two computers changing it at once is for the manager to choose.
  settings: plainTable('settings'),
  academicYears: plainTable('academicYears'),
  rooms: plainTable('rooms'),
  reviewSamples: plainTable('reviewSamples'),
};

/**
 * Fields every change sets (who made the version, and when): they follow the winning version
 * and never make a conflict, or no two changes to a restriction could ever merge.
 */
const stampsOf: Readonly<Record<string, readonly string[]>> = {
  restrictions: ['changedAt', 'changedById'],
  panGroups: ['updatedAt', 'updatedById'],
};

export const conflictStampsOf = (table: string): readonly string[] => stampsOf[table] ?? [];

/** The codec for a changeable table's conflicts (for the test that every changeable table has one). */
export const conflictCodecOf = (table: string): ConflictCodec | undefined =>
  hasVersions(table) ? conflictCodecs[table] : undefined;

/** A conflict's versions opened: the base (undefined when new or not known) and each side's record. */
export type OpenedConflict = {
  readonly conflict: SyncConflictRow;
  readonly base: object | undefined;
  readonly sides: readonly (Side<object> & { readonly at: string })[];
};

/**
 * Opens every version of a conflict with this session's keys; undefined when a version is in a
 * compartment the session does not hold, the keys were dropped by a lock meanwhile, or a version
 * does not open (damaged: left for the manager, never merged over).
 */
export async function openConflict(
  conflict: SyncConflictRow,
  cipher: RecordCipher,
): Promise<OpenedConflict | undefined> {
  const codec = conflictCodecOf(conflict.table);
  if (!codec) return undefined;
  const open = (row: unknown) => (row === undefined ? undefined : codec.open(row, cipher));
  try {
    const [base, ...records] = await Promise.all([
      open(conflict.base.row),
      ...conflict.sides.map((side) => open(side.row)),
    ]);
    const sides = conflict.sides.map((side, index) => ({
      d: side.d,
      n: side.n,
      at: side.at,
      record: records[index],
    }));
    return { conflict, base, sides };
  } catch (error) {
    if (
      error instanceof CompartmentLockedError ||
      error instanceof KeysDroppedError ||
      error instanceof DamagedRecordError
    )
      return undefined;
    throw error;
  }
}

/** The versions a conflict holds, as a settling change names them. */
export const versionsOf = (conflict: SyncConflictRow): string[] => conflict.sides.map(versionId);

const sameConflict = (a: SyncConflictRow | undefined, b: SyncConflictRow) =>
  a !== undefined &&
  a.base.version === b.base.version &&
  canonicalJson(versionsOf(a).sort()) === canonicalJson(versionsOf(b).sort());

/** The conflict moved on (a change arrived) between reading it and writing: the write is not made. */
class ConflictMoved extends Error {}

export type SettleWrite = {
  readonly conflict: SyncConflictRow;
  /** The record to write as the settling change; undefined to delete it; `unchanged` for no change at all. */
  readonly record: object | undefined | 'unchanged';
  readonly event: AuditEventInput;
};

/**
 * Settles a conflict in one transaction with its audit entry: checks it is still the conflict
 * that was read, closes it and (unless every side was the same) writes the record as a change
 * naming every version it settles (`markSettling`), which closes it on every other computer.
 * False when the conflict moved on meanwhile.
 */
export async function settleConflict(
  db: FamilyLinksDb,
  session: Session,
  settle: SettleWrite,
  options: { readonly anchor?: AuditAnchorPort; readonly now: Date },
): Promise<boolean> {
  const { conflict, record } = settle;
  const codec = conflictCodecOf(conflict.table);
  if (!codec) return false;
  const like = conflict.sides.find((side) => side.row !== undefined)?.row;
  const row =
    record === undefined || record === 'unchanged' ? record : await codec.seal(record, session.cipher, like);
  const table = db.table(conflict.table);
  const event = await withTrailDigest(db, conflict, row, settle.event);
  try {
    await auditLog(db, options.anchor).write(
      { actorId: session.staff.id, auditKey: session.auditKey },
      [event],
      [table, db.syncConflicts],
      async () => {
        if (!sameConflict(await db.syncConflicts.get(conflict.id), conflict)) throw new ConflictMoved();
        await db.syncConflicts.delete(conflict.id);
        if (row === 'unchanged') return;
        const transaction = Dexie.currentTransaction;
        if (transaction) markSettling(transaction, conflict.table, conflict.key, versionsOf(conflict));
        if (row === undefined) await table.delete(conflict.key);
        else await table.put(row);
      },
      options.now,
    );
    return true;
  } catch (error) {
    if (error instanceof ConflictMoved) return false;
    throw error;
  }
}

/**
 * A settled manager setting's or academic year's entry ends with the digest of what it settles
 * on, as a save's does (`setting-trail.ts`, `academic-year-trail.ts`): reads hold the row to it
 * from then on. The entry's record type is the table's, the one saves use too, so a read finds
 * both. Worked out before the transaction, which would commit while waiting on WebCrypto.
 */
async function withTrailDigest(
  db: FamilyLinksDb,
  conflict: SyncConflictRow,
  row: unknown,
  event: AuditEventInput,
): Promise<AuditEventInput> {
  if (row === undefined) return event;
  const digest = await trailDigestOf(db, conflict, row);
  return digest === undefined ? event : { ...event, detail: detailWithDigest(event.detail, digest) };
}

async function trailDigestOf(
  db: FamilyLinksDb,
  conflict: SyncConflictRow,
  row: unknown,
): Promise<string | undefined> {
  if (conflict.table === 'settings' && isManagerSettingKey(conflict.key)) {
    const written = row === 'unchanged' ? await db.settings.get(conflict.key) : row;
    if (typeof written !== 'object' || written === null || !('value' in written)) return undefined;
    return settingDigest(conflict.key, written.value);
  }
  if (conflict.table === academicYearRecordType) {
    const written = row === 'unchanged' ? await db.academicYears.get(conflict.key) : row;
    const parsed = replicatedRowSchemas.academicYears?.safeParse(written);
    return parsed?.success ? academicYearDigest(written as AcademicYearRow) : undefined;
  }
  return undefined;
}

export type MergeOutcome = {
  /** Merged field by field and written as a change that settles them. */
  readonly merged: number;
  /** Every side the same once opened: closed with no new change. */
  readonly settled: number;
  /** Changed the same field two ways: left for the manager to choose. */
  readonly forManager: number;
  /** Not opened with this session's keys (or damaged): left as they are. */
  readonly notOpened: number;
};

const passes = new WeakMap<FamilyLinksDb, Promise<MergeOutcome>>();

/**
 * The merging pass (docs/sync-design.md, "Conflicts"): for a signed-in computer whose session
 * holds a conflict's compartments, opens its versions and
 * - every side the same (two computers merged alike, or copies): closes it with no new change;
 * - the sides changed different fields: writes the merged record as a change that settles them;
 * - the same field changed two ways: notes the fields (`conflicting`) for the manager to choose.
 * Each settlement is audited (`sync.merged`). The result is the same whichever computer merges
 * and in whatever order the sides arrived (`mergeVersions`). One pass at a time per database.
 */
export function mergeOpenConflicts(
  db: FamilyLinksDb,
  session: Session,
  options: { readonly anchor?: AuditAnchorPort; readonly clock?: () => Date } = {},
): Promise<MergeOutcome> {
  const running = passes.get(db);
  if (running) return running.then(() => mergeOpenConflicts(db, session, options));
  const pass = mergePass(db, session, options).finally(() => passes.delete(db));
  passes.set(db, pass);
  return pass;
}

async function mergePass(
  db: FamilyLinksDb,
  session: Session,
  options: { readonly anchor?: AuditAnchorPort; readonly clock?: () => Date },
): Promise<MergeOutcome> {
  const clock = options.clock ?? (() => new Date());
  const outcome = { merged: 0, settled: 0, forManager: 0, notOpened: 0 };
  for (const conflict of await db.syncConflicts.toArray()) {
    const opened = await openConflict(conflict, session.cipher);
    if (!opened) {
      outcome.notOpened += 1;
      continue;
    }
    const event = (detail: string): AuditEventInput => ({
      action: 'sync.merged',
      recordType: conflict.table,
      recordId: conflict.key,
      detail,
    });
    const first = canonicalJson(opened.sides[0]?.record);
    if (opened.sides.every((side) => canonicalJson(side.record) === first)) {
      const done = await settleConflict(
        db,
        session,
        { conflict, record: 'unchanged', event: event('the same on every computer') },
        { anchor: options.anchor, now: clock() },
      );
      if (done) outcome.settled += 1;
      continue;
    }
    // An alert raised on two computers apart: nothing for the manager to choose (alert-conflicts.ts).
    const ruled = settledByRule(opened);
    if (ruled) {
      const done = await settleConflict(
        db,
        session,
        { conflict, record: ruled.record, event: event(ruled.detail) },
        { anchor: options.anchor, now: clock() },
      );
      if (done) outcome.merged += 1;
      continue;
    }
    const result = mergeVersions(opened.base, opened.sides, { stamps: conflictStampsOf(conflict.table) });
    if (result.conflicting.length > 0) {
      outcome.forManager += 1;
      if (canonicalJson(conflict.conflicting) !== canonicalJson(result.conflicting))
        await db.transaction('rw', db.syncConflicts, async () => {
          const now = await db.syncConflicts.get(conflict.id);
          if (sameConflict(now, conflict))
            await db.syncConflicts.put({ ...conflict, conflicting: result.conflicting });
        });
      continue;
    }
    // No field changed two ways; a side that deleted the record is followed when the others left it as it was.
    const deleted = opened.sides.some((side) => side.record === undefined);
    const done = await settleConflict(
      db,
      session,
      { conflict, record: deleted ? undefined : result.record, event: event('merged field by field') },
      { anchor: options.anchor, now: clock() },
    );
    if (done) outcome.merged += 1;
  }
  return outcome;
}
