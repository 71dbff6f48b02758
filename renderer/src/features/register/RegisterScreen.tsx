import { useState } from 'react';
import { visitorRegisterCsv } from '@shared/export/visitor-register-csv';
import type { VisitorEntry } from '@shared/schemas/registers';
import { Banner } from '../../ui/Banner';
import './register.css';
import { calendarDateOf, clockTime } from '@shared/home-time';
import { useDoorDirectory } from '../../common/useDoorDirectory';
import { useHomeClock } from '../../common/useHomeClock';
import { CorrectEntryForm } from './CorrectEntryForm';
import { downloadTextFile } from '../../common/download-file';
import { csvLineOf } from './register-lines';
import { RegisterPrintView } from './RegisterPrintView';
import { RegisterTable } from './RegisterTable';
import { useRegister } from './useRegister';
import { formatUkDate } from '@shared/format-dates';
import { DisclosureReasonDialog, useDisclosure } from '../disclosures';
import { sha256Hex } from '@shared/bytes';
import { PastVisitorSearch } from './PastVisitorSearch';
import { useEntryVersions } from './useEntryVersions';
import { TypedDayRange } from '../../common/TypedDayRange';
import { ExportCsvButton } from '../../ui/ExportCsvButton';
import { FilterForm } from '../../ui/FilterForm';

/**
 * The visitor register for a period (today unless another is chosen): every visit and everyone
 * turned away, corrections with every version kept, printable and exportable. Opened with an
 * entry's id (a link from the home screen), it shows that entry's day with the entry marked.
 */
export function RegisterScreen({ entryId }: { readonly entryId?: string | undefined } = {}) {
  const clock = useHomeClock();
  const directory = useDoorDirectory();
  const opened = useEntryVersions(entryId ?? '')?.at(-1);
  const openedDay = opened ? calendarDateOf(opened.arrivedAt, clock.timeZone) : undefined;
  // Until someone chooses dates: the opened entry's day, or today.
  const [chosenRange, setRange] = useState<{ from: string; to: string } | undefined>();
  const range = chosenRange ?? { from: openedDay ?? clock.today, to: openedDay ?? clock.today };
  const isRangeValid = range.from !== '' && range.to !== '' && range.from <= range.to;
  const entries = useRegister(range.from, isRangeValid ? range.to : range.from, clock.timeZone);
  const [correcting, setCorrecting] = useState<VisitorEntry | undefined>();
  const [printedAt, setPrintedAt] = useState<string | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const disclosure = useDisclosure();

  if (printedAt && entries && directory) {
    return (
      <RegisterPrintView
        entries={entries}
        directory={directory}
        clock={clock}
        from={range.from}
        to={range.to}
        printedAt={printedAt}
        onClose={() => setPrintedAt(undefined)}
      />
    );
  }

  const exportCsv = async () => {
    if (!entries || !directory) return;
    const csv = visitorRegisterCsv(
      entries.map((entry) => csvLineOf(entry, directory)),
      clock.timeZone,
    );
    // Every copy that leaves the app is asked about and logged first; cancelling stops it.
    const what = `Visitor register, ${formatUkDate(range.from)} to ${formatUkDate(range.to)}`;
    if (!(await disclosure.ask({ what, kind: 'csv', sha256: await sha256Hex(csv) }))) return;
    downloadTextFile(`visitor-register-${range.from}-to-${range.to}.csv`, csv, 'text/csv;charset=utf-8');
  };

  return (
    <div className="page page--wide">
      <h1>Visitor register</h1>
      <p className="lede">
        Every visit, and everyone turned away, as recorded at the front door. Entries are never changed or
        deleted: a correction is added, and the original stays.
      </p>
      {message ? <Banner tone="success">{message}</Banner> : null}
      <FilterForm className="toolbar register-range" label="Dates to show">
        <TypedDayRange from={range.from} to={range.to} onChange={(days) => setRange({ ...range, ...days })} />
        <button
          type="button"
          className="button button--secondary"
          disabled={!entries || !isRangeValid}
          onClick={() => setPrintedAt(new Date().toISOString())}
        >
          Print
        </button>
        <ExportCsvButton isDisabled={!entries || !directory || !isRangeValid} onExport={exportCsv} />
      </FilterForm>
      <DisclosureReasonDialog {...disclosure.dialogProps} />
      {!isRangeValid ? <Banner tone="error">Choose a “From” date on or before the “To” date.</Banner> : null}
      {directory ? <PastVisitorSearch directory={directory} timeZone={clock.timeZone} /> : null}
      {correcting && directory ? (
        <CorrectEntryForm
          entry={correcting}
          directory={directory}
          onDone={(corrected) => {
            setCorrecting(undefined);
            if (corrected)
              setMessage(
                `The entry for ${corrected.visitorName} was corrected at ${clockTime(corrected.recordedAt, clock.timeZone)}. The original is kept under “Amended”.`,
              );
          }}
        />
      ) : null}
      {entries === undefined || directory === undefined ? (
        <p role="status">Loading the register…</p>
      ) : entries.length === 0 ? (
        <p className="empty">No visitors were signed in on these dates.</p>
      ) : (
        <RegisterTable
          entries={entries}
          directory={directory}
          timeZone={clock.timeZone}
          highlightId={opened?.id}
          onCorrect={(entry) => {
            setMessage(undefined);
            setCorrecting(entry);
          }}
        />
      )}
    </div>
  );
}
