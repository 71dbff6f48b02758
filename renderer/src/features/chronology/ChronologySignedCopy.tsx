import { fail, type Result } from '@shared/result';
import {
  type Disclosure,
  type DisclosureReasonForm,
  type DisclosureRequest,
} from '@shared/schemas/disclosures';
import type { ReportContent } from '@shared/ipc/channels/documents';
import type { DisclosureError } from '../../db/repositories/disclosure-repository';
import { SignedCopyPanel } from '../disclosures';
import { useSignerPassword } from '../../security/useSignerPassword';
import { useSignedReportSaving } from '../../common/useSignedReportSaving';
import { refusedAnswer, settleSignedCopy } from '../../common/settle-signed-copy';
import { useRecordChronologyCopy } from './useRecordChronologyCopy';

type Props = {
  readonly youngPersonId: string;
  readonly youngPersonName: string;
  /** Builds the report from every line the filters ask for, opened, when the copy is made. */
  readonly makeReport: (signedAt: string) => Promise<ReportContent | undefined>;
  readonly suggestedFileName: string;
  readonly onDone: (message: { tone: 'success' | 'error'; text: string } | undefined) => void;
};

/**
 * "Save a signed copy" (DESIGN: signed PDFs): the person types their password again, says why the
 * copy is leaving the app (the disclosure question), then the main process lays the chronology out,
 * signs it with their own certificate and asks where to save it. Only once it is saved are the
 * disclosure and the audit entry with the file's SHA-256 recorded: a cancelled save leaves nothing.
 */
export function ChronologySignedCopy({
  youngPersonId,
  youngPersonName,
  makeReport,
  suggestedFileName,
  onDone,
}: Props) {
  const saving = useSignedReportSaving();
  const recordSignedCopy = useRecordChronologyCopy();
  const signing = useSignerPassword();
  const signer = signing.signer;
  const what = `Signed PDF of ${youngPersonName}’s chronology`;
  const request: DisclosureRequest | undefined = signer ? { what, kind: 'pdf', youngPersonId } : undefined;

  const onAnswer = async (answer: DisclosureReasonForm): Promise<Result<Disclosure, DisclosureError>> => {
    const refused = refusedAnswer(answer);
    if (refused) return refused;
    if (!saving || !signer) return fail('invalid', 'Signed PDFs need the Family Links desktop app.');
    const report = await makeReport(new Date().toISOString());
    if (!report) return fail('invalid', 'The chronology is still being read. Try again in a moment.');
    const saved = await saving.save({
      sign: {
        report,
        signer,
        suggestedFileName,
        reason: `Chronology of ${youngPersonName} for the case file`,
      },
      disclosure: { what, kind: 'pdf', youngPersonId },
      answer,
      recordSaved: ({ sha256, disclosure }) =>
        recordSignedCopy({ youngPersonId, sha256, disclosureId: disclosure.id }),
    });
    return settleSignedCopy(saved, {
      forget: signing.forget,
      onCancelled: () => onDone({ tone: 'error', text: 'Nothing was saved: the save was cancelled.' }),
      onSaved: ({ fileName, signerName }) =>
        onDone({
          tone: 'success',
          text: `Signed copy saved as ${fileName}, signed by ${signerName}. It is recorded in the disclosure log.`,
        }),
    });
  };

  return (
    <SignedCopyPanel
      isAvailable={saving !== undefined}
      copies="Signed copies"
      titleId="chronology-signed-copy-title"
      title="Save a signed copy"
      isNested
      signLabel="Sign the chronology"
      signing={signing}
      onCancel={() => onDone(undefined)}
      request={request}
      onAnswer={onAnswer}
    >
      <p>
        A PDF of the chronology as it is filtered now, signed with your own certificate, so any later change
        to the file shows.
      </p>
    </SignedCopyPanel>
  );
}
