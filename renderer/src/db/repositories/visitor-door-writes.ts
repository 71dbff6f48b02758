import { permittedForm } from './permitted-form';
import { can } from '@shared/rules/access';
import { fail, ok, type Result } from '@shared/result';
import {
  visitorEntrySchema,
  visitorSignInFormSchema,
  visitorTurnAwayFormSchema,
  type VisitorEntry,
} from '@shared/schemas/registers';
import { addToVisitorSearchIndex } from '@shared/rules/visitor-search';
import { badgePaperNames, isBadgePaper, type BadgePaper } from '@shared/rules/visitor-badge';
import type { FamilyLinksDb } from '../database';
import type { RecordCipher } from '../encryption/record-cipher';
import { recordWriter } from '../record-writer';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import type { AuditEventInput } from './audit-log-repository';
import { queuePerDatabase } from './database-queue';
import { panAlertsForChange } from './pan-alerts-with-change';
import { visitArrival } from './door-diary';
import { protocolAtSignIn } from './visiting-protocol-repository';
import {
  sameNameKey,
  searchIndexes,
  turnedAwayReference,
  undoSignOutWindowMs,
  withoutIdChoices,
  type DoorChecker,
  type DoorVerdict,
  type RegisterChangeError,
  type SignInError,
  type TurnedAway,
  visitorLogCodec,
} from './visitor-log-rows';

/**
 * What happens at the door: a visitor signed in, or turned away. Each is one transaction with its
 * audit entries; the restriction check is run here again on the register's own data, so no screen
 * can skip it. Used by `visitor-log-repository.ts`, which hands over what these need of it.
 */

/** What the door's writes need of the register. */
export type DoorWriteContext = {
  readonly db: FamilyLinksDb;
  readonly cipher: RecordCipher;
  readonly clock: () => Date;
  readonly checkVisitor: (
    session: Session,
    visitor: CheckedVisitor,
    check: DoorChecker,
    today: string,
  ) => Promise<DoorVerdict>;
  readonly alreadyOnSite: (visitor: {
    readonly visitorName: string;
    readonly personId?: string | undefined;
  }) => Promise<VisitorEntry | undefined>;
  readonly listArrivedBetween: (fromIso: string, toIso: string) => Promise<VisitorEntry[]>;
};

/** A visitor as the form describes them, for the check. */
export type CheckedVisitor = {
  readonly visitorName: string;
  readonly personId?: string | undefined;
  readonly visitingYoungPersonIds: readonly string[];
  readonly idCheckedNotRestrictionIds?: readonly string[];
  readonly treatedAsRestrictionIds?: readonly string[];
  readonly supervisingStaffId?: string | undefined;
};

// Sign-ins and turn-aways from this window go one at a time, so a button pressed twice finds the
// first entry already there (the names are sealed: the duplicate check cannot run inside the write).
export const oneAtATime = queuePerDatabase();

