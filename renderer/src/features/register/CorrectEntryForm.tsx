import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { requiredText } from '@shared/schemas/common';
import {
  visitorSignInFormSchema,
  visitorTurnAwayFormSchema,
  type VisitorEntry,
} from '@shared/schemas/registers';
import { Banner } from '../../ui/Banner';
import { ShortTextField, TextAreaField, TextField } from '../../ui/TextField';
import { applyFieldErrors } from '../../ui/apply-field-errors';
import { useSession } from '../../security/session-context';
import type { DoorDirectory } from '../../common/useDoorDirectory';
import { useVisitorLog } from '../../common/useVisitorLog';
import { renderVisitingChoices, doorChecker } from '../door';
import { useHomeClock } from '../../common/useHomeClock';
import { FormActions } from '../../ui/FormActions';
import { SubmitForm } from '../../ui/SubmitForm';
import { CheckboxField } from '../../ui/CheckboxField';
import { OpeningPanel } from '../../ui/OpeningPanel';

/**
 * The entry's details as corrected, what was wrong with them, and, for a sign-out made by mistake,
 * that they never left. Someone turned away may not have given a reason, and never came in.
 */
const correctionSchema = visitorSignInFormSchema.extend({
  amendmentReason: requiredText('what was wrong', 1000),
  isBackOnSite: z.boolean().default(false),
});
const turnedAwayCorrectionSchema = visitorTurnAwayFormSchema.extend({
  amendmentReason: requiredText('what was wrong', 1000),
  isBackOnSite: z.literal(false).default(false),
});
type CorrectionValues = z.input<typeof turnedAwayCorrectionSchema> | z.input<typeof correctionSchema>;
type Corrected = z.output<typeof turnedAwayCorrectionSchema> | z.output<typeof correctionSchema>;

type Props = {
  readonly entry: VisitorEntry;
  readonly directory: DoorDirectory;
  readonly onDone: (corrected: VisitorEntry | undefined) => void;
};

/**
 * Corrects a register entry. The register is a legal record: the original stays exactly as it
 * was, and the correction is a new version with the reason, shown under "Amended".
 */
export function CorrectEntryForm({ entry, directory, onDone }: Props) {
  const session = useSession();
  const visitorLog = useVisitorLog();
  const [failure, setFailure] = useState<string | undefined>();
  const isTurnedAway = entry.kind === 'turnedAway';
  const form = useForm<CorrectionValues, unknown, Corrected>({
    resolver: zodResolver<CorrectionValues, unknown, Corrected>(
      isTurnedAway ? turnedAwayCorrectionSchema : correctionSchema,
    ),
    defaultValues: {
      visitorName: entry.visitorName,
      personId: entry.personId,
      organisationOrRelationship: entry.organisationOrRelationship,
      visitingYoungPersonIds: entry.visitingYoungPersonIds,
      reason: entry.reason,
      isIdChecked: entry.isIdChecked,
      vehicle: entry.vehicle,
      badgeNumber: entry.badgeNumber,
      supervisingStaffId: entry.supervisingStaffId,
      ...(isTurnedAway ? { turnedAwayNote: entry.turnedAwayNote } : {}),
      amendmentReason: '',
      isBackOnSite: false,
    },
  });
  const { isSubmitting } = form.formState;
  const clock = useHomeClock();

  const submit = form.handleSubmit(
    async ({ amendmentReason, isBackOnSite, ...corrected }) => {
      const result = await visitorLog.amend(
        session,
        entry.id,
        corrected,
        amendmentReason,
        doorChecker(clock.today),
        clock.today,
        { isBackOnSite },
      );
      if (!result.ok) {
        applyFieldErrors(result.error.fields, form.setError);
        setFailure(result.error.message);
        return;
      }
      onDone(result.value);
    },
    () => setFailure('Some details need correcting. Each problem is shown beside its field.'),
  );

  return (
    <OpeningPanel titleId="correct-entry-title" title={<>Correct the entry for {entry.visitorName}</>}>
      <p className="lede">
        The original entry is kept as it was. Your correction and your reason are added to it, with your name
        and the time.
      </p>
      {failure ? <Banner tone="error">{failure}</Banner> : null}
      <SubmitForm label="Correct this entry" onSubmit={submit}>
        <TextField
          form={form}
          name="amendmentReason"
          label="What was wrong?"
          hint="For example “wrong badge number” or “name misspelt”."
        />
        <TextField form={form} name="visitorName" label="Visitor’s name" />
        <TextField form={form} name="organisationOrRelationship" label="Organisation or relationship" />
        <Controller
          control={form.control}
          name="visitingYoungPersonIds"
          render={renderVisitingChoices(directory.youngPeople, 'Tick each young person they came to see.')}
        />
        <TextField
          form={form}
          name="reason"
          label={isTurnedAway ? 'Reason they gave (optional)' : 'Reason for the visit'}
        />
        {isTurnedAway ? (
          <TextAreaField form={form} name="turnedAwayNote" label="Note (optional)" rows={2} />
        ) : null}
        {!isTurnedAway && entry.departedAt ? (
          <CheckboxField
            form={form}
            name="isBackOnSite"
            label="They have not left: signed out by mistake, put them back on site"
          />
        ) : null}
        <CheckboxField form={form} name="isIdChecked" label="ID checked" />
        <ShortTextField form={form} name="vehicle" label="Vehicle registration" />
        <ShortTextField form={form} name="badgeNumber" label="Badge number" />
        <FormActions
          submitLabel={isSubmitting ? 'Saving…' : 'Save the correction'}
          isBusy={isSubmitting}
          onCancel={() => onDone(undefined)}
        />
      </SubmitForm>
    </OpeningPanel>
  );
}
