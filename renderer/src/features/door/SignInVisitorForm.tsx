import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { can } from '@shared/rules/access';
import { restrictionVerdict, type RestrictionCheck } from '@shared/rules/restriction-check';
import { visitorSignInFormSchema, type VisitorSignInForm } from '@shared/schemas/registers';
import { Banner } from '../../ui/Banner';
import { Field, TextInput } from '../../ui/Field';
import { applyFieldErrors } from '../../ui/apply-field-errors';
import { useSession } from '../../security/session-context';
import { useDraft } from '../../security/useDraft';
import { checkAtTheDoor, doorChecker } from './door-checker';
import { emptyDoorForm, type DoorFormValues } from './door-form';
import { clockTime } from '@shared/home-time';
import { DoorCheckPanel } from './DoorCheckPanel';
import { OverrideSection, type OverrideErrors, type OverrideState } from './OverrideSection';
import { registeredNamesOf } from './registered-names';
import { SupervisorSelect } from './SupervisorSelect';
import type { DoorDirectory } from '../../common/useDoorDirectory';
import { useDoorRestrictions } from './useDoorRestrictions';
import { useLiveDoorCheck } from './useLiveDoorCheck';
import { useVisitorLog } from '../../common/useVisitorLog';
import { VisitingChoices } from './VisitingChoices';
import { VisitorNameField } from './VisitorNameField';
import { WarnActions } from './WarnActions';

type Props = { readonly directory: DoorDirectory; readonly today: string; readonly timeZone: string };

/** Which restrictions a result is about: a warning read for one visitor is not read for another. */
const matchKey = (result: RestrictionCheck | undefined) =>
  result && result.kind !== 'clear' ? result.matches.map((match) => match.restrictionId).join(' ') : '';
const noOverride: OverrideState = { reason: '', isConfirmed: false };

/**
 * "Sign a visitor in" (DESIGN rule 6). The name is checked as it is typed; a warning must be read
 * (and a supervisor named for supervised-only contact) before signing in; a block stops it unless
 * the Registered Manager overrides with a reason. The register checks again itself on saving.
 */
