import {
  visitorEntrySchema,
  visitorSignInFormSchema,
  type Restriction,
  type VisitorEntry,
} from '@shared/schemas/registers';
import { can } from '@shared/rules/access';
import { fieldMessages } from '@shared/ipc/ipc-result';
import { fail, ok, type Result } from '@shared/result';
import type { FamilyLinksDb, VisitorLogPlainKey, VisitorLogRow } from '../database';
import type { RecordCipher } from '../encryption/record-cipher';
import { recordWriter } from '../record-writer';
import { createSealedCodec, type SealedCodec } from '../sealed-codec';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import type { AuditEventInput } from './audit-log-repository';
import { restrictionRepository } from './restriction-repository';
import {
  addToVisitorSearchIndex,
  buildVisitorSearchIndex,
  searchVisitors,
  type VisitorSearchHit,
  type VisitorSearchIndex,
} from '@shared/rules/visitor-search';
import { peopleRepository } from './people-repository';

const sealedEntryCodec = createSealedCodec('visitorLog', visitorEntrySchema, [
  'id',
  'arrivedAt',
  'departedAt',
  'visitingYoungPersonIds',
  'amendsEntryId',
] satisfies VisitorLogPlainKey[]);

/** A register entry as stored: sealed, with `isOnSite` beside it for the fire roll's index. */
export const visitorLogCodec: SealedCodec<VisitorEntry, VisitorLogPlainKey, VisitorLogRow> = {
  table: sealedEntryCodec.table,
  async encode(entry, cipher) {
    return { ...(await sealedEntryCodec.encode(entry, cipher)), isOnSite: entry.departedAt ? 0 : 1 };
  },
  decode: (row, cipher) => sealedEntryCodec.decode(row, cipher),
};

/** What the restriction check says about one visitor: the door acts on this. */
export type DoorVerdict = {
  readonly kind: 'clear' | 'warn' | 'block';
  readonly restrictionIds: readonly string[];
  /** A supervised-only match: a member of staff must be named to supervise. */
  readonly needsSupervisor: boolean;
};

/** The restriction check, passed in (it lives in shared/rules); the repository runs it itself. */
export type DoorChecker = (
  visitor: {
    readonly name: string;
    readonly personId?: string | undefined;
    /** For a registered person: every name they are known by (name and aliases), for the check. */
    readonly knownNames?: readonly string[];
  },
  youngPersonIds: readonly string[],
  restrictionsInForce: readonly Restriction[],
) => DoorVerdict;

export type SignInError = 'forbidden' | 'invalid' | 'blocked' | 'needs-supervisor';
export type RegisterChangeError = 'forbidden' | 'invalid' | 'not-found' | 'already-signed-out' | 'superseded';

// One search index per signed-in session: keyed by the session's cipher, so it goes when the
// session (and its keys) go, and a locked screen leaves no names in memory.
const searchIndexes = new WeakMap<RecordCipher, Promise<VisitorSearchIndex>>();

/**
 * The visitor register (Children's Homes Regulations 2015, Sch. 4 para 5), a legal record. An
 * entry is added at sign-in and completed once at sign-out; it is never otherwise changed or
 * deleted. A correction is a new entry that names the one it corrects, with a reason; lists show
 * the latest version of each, and the original stays as it was.
 */
