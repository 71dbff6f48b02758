import { useState } from 'react';
import type { AuditLogCheck } from './useAuditLogCheck';
import { Banner } from '../../ui/Banner';
import { useHomeClock } from '../../common/useHomeClock';
import { DisclosureReasonDialog } from '../disclosures';
import { AuditAnchorPanel } from './AuditAnchorPanel';
import { AuditChainsReport } from './AuditChainsReport';
import { AuditEntryList } from './AuditEntryList';
import { AuditFilters } from './AuditFilters';
import {
  auditExportWhat,
  auditLogFilterOf,
  isDateRangeValid,
  isFiltered,
  noAuditFilter,
  type AuditFilterValues,
} from './audit-filter-values';
import { useAuditAnchor } from './useAuditAnchor';
import { useAuditLogCheck } from './useAuditLogCheck';
import { useAuditLogExport } from './useAuditLogExport';
import { useAuditLogSearch } from './useAuditLogSearch';
import { useAuditNames } from './useAuditNames';
import './audit.css';
import { ToolbarButton } from '../../ui/ToolbarButton';

const noNames = { staff: new Map<string, string>(), youngPeople: new Map<string, string>() };

/**
 * The manager's view of who did what, in words, newest first: narrowed by days, person, action
 * and young person, exportable (asked about, like every copy), and a check that nobody has
 * altered it: every entry's keyed hash, the chain between them, and the separately kept head,
 * for each computer's chain.
 */
export function AuditLogScreen() {
  const clock = useHomeClock();
  const [values, setValues] = useState<AuditFilterValues>(noAuditFilter);
  const [verification, setVerification] = useState<AuditLogCheck | 'checking' | undefined>();
  const [checks, setChecks] = useState(0);
  const [message, setMessage] = useState<string | undefined>();
  const [isExporting, setIsExporting] = useState(false);
  const anchor = useAuditAnchor(checks);
  const check = useAuditLogCheck();
  const names = useAuditNames();
  const isValid = isDateRangeValid(values);
  const matches = useAuditLogSearch(auditLogFilterOf(values), clock.timeZone);
  const exporter = useAuditLogExport();
  const { seqs } = matches;
  const count = seqs?.length ?? 0;

  const verify = async () => {
    setVerification('checking');
    setVerification(await check());
    setChecks((value) => value + 1);
  };

  const exportCsv = async () => {
    if (!seqs || seqs.length === 0) return;
    setMessage(undefined);
    setIsExporting(true);
    try {
      const outcome = await exporter.exportCsv({
        seqs,
        names: names ?? noNames,
        timeZone: clock.timeZone,
        what: auditExportWhat(values, seqs.length, names ?? noNames),
        fileName: `audit-log-${clock.today}.csv`,
        youngPersonId: values.youngPersonId || undefined,
      });
      if (outcome === 'saved')
        setMessage(
          `${seqs.length.toLocaleString('en-GB')} ${seqs.length === 1 ? 'entry was' : 'entries were'} saved as a CSV file, and the disclosure log notes why.`,
        );
    } finally {
      setIsExporting(false);
    }
  };

  const summary =
    seqs === undefined
      ? 'Loading the log…'
      : `${count.toLocaleString('en-GB')} ${count === 1 ? 'entry' : 'entries'}${isFiltered(values) ? (count === 1 ? ' matches' : ' match') : ''}, newest first.`;

  return (
    <div className="page page--wide">
      <h1>Audit log</h1>
      <p className="lede">
        Every sign-in, change and export, with who and when. Names, notes and form content are never written
        here.
      </p>
      <ToolbarButton isDisabled={verification === 'checking'} onClick={() => void verify()}>
        Check the log has not been altered
      </ToolbarButton>
      {verification === 'checking' ? <p role="status">Checking every entry…</p> : null}
      {verification && verification !== 'checking' ? <AuditChainsReport result={verification} /> : null}
      <AuditAnchorPanel reading={anchor.reading} history={anchor.history} />
      <section className="audit-entries" aria-labelledby="audit-entries-title">
        <h2 id="audit-entries-title">Entries</h2>
        <AuditFilters
          values={values}
          onChange={(next) => {
            setMessage(undefined);
            setValues(next);
          }}
          staff={names?.staffList ?? []}
          youngPeople={names?.youngPeopleList ?? []}
        />
        {!isValid ? <Banner tone="error">Choose a “From” date on or before the “To” date.</Banner> : null}
        <div className="toolbar audit-entries__summary">
          <p className="muted" role="status">
            {summary}
          </p>
          <button
            type="button"
            className="button button--secondary"
            disabled={!isFiltered(values)}
            onClick={() => setValues(noAuditFilter)}
          >
            Clear filters
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={!seqs || count === 0 || !isValid || isExporting}
            onClick={() => void exportCsv()}
          >
            Export CSV…
          </button>
        </div>
        {message ? <Banner tone="success">{message}</Banner> : null}
        {seqs && count > 0 ? (
          <AuditEntryList matches={{ ...matches, seqs }} names={names ?? noNames} timeZone={clock.timeZone} />
        ) : null}
      </section>
      <DisclosureReasonDialog {...exporter.dialogProps} />
    </div>
  );
}
