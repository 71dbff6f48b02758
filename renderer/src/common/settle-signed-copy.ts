import { fail, ok, type Failed, type Result } from '@shared/result';
import {
  disclosureReasonFormSchema,
  type Disclosure,
  type DisclosureReasonForm,
} from '@shared/schemas/disclosures';
import { fieldMessages } from '@shared/ipc/ipc-result';
import type { DisclosureError } from '../db/repositories/disclosure-repository';
import type { SignedReportSaved } from './useSignedReportSaving';

/**
 * The person's answer to "why is this copy leaving the app?" (DESIGN: the disclosure log), checked
 * before anything is signed: a wrong one goes back to the dialog with a message beside each field.
 */
export function refusedAnswer(answer: DisclosureReasonForm): Failed<'invalid'> | undefined {
  const why = disclosureReasonFormSchema.safeParse(answer);
  return why.success ? undefined : fail('invalid', 'Some details need correcting.', fieldMessages(why.error));
}

/**
 * What a signed-copy panel does once the save dialog has closed (DESIGN: signed PDFs; the disclosure
 * log). A failure goes back to the disclosure dialog as it is, so the person can try again with the
 * key still unlocked. Otherwise the unlocked key is forgotten, whatever happened; a cancelled save
 * tells the panel and keeps the dialog's "Nothing was saved." (no disclosure was recorded), and a
 * saved copy tells the panel and hands the dialog the disclosure recorded for it.
 */
export function settleSignedCopy(
  saved: Result<SignedReportSaved | 'cancelled', DisclosureError>,
  then: {
    /** Forgets the signer's unlocked key, so it is typed again for the next copy. */
    readonly forget: () => void;
    readonly onCancelled: () => void;
    readonly onSaved: (copy: SignedReportSaved) => void;
  },
): Result<Disclosure, DisclosureError> {
  if (!saved.ok) return saved;
  then.forget();
  if (saved.value === 'cancelled') {
    then.onCancelled();
    return fail('invalid', 'Nothing was saved.');
  }
  then.onSaved(saved.value);
  return ok(saved.value.disclosure);
}
