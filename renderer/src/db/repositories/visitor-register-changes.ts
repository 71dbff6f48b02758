import { can } from '@shared/rules/access';
import { validForm } from './permitted-form';
import { fail, ok, type Result } from '@shared/result';
import { addToVisitorSearchIndex } from '@shared/rules/visitor-search';
import type { ContactForm } from '@shared/schemas/contact-forms';
import {
  visitorEntrySchema,
  visitorSignInFormSchema,
  visitorTurnAwayFormSchema,
  type VisitorEntry,
} from '@shared/schemas/registers';
import type { Visit } from '@shared/schemas/visits';
import { recordWriter } from '../record-writer';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import type { AuditEventInput } from './audit-log-repository';
import { signOutFollowUp } from './door-diary';
import type { DoorWriteContext } from './visitor-door-writes';
import {
  searchIndexes,
  visitorLogCodec,
  withoutIdChoices,
  type DoorChecker,
  type RegisterChangeError,
} from './visitor-log-rows';

/*
 * The two changes a register entry can have after it is written: the sign-out, and a correction
 * (a new entry naming the one it corrects). Used by `visitor-log-repository.ts`.
 */

/** What these writes need of the register. */
export type RegisterChangeContext = Pick<DoorWriteContext, 'db' | 'cipher' | 'clock' | 'checkVisitor'> & {
  readonly onSite: () => Promise<VisitorEntry[]>;
};

/** A visitor signed out, and what followed: a booked visit ended, contact forms due, the PT told. */
export type SignedOut = {
  readonly entry: VisitorEntry;
  readonly dueForms: readonly ContactForm[];
  readonly endedVisit: Visit | undefined;
  readonly alertedPersonalTutor: boolean;
  /** Forms fell due but the PT's email alert could not be queued: someone must tell them. */
  readonly isAlertNotQueued: boolean;
};

/**
 * Signs a visitor out, and in the same transaction what follows (door-diary.ts): a booked
 * visit they came for ended and its contact form due once the last of its visitors leaves; for
 * a family visitor who came without a booking, a form due for the young person's PT and the PT
 * alerted. The register is a legal record and the visitor is leaving, so a sign-out is never
 * refused for want of an alert (as for a person turned away): it is then kept without it, the
 * audit log says the PT was not emailed, and the door is told to tell them.
 */
export async function signOutVisitor(
  context: RegisterChangeContext,
  session: Session,
  id: string,
): Promise<Result<SignedOut, RegisterChangeError>> {
  const { db, cipher, clock } = context;
  const store = sealedStore(db.visitorLog, visitorLogCodec);
  const records = recordWriter(db, clock);
  if (!can(session.roles, 'visitor-log:sign-in')) return fail('forbidden', 'You cannot sign visitors out.');
  const row = await db.visitorLog.get(id);
  if (!row) return fail('not-found', 'That register entry is not here.');
  const entry = await visitorLogCodec.decode(row, cipher);
  if (entry.kind === 'turnedAway')
    return fail('invalid', 'This person was turned away at the door, so they were never signed in.');
  if (entry.departedAt) return fail('already-signed-out', 'This visitor has already been signed out.');
  const now = clock();
  const completed = { ...entry, departedAt: now.toISOString() };
  const followUp = await signOutFollowUp(db, session, completed, await context.onSite(), clock);
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
}

/** What a correction names: the entry, the details as corrected, why, and how it came about. */
export type Correction = [
  id: string,
  corrected: unknown,
  reason: string,
  check: DoorChecker,
  today: string,
  options?: { readonly isBackOnSite?: boolean; readonly isUndoAtTheDoor?: boolean },
];

/**
 * Corrects an entry: a new entry with the corrected details and the reason, naming the one it
 * corrects. The original is kept exactly as it was, and only the latest version can be
 * corrected. `isBackOnSite` corrects a sign-out made by mistake: the visitor is on site again.
 */
export async function amendVisitorEntry(
  context: RegisterChangeContext,
  session: Session,
  ...[id, corrected, reason, check, today, options = {}]: Correction
): Promise<Result<VisitorEntry, RegisterChangeError>> {
  const { db, cipher, clock } = context;
  const store = sealedStore(db.visitorLog, visitorLogCodec);
  const records = recordWriter(db, clock);
  if (!can(session.roles, 'visitor-log:amend')) return fail('forbidden', 'You cannot correct the register.');
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
  const form = validForm(schema, corrected);
  if (!form.ok) return form;
  const now = clock();
  // The register must say what really happened, so a correction is never refused for naming
  // someone restricted; but who came and whom they saw are checked again, the result is
  // recorded on the correction, and a restricted match (or a name close to one: nobody checked
  // their ID against it at the door) gets an audit entry of its own.
  const whoChanged =
    form.value.visitorName !== original.visitorName ||
    form.value.personId !== original.personId ||
    form.value.visitingYoungPersonIds.join() !== original.visitingYoungPersonIds.join();
  const recheck = whoChanged ? await context.checkVisitor(session, form.value, check, today) : undefined;
  const restricted =
    recheck?.kind === 'block' || recheck?.kind === 'warn'
      ? { kind: recheck.kind, ids: recheck.restrictionIds }
      : recheck?.kind === 'checkId'
        ? { kind: 'warn' as const, ids: recheck.idCheckRestrictionIds }
        : undefined;
  const amendment = visitorEntrySchema.parse({
    ...original,
    ...withoutIdChoices(form.value),
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
}