export function visitorLogRepository(
  db: FamilyLinksDb,
  cipher: RecordCipher,
  clock: () => Date = () => new Date(),
) {
  const store = sealedStore(db.visitorLog, visitorLogCodec);
  const records = recordWriter(db, clock);
  const open = (rows: readonly VisitorLogRow[]) =>
    Promise.all(rows.map((row) => visitorLogCodec.decode(row, cipher)));

  /** Drops entries that a later correction replaces. */
  async function latestVersions(entries: VisitorEntry[]): Promise<VisitorEntry[]> {
    if (entries.length === 0) return entries;
    const corrected = new Set(
      await db.visitorLog
        .where('amendsEntryId')
        .anyOf(entries.map((entry) => entry.id))
        .toArray()
        .then((rows) => rows.map((row) => row.amendsEntryId)),
    );
    return entries.filter((entry) => !corrected.has(entry.id));
  }

  return {
    /** Adds many entries in one transaction: all of them or, on any failure, none (fixtures; not audited). */
    async addMany(session: Session, entries: readonly VisitorEntry[]): Promise<void> {
      const checked = entries.map((entry) => visitorEntrySchema.parse(entry));
      await records.write(session, { events: [], writes: [store.insertAll(checked)] });
    },

    /** Entries whose arrival falls in [from, to), earliest first, read by the `arrivedAt` index. */
    async listArrivedBetween(fromIso: string, toIso: string): Promise<VisitorEntry[]> {
      const rows = await db.visitorLog.where('arrivedAt').between(fromIso, toIso, true, false).toArray();
      return open(rows);
    },

    /** The register for a period as staff read it: latest versions only, earliest first. */
    async registerBetween(fromIso: string, toIso: string): Promise<VisitorEntry[]> {
      return latestVersions(await this.listArrivedBetween(fromIso, toIso));
    },

    /**
     * The register's names, opened once per session in the background and kept in memory only.
     * Building it reads and opens every entry (about 2 s for 100,000 on an office computer).
     */
    searchIndex(): Promise<VisitorSearchIndex> {
      let index = searchIndexes.get(cipher);
      if (!index) {
        index = (async () => {
          const rows = await db.visitorLog.toArray();
          const entries = await open(rows);
          return buildVisitorSearchIndex(entries);
        })();
        searchIndexes.set(cipher, index);
        index.catch(() => searchIndexes.delete(cipher));
      }
      return index;
    },

    /** Past visitors whose name matches what has been typed so far, newest first; corrections, not originals. */
    async search(query: string, limit = 20): Promise<VisitorSearchHit[]> {
      return searchVisitors(await this.searchIndex(), query, limit);
    },

    /** Everyone signed in and not yet out (the fire roll), by arrival. */
    async onSite(): Promise<VisitorEntry[]> {
      const rows = await db.visitorLog.where('isOnSite').equals(1).toArray();
      const entries = await latestVersions(await open(rows));
      return entries.sort((a, b) => a.arrivedAt.localeCompare(b.arrivedAt));
    },

    /** Every version of one entry, original first: what the register shows for a corrected line. */
    async versions(id: string): Promise<VisitorEntry[]> {
      const chain: VisitorEntry[] = [];
      let current = await db.visitorLog.get(id);
      while (current) {
        chain.unshift(await visitorLogCodec.decode(current, cipher));
        current = current.amendsEntryId ? await db.visitorLog.get(current.amendsEntryId) : undefined;
      }
      let next = await db.visitorLog.where('amendsEntryId').equals(id).first();
      while (next) {
        chain.push(await visitorLogCodec.decode(next, cipher));
        next = await db.visitorLog.where('amendsEntryId').equals(next.id).first();
      }
      return chain;
    },

    /** The restriction check on the register's own data, for a visitor as the form describes them. */
    async checkVisitor(
      session: Session,
      visitor: {
        readonly visitorName: string;
        readonly personId?: string | undefined;
        readonly visitingYoungPersonIds: readonly string[];
      },
      check: DoorChecker,
      today: string,
    ): Promise<DoorVerdict> {
      const restrictions = await restrictionRepository(db).listForCheck(session, today);
      // A registered visitor is checked under every name they are known by, not just as typed.
      const person = visitor.personId
        ? await peopleRepository(db).getPerson(session, visitor.personId)
        : undefined;
      const knownNames = person
        ? [`${person.firstName} ${person.lastName}`.trim(), ...person.aliases]
        : undefined;
      return check(
        { name: visitor.visitorName, personId: visitor.personId, ...(knownNames ? { knownNames } : {}) },
        visitor.visitingYoungPersonIds,
        restrictions,
      );
    },

    /**
     * Signs a visitor in. The restriction check is run here again, on the register's own data, so
     * no screen can skip it: a block needs a manager's override with a reason (written to the audit
     * log), and a supervised-only match needs the supervising member of staff.
     */
    async signIn(
      session: Session,
      input: unknown,
      check: DoorChecker,
      today: string,
      override?: { readonly reason: string },
    ): Promise<Result<VisitorEntry, SignInError>> {
      if (!can(session.roles, 'visitor-log:sign-in'))
        return fail('forbidden', 'You cannot sign visitors in.');
      const form = visitorSignInFormSchema.safeParse(input);
      if (!form.success) return fail('invalid', 'Some details need correcting.', fieldMessages(form.error));
      const verdict = await this.checkVisitor(session, form.data, check, today);
      let outcome: VisitorEntry['restrictionCheck'] = verdict.kind;
      const events: AuditEventInput[] = [];
      const now = clock();
      const id = crypto.randomUUID();
      if (verdict.kind === 'block') {
        if (!override) return fail('blocked', 'Do not admit this visitor. Speak to the duty manager.');
        if (!can(session.roles, 'restriction:override'))
          return fail('forbidden', 'Only the Registered Manager can override a restriction at the door.');
        if (!override.reason.trim())
          return fail('invalid', 'Say why you are overriding the restriction.', {
            overrideReason: 'Say why you are overriding the restriction.',
          });
        outcome = 'overridden';
        events.push({
          action: 'visitor.override',
          recordType: 'visitorLog',
          recordId: id,
          detail: `restrictions: ${verdict.restrictionIds.join(', ')}`,
        });
      }
      if (verdict.needsSupervisor && !form.data.supervisingStaffId) {
        return fail(
          'needs-supervisor',
          'This visit must be supervised. Name the member of staff who will supervise.',
          { supervisingStaffId: 'Choose who will supervise this visit.' },
        );
      }
      const entry = visitorEntrySchema.parse({
        ...form.data,
        id,
        arrivedAt: now.toISOString(),
        admittedById: session.staff.id,
        restrictionCheck: outcome,
        matchedRestrictionIds: [...verdict.restrictionIds],
        recordedAt: now.toISOString(),
        ...(outcome === 'overridden' && override
          ? { overriddenById: session.staff.id, overrideReason: override.reason.trim() }
          : {}),
      });
      events.unshift({
        action: 'visitor.signed-in',
        recordType: 'visitorLog',
        recordId: id,
        detail: `check: ${outcome}`,
      });
      await records.write(session, { at: now, events, writes: [store.insert(entry)] });
      const index = searchIndexes.get(cipher);
      if (index) addToVisitorSearchIndex(await index, entry);
      return ok(entry);
    },

    /** Records the time a visitor left: the one change an entry ever gets. */
    async signOut(session: Session, id: string): Promise<Result<VisitorEntry, RegisterChangeError>> {
      if (!can(session.roles, 'visitor-log:sign-in'))
        return fail('forbidden', 'You cannot sign visitors out.');
      const row = await db.visitorLog.get(id);
      if (!row) return fail('not-found', 'That register entry is not here.');
      const entry = await visitorLogCodec.decode(row, cipher);
      if (entry.departedAt) return fail('already-signed-out', 'This visitor has already been signed out.');
      const now = clock();
      const completed = { ...entry, departedAt: now.toISOString() };
      const written = await records.write(session, {
        at: now,
        events: [{ action: 'visitor.signed-out', recordType: 'visitorLog', recordId: id }],
        writes: [store.put(completed)],
        async check() {
          const stored = await db.visitorLog.get(id);
          if (!stored || stored.departedAt)
            return fail('already-signed-out', 'This visitor has already been signed out.');
          if ((await db.visitorLog.where('amendsEntryId').equals(id).count()) > 0)
            return fail('superseded', 'This entry has been corrected: sign out the corrected entry.');
          return undefined;
        },
      });
      if (!written.ok) return written;
      return ok(completed);
    },

    /**
     * Corrects an entry: a new entry with the corrected details and the reason, naming the one it
     * corrects. The original is kept exactly as it was, and only the latest version can be corrected.
     */
    async amend(
      session: Session,
      id: string,
      corrected: unknown,
      reason: string,
      check: DoorChecker,
      today: string,
    ): Promise<Result<VisitorEntry, RegisterChangeError>> {
      if (!can(session.roles, 'visitor-log:amend'))
        return fail('forbidden', 'You cannot correct the register.');
      if (!reason.trim())
        return fail('invalid', 'Say what was wrong with the entry.', {
          amendmentReason: 'Say what was wrong, for example “wrong badge number”.',
        });
      const row = await db.visitorLog.get(id);
      if (!row) return fail('not-found', 'That register entry is not here.');
      const original = await visitorLogCodec.decode(row, cipher);
      const form = visitorSignInFormSchema.safeParse(corrected);
      if (!form.success) return fail('invalid', 'Some details need correcting.', fieldMessages(form.error));
      const now = clock();
      // The register must say what really happened, so a correction is never refused for naming
      // someone restricted; but who came and whom they saw are checked again, the result is
      // recorded on the correction, and a restricted match gets an audit entry of its own.
      const whoChanged =
        form.data.visitorName !== original.visitorName ||
        form.data.personId !== original.personId ||
        form.data.visitingYoungPersonIds.join() !== original.visitingYoungPersonIds.join();
      const recheck = whoChanged ? await this.checkVisitor(session, form.data, check, today) : undefined;
      const amendment = visitorEntrySchema.parse({
        ...original,
        ...form.data,
        id: crypto.randomUUID(),
        amendsEntryId: id,
        amendmentReason: reason.trim(),
        amendedById: session.staff.id,
        recordedAt: now.toISOString(),
        ...(recheck && recheck.kind !== 'clear' && original.restrictionCheck !== 'overridden'
          ? { restrictionCheck: recheck.kind, matchedRestrictionIds: [...recheck.restrictionIds] }
          : {}),
      });
      const index = searchIndexes.get(cipher);
      const events: AuditEventInput[] = [
        {
          action: 'visitor.amended',
          recordType: 'visitorLog',
          recordId: amendment.id,
          detail: `corrects ${id}`,
        },
      ];
      if (recheck && recheck.kind !== 'clear') {
        events.push({
          action: 'visitor.restriction-on-correction',
          recordType: 'visitorLog',
          recordId: amendment.id,
          detail: `${recheck.kind}: ${recheck.restrictionIds.join(', ')}`,
        });
      }
      // The original is kept as it was; the correction takes its place in every list.
      const written = await records.write(session, {
        at: now,
        events,
        writes: [store.insert(amendment)],
        async check() {
          return (await db.visitorLog.where('amendsEntryId').equals(id).count()) > 0
            ? fail('superseded', 'This entry has already been corrected. Correct the latest version instead.')
            : undefined;
        },
      });
      if (!written.ok) return written;
      if (index) addToVisitorSearchIndex(await index, amendment);
      return ok(amendment);
    },
  };
}
