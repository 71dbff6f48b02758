import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import {
  declarationKindLabels,
  declarationReviewSchema,
  type Declaration,
  type DeclarationReview,
} from '@shared/schemas/declarations';
import { formatUkDate } from '@shared/format-dates';
import { TextAreaField } from '../../ui/TextField';
import { TypedDateField } from '../../common/TypedDateField';
import { useRecordSubmit } from '../../common/useRecordSubmit';
import type { DeclarationRepository } from '../../db/repositories/declaration-repository';
import { useSession } from '../../security/session-context';
import { PanelForm } from '../../ui/PanelForm';

type Props = {
  readonly repository: DeclarationRepository;
  readonly declaration: Declaration;
  readonly staffName: string;
  readonly onDone: (reviewed: Declaration | undefined) => void;
};

/** The manager notes a declaration, and records the supervision date, outcome and any action as they come. */
export function ReviewDeclarationForm({ repository, declaration, staffName, onDone }: Props) {
  const session = useSession();
  const form = useForm<DeclarationReview>({
    resolver: zodResolver(declarationReviewSchema),
    defaultValues: {
      supervisionOn: declaration.supervisionOn,
      outcome: declaration.outcome,
      action: declaration.action,
    },
  });
  const { isSubmitting } = form.formState;
  const { submit, failure } = useRecordSubmit(
    form,
    (values) => repository.review(session, declaration.id, values),
    (saved) => onDone(saved),
  );

  return (
    <PanelForm
      titleId="review-declaration-title"
      title={<>Review {staffName}’s declaration</>}
      label="Review the declaration"
      intro={
        <dl className="details">
          <dt>What</dt>
          <dd>
            {declarationKindLabels[declaration.kind]}, on {formatUkDate(declaration.happenedOn)}
          </dd>
          <dt>What happened</dt>
          <dd>{declaration.whatHappened}</dd>
          {declaration.whoWasInvolved ? (
            <>
              <dt>Who was involved</dt>
              <dd>{declaration.whoWasInvolved}</dd>
            </>
          ) : null}
        </dl>
      }
      onSubmit={submit}
      notices={{ failure }}
      actions={{ submitLabel: 'Save review', isBusy: isSubmitting, onCancel: () => onDone(undefined) }}
    >
      <p className="muted">
        Saving marks it as noted. Add the supervision date when it is booked, and the outcome once it has been
        discussed.
      </p>
      <TypedDateField
        control={form.control}
        name="supervisionOn"
        label="Discussed in supervision on (optional)"
        what="the day it was discussed in supervision"
        isOptional
      />
      <TextAreaField
        form={form}
        name="outcome"
        label="Outcome (optional)"
        hint="What was agreed, for example “gift returned with thanks”."
        rows={3}
      />
      <TextAreaField
        form={form}
        name="action"
        label="Action (optional)"
        hint="Anything still to do, and by whom."
        rows={2}
      />
    </PanelForm>
  );
}
