import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import {
  academicYearFormSchema,
  termLabels,
  termNames,
  type AcademicYear,
  type AcademicYearForm as FormValues,
} from '@shared/schemas/academic-year';
import { TextField } from '../../ui/TextField';
import { FormNotices } from '../../ui/FormNotices';
import { OpeningPanel } from '../../ui/OpeningPanel';
import { TypedDateField } from '../../common/TypedDateField';
import { useDraftedRecordSubmit } from '../../common/useDraftedRecordSubmit';
import type { AcademicYearRepository } from '../../db/repositories/academic-year-repository';
import { useSession } from '../../security/session-context';
import { FormActions } from '../../ui/FormActions';

type Props = {
  readonly repository: AcademicYearRepository;
  /**
   * The year being edited, or a suggested label for a new one; `restoresId` when the new one
   * enters again a year whose row was deleted outside Family Links, under the id the log knows.
   */
  readonly editing: AcademicYear | { readonly suggestedLabel: string; readonly restoresId?: string };
  readonly onDone: (saved: AcademicYear | undefined) => void;
};

// A tuple's positions, typed as literals so each field path is one the form knows.
const termIndexes = [0, 1, 2] as const;

function emptyYear(label: string): FormValues {
  return {
    label,
    terms: [
      { name: 'autumn', startsOn: '', endsOn: '', halfTermStartsOn: '', halfTermEndsOn: '' },
      { name: 'spring', startsOn: '', endsOn: '', halfTermStartsOn: '', halfTermEndsOn: '' },
      { name: 'summer', startsOn: '', endsOn: '', halfTermStartsOn: '', halfTermEndsOn: '' },
    ],
  };
}

/** One academic year's three terms and half terms. Nothing is saved unless all of it is sound. */
export function AcademicYearForm({ repository, editing, onDone }: Props) {
  const session = useSession();
  const existing = 'id' in editing ? editing : undefined;
  const savesAs = existing?.id ?? ('restoresId' in editing ? editing.restoresId : undefined);
  const form = useForm<FormValues>({
    resolver: zodResolver(academicYearFormSchema),
    defaultValues: existing
      ? { label: existing.label, terms: existing.terms }
      : emptyYear('suggestedLabel' in editing ? editing.suggestedLabel : ''),
  });
  const { errors, isSubmitting } = form.formState;
  const { submit, failure, draftRestoredAt, leave } = useDraftedRecordSubmit(
    form,
    savesAs === undefined ? 'academic-year:new' : `academic-year:${savesAs}`,
    (values) => repository.save(session, values, savesAs),
    onDone,
    { invalidMessage: 'Some dates need correcting. Each problem is shown beside its field.' },
  );

  const title = existing ? `Edit ${existing.label}` : 'Add an academic year';
  return (
    <OpeningPanel titleId="academic-year-form-title" title={title}>
      <form onSubmit={submit} noValidate className="form">
        <FormNotices failure={failure} draftRestoredAt={draftRestoredAt} />
        <TextField
          form={form}
          name="label"
          label="Academic year"
          hint="For example 2026/27."
          className="input input--short"
        />
        {/* Term by term, in the order of the year (start, half term, end), one row each: a
            problem shown under one date leaves the other dates where they were. */}
        <div className="term-grid">
          {termIndexes.map((index) => {
            const name = termNames[index];
            const termErrors = errors.terms?.[index];
            const termLabel = termLabels[name];
            const termWords = termLabel.toLowerCase();
            return (
              <fieldset key={name} className="fieldset">
                <legend>{termLabel}</legend>
                <input type="hidden" {...form.register(`terms.${index}.name`)} />
                <TypedDateField
                  control={form.control}
                  name={`terms.${index}.startsOn`}
                  label={`${termLabel} starts`}
                  what={`the day the ${termWords} starts`}
                  otherProblem={termErrors?.name?.message}
                />
                <TypedDateField
                  control={form.control}
                  name={`terms.${index}.halfTermStartsOn`}
                  label="Half term starts"
                  what={`the day the ${name} half term starts`}
                />
                <TypedDateField
                  control={form.control}
                  name={`terms.${index}.halfTermEndsOn`}
                  label="Half term ends"
                  what={`the day the ${name} half term ends`}
                />
                <TypedDateField
                  control={form.control}
                  name={`terms.${index}.endsOn`}
                  label={`${termLabel} ends`}
                  what={`the day the ${termWords} ends`}
                />
              </fieldset>
            );
          })}
        </div>
        <FormActions submitLabel="Save academic year" isBusy={isSubmitting} onCancel={leave} />
      </form>
    </OpeningPanel>
  );
}
