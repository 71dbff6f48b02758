import { fail, type Result } from '@shared/result';
import {
  type Disclosure,
  type DisclosureReasonForm,
  type DisclosureRequest,
} from '@shared/schemas/disclosures';
import type { ProtocolAcceptance } from '@shared/schemas/visiting-protocol';
import type { DisclosureError } from '../../db/repositories/disclosure-repository';
import { useSession } from '../../security/session-context';
import { useSignerPassword } from '../../security/useSignerPassword';
import { useHomeClock } from '../../common/useHomeClock';
import { SignedCopyPanel } from '../disclosures';
import { protocolCopyFileName, protocolCopyReport } from './protocol-copy-report';
import { useProtocolVersion } from './useProtocolVersion';
import { useSignedReportSaving } from '../../common/useSignedReportSaving';
import { refusedAnswer, settleSignedCopy } from '../../common/settle-signed-copy';

type Props = {
  readonly personName: string;
  /** Their latest answer: the copy is of the version they answered. */
  readonly answer: ProtocolAcceptance;
  readonly staffName: (id: string) => string;
  readonly onDone: (message: { tone: 'success' | 'error'; text: string } | undefined) => void;
};

/**
 * "PDF copy of the visiting protocol" for a family visitor to keep, print or be emailed (seed 004
 * §4): through the same path as every signed copy. The member of staff types their password,
 * says who the copy is for and why (the disclosure question), and the main process lays it out,
 * signs it and asks where to save it; only once it is saved is the disclosure recorded.
 */
export function ProtocolCopyPanel({ personName, answer, staffName, onDone }: Props) {
  const session = useSession();
  const clock = useHomeClock();
  const saving = useSignedReportSaving();
  const readVersion = useProtocolVersion();
  const signing = useSignerPassword();
  const signer = signing.signer;
  const what = `Visiting protocol, version ${answer.version}, for ${personName}`;
  const request: DisclosureRequest | undefined = signer ? { what, kind: 'pdf' } : undefined;

  const onAnswer = async (reason: DisclosureReasonForm): Promise<Result<Disclosure, DisclosureError>> => {
    const refused = refusedAnswer(reason);
    if (refused) return refused;
    if (!saving || !signer) return fail('invalid', 'PDF copies need the Family Links desktop app.');
    const protocol = await readVersion(answer.version);
    if (!protocol) return fail('invalid', `Version ${answer.version} of the visiting protocol is not here.`);
    const saved = await saving.save({
      sign: {
        report: protocolCopyReport({
          homeName: clock.homeName,
          personName,
          protocol,
          answer,
          staffName,
          signedBy: session.staff,
          signedAt: new Date().toISOString(),
          timeZone: clock.timeZone,
        }),
        signer,
        suggestedFileName: protocolCopyFileName(personName, answer.version),
        reason: `Visiting protocol, version ${answer.version}, a copy for the visitor`,
      },
      disclosure: { what, kind: 'pdf' },
      answer: reason,
      // The disclosure log is the record of this copy: nothing else to keep.
      recordSaved: () => Promise.resolve(),
    });
    return settleSignedCopy(saved, {
      forget: signing.forget,
      onCancelled: () => onDone({ tone: 'error', text: 'Nothing was saved: the save was cancelled.' }),
      onSaved: ({ fileName }) =>
        onDone({
          tone: 'success',
          text: `${personName}’s copy is saved as ${fileName}: print it, or attach it to an email to them. It is recorded in the disclosure log.`,
        }),
    });
  };

  return (
    <SignedCopyPanel
      isAvailable={saving !== undefined}
      copies="PDF copies"
      titleId="protocol-copy-title"
      title={`A copy of the visiting protocol for ${personName}`}
      signLabel="Sign the visiting protocol copy"
      signing={signing}
      onCancel={() => onDone(undefined)}
      request={request}
      onAnswer={onAnswer}
    >
      <p>
        Version {answer.version}, the one they answered, with how and when. It is signed with your own
        certificate, then you choose where to save it, to print or to attach to an email to them.
      </p>
    </SignedCopyPanel>
  );
}