/** Signs a visitor in; run through `oneAtATime`. */
export async function signInVisitor(
  context: DoorWriteContext,
  session: Session,
  input: unknown,
  check: DoorChecker,
  today: string,
  override: { readonly reason: string } | undefined,
): Promise<Result<VisitorEntry, SignInError>> {
  const form = permittedForm(
    session,
    'visitor-log:sign-in',
    'You cannot sign visitors in.',
    visitorSignInFormSchema,
    input,
  );
  if (!form.ok) return form;
  const already = await context.alreadyOnSite(form.value);
  if (already)
    return fail(
      'already-on-site',
      `${already.visitorName} is already signed in. Sign them out first if they left and came back.`,
    );
  const verdict = await context.checkVisitor(session, form.value, check, today);
  if (verdict.kind === 'incomplete' && !verdict.isSignInAllowed) {
    const message = 'Type their full name (first name and surname) so it can be checked.';
    return fail('invalid', message, { visitorName: message });
  }
  if (verdict.kind === 'checkId')
    return fail(
      'needs-id-check',
      'Their name is close to a restricted person’s. Check their ID and say whether it is them first.',
    );
  let outcome: VisitorEntry['restrictionCheck'] =
    verdict.kind === 'block' || verdict.kind === 'warn' ? verdict.kind : 'clear';
  const events: AuditEventInput[] = [];
  const now = context.clock();
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
  if (verdict.needsSupervisor && !form.value.supervisingStaffId) {
    return fail(
      'needs-supervisor',
      'This visit must be supervised. Name the member of staff who will supervise.',
      { supervisingStaffId: 'Choose who will supervise this visit.' },
    );
  }
  if (verdict.idCheckedNotRestrictionIds.length > 0) {
    events.push({
      action: 'visitor.id-checked',
      recordType: 'visitorLog',
      recordId: id,
      detail: `not the restricted person of: ${verdict.idCheckedNotRestrictionIds.join(', ')}`,
    });
  }
  // A family visitor answers the visiting protocol with this sign-in, in its transaction (seed 004 §4).
  const protocol = await protocolAtSignIn(context.db, session, form.value, id, now);
  if (!protocol.ok) return protocol;
  const { protocolAnswer: _answer, ...details } = withoutIdChoices(form.value);
  const entry = visitorEntrySchema.parse({
    ...details,
    kind: 'visit',
    id,
    // Checking ID against a close name is checking ID.
    isIdChecked: form.value.isIdChecked || verdict.idCheckedNotRestrictionIds.length > 0,
    arrivedAt: now.toISOString(),
    admittedById: session.staff.id,
    restrictionCheck: outcome,
    matchedRestrictionIds: [...verdict.restrictionIds],
    idCheckedNotRestrictionIds: [...verdict.idCheckedNotRestrictionIds],
    admittedUnder: [...verdict.admittedUnder],
    recordedAt: now.toISOString(),
    ...(outcome === 'overridden' && override
      ? { overriddenById: session.staff.id, overrideReason: override.reason.trim() }
      : {}),
    ...(protocol.value.standing ? { protocol: protocol.value.standing } : {}),
  });
  events.unshift({
    action: 'visitor.signed-in',
    recordType: 'visitorLog',
    recordId: id,
    detail: `check: ${outcome}`,
  });
  // Signed in for a booked visit: the visit is marked arrived in the same transaction.
  const arrival = form.value.visitId
    ? await visitArrival(context.db, context.cipher, form.value.visitId, {
        entryId: id,
        personId: entry.personId,
        at: entry.arrivedAt,
      })
    : undefined;
  if (arrival && !arrival.ok) return arrival;
  const saved = await recordWriter(context.db, context.clock).write(session, {
    at: now,
    events: [...events, ...protocol.value.events, ...(arrival ? [arrival.value.event] : [])],
    writes: [
      sealedStore(context.db.visitorLog, visitorLogCodec).insert(entry),
      ...protocol.value.writes,
      ...(arrival ? [arrival.value.write] : []),
    ],
    reads: [context.db.visitingProtocols],
    check: protocol.value.check,
  });
  if (!saved.ok) return saved;
  const index = searchIndexes.get(context.cipher);
  if (index) addToVisitorSearchIndex(await index, entry);
  return ok(entry);
}

