import { termLabels, type AcademicYear } from '@shared/schemas/academic-year';
import type { DamagedYear } from '../../db/repositories/academic-year-trail';
import { formatUkDate, formatUkDayMonth } from '@shared/format-dates';
import { Banner } from '../../ui/Banner';
import { AcademicYearForm } from './AcademicYearForm';
import { useAcademicYears } from '../../common/useAcademicYears';
import { can } from '@shared/rules/access';
import { useSession } from '../../security/session-context';
import { useOpenPanel } from '../../common/useOpenPanel';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { LoadedList } from '../../ui/LoadedList';
import { RowButton } from '../../ui/RowButton';

type Editing = AcademicYear | { readonly suggestedLabel: string; readonly restoresId?: string } | undefined;

const termColumns = ['Year', ...(['autumn', 'spring', 'summer'] as const).map((name) => termLabels[name])];

/** A year's three terms, one cell each. */
function TermCells({ year }: { readonly year: AcademicYear }) {
  return year.terms.map((term) => (
    <td key={term.name}>
      {formatUkDate(term.startsOn)} to {formatUkDate(term.endsOn)}
      <br />
      <span className="muted">
        Half term {formatUkDayMonth(term.halfTermStartsOn)} to {formatUkDayMonth(term.halfTermEndsOn)}
      </span>
    </td>
  ));
}

/** The last cell of a year's row: its one button, for the manager only. */
function ActionCell({
  canEdit,
  name,
  label,
  onClick,
}: {
  readonly canEdit: boolean;
  readonly name: string;
  readonly label: string;
  readonly onClick: () => void;
}) {
  return (
    <td>
      {canEdit ? (
        <RowButton name={name} onClick={onClick}>
          {label}
        </RowButton>
      ) : null}
    </td>
  );
}

/**
 * Years whose dates were changed outside Family Links (`checkedCalendar`): left out of every
 * termly count until the manager checks them and saves them again, which repairs them. Their
 * dates as they stand now are shown to be checked, never used.
 */
function DamagedYears({
  damaged,
  canEdit,
  onRepair,
}: {
  readonly damaged: readonly DamagedYear[];
  readonly canEdit: boolean;
  readonly onRepair: (editing: NonNullable<Editing>) => void;
}) {
  if (damaged.length === 0) return null;
  return (
    <>
      <Banner tone="error">
        {damaged.length === 1 ? 'One academic year’s' : `${damaged.length} academic years’`} term dates were
        changed outside Family Links and cannot be trusted, so termly visit counts, reviews and samples leave{' '}
        {damaged.length === 1 ? 'that year' : 'those years'} out. Check the dates against the school’s
        calendar and save them again.
      </Banner>
      <table className="table">
        <caption className="visually-hidden">Academic years changed outside Family Links</caption>
        <ColumnHeads columns={termColumns} hasActions />
        <tbody>
          {damaged.map((year) => {
            const label = year.label ?? 'Unnamed year';
            return (
              <tr key={year.id}>
                <th scope="row">
                  {label}
                  <br />
                  <span className="muted">Cannot be trusted</span>
                </th>
                {year.stored ? (
                  <TermCells year={year.stored} />
                ) : (
                  <td colSpan={3}>
                    Its term dates were deleted outside Family Links, or can no longer be read.
                  </td>
                )}
                <ActionCell
                  canEdit={canEdit}
                  name={`Check and save ${label}`}
                  label="Check and save"
                  onClick={() =>
                    onRepair(year.stored ?? { suggestedLabel: year.label ?? '', restoresId: year.id })
                  }
                />
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/** The label that follows the latest year, so adding next year's dates starts from the right name. */
export function nextYearLabel(years: readonly AcademicYear[], today = new Date()): string {
  const latest = years[years.length - 1];
  const start = latest
    ? Number(latest.label.slice(0, 4)) + 1
    : today.getMonth() >= 7
      ? today.getFullYear()
      : today.getFullYear() - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * The home's academic years. Every "termly" figure (home visits, reviews) counts against these
 * dates, so they are listed in full and edited one year at a time.
 */
export function AcademicCalendarScreen() {
  const { years, damaged, repository } = useAcademicYears();
  const canEdit = can(useSession().roles, 'settings:manage');
  const { panel: editing, done: saved, open, close } = useOpenPanel<Editing>();

  return (
    <div className="page">
      <h1>Academic calendar</h1>
      <p className="lede">
        Term and half-term dates for each academic year. Termly visit counts and reviews use these dates.
      </p>
      {saved ? <Banner tone="success">{saved}</Banner> : null}
      {editing ? (
        <AcademicYearForm
          key={'id' in editing ? editing.id : (editing.restoresId ?? 'new')}
          repository={repository}
          editing={editing}
          onDone={(year) => close(year ? `${year.label} saved.` : undefined)}
        />
      ) : canEdit ? (
        <button
          type="button"
          className="button"
          onClick={() => open({ suggestedLabel: nextYearLabel(years ?? []) })}
          disabled={years === undefined}
        >
          Add academic year
        </button>
      ) : null}
      <DamagedYears damaged={damaged ?? []} canEdit={canEdit && !editing} onRepair={open} />
      <LoadedList
        items={years}
        loading="Loading the calendar…"
        empty={
          damaged && damaged.length > 0
            ? 'No other academic years.'
            : 'No academic years yet. Add this year’s term dates to start.'
        }
      >
        {(years) => (
          <table className="table">
            <caption className="visually-hidden">Academic years and their terms</caption>
            <ColumnHeads columns={termColumns} hasActions />
            <tbody>
              {years.map((year) => (
                <tr key={year.id}>
                  <th scope="row">{year.label}</th>
                  <TermCells year={year} />
                  <ActionCell
                    canEdit={canEdit}
                    name={`Edit ${year.label}`}
                    label="Edit"
                    onClick={() => open(year)}
                  />
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadedList>
    </div>
  );
}
