import { zodResolver } from '@hookform/resolvers/zod';
import { displayPersonName } from '@shared/display-names';
import { ukDateText } from '@shared/schemas/typed-date-time';
import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { staffRoleLabels } from '@shared/schemas/staff';
import {
  repeatFrequencies,
  visitBookingFormSchema,
  visitKindLabels,
  visitKinds,
  type Visit,
  type VisitBookingForm as VisitBookingValues,
  type VisitBookingFormInput,
} from '@shared/schemas/visits';
import { Banner } from '../../ui/Banner';
import {
  FixedOptions,
  OptionField,
  SelectField,
  ShortTextField,
  TextAreaField,
  TextField,
} from '../../ui/TextField';
import { applyFieldErrors } from '../../ui/apply-field-errors';
import type { BookingCheck } from '../../db/repositories/visit-booking-checks';
import type { VisitActions } from './useVisitActions';
import { BookingCheckboxGroup } from './BookingCheckboxGroup';
import { PlanningHelpPanel } from './PlanningHelpPanel';
import { CommunicationNotes } from '../../ui/CommunicationNote';
import { communicationLine } from '@shared/rules/communication';
import { useFamilyOfMany } from './useFamilyOfMany';
import type { VisitDirectory } from './useVisitDirectory';
import { FormActions } from '../../ui/FormActions';
import { SubmitForm } from '../../ui/SubmitForm';
import { OpeningPanel } from '../../ui/OpeningPanel';

const repeatLabels: Readonly<Record<(typeof repeatFrequencies)[number], string>> = {
  none: 'Does not repeat',
  weekly: 'Every week',
  fortnightly: 'Every two weeks',
  monthly: 'Every month, on the same date',
};

/** When the visit is: typed as day/month/year and 24-hour times, each with an example. */
const whenFields = [
  { name: 'date', label: 'Date', hint: 'Day/month/year, for example 26/10/2026.' },
  { name: 'startTime', label: 'Starts at', hint: '24-hour clock, for example 14:00.' },
  { name: 'endTime', label: 'Ends at', hint: '24-hour clock, for example 15:30.' },
] as const;

type Props = {
  readonly actions: VisitActions;
  readonly directory: VisitDirectory;
  readonly timeZone: string;
  readonly today: string;
  readonly initial: VisitBookingFormInput;
  /** When set, this changes (moves) one existing visit instead of booking. */
  readonly changing?: Visit | undefined;
  readonly onDone: (saved: { visits: readonly Visit[]; problems: readonly string[] } | undefined) => void;
};

type CheckState =
  | { readonly kind: 'checking' }
  | { readonly kind: 'checked'; readonly check: BookingCheck }
  | { readonly kind: 'incomplete' };

/**
 * Booking a visit, or moving one. The checks (clashes, placement, restrictions)
 * run as the form is filled in and again on saving, and say in words what is wrong and how to fix it.
 */
