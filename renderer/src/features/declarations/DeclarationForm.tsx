import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import {
  declarationFormSchema,
  declarationKindLabels,
  declarationKinds,
  type Declaration,
  type DeclarationForm as DeclarationFormValues,
} from '@shared/schemas/declarations';
import type { StaffMember } from '@shared/schemas/staff';
import { ChoiceField, OptionField, TextAreaField, TextField } from '../../ui/TextField';
import { TypedDateField } from '../../common/TypedDateField';
import { useDraftedRecordSubmit } from '../../common/useDraftedRecordSubmit';
import type { DeclarationRepository } from '../../db/repositories/declaration-repository';
import { useSession } from '../../security/session-context';
import { PanelForm } from '../../ui/PanelForm';
import { staffChoices } from '../../common/staff-names';

type Props = {
  readonly repository: DeclarationRepository;
  readonly lineManagers: readonly StaffMember[];
  readonly today: string;
  readonly onDone: (recorded: Declaration | undefined) => void;
};

/** A member of staff declares a gift, a contact or an approach to their line manager (seeds 000-002). */
export function DeclarationForm({ repository, lineManagers, today, onDone }: Props) {
  const session = useSession();
  const onlyManager = lineManagers.length === 1 ? lineManagers[0]?.id : undefined;
  const form = useForm<DeclarationFormValues>({
    resolver: zodResolver(declarationFormSchema),
    defaultValues: {
      happenedOn: today,
      whatHappened: '',
      whoWasInvolved: '',
      lineManagerId: onlyManager ?? '',
    },
  });
  const { isSubmitting } = form.formState;
  const { submit, failure, draftRestoredAt } = useDraftedRecordSubmit(
    form,
    'declaration:new',
    (values) => repository.recordOwn(session, values),
    onDone,
  );

  return (
    <PanelForm
      titleId="make-declaration-title"
      title="Make a declaration"
      label="Make a declaration"
      intro={
        <p className="lede">
          Only you and the manager can see it. Your line manager will talk it through with you in supervision.
        </p>
      }
      onSubmit={submit}
      notices={{ failure, draftRestoredAt }}
      actions={{ submitLabel: 'Make declaration', isBusy: isSubmitting, onCancel: () => onDone(undefined) }}
    >
      <ChoiceField
        form={form}
        name="kind"
        label="What are you declaring?"
        values={declarationKinds}
        labels={declarationKindLabels}
      />
      <TypedDateField
        control={form.control}
        name="happenedOn"
        label="When did it happen?"
        what="the day it happened"
      />
      <TextAreaField
        form={form}
        name="whatHappened"
        label="What happened"
        hint="For a gift: what it was, its rough value, and what you did with it."
        rows={4}
      />
      <TextField
        form={form}
        name="whoWasInvolved"
        label="Who was involved (optional)"
        hint="For example “a parent of a young person” or a former care leaver’s first name."
        autoComplete="off"
      />
      <OptionField
        form={form}
        name="lineManagerId"
        label="Your line manager"
        emptyLabel="Choose…"
        choices={staffChoices(lineManagers)}
      />
    </PanelForm>
  );
}
