import { useEffect, useMemo, useRef, useState } from 'react';
import { clockTime } from '@shared/home-time';
import { diaryState, type DiaryState } from '@shared/rules/door-diary';
import type { VisitorEntry } from '@shared/schemas/registers';
import { visitKindLabels, type Visit } from '@shared/schemas/visits';
import type { DoorDirectory } from '../../common/useDoorDirectory';
import { useVisitorLog } from '../../common/useVisitorLog';
import { useSession } from '../../security/session-context';
import { checkAtTheDoor, doorChecker, restrictionsStillLoading } from './door-checker';
import { emptyDoorForm, type DoorFormValues } from './door-form';
import { SignedInNotice, type DoorMessage } from './SignedInNotice';
import { registeredNamesOf, registeredPersonName } from './registered-names';
import { useCancelVisit, useDoorDiary } from './useDoorDiary';
import { useDoorRestrictions } from './useDoorRestrictions';
import { CommunicationNotes } from '../../ui/CommunicationNote';
import { communicationLine } from '@shared/rules/communication';
import { FieldError } from '../../ui/FieldError';
import { FormActions } from '../../ui/FormActions';
import { SubmitForm } from '../../ui/SubmitForm';
import { Panel } from '../../ui/Panel';

/** A booked visitor handed to the sign-in form: the restriction check there needs something read or decided. */
export type ExpectedVisitor = { readonly values: DoorFormValues; readonly note: string };

type Props = {
  readonly directory: DoorDirectory;
  readonly today: string;
  readonly timeZone: string;
  readonly onNeedsForm: (visitor: ExpectedVisitor) => void;
  readonly onPrintBadge: (entry: VisitorEntry) => void;
};

const tickMs = 30_000;

const stateWords = (state: DiaryState, timeZone: string): string => {
  switch (state.kind) {
    case 'expected':
      return 'Expected';
    case 'late':
      return 'Expected now: not yet arrived';
    case 'arrived':
      return `Arrived ${clockTime(state.at, timeZone)}`;
    case 'ended':
      return 'Visit ended';
    case 'notArrived':
      return 'Not arrived';
    case 'cancelled':
      return 'Cancelled';
    case 'didNotAttend':
      return 'Did not attend';
    default: {
      const unknown: never = state;
      return String(unknown);
    }
  }
};

const canSignInFor = (state: DiaryState) =>
  state.kind === 'expected' ||
  state.kind === 'late' ||
  state.kind === 'notArrived' ||
  state.kind === 'arrived';

/**
 * "Expected today" (seed 004 §4: visits as the plan and the booking say): the booked visits that
 * bring someone to the front door today, in the home's time, each with whom they visit, the room
 * and who supervises, and its state (expected, arrived, ended, not arrived). Signing a booked
 * visitor in is one press when the restriction check is clear; anything else (a warning to read, a
 * supervisor to name, a close name, a block) goes to the sign-in form with the visit attached, so
 * the same check, conditions and override apply as to anyone. The register checks again itself.
 * A visit nobody came for can be marked cancelled from here, with the reason.
 */
