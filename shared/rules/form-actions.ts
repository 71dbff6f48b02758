import { calendarDateOf, type Instant } from '../home-time';
import type { ContactForm } from '../schemas/contact-forms';
import type { FormAction } from '../schemas/form-actions';
import type { StaffRole } from '../schemas/staff';
import { can } from './access';

/**
 * Actions agreed on contact forms, followed up (DESIGN, "Actions and the chronology"; seed 004:
 * a form records actions with owners and dates). An action is due by a date on the home's clock
 * (Europe/London unless the home is elsewhere): it is due up to the end of that day there, and
 * overdue from the start of the next. An action with no date is open until done, never overdue.
 */

/** Where an open or done action stands on `now`. `daysLeft` 0 is "due today". */
export type FormActionStatus =
  | { readonly kind: 'done'; readonly doneAt: string }
  | { readonly kind: 'noDate' }
  | { readonly kind: 'due'; readonly dueOn: string; readonly daysLeft: number }
  | { readonly kind: 'overdue'; readonly dueOn: string; readonly daysLate: number };

const msPerDay = 86_400_000;

/** Whole days from one calendar date to another (dates have no clock changes: UTC arithmetic). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / msPerDay);
}

export function formActionStatus(
  action: Pick<FormAction, 'status' | 'dueOn' | 'doneAt'>,
  now: Instant,
  timeZone: string,
): FormActionStatus {
  if (action.status === 'done') return { kind: 'done', doneAt: action.doneAt ?? '' };
  if (action.dueOn === undefined) return { kind: 'noDate' };
  const today = calendarDateOf(now, timeZone);
  const daysLeft = daysBetween(today, action.dueOn);
  return daysLeft >= 0
    ? { kind: 'due', dueOn: action.dueOn, daysLeft }
    : { kind: 'overdue', dueOn: action.dueOn, daysLate: -daysLeft };
}

/** True when the action is open and its date has passed on the home's clock. */
export function isOverdue(
  action: Pick<FormAction, 'status' | 'dueOn' | 'doneAt'>,
  now: Instant,
  timeZone: string,
): boolean {
  return formActionStatus(action, now, timeZone).kind === 'overdue';
}

/**
 * The overdue actions nobody has been told about yet: open, past their date on the home's clock,
 * and never raised. An action is raised once, however often this is asked (the caller marks it
 * raised in the same transaction that queues the alerts); done before it was noticed, it is not.
 */
export function actionsToRaise<
  Action extends Pick<FormAction, 'status' | 'dueOn' | 'doneAt' | 'overdueRaisedAt'>,
>(actions: readonly Action[], now: Instant, timeZone: string): Action[] {
  return actions.filter((action) => action.overdueRaisedAt === undefined && isOverdue(action, now, timeZone));
}

/** The date (YYYY-MM-DD) before which an open action is overdue: today on the home's clock. */
export function overdueBefore(now: Instant, timeZone: string): string {
  return calendarDateOf(now, timeZone);
}

/** What a rule needs of a staff account to tell someone. */
export type ActionAlertAccount = {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly isActive: boolean;
  readonly roleLabel: string;
};

export type ActionAlertRecipient = ActionAlertAccount & {
  /** Why they are told: the action is theirs, they are the young person's CC, or nobody else could be. */
  readonly because: 'owner' | 'caseCoordinator' | 'personalTutor';
};

/**
 * Who is told that an action is overdue: the member of staff it belongs to and the young person's
 * Case Co-ordinator (who reviews their young people's contact: DESIGN, "Who uses it"), each once,
 * by their account (a switched-off account is told nothing). When neither can be told (the action
 * was given to someone outside the home and the young person has no CC), the Personal Tutor, who
 * drives the young person's family contact, is told instead, so an overdue action never goes unseen.
 */
export function overdueActionRecipients(input: {
  readonly ownerStaffId: string | undefined;
  readonly caseCoordinatorId: string | undefined;
  readonly personalTutorId: string | undefined;
  readonly staff: ReadonlyMap<string, ActionAlertAccount>;
}): ActionAlertRecipient[] {
  const reachable = (id: string | undefined) => {
    const account = id === undefined ? undefined : input.staff.get(id);
    return account?.isActive ? account : undefined;
  };
  const recipients: ActionAlertRecipient[] = [];
  const add = (account: ActionAlertAccount | undefined, because: ActionAlertRecipient['because']) => {
    if (!account) return;
    if (recipients.some((recipient) => recipient.id === account.id || recipient.email === account.email))
      return;
    recipients.push({ ...account, because });
  };
  add(reachable(input.ownerStaffId), 'owner');
  add(reachable(input.caseCoordinatorId), 'caseCoordinator');
  if (recipients.length === 0) add(reachable(input.personalTutorId), 'personalTutor');
  return recipients;
}

/** How an action is named where it leaves the app: its form's reference and its number, nothing it says. */
export function formActionReference(action: Pick<FormAction, 'formReference' | 'number'>): string {
  return `${action.formReference} action ${action.number}`;
}

/** The form's own reference inside an alert's (`formActionReference`), to link to the form it names. */
export function formReferenceInAlert(reference: string): string {
  return reference.replace(/ action \d+$/, '');
}

/** The parts of an agreed action that say what it is: the same on an addendum means the same action. */
type AgreedAction = ContactForm['actions'][number];

function sameAgreedAction(
  a: AgreedAction,
  b: Pick<FormAction, 'action' | 'ownerStaffId' | 'ownerName' | 'dueOn'>,
) {
  return (
    a.action.trim() === b.action.trim() &&
    (a.ownerStaffId ?? '') === (b.ownerStaffId ?? '') &&
    a.ownerName.trim() === b.ownerName.trim() &&
    (a.dueOn ?? '') === (b.dueOn ?? '')
  );
}

/**
 * Which of a filed form's actions become tracked items, with their numbers on the form. Every one,
 * except on an addendum: it starts as a copy of the form it corrects, so an action it repeats
 * word for word (same owner and date) is the one already tracked from that form, not a new one.
 * A changed action is tracked afresh; the earlier one stays until someone marks it done.
 */
export function actionsToTrack(
  form: Pick<ContactForm, 'actions' | 'amendsFormId'>,
  trackedFromCorrectedForm: readonly Pick<FormAction, 'action' | 'ownerStaffId' | 'ownerName' | 'dueOn'>[],
): { readonly number: number; readonly agreed: AgreedAction }[] {
  return form.actions
    .map((agreed, index) => ({ number: index + 1, agreed }))
    .filter(
      ({ agreed }) =>
        form.amendsFormId === undefined ||
        !trackedFromCorrectedForm.some((tracked) => sameAgreedAction(agreed, tracked)),
    );
}

/**
 * Who may mark an action done (need to know, DESIGN rule 8): the person it belongs to, the young
 * person's Case Co-ordinator, and the manager, who sees every action in the home.
 */
export function mayMarkActionDone(
  person: { readonly staffId: string; readonly roles: readonly StaffRole[] },
  action: Pick<FormAction, 'ownerStaffId'>,
  caseCoordinatorId: string | undefined,
): boolean {
  if (action.ownerStaffId !== undefined && action.ownerStaffId === person.staffId) return true;
  if (can(person.roles, 'review:view-all')) return true;
  return caseCoordinatorId === person.staffId && can(person.roles, 'review:view-own-young-people');
}
