import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Restriction } from '@shared/schemas/registers';
import { Banner } from '../../ui/Banner';
import { TextAreaField } from '../../ui/TextField';
import { applyFieldErrors } from '../../ui/apply-field-errors';
import type { RestrictionRepository } from '../../db/repositories/restriction-repository';
import { useSession } from '../../security/session-context';
import { endRestrictionSchema, type EndRestrictionForm as FormValues } from './restriction-entry-schema';
import { FormActions } from '../../ui/FormActions';
import { endedReasonField } from './ended-reason';
import { SubmitForm } from '../../ui/SubmitForm';
import { Panel } from '../../ui/Panel';

type Props = {
  readonly repository: RestrictionRepository;
  readonly restriction: { readonly id: string; readonly name: string };
  readonly onDone: (ended: Restriction | undefined) => void;
};

/**
 * Ending a restriction: first the reason, then a check before anything changes. The restriction
 * stays in the register with its reason; it just stops applying.
 */
export function EndRestrictionForm({ repository, restriction, onDone }: Props) {
  const session = useSession();
  const [confirming, setConfirming] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useForm<FormValues>({
    resolver: zodResolver(endRestrictionSchema),
    defaultValues: { endedReason: '' },
  });
  const { isSubmitting } = form.formState;
  const titleId = `end-restriction-${restriction.id}`;

  useEffect(() => headingRef.current?.focus(), [confirming]);

  const askToConfirm = form.handleSubmit((values) => {
    setFailure(undefined);
    setConfirming(values.endedReason);
  });

  const end = async (reason: string) => {
    const result = await repository.end(session, restriction.id, reason);
    if (!result.ok) {
      setConfirming(undefined);
      applyFieldErrors(result.error.fields, form.setError);
      setFailure(result.error.message);
      return;
    }
    onDone(result.value);
  };

  if (confirming !== undefined) {
    return (
      <Panel
        titleId={titleId}
        title={<>End the restriction on {restriction.name}?</>}
        level={4}
        headingRef={headingRef}
      >
        <p>It will stop applying straight away. It stays in the register with this reason:</p>
        <blockquote>{confirming}</blockquote>
        <div className="form__actions">
          <button type="button" className="button" onClick={() => void end(confirming)}>
            Yes, end the restriction
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(undefined)}>
            Go back
          </button>
        </div>
      </Panel>
    );
  }

  return (
    <Panel
      titleId={titleId}
      title={<>End the restriction on {restriction.name}</>}
      level={4}
      headingRef={headingRef}
    >
      <SubmitForm label={`End the restriction on ${restriction.name}`} onSubmit={askToConfirm}>
        {failure ? <Banner tone="error">{failure}</Banner> : null}
        <TextAreaField form={form} {...endedReasonField} />
        <FormActions submitLabel="End restriction" isBusy={isSubmitting} onCancel={() => onDone(undefined)} />
      </SubmitForm>
    </Panel>
  );
}