export function ExpectedVisitsPanel({ directory, today, timeZone, onNeedsForm, onPrintBadge }: Props) {
  const session = useSession();
  const visitorLog = useVisitorLog();
  const diary = useDoorDiary(today, timeZone);
  const restrictions = useDoorRestrictions(today);
  const cancelVisit = useCancelVisit(timeZone);
  const registeredNames = useMemo(() => registeredNamesOf(directory.people), [directory.people]);
  const [now, setNow] = useState(() => new Date());
  const [message, setMessage] = useState<DoorMessage | undefined>();
  const [cancelling, setCancelling] = useState<{ visitId: string; reason: string; error?: string }>();
  const busy = useRef(false);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), tickMs);
    return () => window.clearInterval(timer);
  }, []);

  const personName = (id: string) => {
    const person = directory.people.find((candidate) => candidate.id === id);
    return person ? registeredPersonName(person) : 'someone no longer on the register';
  };

  const communicationOf = (id: string) => {
    const person = directory.people.find((candidate) => candidate.id === id);
    return { id, name: personName(id), text: person ? communicationLine(person) : undefined };
  };

  const once = async (action: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    try {
      await action();
    } finally {
      busy.current = false;
    }
  };

  const signIn = (visit: Visit, personId: string) =>
    once(async () => {
      setMessage(undefined);
      const visitorName = personName(personId);
      const values: DoorFormValues = {
        ...emptyDoorForm,
        visitorName,
        personId,
        visitingYoungPersonIds: [...visit.youngPersonIds],
        reason: `Booked visit: ${visitKindLabels[visit.kind]}`,
        supervisingStaffId: visit.supervisingStaffId,
        visitId: visit.id,
      };
      const note = `${visitorName}, booked for ${clockTime(visit.startsAt, timeZone)}: finish the check below to sign them in.`;
      if (!restrictions) {
        setMessage({ tone: 'error', text: restrictionsStillLoading });
        return;
      }
      const result = checkAtTheDoor(
        { name: visitorName, personId },
        visit.youngPersonIds,
        restrictions.index,
        today,
        registeredNames,
      );
      if (result.kind !== 'clear') {
        onNeedsForm({ values, note });
        return;
      }
      const saved = await visitorLog.signIn(
        session,
        { ...values, supervisingStaffId: undefined },
        doorChecker(today, registeredNames),
        today,
      );
      if (saved.ok) {
        setMessage({
          tone: 'success',
          text: `${visitorName} signed in at ${clockTime(saved.value.arrivedAt, timeZone)} for their booked visit.`,
          signedIn: saved.value,
        });
      } else if (
        saved.error.code === 'invalid' ||
        saved.error.code === 'forbidden' ||
        saved.error.code === 'already-on-site'
      ) {
        setMessage({ tone: 'error', text: saved.error.message });
      } else {
        onNeedsForm({ values, note });
      }
    });

  const cancel = (visit: Visit) =>
    once(async () => {
      if (!cancelling || cancelling.visitId !== visit.id) return;
      if (!cancelling.reason.trim()) {
        setCancelling({ ...cancelling, error: 'Say why the visit is cancelled, for example “Mum unwell”.' });
        return;
      }
      const saved = await cancelVisit(visit.id, cancelling.reason.trim());
      if (!saved.ok) {
        setCancelling({ ...cancelling, error: saved.error.fields?.reason ?? saved.error.message });
        return;
      }
      setCancelling(undefined);
      setMessage({
        tone: 'success',
        text: `The ${clockTime(visit.startsAt, timeZone)} visit is marked cancelled.`,
      });
    });

  return (
    <Panel
      titleId="door-diary-title"
      title={<>Expected today{diary ? ` (${diary.visits.length})` : ''}</>}
      className="panel door-diary"
    >
      <SignedInNotice message={message} onPrintBadge={onPrintBadge} />
      {diary === undefined ? (
        <p role="status">Loading today’s visits…</p>
      ) : diary.visits.length === 0 ? (
        <p className="empty">No visits are booked at the home today.</p>
      ) : (
        <ul className="door-diary__list" aria-label="Visits expected today">
          {diary.visits.map((visit) => {
            const state = diaryState(visit, now);
            const time = `${clockTime(visit.startsAt, timeZone)}–${clockTime(visit.endsAt, timeZone)}`;
            const arrived = new Set((visit.arrivals ?? []).map((arrival) => arrival.personId));
            const waiting = canSignInFor(state) ? visit.personIds.filter((id) => !arrived.has(id)) : [];
            const isCancelling = cancelling?.visitId === visit.id;
            const reasonId = `door-diary-reason-${visit.id}`;
            return (
              <li key={visit.id} className={`door-diary__visit door-diary__visit--${state.kind}`}>
                <div className="door-diary__when">
                  <h3 className="door-diary__time">{time}</h3>
                  <span
                    className={`badge door-diary__state door-diary__state--${state.kind}${state.kind === 'notArrived' ? ' badge--warn' : ''}`}
                  >
                    {stateWords(state, timeZone)}
                  </span>
                </div>
                <p>
                  {visit.personIds.length > 0
                    ? visit.personIds.map(personName).join(' and ')
                    : 'No visitor named on the booking'}{' '}
                  visiting {visit.youngPersonIds.map(directory.youngPersonName).join(' and ')}
                </p>
                <CommunicationNotes people={visit.personIds.map(communicationOf)} />
                <p className="muted">
                  {visit.kind === 'familyVisit' ? '' : `${visitKindLabels[visit.kind]}. `}
                  {visit.roomId ? `Room: ${diary.roomName(visit.roomId)}.` : 'No room booked.'}{' '}
                  {visit.supervisingStaffId
                    ? `Supervised by ${directory.staffName(visit.supervisingStaffId)}.`
                    : ''}
                  {state.kind === 'cancelled' && state.reason ? ` Reason: ${state.reason}` : ''}
                </p>
                {waiting.length > 0 || state.kind === 'notArrived' ? (
                  <div className="door-diary__actions">
                    {waiting.map((personId) => (
                      <button
                        key={personId}
                        type="button"
                        className="button"
                        onClick={() => void signIn(visit, personId)}
                      >
                        Sign in {personName(personId)}
                      </button>
                    ))}
                    {state.kind === 'notArrived' && !isCancelling ? (
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => setCancelling({ visitId: visit.id, reason: '' })}
                      >
                        Mark the {clockTime(visit.startsAt, timeZone)} visit cancelled
                      </button>
                    ) : null}
                  </div>
                ) : null}
                {isCancelling ? (
                  <SubmitForm
                    label={`Cancel the ${clockTime(visit.startsAt, timeZone)} visit`}
                    className="form door-diary__cancel"
                    onSubmit={() => cancel(visit)}
                  >
                    <div className="field">
                      <label htmlFor={reasonId}>Why is it cancelled?</label>
                      <input
                        id={reasonId}
                        className="input"
                        value={cancelling.reason}
                        maxLength={500}
                        autoFocus
                        aria-invalid={cancelling.error ? true : undefined}
                        aria-describedby={cancelling.error ? `${reasonId}-error` : undefined}
                        onChange={(event) => setCancelling({ visitId: visit.id, reason: event.target.value })}
                      />
                      <FieldError id={`${reasonId}-error`} message={cancelling.error} />
                    </div>
                    <FormActions
                      submitLabel="Mark cancelled"
                      onCancel={() => setCancelling(undefined)}
                      cancelLabel="Keep it"
                    />
                  </SubmitForm>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}