export function SignInVisitorForm({ directory, today, timeZone }: Props) {
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
  const [name, personId, youngPersonIds] = useWatch({
    control: form.control,
    name: ['visitorName', 'personId', 'visitingYoungPersonIds'],
  });
  const check = useLiveDoorCheck(
    { name, personId, youngPersonIds: youngPersonIds ?? [] },
    restrictions,
    today,
    registeredNames,
  );
  const liveResult = check.state === 'checked' ? check.result : undefined;
  const liveVerdict = liveResult ? restrictionVerdict(liveResult) : undefined;
  const [readKey, setReadKey] = useState<string | undefined>();
  const [readError, setReadError] = useState<string | undefined>();
  const [override, setOverride] = useState<OverrideState>(noOverride);
  const [overrideErrors, setOverrideErrors] = useState<OverrideErrors>({});
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();
  const isBlocked = liveResult?.kind === 'block';
  const { isSubmitting, errors } = form.formState;

  const submit = form.handleSubmit(
    async (values) => {
      setMessage(undefined);
      if (!restrictions) {
        setMessage({
          tone: 'error',
          text: 'The restriction register is still loading. Try again in a moment.',
        });
        return;
      }
      // Decide on what is in the form now, not on the check shown a moment ago.
      const result = checkAtTheDoor(
        { name: values.visitorName, personId: values.personId },
        values.visitingYoungPersonIds,
        restrictions.index,
        today,
        registeredNames,
      );
      const verdict = restrictionVerdict(result);
      if (verdict.kind === 'block') {
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
        if (problems.reason || problems.isConfirmed) return;
      } else if (verdict.kind === 'warn' && readKey !== matchKey(result)) {
        setReadError('Tick “I have read this” once you have read the restriction.');
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
      const entry = {
        ...values,
        supervisingStaffId: verdict.needsSupervisor ? values.supervisingStaffId : undefined,
      };
      const saved = await visitorLog.signIn(
        session,
        entry,
        doorChecker(today, registeredNames),
        today,
        verdict.kind === 'block' ? { reason: override.reason } : undefined,
      );
      if (!saved.ok) {
        applyFieldErrors(saved.error.fields, form.setError);
        if (saved.error.fields?.overrideReason)
          setOverrideErrors({ reason: saved.error.fields.overrideReason });
        setMessage({ tone: 'error', text: saved.error.message });
        return;
      }
      form.reset(emptyDoorForm);
      await draft.clear();
      setReadKey(undefined);
      setReadError(undefined);
      setOverride(noOverride);
      setOverrideErrors({});
      setMessage({
        tone: 'success',
        text: `${saved.value.visitorName} signed in at ${clockTime(saved.value.arrivedAt, timeZone)}.`,
      });
      form.setFocus('visitorName');
    },
    () =>
      setMessage({
        tone: 'error',
        text: 'Some details need correcting. Each problem is shown beside its field.',
      }),
  );

  return (
    <section className="panel door-sign-in" aria-labelledby="door-sign-in-title">
      <h2 id="door-sign-in-title">Sign a visitor in</h2>
      {message ? <Banner tone={message.tone}>{message.text}</Banner> : null}
      {draft.restoredAt ? (
        <Banner tone="info">What you were typing before the screen locked is back.</Banner>
      ) : null}
      <form
        onSubmit={(event) => void submit(event)}
        noValidate
        className="form"
        aria-label="Sign a visitor in"
      >
        <VisitorNameField form={form} people={directory.people} />
        <Controller
          control={form.control}
          name="visitingYoungPersonIds"
          render={({ field, fieldState }) => (
            <VisitingChoices
              youngPeople={directory.youngPeople}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
              hint="Tick each young person they have come to see. Until you do, the name is checked against every young person’s restrictions."
            />
          )}
        />
        <DoorCheckPanel
          check={check}
          restrictions={restrictions}
          roles={session.roles}
          youngPersonName={directory.youngPersonName}
          warnActions={
            <WarnActions
              form={form}
              needsSupervisor={liveVerdict?.needsSupervisor ?? false}
              staff={directory.staff}
              hasRead={readKey === matchKey(liveResult)}
              readError={readError}
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
                <OverrideSection value={override} errors={overrideErrors} onChange={setOverride} />
              </div>
            ) : null
          }
        />
        <Field
          label="Organisation or relationship"
          hint="For example “Mum”, “social worker, Leeds City Council” or “plumber”."
          error={errors.organisationOrRelationship?.message}
        >
          {(wiring) => <TextInput {...wiring} {...form.register('organisationOrRelationship')} />}
        </Field>
        <Field label="Reason for the visit" error={errors.reason?.message}>
          {(wiring) => <TextInput {...wiring} {...form.register('reason')} />}
        </Field>
        <label className="checkbox">
          <input type="checkbox" {...form.register('isIdChecked')} />
          ID checked
        </label>
        <div className="door-sign-in__pair">
          <Field label="Vehicle registration" hint="If they came by car." error={errors.vehicle?.message}>
            {(wiring) => (
              <TextInput
                {...wiring}
                className="input input--short"
                autoComplete="off"
                {...form.register('vehicle')}
              />
            )}
          </Field>
          <Field label="Badge number" error={errors.badgeNumber?.message}>
            {(wiring) => (
              <TextInput
                {...wiring}
                className="input input--short"
                autoComplete="off"
                {...form.register('badgeNumber')}
              />
            )}
          </Field>
        </div>
        <div className="form__actions">
          <button
            type="submit"
            className={isBlocked && canOverride ? 'button button--danger' : 'button'}
            disabled={isSubmitting || (isBlocked && !canOverride)}
          >
            {isSubmitting ? 'Signing in…' : isBlocked && canOverride ? 'Override and admit' : 'Sign in'}
          </button>
        </div>
        {isBlocked && !canOverride ? (
          <p className="muted">
            Signing in is switched off for this name. Only the Registered Manager can override a restriction.
          </p>
        ) : null}
      </form>
    </section>
  );
}
