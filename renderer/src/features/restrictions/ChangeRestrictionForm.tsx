import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { Restriction } from '@shared/schemas/registers';
import { can } from '@shared/rules/access';
import { versionNumber } from '@shared/rules/restriction-versions';
import { blankAsUndefined } from '../../ui/blank-as-undefined';
import { useRecordSubmit } from '../../common/useRecordSubmit';
import type { RestrictionRepository } from '../../db/repositories/restriction-repository';
import { useSession } from '../../security/session-context';
import { TypedDateField } from '../../common/TypedDateField';
import { RestrictionTermsFields } from './RestrictionTermsFields';
import {
  restrictionChangeEntrySchema,
  type RestrictionChangeEntry,
  type RestrictionTermsFieldName,
} from './restriction-entry-schema';
import { PanelForm } from '../../ui/PanelForm';

type Props = {
  readonly repository: RestrictionRepository;
  readonly restriction: Restriction;
  readonly today: string;
  readonly onDone: (changed: Restriction | undefined) => void;
};

/** The newest version's terms, to start a change from. */
export function termsEntryOf(restriction: Restriction, today: string) {
  return {
    kind: restriction.kind,
    conditions: restriction.conditions,
    authority: restriction.authority,
    authorityReference: restriction.authorityReference,
    effectiveFrom: today,
    // None is `undefined`, as the schemas spell it (the typed date boxes give it for an empty box).
    effectiveTo: restriction.effectiveTo,
    reviewOn: restriction.reviewOn,
  };
}

/**
 * Changing a restriction: its kind, conditions, authority, reference or dates become a new
 * version from the day given. The version before is kept in the history and applies until then.
 */
export function ChangeRestrictionForm({ repository, restriction, today, onDone }: Props) {
  const session = useSession();
  const form = useForm<RestrictionChangeEntry>({
    resolver: zodResolver(restrictionChangeEntrySchema),
    defaultValues: termsEntryOf(restriction, today),
  });
  const { errors, isSubmitting } = form.formState;
  const { submit, failure } = useRecordSubmit(
    form,
    (values) => repository.change(session, restriction.id, values, today),
    (saved) => onDone(saved),
  );
  const titleId = `change-restriction-${restriction.id}`;
  const register = (name: RestrictionTermsFieldName, isOptional: boolean) =>
    form.register(name, isOptional ? { setValueAs: blankAsUndefined } : {});

  return (
    <PanelForm
      titleId={titleId}
      title={<>Change the restriction on {restriction.name}</>}
      level={4}
      label={`Change the restriction on ${restriction.name}`}
      intro={
        <p>
          This becomes version {versionNumber(restriction) + 1}. The current version stays in the history, and
          applies until the day the change takes over.
          {can(session.roles, 'restriction:approve')
            ? ''
            : ' The change applies from its date and waits for the manager’s approval.'}
        </p>
      }
      onSubmit={submit}
      notices={{ failure }}
      actions={{ submitLabel: 'Save the change', isBusy: isSubmitting, onCancel: () => onDone(undefined) }}
    >
      <RestrictionTermsFields
        register={register}
        errors={errors}
        dateField={(field) => <TypedDateField control={form.control} {...field} />}
      />
    </PanelForm>
  );
}
