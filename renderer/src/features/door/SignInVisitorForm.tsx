import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { can } from '@shared/rules/access';
import { doorVerdict, type DoorCheck } from '@shared/rules/door-check';
import {
  visitorSignInFormSchema,
  type VisitorEntry,
  type VisitorSignInForm,
} from '@shared/schemas/registers';
import { Banner } from '../../ui/Banner';
import { applyFieldErrors } from '../../ui/apply-field-errors';
import { useSession } from '../../security/session-context';
import { useDraft } from '../../security/useDraft';
import { checkAtTheDoor, doorChecker, restrictionsStillLoading } from './door-checker';
import { emptyDoorForm, type DoorFormValues } from './door-form';
import { clockTime } from '@shared/home-time';
import { DoorCheckPanel } from './DoorCheckPanel';
import { DoorPlanNotes } from './DoorPlanNotes';
import { OverrideSection, type OverrideErrors, type OverrideState } from './OverrideSection';
import { registeredNamesOf } from './registered-names';
import { SupervisorSelect } from './SupervisorSelect';
import type { DoorDirectory } from '../../common/useDoorDirectory';
import { useVisitorLog } from '../../common/useVisitorLog';
import { TurnAwaySection } from './TurnAwaySection';
import { useDoorRestrictions } from './useDoorRestrictions';
import { useLiveDoorCheck } from './useLiveDoorCheck';
import { VisitDetailsFields } from './VisitDetailsFields';
import { renderVisitingChoices } from './VisitingChoices';
import { VisitorNameField } from './VisitorNameField';
import { WarnActions } from './WarnActions';
import { SignedInNotice } from './SignedInNotice';
import type { ExpectedVisitor } from './ExpectedVisitsPanel';
import { ProtocolAtDoor } from './ProtocolAtDoor';
import { protocolConfirmation } from './protocol-confirmation';
import { useProtocolAtDoor } from './useProtocolAtDoor';
import { SubmitForm } from '../../ui/SubmitForm';
import { Panel } from '../../ui/Panel';

type Props = {
  readonly directory: DoorDirectory;
  readonly today: string;
  readonly timeZone: string;
  readonly onPrintBadge: (entry: VisitorEntry) => void;
  /** A booked visitor from "Expected today" whose check needs this form; a new `key` fills it again. */
  readonly expected?: (ExpectedVisitor & { readonly key: number }) | undefined;
};

type Message = {
  readonly tone: 'success' | 'error';
  readonly text: string;
  /** The visitor just signed in, whose badge can be printed from the confirmation. */
  readonly signedIn?: VisitorEntry;
};

/** Which restrictions a result is about: a warning read for one visitor is not read for another. */
const matchKey = (result: DoorCheck | undefined) =>
  result && result.kind !== 'incomplete' ? result.matches.map((match) => match.restrictionId).join(' ') : '';
const noOverride: OverrideState = { reason: '', isConfirmed: false };
const fullNameMessage = 'Type their full name (first name and surname) so it can be checked.';

/**
 * "Sign a visitor in" (DESIGN rule 6). The name is checked as it is typed, and the answer shows
 * beside it: a name too short to check asks for more; a close name asks for ID; a warning must be
 * read (and a supervisor named for supervised-only contact) before signing in; a block stops it
 * unless the Registered Manager overrides with a reason. Someone blocked or warned about who
 * leaves is recorded as turned away. The register checks again itself on saving. Once someone is
 * signed in, the confirmation offers their badge.
 */
