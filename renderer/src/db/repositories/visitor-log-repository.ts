import { can } from '@shared/rules/access';
import { fail, ok, type Result } from '@shared/result';
import type { BadgePaper } from '@shared/rules/visitor-badge';
import {
  buildVisitorSearchIndex,
  searchVisitors,
  type VisitorSearchHit,
  type VisitorSearchIndex,
} from '@shared/rules/visitor-search';
import { visitorEntrySchema, type VisitorEntry } from '@shared/schemas/registers';
import type { FamilyLinksDb, VisitorLogRow } from '../database';
import type { RecordCipher } from '../encryption/record-cipher';
import { recordWriter } from '../record-writer';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import { checkVisitorAtDoor } from './visitor-door-check';
import {
  oneAtATime,
  recordBadgePrinted,
  signInVisitor,
  turnAwayVisitor,
  type CheckedVisitor,
} from './visitor-door-writes';
import {
  sameNameKey,
  searchIndexes,
  undoSignOutWindowMs,
  visitorLogCodec,
  type DoorChecker,
  type RegisterChangeError,
  type SignInError,
  type TurnedAway,
} from './visitor-log-rows';
import {
  amendVisitorEntry,
  signOutVisitor,
  type Correction,
  type SignedOut,
} from './visitor-register-changes';

export {
  turnedAwayReference,
  undoSignOutWindowMs,
  type DoorChecker,
  type RegisterChangeError,
  type SignInError,
  type TurnedAway,
} from './visitor-log-rows';

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

  const repository = {
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
    checkVisitor: (session: Session, visitor: CheckedVisitor, check: DoorChecker, today: string) =>
      checkVisitorAtDoor(db, session, visitor, check, today),

    /** Someone with this name (or this registered person) signed in and not yet out, if any. */
    async alreadyOnSite(visitor: {
      readonly visitorName: string;
      readonly personId?: string | undefined;
    }): Promise<VisitorEntry | undefined> {
      const key = sameNameKey(visitor.visitorName);
      return (await this.onSite()).find(
        (entry) =>
          (visitor.personId !== undefined && entry.personId === visitor.personId) ||
          sameNameKey(entry.visitorName) === key,
      );
    },

    /**
     * Signs a visitor in. The restriction check is run here again, on the register's own data, so
     * no screen can skip it: a name too short to check is refused; a close name needs its ID check
     * first; a block needs a manager's override with a reason (written to the audit log); a
     * supervised-only match needs the supervising member of staff. Someone already on site under
     * the same name is not signed in twice (a button pressed twice, or two people at two desks).
     */
    signIn(
      session: Session,
      input: unknown,
      check: DoorChecker,
      today: string,
      override?: { readonly reason: string },
    ): Promise<Result<VisitorEntry, SignInError>> {
      return oneAtATime(db, () => signInVisitor(doorWrites, session, input, check, today, override));
    },

    /** Notes in the audit log that a visitor's badge was printed, on what paper (no name). */
    badgePrinted: (session: Session, id: string, paper: BadgePaper) =>
      recordBadgePrinted({ db, cipher, clock }, session, id, paper),

    /** Records the time a visitor left: the one change an entry ever gets. */
    async signOut(session: Session, id: string): Promise<Result<VisitorEntry, RegisterChangeError>> {
      const left = await this.leave(session, id);
      return left.ok ? ok(left.value.entry) : left;
    },

    /**
     * Signs a visitor out, and in the same transaction what follows (`visitor-register-changes.ts`).
     */
    leave(session: Session, id: string): Promise<Result<SignedOut, RegisterChangeError>> {
      return signOutVisitor(changeContext, session, id);
    },
    /**
     * Corrects an entry: a new entry naming the one it corrects, with the reason
     * (`visitor-register-changes.ts`); the original is kept exactly as it was.
     */
    amend(session: Session, ...correction: Correction): Promise<Result<VisitorEntry, RegisterChangeError>> {
      return amendVisitorEntry(changeContext, session, ...correction);
    },
    /**
     * Puts back on site a visitor signed out by mistake, within `undoSignOutWindowMs` of the
     * sign-out: a correction naming the signed-out entry, audited, like any other. After that the
     * way is a correction in the register, with a reason.
     */
    async undoSignOut(session: Session, id: string): Promise<Result<VisitorEntry, RegisterChangeError>> {
      if (!can(session.roles, 'visitor-log:sign-in'))
        return fail('forbidden', 'You cannot sign visitors in or out.');
      const row = await db.visitorLog.get(id);
      if (!row) return fail('not-found', 'That register entry is not here.');
      const entry = await visitorLogCodec.decode(row, cipher);
      if (!entry.departedAt) return fail('invalid', `${entry.visitorName} is still signed in.`);
      if (clock().getTime() - Date.parse(entry.departedAt) > undoSignOutWindowMs)
        return fail(
          'too-late',
          'It is more than 2 minutes since they were signed out. Correct the entry in the Visitor register instead.',
        );
      return this.amend(
        session,
        id,
        entry,
        'Signed out by mistake: put back on site from the front door.',
        () => {
          throw new Error('Putting a visitor back changes nobody’s name: there is nothing to check.');
        },
        '',
        { isBackOnSite: true, isUndoAtTheDoor: true },
      );
    },

    /**
     * Records that a visitor was turned away at the door (DESIGN rule 6: "a person turned away is
     * recorded too"): an entry of its own kind, in the audit log, and an alert (initials and a
     * reference only) to the duty manager and the PT of each young person whose restriction
     * matched, or whom they came to see; the alerts are queued in the same transaction as the entry.
     */
    turnAway(
      session: Session,
      input: unknown,
      check: DoorChecker,
      today: string,
    ): Promise<Result<TurnedAway, SignInError>> {
      return oneAtATime(db, () => turnAwayVisitor(doorWrites, session, input, check, today));
    },

    /** Visits signed out since `fromIso`, most recently signed out first (to put one back). */
    async signedOutSince(fromIso: string): Promise<VisitorEntry[]> {
      const rows = await db.visitorLog.where('departedAt').aboveOrEqual(fromIso).toArray();
      const entries = await latestVersions(await open(rows));
      return entries.sort((a, b) => (b.departedAt ?? '').localeCompare(a.departedAt ?? ''));
    },

    /**
     * Everyone who came to the door or left in [from, to): visits that began or ended then, and
     * people turned away; latest versions only, by arrival (the end-of-shift handover).
     */
    async activityBetween(fromIso: string, toIso: string): Promise<VisitorEntry[]> {
      const [arrived, departed] = await Promise.all([
        db.visitorLog.where('arrivedAt').between(fromIso, toIso, true, false).toArray(),
        db.visitorLog.where('departedAt').between(fromIso, toIso, true, false).toArray(),
      ]);
      const rows = [...new Map([...arrived, ...departed].map((row) => [row.id, row])).values()];
      const entries = await latestVersions(await open(rows));
      return entries.sort((a, b) => a.arrivedAt.localeCompare(b.arrivedAt));
    },
  };

  const doorWrites = {
    db,
    cipher,
    clock,
    checkVisitor: (session: Session, visitor: CheckedVisitor, check: DoorChecker, today: string) =>
      repository.checkVisitor(session, visitor, check, today),
    alreadyOnSite: (visitor: { readonly visitorName: string; readonly personId?: string | undefined }) =>
      repository.alreadyOnSite(visitor),
    listArrivedBetween: (fromIso: string, toIso: string) => repository.listArrivedBetween(fromIso, toIso),
  };
  const changeContext = { ...doorWrites, onSite: () => repository.onSite() };

  return repository;
}
