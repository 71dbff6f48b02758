import { termLabels, type AcademicYear } from '@shared/schemas/academic-year';
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

type Editing = AcademicYear | { readonly suggestedLabel: string } | undefined;

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
  const { years, repository } = useAcademicYears();
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
          key={'id' in editing ? editing.id : 'new'}
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
      <LoadedList
        items={years}
        loading="Loading the calendar…"
        empty="No academic years yet. Add this year’s term dates to start."
      >
        {(years) => (
          <table className="table">
            <caption className="visually-hidden">Academic years and their terms</caption>
            <ColumnHeads
              columns={['Year', ...(['autumn', 'spring', 'summer'] as const).map((name) => termLabels[name])]}
              hasActions
            />
            <tbody>
              {years.map((year) => (
                <tr key={year.id}>
                  <th scope="row">{year.label}</th>
                  {year.terms.map((term) => (
                    <td key={term.name}>
                      {formatUkDate(term.startsOn)} to {formatUkDate(term.endsOn)}
                      <br />
                      <span className="muted">
                        Half term {formatUkDayMonth(term.halfTermStartsOn)} to{' '}
                        {formatUkDayMonth(term.halfTermEndsOn)}
                      </span>
                    </td>
                  ))}
                  <td>
                    {canEdit ? (
                      <RowButton name={`Edit ${year.label}`} onClick={() => open(year)}>
                        Edit
                      </RowButton>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadedList>
    </div>
  );
}
