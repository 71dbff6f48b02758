import { zodResolver } from '@hookform/resolvers/zod';
import { displayPersonName } from '@shared/display-names';
import { useForm } from 'react-hook-form';
import { aliasesAsText, type Person, type Relationship } from '@shared/schemas/people';
import {
  type Restriction,
  restrictionAuthorities,
  restrictionAuthorityLabels,
  restrictionKindLabels,
  restrictionKinds,
} from '@shared/schemas/registers';
import { Field, TextInput } from '../../ui/Field';
import { FormNotices } from '../../ui/FormNotices';
import { useFocusOnOpen } from '../../ui/useFocusOnOpen';
import { useRecordSubmit } from '../../common/useRecordSubmit';
import type { RestrictionRepository } from '../../db/repositories/restriction-repository';
import { useSession } from '../../security/session-context';
import { useDraft } from '../../security/useDraft';
import { blankAsUndefined } from '../../ui/blank-as-undefined';
import {
  restrictionEntrySchema,
  restrictionFromEntry,
  type RestrictionEntry,
} from './restriction-entry-schema';

type Props = {
  readonly repository: RestrictionRepository;
  readonly youngPersonId: string;
  readonly youngPersonName: string;
  readonly today: string;
  /** The young person's family, loaded before the form opens so a kept draft's choice shows. */
  readonly family: readonly { readonly person: Person; readonly relationship: Relationship }[];
  readonly onDone: (recorded: Restriction | undefined) => void;
};

/**
 * Records a restriction for one young person. The restricted person may be someone in the
 * family list, or only a name: a name, aliases and a description are enough for the door.
 */
export function RecordRestrictionForm({
  repository,
  youngPersonId,
  youngPersonName,
  today,
  family,
  onDone,
}: Props) {
  const session = useSession();
  const headingRef = useFocusOnOpen();
  const form = useForm<RestrictionEntry>({
    resolver: zodResolver(restrictionEntrySchema),
    defaultValues: {
      youngPersonId,
      name: '',
      aliases: '',
      description: '',
      conditions: '',
      authorityReference: '',
      effectiveFrom: today,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const draft = useDraft(`restriction:new:${youngPersonId}`, form);
  const optional = { setValueAs: blankAsUndefined };

  // Choosing someone from the family list fills in the name and aliases the door check matches on.
  const personField = form.register('personId', {
    setValueAs: blankAsUndefined,
    onChange: (event: { target: { value: string } }) => {
      const chosen = family.find((entry) => entry.person.id === event.target.value)?.person;
      if (!chosen) return;
      form.setValue('name', displayPersonName(chosen), { shouldValidate: form.formState.isSubmitted });
      form.setValue('aliases', aliasesAsText(chosen.aliases));
    },
  });

  const { submit, failure } = useRecordSubmit(
    form,
    (values) => repository.record(session, restrictionFromEntry(values)),
    async (saved) => {
      await draft.clear();
      onDone(saved);
    },
  );

  return (
    <section className="panel" aria-labelledby="record-restriction-title">
      <h3 id="record-restriction-title" ref={headingRef} tabIndex={-1}>
        Record a restriction for {youngPersonName}
      </h3>
      <form onSubmit={submit} noValidate className="form" aria-label="Record a restriction">
        <FormNotices failure={failure} draftRestoredAt={draft.restoredAt} />
        <fieldset className="fieldset">
          <legend>Who is restricted</legend>
          <Field
            label="Person in the family list"
            hint="Or choose “Not in the list” and type their name below."
            error={errors.personId?.message}
          >
            {(wiring) => (
              <select className="input" {...wiring} {...personField}>
                <option value="">Not in the list</option>
                {family.map(({ person, relationship }) => (
                  <option key={person.id} value={person.id}>
                    {displayPersonName(person)} ({relationship.relationship})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Name" hint="As they might give it at the door." error={errors.name?.message}>
            {(wiring) => <TextInput {...wiring} autoComplete="off" {...form.register('name')} />}
          </Field>
          <Field
            label="Other names (optional)"
            hint="Nicknames or other surnames, separated by commas."
            error={errors.aliases?.message}
          >
            {(wiring) => <TextInput {...wiring} autoComplete="off" {...form.register('aliases')} />}
          </Field>
          <Field
            label="Description (optional)"
            hint="What they look like, to help recognise them. Care staff do not see this."
            error={errors.description?.message}
          >
            {(wiring) => (
              <textarea className="input" rows={2} {...wiring} {...form.register('description')} />
            )}
          </Field>
        </fieldset>
        <fieldset className="fieldset">
          <legend>The restriction</legend>
          <Field label="What is restricted" error={errors.kind?.message}>
            {(wiring) => (
              <select className="input" {...wiring} {...form.register('kind')}>
                <option value="">Choose…</option>
                {restrictionKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {restrictionKindLabels[kind]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="Conditions (optional unless “Other”)"
            hint="What staff must do, for example “supervised by two staff, in the family room only”."
            error={errors.conditions?.message}
          >
            {(wiring) => <textarea className="input" rows={3} {...wiring} {...form.register('conditions')} />}
          </Field>
          <Field label="Authority" error={errors.authority?.message}>
            {(wiring) => (
              <select className="input" {...wiring} {...form.register('authority')}>
                <option value="">Choose…</option>
                {restrictionAuthorities.map((authority) => (
                  <option key={authority} value={authority}>
                    {restrictionAuthorityLabels[authority]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="Reference"
            hint="Needed unless it comes from the care plan, for example the court order’s case number."
            error={errors.authorityReference?.message}
          >
            {(wiring) => (
              <TextInput
                {...wiring}
                className="input input--short"
                spellCheck={false}
                {...form.register('authorityReference')}
              />
            )}
          </Field>
        </fieldset>
        <fieldset className="fieldset">
          <legend>Dates</legend>
          <Field label="Applies from" error={errors.effectiveFrom?.message}>
            {(wiring) => (
              <TextInput
                type="date"
                className="input input--short"
                {...wiring}
                {...form.register('effectiveFrom')}
              />
            )}
          </Field>
          <Field
            label="Applies until (optional)"
            hint="Leave empty if it has no end date."
            error={errors.effectiveTo?.message}
          >
            {(wiring) => (
              <TextInput
                type="date"
                className="input input--short"
                {...wiring}
                {...form.register('effectiveTo', optional)}
              />
            )}
          </Field>
          <Field label="Review by (optional)" error={errors.reviewOn?.message}>
            {(wiring) => (
              <TextInput
                type="date"
                className="input input--short"
                {...wiring}
                {...form.register('reviewOn', optional)}
              />
            )}
          </Field>
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="button" disabled={isSubmitting}>
            Record restriction
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void draft.clear().then(() => onDone(undefined))}
          >
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