export function SignInVisitorForm({ directory, today, timeZone, onPrintBadge, expected }: Props) {
  const session = useSession();
  const visitorLog = useVisitorLog();
  const restrictions = useDoorRestrictions(today);
  const canOverride = can(session.roles, 'restriction:override');
  const registeredNames = useMemo(() => registeredNamesOf(directory.people), [directory.people]);
  const form = useForm<DoorFormValues, unknown, VisitorSignInForm>({
    resolver: zodResolver(visitorSignInFormSchema),
    defaultValues: emptyDoorForm,
  });
  const draft = useDraft('door:sign-in', form);
  const visitId = useWatch({ control: form.control, name: 'visitId' });
  const [name, personId, youngPersonIds, notThem, treatedAsThem] = useWatch({
    control: form.control,
    name: [
      'visitorName',
      'personId',
      'visitingYoungPersonIds',
      'idCheckedNotRestrictionIds',
      'treatedAsRestrictionIds',
    ],
  });
  const idChecks = { notThem: notThem ?? [], treatedAsThem: treatedAsThem ?? [] };
  const check = useLiveDoorCheck(
    { name, personId, youngPersonIds: youngPersonIds ?? [], idChecks },
    restrictions,
    today,
    registeredNames,
  );
  const protocolStep = useProtocolAtDoor(personId, session.staff.id);
  const liveResult = check.state === 'checked' ? check.result : undefined;
  const liveVerdict = liveResult ? doorVerdict(liveResult) : undefined;
  const [readKey, setReadKey] = useState<string | undefined>();
  const [readError, setReadError] = useState<string | undefined>();
  const [override, setOverride] = useState<OverrideState>(noOverride);
  const [overrideErrors, setOverrideErrors] = useState<OverrideErrors>({});
  const [turnAwayNote, setTurnAwayNote] = useState('');
  const [isTurningAway, setIsTurningAway] = useState(false);
  const [message, setMessage] = useState<Message | undefined>();
  // What a refused press leaves to do takes the focus, not left on the button (a new object each press).
  const [readFocus, setReadFocus] = useState<object | undefined>();
  const [overrideFocus, setOverrideFocus] = useState<{ readonly field: keyof OverrideState } | undefined>();
  // A second press while the first is being saved does nothing (the register refuses a second entry too).
  const isBusy = useRef(false);
  // Filled once for each press of "Sign in <name>" in the list (a new key), not on every render.
  const filledFor = useRef<number | undefined>(undefined);
  const [expectedNote, setExpectedNote] = useState<string | undefined>();
  useEffect(() => {
    if (!expected || filledFor.current === expected.key) return;
    filledFor.current = expected.key;
    form.reset(expected.values);
    setExpectedNote(expected.note);
    setMessage(undefined);
    form.setFocus('visitorName');
  }, [expected, form]);
  const isBlocked = liveResult?.kind === 'block';
  const { isSubmitting } = form.formState;

  const setIdChecks = (next: { notThem: readonly string[]; treatedAsThem: readonly string[] }) => {
    form.setValue('idCheckedNotRestrictionIds', [...next.notThem]);
    form.setValue('treatedAsRestrictionIds', [...next.treatedAsThem]);
  };
  const startAgain = async (
    confirmation: string,
    signedIn?: VisitorEntry,
    tone: Message['tone'] = 'success',
  ) => {
    form.reset(emptyDoorForm);
    await draft.clear();
    setReadKey(undefined);
    setReadError(undefined);
    setOverride(noOverride);
    setOverrideErrors({});
    setTurnAwayNote('');
    setExpectedNote(undefined);
    protocolStep.reset();
    setMessage({ tone, text: confirmation, ...(signedIn ? { signedIn } : {}) });
    form.setFocus('visitorName');
  };

  const signIn = async (values: VisitorSignInForm) => {
    setMessage(undefined);
    if (!restrictions) {
      setMessage({ tone: 'error', text: restrictionsStillLoading });
      return;
    }
    // Decide on what is in the form now, not on the check shown a moment ago.
    const result = checkAtTheDoor(
      {
        name: values.visitorName,
        personId: values.personId,
        idChecks: {
          notThem: values.idCheckedNotRestrictionIds,
          treatedAsThem: values.treatedAsRestrictionIds,
        },
      },
      values.visitingYoungPersonIds,
      restrictions.index,
      today,
      registeredNames,
    );
    const verdict = doorVerdict(result);
    if (result.kind === 'incomplete' && !verdict.isSignInAllowed) {
      form.setError('visitorName', { type: 'validate', message: fullNameMessage }, { shouldFocus: true });
      return;
    }
    if (result.kind === 'checkId') {
      setMessage({
        tone: 'error',
        text: 'Check their ID first, then say whether it is the restricted person.',
      });
      return;
    }
    if (result.kind === 'block') {
      if (!canOverride) {
        setMessage({ tone: 'error', text: 'Do not admit this visitor. Speak to the duty manager.' });
        return;
      }
      const problems: OverrideErrors = {
        reason: override.reason.trim() ? undefined : 'Say why you are overriding the restriction.',
        isConfirmed: override.isConfirmed
          ? undefined
          : 'Tick to confirm you are admitting them against the restriction.',
      };
      setOverrideErrors(problems);
      if (problems.reason || problems.isConfirmed) {
        setOverrideFocus({ field: problems.reason ? 'reason' : 'isConfirmed' });
        return;
      }
    } else if (result.kind === 'warn' && readKey !== matchKey(result)) {
      setReadError('Tick “I have read this” once you have read the restriction.');
      setReadFocus({});
      return;
    }
    if (verdict.needsSupervisor && !values.supervisingStaffId) {
      form.setError(
        'supervisingStaffId',
        { type: 'required', message: 'Choose who will supervise this visit.' },
        { shouldFocus: true },
      );
      return;
    }
    const protocolAnswer = protocolStep.answer();
    if (!protocolAnswer.ok) {
      protocolStep.setError(protocolAnswer.message);
      setMessage({ tone: 'error', text: protocolAnswer.message });
      return;
    }
    const saved = await visitorLog.signIn(
      session,
      {
        ...values,
        supervisingStaffId: verdict.needsSupervisor ? values.supervisingStaffId : undefined,
        ...(protocolAnswer.value ? { protocolAnswer: protocolAnswer.value } : {}),
      },
      doorChecker(today, registeredNames),
      today,
      result.kind === 'block' ? { reason: override.reason } : undefined,
    );
    if (!saved.ok) {
      applyFieldErrors(saved.error.fields, form.setError);
      if (saved.error.fields?.overrideReason)
        setOverrideErrors({ reason: saved.error.fields.overrideReason });
      if (!saved.error.fields?.visitorName) setMessage({ tone: 'error', text: saved.error.message });
      return;
    }
    await startAgain(
      `${saved.value.visitorName} signed in at ${clockTime(saved.value.arrivedAt, timeZone)}.${protocolConfirmation(saved.value.protocol, directory.staffName)}`,
      saved.value,
    );
  };

  const submit = form.handleSubmit(signIn, () =>
    setMessage({
      tone: 'error',
      text: 'Some details need correcting. Each problem is shown beside its field.',
    }),
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isBusy.current) return;
    isBusy.current = true;
    void submit(event).finally(() => {
      isBusy.current = false;
    });
  };

  const turnAway = async () => {
    if (isBusy.current) return;
    isBusy.current = true;
    setIsTurningAway(true);
    setMessage(undefined);
    try {
      const saved = await visitorLog.turnAway(
        session,
        { ...form.getValues(), turnedAwayNote: turnAwayNote },
        doorChecker(today, registeredNames),
        today,
      );
      if (!saved.ok) {
        applyFieldErrors(saved.error.fields, form.setError);
        setMessage({ tone: 'error', text: saved.error.message });
        return;
      }
      const { entry, alerts, isAlertNotQueued } = saved.value;
      const recorded = `${entry.visitorName} recorded as turned away at ${clockTime(entry.arrivedAt, timeZone)}`;
      // The entry is kept even when its alert is not (a legal record): then a person must tell them.
      if (isAlertNotQueued)
        await startAgain(
          `${recorded}, but the email alert could not be queued, so the duty manager and the young person’s Personal Tutor have not been told. Tell the duty manager now.`,
          undefined,
          'error',
        );
      else
        await startAgain(
          `${recorded}.${
            alerts > 0
              ? ' The duty manager and the young person’s Personal Tutor are being told (initials and a reference only).'
              : ''
          }`,
        );
    } finally {
      isBusy.current = false;
      setIsTurningAway(false);
    }
  };

  const turnAwaySection = (
    <TurnAwaySection
      note={turnAwayNote}
      onNoteChange={setTurnAwayNote}
      onTurnAway={() => void turnAway()}
      isSaving={isTurningAway}
    />
  );

  return (
    <Panel titleId="door-sign-in-title" title="Sign a visitor in" className="panel door-sign-in">
      <SignedInNotice message={message} onPrintBadge={onPrintBadge} />
      {draft.restoredAt ? (
        // Kept through a lock, a crash or a visit to another screen: the words fit them all.
        <Banner tone="info">We kept what you were typing. Check it, then sign them in.</Banner>
      ) : null}
      <SubmitForm label="Sign a visitor in" onSubmit={onSubmit}>
        {visitId ? (
          <div className="door-sign-in__booked" role="status">
            {/* A kept draft brings the booking back without its note: the booking still shows, and can go. */}
            <p>
              {expectedNote ??
                'This sign-in is for a booked visit. If they have not come for it, press “Not for this booked visit”.'}
            </p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                form.setValue('visitId', undefined);
                setExpectedNote(undefined);
              }}
            >
              Not for this booked visit
            </button>
          </div>
        ) : null}
        <div className="door-check-row">
          <VisitorNameField
            form={form}
            people={directory.people}
            onEnter={check.checkNow}
            onNameChange={() => {
              setMessage(undefined);
              setIdChecks({ notThem: [], treatedAsThem: [] });
            }}
          />
          <DoorCheckPanel
            check={check}
            restrictions={restrictions}
            youngPersonName={directory.youngPersonName}
            onNotThem={(id) => {
              setIdChecks({ ...idChecks, notThem: [...idChecks.notThem, id] });
              form.setValue('isIdChecked', true);
            }}
            onTreatAsThem={(id) =>
              setIdChecks({ ...idChecks, treatedAsThem: [...idChecks.treatedAsThem, id] })
            }
            onReopenIdCheck={(id) =>
              setIdChecks({
                notThem: idChecks.notThem.filter((other) => other !== id),
                treatedAsThem: idChecks.treatedAsThem.filter((other) => other !== id),
              })
            }
            turnAway={turnAwaySection}
            warnActions={
              <WarnActions
                form={form}
                needsSupervisor={liveVerdict?.needsSupervisor ?? false}
                staff={directory.staff}
                hasRead={readKey === matchKey(liveResult)}
                readError={readError}
                focusRequest={readFocus}
                onRead={(hasRead) => {
                  setReadKey(hasRead ? matchKey(liveResult) : undefined);
                  setReadError(undefined);
                }}
              />
            }
            blockActions={
              canOverride ? (
                <div className="door-panel__actions">
                  {liveVerdict?.needsSupervisor ? (
                    <SupervisorSelect form={form} staff={directory.staff} />
                  ) : null}
                  <OverrideSection
                    value={override}
                    errors={overrideErrors}
                    onChange={setOverride}
                    focusRequest={overrideFocus}
                  />
                </div>
              ) : null
            }
          />
        </div>
        <Controller
          control={form.control}
          name="visitingYoungPersonIds"
          render={renderVisitingChoices(
            directory.youngPeople,
            'Tick each young person they have come to see. Until you do, the name is checked against every young person’s restrictions.',
          )}
        />
        <DoorPlanNotes
          personId={personId}
          youngPersonIds={youngPersonIds ?? []}
          people={directory.people}
          youngPersonName={directory.youngPersonName}
          today={today}
        />
        <VisitDetailsFields form={form} />
        <ProtocolAtDoor step={protocolStep} staff={directory.staff} />
        <div className="form__actions">
          <button
            type="submit"
            className={isBlocked && canOverride ? 'button button--danger' : 'button'}
            disabled={isSubmitting || isTurningAway || (isBlocked && !canOverride)}
          >
            {isSubmitting ? 'Signing in…' : isBlocked && canOverride ? 'Override and admit' : 'Sign in'}
          </button>
        </div>
        {isBlocked && !canOverride ? (
          <p className="muted">
            Signing in is switched off for this name. Only the Registered Manager can override a restriction.
          </p>
        ) : null}
      </SubmitForm>
    </Panel>
  );
}