export function VisitBookingForm({ actions, directory, timeZone, today, initial, changing, onDone }: Props) {
  const [failure, setFailure] = useState<string | undefined>();
  const [checked, setChecked] = useState<
    { readonly key: string; readonly check: BookingCheck | undefined } | undefined
  >();
  const form = useForm<VisitBookingFormInput, unknown, VisitBookingValues>({
    resolver: zodResolver(visitBookingFormSchema),
    // Dates are typed day/month/year here; the calendar hands them over as YYYY-MM-DD.
    defaultValues: {
      ...initial,
      date: ukDateText(initial.date),
      repeatUntil: ukDateText(initial.repeatUntil ?? ''),
    },
  });
  const { errors, isSubmitting } = form.formState;
  const values = useWatch({ control: form.control });
  const youngPersonIds = useMemo(() => values.youngPersonIds ?? [], [values.youngPersonIds]);
  const family = useFamilyOfMany(youngPersonIds);
  const repeat = values.repeat ?? 'none';

  // The checks, a moment after the person stops typing; "checking" until the answer for these values is in.
  const valuesKey = JSON.stringify(values);
  const parsedValues = useMemo(
    () => visitBookingFormSchema.safeParse(JSON.parse(valuesKey) as unknown),
    [valuesKey],
  );
  useEffect(() => {
    if (!parsedValues.success) return;
    let isCurrent = true;
    const timer = window.setTimeout(() => {
      void actions.check(parsedValues.data, directory, changing?.id).then((result) => {
        if (isCurrent) setChecked({ key: valuesKey, check: result.ok ? result.value : undefined });
      });
    }, 300);
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
  }, [parsedValues, valuesKey, actions, directory, changing?.id]);
  const checkState: CheckState = !parsedValues.success
    ? { kind: 'incomplete' }
    : checked?.key !== valuesKey
      ? { kind: 'checking' }
      : checked.check
        ? { kind: 'checked', check: checked.check }
        : { kind: 'incomplete' };

  const submit = form.handleSubmit(
    async (parsed) => {
      setFailure(undefined);
      if (changing) {
        const result = await actions.change(changing.id, parsed, directory);
        if (!result.ok) {
          applyFieldErrors(result.error.fields, form.setError);
          setFailure(result.error.message);
          return;
        }
        onDone({ visits: [result.value], problems: [] });
        return;
      }
      const result = await actions.book(parsed, directory);
      if (!result.ok) {
        applyFieldErrors(result.error.fields, form.setError);
        setFailure(result.error.message);
        return;
      }
      onDone({ visits: result.value, problems: [] });
    },
    () => setFailure('Some details need correcting. Each problem is shown beside its field.'),
  );

  const staffOptions = directory.staff
    .filter((member) => member.isActive)
    .map((member) => ({
      value: member.id,
      label: member.name,
      hint: member.roles.map((role) => staffRoleLabels[role]).join(', '),
    }));
  const familyOptions = (family ?? []).map(({ person, relationships }) => ({
    value: person.id,
    label: displayPersonName(person),
    hint: [...new Set(relationships.map((relationship) => relationship.relationship))].join(', '),
  }));
  const chosenPeople = (family ?? [])
    .filter(({ person }) => (values.personIds ?? []).includes(person.id))
    .map(({ person }) => ({
      id: person.id,
      name: displayPersonName(person),
      text: communicationLine(person),
    }));
  const firstYoungPerson = youngPersonIds[0];
  const title = changing ? 'Change or move this visit' : 'Book a visit';

  return (
    <OpeningPanel titleId="visit-booking-title" title={title} className="panel visit-booking">
      {changing?.seriesId ? (
        <p className="lede">
          This visit is one of a series. Changes here move this date only; the others stay as they are.
        </p>
      ) : null}
      <div className="visit-booking__layout">
        <SubmitForm label={title} onSubmit={submit}>
          {failure ? <Banner tone="error">{failure}</Banner> : null}
          <BookingCheckboxGroup
            control={form.control}
            name="youngPersonIds"
            legend="Young people"
            error={errors.youngPersonIds?.message}
            options={directory.youngPeople.map((person) => ({
              value: person.id,
              label: directory.youngPersonName(person.id),
            }))}
            emptyText="No young people are recorded yet."
          />
          <SelectField form={form} name="kind" label="Kind of visit">
            <FixedOptions values={visitKinds} labels={visitKindLabels} />
          </SelectField>
          <BookingCheckboxGroup
            control={form.control}
            name="personIds"
            legend="Family members coming (or on the call)"
            options={familyOptions}
            emptyText={
              youngPersonIds.length === 0
                ? 'Choose a young person first.'
                : 'No family members are recorded for this young person.'
            }
          />
          <CommunicationNotes people={chosenPeople} />
          <BookingCheckboxGroup
            control={form.control}
            name="staffIds"
            legend="Staff going"
            hint="For a home visit, the Personal Tutor and the Case Co-ordinator."
            options={staffOptions}
            emptyText="No staff accounts yet."
          />
          <OptionField
            form={form}
            name="supervisingStaffId"
            label="Supervising member of staff"
            hint="Needed when a family member may only be seen with staff supervising."
            emptyLabel="No one supervising"
            choices={staffOptions}
          />
          <OptionField
            form={form}
            name="roomId"
            label="Room"
            emptyLabel="No room"
            choices={directory.rooms
              .filter((room) => room.isActive || room.id === changing?.roomId)
              .map((room) => ({ value: room.id, label: room.name }))}
          />
          <div className="form__row">
            {whenFields.map((field) => (
              <ShortTextField key={field.name} form={form} {...field} />
            ))}
          </div>
          {changing ? null : (
            <div className="form__row">
              <SelectField form={form} name="repeat" label="Repeats">
                <FixedOptions values={repeatFrequencies} labels={repeatLabels} />
              </SelectField>
              {repeat === 'none' ? null : (
                <ShortTextField
                  form={form}
                  name="repeatUntil"
                  label="Last date"
                  hint="The series stops on or before this date."
                />
              )}
            </div>
          )}
          <TextField form={form} name="transport" label="Transport (optional)" autoComplete="off" />
          <TextAreaField
            form={form}
            name="notes"
            label="Notes (optional)"
            hint="Seen by those who lead contact and the staff on the visit."
            rows={3}
          />
          <BookingChecks state={checkState} />
          <FormActions
            submitLabel={changing ? 'Save changes' : 'Book visit'}
            isBusy={isSubmitting}
            onCancel={() => onDone(undefined)}
          />
        </SubmitForm>
        <PlanningHelpPanel
          youngPersonId={firstYoungPerson}
          youngPersonName={firstYoungPerson ? directory.youngPersonName(firstYoungPerson) : ''}
          today={today}
          timeZone={timeZone}
        />
      </div>
    </OpeningPanel>
  );
}

/** What the checks found, in words; announced politely as it changes. */
function BookingChecks({ state }: { state: CheckState }) {
  return (
    <section className="booking-checks" aria-labelledby="booking-checks-title" aria-live="polite">
      <h3 id="booking-checks-title">Checks before saving</h3>
      {state.kind === 'incomplete' ? (
        <p>Fill in the young person, the date and the times to check for clashes and restrictions.</p>
      ) : null}
      {state.kind === 'checking' ? <p>Checking for clashes and restrictions…</p> : null}
      {state.kind === 'checked' ? (
        <>
          <p>
            {state.check.occurrences.length === 1 ? 'One visit' : `${state.check.occurrences.length} visits`}{' '}
            to book.{' '}
            {state.check.blocking.length === 0
              ? 'No clashes or restrictions stop it.'
              : 'These must be fixed before it can be saved:'}
          </p>
          {state.check.blocking.length > 0 ? (
            <ul className="booking-checks__list booking-checks__list--block">
              {state.check.blocking.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : null}
          {state.check.warnings.length > 0 ? (
            <>
              <p>Read before going ahead:</p>
              <ul className="booking-checks__list booking-checks__list--warn">
                {state.check.warnings.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            </>
          ) : null}
          {state.check.planWarnings.length > 0 ? (
            <>
              <p>Outside the contact plan (you can still book it):</p>
              <ul
                className="booking-checks__list booking-checks__list--warn"
                aria-label="Outside the contact plan"
              >
                {state.check.planWarnings.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
