import { fail, type Result } from '@shared/result';
import type { Declaration } from '@shared/schemas/declarations';
import {
  type Disclosure,
  type DisclosureReasonForm,
  type DisclosureRequest,
} from '@shared/schemas/disclosures';
import type { StaffMember } from '@shared/schemas/staff';
import type { DisclosureError } from '../../db/repositories/disclosure-repository';
import { useSession } from '../../security/session-context';
import { SignedCopyPanel } from '../disclosures';
import { useHomeSettings } from '../../common/useHomeSettings';
import { useSignerPassword } from '../../security/useSignerPassword';
import { declarationsFileName, declarationsReport } from './declarations-report';
import { useSignedReportSaving } from '../../common/useSignedReportSaving';
import { refusedAnswer, settleSignedCopy } from '../../common/settle-signed-copy';
import { useRecordDeclarationsPdf } from './useRecordDeclarationsPdf';

/**
 * "Signed PDF for the staff file" (seeds 000-002; DESIGN: signed PDFs): the signer types their password
 * again, says why the copy is leaving the app (the disclosure dialog), then main lays the report out, signs
 * it with their own certificate and asks where to save it. Only once it is saved are the disclosure (with the
 * file's SHA-256) and the audit entry recorded: a cancelled save leaves nothing behind.
 */
export function DeclarationsPdfPanel(props: {
  readonly member: Pick<StaffMember, 'id' | 'name' | 'roles'>;
  readonly declarations: readonly Declaration[];
  readonly staffName: (id: string) => string;
  readonly today: string;
  readonly onDone: (message: string | undefined) => void;
}) {
  const session = useSession();
  const { state } = useHomeSettings();
  const saving = useSignedReportSaving();
  const recordSignedPdf = useRecordDeclarationsPdf();
  const signing = useSignerPassword();
  const signer = signing.signer;
  const home = state.isLoading ? undefined : state.home;
  const what = `Signed PDF of ${props.member.name}’s declarations (${props.declarations.length}) for the staff file`;
  const request: DisclosureRequest | undefined = signer ? { what, kind: 'pdf' } : undefined;

  const onAnswer = async (answer: DisclosureReasonForm): Promise<Result<Disclosure, DisclosureError>> => {
    const refused = refusedAnswer(answer);
    if (refused) return refused;
    if (!saving || !signer || !home) return fail('invalid', 'Signed PDFs need the Family Links desktop app.');
    const signedAt = new Date().toISOString();
    const report = declarationsReport({
      homeName: home.name,
      member: props.member,
      declarations: props.declarations,
      staffName: props.staffName,
      signedBy: session.staff,
      signedAt,
      today: props.today,
      timeZone: home.timeZone,
    });
    const saved = await saving.save({
      sign: {
        report,
        signer,
        suggestedFileName: declarationsFileName(props.member.name, props.today),
        reason: `Declarations of ${props.member.name} for the staff file`,
      },
      disclosure: { what, kind: 'pdf' },
      answer,
      recordSaved: ({ sha256, fileName, signerName, disclosure }) =>
        recordSignedPdf(props.member.id, { sha256, fileName, signerName, disclosureId: disclosure.id }),
    });
    return settleSignedCopy(saved, {
      forget: signing.forget,
      onCancelled: () => props.onDone('Nothing was saved: the save was cancelled.'),
      onSaved: ({ fileName }) =>
        props.onDone(`Signed PDF saved as ${fileName}. It is recorded in the disclosure log.`),
    });
  };

  return (
    <SignedCopyPanel
      isAvailable={saving !== undefined}
      copies="Signed PDFs"
      titleId="declarations-pdf-title"
      title={`Signed PDF for ${props.member.name}’s staff file`}
      signLabel="Sign the declarations PDF"
      signing={signing}
      onCancel={() => props.onDone(undefined)}
      request={request}
      onAnswer={onAnswer}
    >
      <p>
        {props.declarations.length === 0
          ? `${props.member.name} has no declarations; the PDF will say so.`
          : `All ${props.declarations.length} of ${props.member.name}’s declarations, with their reviews.`}{' '}
        It is signed with your own certificate, so any later change to the file shows.
      </p>
    </SignedCopyPanel>
  );
}
