import {
  visitorSignInFormSchema,
  visitorTurnAwayFormSchema,
  type VisitorEntry,
} from '@shared/schemas/registers';
import { can } from '@shared/rules/access';
import { fieldMessages } from '@shared/ipc/ipc-result';
import { fail, ok, type Result } from '@shared/result';
import type { FamilyLinksDb, VisitorLogRow } from '../database';
import type { RecordCipher } from '../encryption/record-cipher';
import { recordWriter } from '../record-writer';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import type { AuditEventInput } from './audit-log-repository';
import {
  addToVisitorSearchIndex,
  buildVisitorSearchIndex,
  searchVisitors,
  type VisitorSearchHit,
  type VisitorSearchIndex,
} from '@shared/rules/visitor-search';
import { visitorEntrySchema } from '@shared/schemas/registers';
import { checkVisitorAtDoor } from './visitor-door-check';
import { signOutFollowUp } from './door-diary';
import type { ContactForm } from '@shared/schemas/contact-forms';
import type { Visit } from '@shared/schemas/visits';

/** A visitor signed out, and what followed: a booked visit ended, contact forms due, the PT told. */
export type SignedOut = {
  readonly entry: VisitorEntry;
  readonly dueForms: readonly ContactForm[];
  readonly endedVisit: Visit | undefined;
  readonly alertedPersonalTutor: boolean;
  /** Forms fell due but the PT's email alert could not be queued: someone must tell them. */
  readonly isAlertNotQueued: boolean;
};
import {
  oneAtATime,
  recordBadgePrinted,
  signInVisitor,
  turnAwayVisitor,
  type CheckedVisitor,
} from './visitor-door-writes';
import type { BadgePaper } from '@shared/rules/visitor-badge';
import {
  sameNameKey,
  searchIndexes,
  undoSignOutWindowMs,
  visitorLogCodec,
  withoutIdChoices,
  type DoorChecker,
  type RegisterChangeError,
  type SignInError,
  type TurnedAway,
} from './visitor-log-rows';

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
     * Signs a visitor out, and in the same transaction what follows (door-diary.ts): a booked
     * visit they came for ended and its contact form due once the last of its visitors leaves; for
     * a family visitor who came without a booking, a form due for the young person's PT and the PT
     * alerted. The register is a legal record and the visitor is leaving, so a sign-out is never
     * refused for want of an alert (as for a person turned away): it is then kept without it, the
     * audit log says the PT was not emailed, and the door is told to tell them.
     */
    async leave(session: Session, id: string): Promise<Result<SignedOut, RegisterChangeError>> {
      if (!can(session.roles, 'visitor-log:sign-in'))
        return fail('forbidden', 'You cannot sign visitors out.');
      const row = await db.visitorLog.get(id);
      if (!row) return fail('not-found', 'That register entry is not here.');
      const entry = await visitorLogCodec.decode(row, cipher);
      if (entry.kind === 'turnedAway')
        return fail('invalid', 'This person was turned away at the door, so they were never signed in.');
      if (entry.departedAt) return fail('already-signed-out', 'This visitor has already been signed out.');
      const now = clock();
      const completed = { ...entry, departedAt: now.toISOString() };
      const followUp = await signOutFollowUp(db, session, completed, await this.onSite(), clock);
      if (!followUp.ok) return followUp;
      const { alerts } = followUp.value;
      const write = (withAlerts: boolean) => {
        const isNotAlerted = followUp.value.isAlertNotQueued || (alerts !== undefined && !withAlerts);
        return records.write(session, {
          at: now,
          events: [
            { action: 'visitor.signed-out', recordType: 'visitorLog', recordId: id },
            ...followUp.value.events,
            ...(withAlerts && alerts ? alerts.events : []),
            ...(isNotAlerted
              ? [{ action: 'visitor.unbooked-visit-not-alerted', recordType: 'visitorLog', recordId: id }]
              : []),
          ],
          writes: [
            store.put(completed),
            ...followUp.value.writes,
            ...(withAlerts && alerts ? alerts.writes : []),
          ],
          async check() {
            const stored = await db.visitorLog.get(id);
            if (!stored || stored.departedAt)
              return fail('already-signed-out', 'This visitor has already been signed out.');
            if ((await db.visitorLog.where('amendsEntryId').equals(id).count()) > 0)
              return fail('superseded', 'This entry has been corrected: sign out the corrected entry.');
            return undefined;
          },
        });
      };
      let written = await write(alerts !== undefined);
      let isAlertNotQueued = followUp.value.isAlertNotQueued;
      if (!written.ok && written.error.code === 'alert-not-queued') {
        written = await write(false);
        isAlertNotQueued = true;
      }
      if (!written.ok) {
        if (written.error.code === 'alert-not-queued') throw new Error('Unreachable: written without alerts');
        return fail(written.error.code, written.error.message, written.error.fields);
      }
      if (alerts && !isAlertNotQueued) alerts.announce();
      return ok({
        entry: completed,
        dueForms: followUp.value.dueForms,
        endedVisit: followUp.value.endedVisit,
        alertedPersonalTutor: alerts !== undefined && !isAlertNotQueued && alerts.messages > 0,
        isAlertNotQueued,
      });
    },

    /**
     * Corrects an entry: a new entry with the corrected details and the reason, naming the one it
     * corrects. The original is kept exactly as it was, and only the latest version can be
     * corrected. `isBackOnSite` corrects a sign-out made by mistake: the visitor is on site again.
     */
    async amend(
      session: Session,
      id: string,
      corrected: unknown,
      reason: string,
      check: DoorChecker,
      today: string,
      options: { readonly isBackOnSite?: boolean; readonly isUndoAtTheDoor?: boolean } = {},
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
      if (options.isBackOnSite && original.kind === 'turnedAway')
        return fail('invalid', 'This person was turned away at the door, so they were never on site.');
      const schema = original.kind === 'turnedAway' ? visitorTurnAwayFormSchema : visitorSignInFormSchema;
      const form = schema.safeParse(corrected);
      if (!form.success) return fail('invalid', 'Some details need correcting.', fieldMessages(form.error));
      const now = clock();
      // The register must say what really happened, so a correction is never refused for naming
      // someone restricted; but who came and whom they saw are checked again, the result is
      // recorded on the correction, and a restricted match (or a name close to one: nobody checked
      // their ID against it at the door) gets an audit entry of its own.
      const whoChanged =
        form.data.visitorName !== original.visitorName ||
        form.data.personId !== original.personId ||
        form.data.visitingYoungPersonIds.join() !== original.visitingYoungPersonIds.join();
      const recheck = whoChanged ? await this.checkVisitor(session, form.data, check, today) : undefined;
      const restricted =
        recheck?.kind === 'block' || recheck?.kind === 'warn'
          ? { kind: recheck.kind, ids: recheck.restrictionIds }
          : recheck?.kind === 'checkId'
            ? { kind: 'warn' as const, ids: recheck.idCheckRestrictionIds }
            : undefined;
      const amendment = visitorEntrySchema.parse({
        ...original,
        ...withoutIdChoices(form.data),
        id: crypto.randomUUID(),
        amendsEntryId: id,
        amendmentReason: reason.trim(),
        amendedById: session.staff.id,
        recordedAt: now.toISOString(),
        ...(options.isBackOnSite ? { departedAt: undefined } : {}),
        ...(restricted && original.restrictionCheck !== 'overridden'
          ? { restrictionCheck: restricted.kind, matchedRestrictionIds: [...restricted.ids] }
          : {}),
      });
      const index = searchIndexes.get(cipher);
      const events: AuditEventInput[] = [
        {
          action: options.isUndoAtTheDoor ? 'visitor.sign-out-undone' : 'visitor.amended',
          recordType: 'visitorLog',
          recordId: amendment.id,
          detail: `corrects ${id}${options.isBackOnSite ? '; back on site' : ''}`,
        },
      ];
      if (restricted) {
        events.push({
          action: 'visitor.restriction-on-correction',
          recordType: 'visitorLog',
          recordId: amendment.id,
          detail: `${restricted.kind}: ${restricted.ids.join(', ')}`,
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

  return repository;
}
