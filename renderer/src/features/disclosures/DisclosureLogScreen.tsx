import { useState } from 'react';
import { disclosureLogCsv } from '@shared/export/disclosure-log-csv';
import { ukDateTime } from '@shared/export/visitor-register-csv';
import { formatUkDate } from '@shared/format-dates';
import { Banner } from '../../ui/Banner';
import { useDoorDirectory } from '../../common/useDoorDirectory';
import { useHomeClock } from '../../common/useHomeClock';
import { downloadTextFile } from '../../common/download-file';
import { DisclosureLogTable } from './DisclosureLogTable';
import { DisclosureReasonDialog } from './DisclosureReasonDialog';
import { endOfDayIn, startOfDayIn } from '@shared/home-time';
import { sha256Hex } from '@shared/bytes';
import { useDisclosure } from './useDisclosure';
import { useDisclosureLog } from './useDisclosureLog';
import { TypedDayRange } from '../../common/TypedDayRange';
import { LabelledOptionSelect } from '../../ui/LabelledSelect';
import { ExportCsvButton } from '../../ui/ExportCsvButton';
import { FilterForm } from '../../ui/FilterForm';

/**
 * The manager's disclosure log: every copy that left the app, filtered by young person and date,
 * and exportable. Exporting the log is itself a copy leaving the app, so it asks why too.
 */
export function DisclosureLogScreen() {
  const clock = useHomeClock();
  const directory = useDoorDirectory();
  const [filter, setFilter] = useState({ youngPersonId: '', from: '', to: '' });
  const isRangeValid = !filter.from || !filter.to || filter.from <= filter.to;
  const disclosures = useDisclosureLog({
    youngPersonId: filter.youngPersonId,
    from: filter.from ? startOfDayIn(filter.from, clock.timeZone) : '',
    to: filter.to && isRangeValid ? endOfDayIn(filter.to, clock.timeZone) : '',
  });
  const disclosure = useDisclosure();
  const when = (at: string) => ukDateTime(at, clock.timeZone);

  const exportCsv = async () => {
    if (!disclosures || !directory) return;
    const csv = disclosureLogCsv(
      disclosures.map((item) => ({
        ...item,
        youngPerson: item.youngPersonId ? directory.youngPersonName(item.youngPersonId) : '',
        by: directory.staffName(item.byId),
      })),
      clock.timeZone,
    );
    const period =
      filter.from || filter.to
        ? `, ${filter.from ? formatUkDate(filter.from) : 'the start'} to ${filter.to ? formatUkDate(filter.to) : formatUkDate(clock.today)}`
        : '';
    const who = filter.youngPersonId ? `, ${directory.youngPersonName(filter.youngPersonId)}` : '';
    const request = {
      what: `Disclosure log${who}${period}`,
      kind: 'csv' as const,
      sha256: await sha256Hex(csv),
      ...(filter.youngPersonId ? { youngPersonId: filter.youngPersonId } : {}),
    };
    if (!(await disclosure.ask(request))) return;
    downloadTextFile(`disclosure-log-${clock.today}.csv`, csv, 'text/csv;charset=utf-8');
  };

  return (
    <div className="page page--wide">
      <h1>Disclosure log</h1>
      <p className="lede">
        Every copy that has left Family Links: what it was, who it went to, why, when and who made it.
      </p>
      <FilterForm className="toolbar" label="Filter the log">
        <LabelledOptionSelect
          label="Young person"
          emptyLabel="All young people"
          options={(directory?.youngPeople ?? []).map((youngPerson) => ({
            value: youngPerson.id,
            label: directory?.youngPersonName(youngPerson.id) ?? '',
          }))}
          value={filter.youngPersonId}
          onChange={(event) => setFilter({ ...filter, youngPersonId: event.target.value })}
        />
        <TypedDayRange
          from={filter.from}
          to={filter.to}
          onChange={(days) => setFilter({ ...filter, ...days })}
        />
        <ExportCsvButton isDisabled={!disclosures || !directory || !isRangeValid} onExport={exportCsv} />
      </FilterForm>
      <DisclosureReasonDialog {...disclosure.dialogProps} />
      {!isRangeValid ? <Banner tone="error">Choose a “From” date on or before the “To” date.</Banner> : null}
      {disclosures === undefined || directory === undefined ? (
        <p role="status">Loading the log…</p>
      ) : disclosures.length === 0 ? (
        <p className="empty">Nothing has left the app that matches.</p>
      ) : (
        <DisclosureLogTable
          disclosures={disclosures}
          when={when}
          staffName={(id) => directory.staffName(id)}
          youngPersonName={directory.youngPersonName}
        />
      )}
    </div>
  );
}
