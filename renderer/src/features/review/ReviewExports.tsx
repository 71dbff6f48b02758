import { useState, type FormEvent } from 'react';
import { termlyReviewCsv } from '@shared/export/termly-review-csv';
import { termlyReportContent } from '@shared/rules/termly-report';
import { staffRoleLabels } from '@shared/schemas/staff';
import { Banner } from '../../ui/Banner';
import type { TermlyOverview } from '../../db/repositories/review-repository';
import { useSession } from '../../security/session-context';
import { DisclosureReasonDialog, useDisclosure } from '../disclosures';
import { sha256Hex } from '@shared/bytes';
import { downloadTextFile } from '../../common/download-file';
import { useSigner } from '../../security/useSigner';
import { useReportExports } from './useReportExports';
import { PasswordInput } from '../../ui/Field';
import { ExportCsvButton } from '../../ui/ExportCsvButton';

const termTitles = { autumn: 'Autumn term', spring: 'Spring term', summer: 'Summer term' } as const;

/**
 * The termly report leaving the app: as CSV, or as a PDF signed with the person's own key. Either
 * way the reason is asked and kept in the disclosure log before anything is written, and the
 * audit log notes the file's SHA-256.
 */
export function ReviewExports({
  overview,
  homeName,
  timeZone,
}: {
  overview: TermlyOverview;
  homeName: string;
  timeZone: string;
}) {
  const session = useSession();
  const exports = useReportExports();
  const unlockSigner = useSigner();
  const disclosure = useDisclosure();
  const [isSigning, setIsSigning] = useState(false);
  const [password, setPassword] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();
  const term = `${termTitles[overview.termName]} ${overview.year.label}`;
  const coverage =
    overview.scope === 'all' ? 'all young people' : `the young people ${session.staff.name} co-ordinates`;
  const rows = overview.rows.map((row) => ({
    youngPersonName: row.youngPerson.name,
    caseNumber: row.youngPerson.caseNumber,
    review: row.review,
  }));
  const fileStem = `termly-review-${overview.year.label.replace('/', '-')}-${overview.termName}`;

  const exportCsv = async () => {
    setMessage(undefined);
    const csv = termlyReviewCsv(rows);
    const sha256 = await sha256Hex(csv);
    const recorded = await disclosure.ask({
      what: `Termly review, ${term} (${coverage})`,
      kind: 'csv',
      sha256,
    });
    if (!recorded) return;
    downloadTextFile(`${fileStem}.csv`, csv, 'text/csv;charset=utf-8');
    await exports.recordExport({
      kind: 'csv',
      yearLabel: overview.year.label,
      termName: overview.termName,
      sha256,
      disclosureId: recorded.id,
    });
    setMessage({
      tone: 'success',
      text: 'The termly review was saved as a CSV file, and the disclosure log notes why.',
    });
  };

  const signPdf = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(undefined);
    const signReport = exports.signReport;
    if (!signReport) {
      setMessage({
        tone: 'error',
        text: 'This window is not connected to Family Links’ background service, so it cannot sign. Close Family Links and open it again.',
      });
      return;
    }
    if (password === '') {
      setMessage({ tone: 'error', text: 'Enter your password to sign the report.' });
      return;
    }
    setIsBusy(true);
    try {
      const signer = await unlockSigner(password);
      if (!signer.ok) {
        setMessage({ tone: 'error', text: signer.error.message });
        return;
      }
      const recorded = await disclosure.ask({
        what: `Termly review, ${term} (${coverage}), signed PDF`,
        kind: 'pdf',
      });
      if (!recorded) return;
      const role = session.roles.includes('registeredManager')
        ? staffRoleLabels.registeredManager
        : session.roles.includes('caseCoordinator')
          ? staffRoleLabels.caseCoordinator
          : '';
      const report = termlyReportContent(rows, {
        homeName,
        yearLabel: overview.year.label,
        termName: overview.termName,
        termStartsOn: overview.year.terms[overview.termIndex]?.startsOn ?? '',
        termEndsOn: overview.year.terms[overview.termIndex]?.endsOn ?? '',
        coverage,
        signedBy: { name: session.staff.name, role },
        signedAt: new Date().toISOString(),
        timeZone,
      });
      const reply = await signReport({
        report,
        signer: signer.value,
        suggestedFileName: `${fileStem}.pdf`,
        reason: `Termly review of family contact, ${term}`,
      });
      if (!reply.ok) {
        setMessage({ tone: 'error', text: reply.error.message });
        return;
      }
      const outcome = reply.value;
      switch (outcome.outcome) {
        case 'saved':
          await exports.recordExport({
            kind: 'pdf',
            yearLabel: overview.year.label,
            termName: overview.termName,
            sha256: outcome.sha256,
            disclosureId: recorded.id,
          });
          setPassword('');
          setIsSigning(false);
          setMessage({
            tone: 'success',
            text: `The signed report was saved as ${outcome.fileName}, signed by ${outcome.signerName}. The disclosure log notes why.`,
          });
          return;
        case 'cancelled':
          setMessage({
            tone: 'error',
            text: 'Saving was cancelled, so no report was saved. The disclosure log still shows the reason you gave.',
          });
          return;
        default:
          setMessage({ tone: 'error', text: outcome.message });
      }
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section aria-label="Export the termly review">
      <div className="toolbar">
        <ExportCsvButton isDisabled={rows.length === 0} onExport={exportCsv} />
        <button
          type="button"
          className="button button--secondary"
          disabled={rows.length === 0}
          aria-expanded={isSigning}
          onClick={() => setIsSigning(!isSigning)}
        >
          Signed PDF report
        </button>
      </div>
      {message ? <Banner tone={message.tone}>{message.text}</Banner> : null}
      {isSigning ? (
        <form
          className="panel form"
          aria-label="Sign the termly report"
          onSubmit={(event) => void signPdf(event)}
        >
          <p>The report is signed with your own signing key. Type your password to use it.</p>
          <label className="field">
            <span className="field__label">Your password</span>
            <PasswordInput value={password} onChange={(event) => setPassword(event.target.value)} />
          </label>
          <div className="row-actions">
            <button type="submit" className="button" disabled={isBusy}>
              {isBusy ? 'Signing…' : 'Sign and save'}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setIsSigning(false);
                setPassword('');
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      <DisclosureReasonDialog {...disclosure.dialogProps} />
    </section>
  );
}