/** Records a visitor turned away; run through `oneAtATime`. */
export async function turnAwayVisitor(
  context: DoorWriteContext,
  session: Session,
  input: unknown,
  check: DoorChecker,
  today: string,
): Promise<Result<TurnedAway, SignInError>> {
  const form = permittedForm(
    session,
    'visitor-log:sign-in',
    'You cannot record visitors at the door.',
    visitorTurnAwayFormSchema,
    input,
  );
  if (!form.ok) return form;
  const now = context.clock();
  // Pressed twice: the first is the record.
  const recent = await context.listArrivedBetween(
    new Date(now.getTime() - undoSignOutWindowMs).toISOString(),
    new Date(now.getTime() + 1).toISOString(),
  );
  const twice = recent.find(
    (entry) =>
      entry.kind === 'turnedAway' && sameNameKey(entry.visitorName) === sameNameKey(form.value.visitorName),
  );
  if (twice) return ok({ entry: twice, alerts: 0, isRepeat: true, isAlertNotQueued: false });
  let verdict = await context.checkVisitor(session, form.value, check, today);
  if (verdict.kind === 'checkId') {
    // Turning someone away over a close name is treating them as that person.
    verdict = await context.checkVisitor(
      session,
      {
        ...form.value,
        treatedAsRestrictionIds: [...form.value.treatedAsRestrictionIds, ...verdict.idCheckRestrictionIds],
      },
      check,
      today,
    );
  }
  const id = crypto.randomUUID();
  const entry = visitorEntrySchema.parse({
    ...withoutIdChoices(form.value),
    kind: 'turnedAway',
    id,
    supervisingStaffId: undefined,
    arrivedAt: now.toISOString(),
    admittedById: session.staff.id,
    restrictionCheck: verdict.kind === 'block' || verdict.kind === 'warn' ? verdict.kind : 'clear',
    matchedRestrictionIds: [...verdict.restrictionIds],
    idCheckedNotRestrictionIds: [...verdict.idCheckedNotRestrictionIds],
    recordedAt: now.toISOString(),
  });
  const youngPersonIds =
    verdict.youngPersonIds.length > 0 ? verdict.youngPersonIds : entry.visitingYoungPersonIds;
  const alerts = await panAlertsForChange(
    context.db,
    session,
    youngPersonIds.map((youngPersonId) => ({
      youngPersonId,
      event: 'visitorTurnedAway',
      reference: turnedAwayReference(id),
      summary: 'A visitor was turned away at the front door. The visitor register has the entry.',
    })),
    context.clock,
  );
  const records = recordWriter(context.db, context.clock);
  const visitorLog = sealedStore(context.db.visitorLog, visitorLogCodec);
  const turnedAway: AuditEventInput = {
    action: 'visitor.turned-away',
    recordType: 'visitorLog',
    recordId: id,
    detail: `check: ${entry.restrictionCheck}; restrictions: ${entry.matchedRestrictionIds.join(', ')}`,
  };
  const kept = async (alerted: number, isAlertNotQueued: boolean): Promise<Result<TurnedAway, never>> => {
    const index = searchIndexes.get(context.cipher);
    if (index) addToVisitorSearchIndex(await index, entry);
    return ok({ entry, alerts: alerted, isRepeat: false, isAlertNotQueued });
  };
  if (alerts.ok) {
    // The entry and its alerts are one change: neither is kept without the other.
    const written = await records.write(session, {
      at: now,
      events: [turnedAway, ...alerts.value.events],
      writes: [visitorLog.insert(entry), ...alerts.value.writes],
    });
    if (written.ok) {
      alerts.value.announce();
      return kept(alerts.value.messages, false);
    }
  }
  // Unlike any other change, a turned-away visitor is not refused for want of an alert: the
  // register is a legal record and a person turned away is recorded too (DESIGN rules 6 and 10),
  // and the visitor has gone, so "try again" could lose the record. The entry is kept on its own,
  // the audit log says nobody was emailed, and the care worker is told to tell the duty manager
  // in person (the manager's home screen lists every visitor turned away as well).
  await records.write(session, {
    at: now,
    events: [
      turnedAway,
      { action: 'visitor.turned-away-not-alerted', recordType: 'visitorLog', recordId: id },
    ],
    writes: [visitorLog.insert(entry)],
  });
  return kept(0, true);
}

/**
 * Notes in the audit log that a visitor's badge was printed, and on what paper. The badge carries
 * the visitor's name, so the entry names only the register entry (DESIGN rule 10: attributable;
 * the audit log holds no names). Only for someone on site now, on the entry's latest version.
 */
export async function recordBadgePrinted(
  context: Pick<DoorWriteContext, 'db' | 'cipher' | 'clock'>,
  session: Session,
  id: string,
  paper: BadgePaper,
): Promise<Result<void, RegisterChangeError>> {
  if (!can(session.roles, 'visitor-log:sign-in'))
    return fail('forbidden', 'You cannot print visitor badges.');
  if (!isBadgePaper(paper)) return fail('invalid', 'Choose the paper: an A4 sheet or a 62 mm label.');
  const row = await context.db.visitorLog.get(id);
  if (!row) return fail('not-found', 'That register entry is not here.');
  const entry = await visitorLogCodec.decode(row, context.cipher);
  if (entry.kind === 'turnedAway')
    return fail('invalid', 'This person was turned away at the door, so they need no badge.');
  if (entry.departedAt) return fail('already-signed-out', 'This visitor has already been signed out.');
  return recordWriter(context.db, context.clock).write(session, {
    events: [
      {
        action: 'visitor.badge-printed',
        recordType: 'visitorLog',
        recordId: id,
        detail: badgePaperNames[paper],
      },
    ],
    reads: [context.db.visitorLog],
    async check() {
      return (await context.db.visitorLog.where('amendsEntryId').equals(id).count()) > 0
        ? fail('superseded', 'This entry has been corrected: print the badge from “On site now”.')
        : undefined;
    },
  });
}
