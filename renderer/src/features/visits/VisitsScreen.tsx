import { useMemo, useState } from 'react';
import { formatUkDate } from '@shared/format-dates';
import { visitsIcs, initialsOf } from '@shared/export/visits-ics';
import type { Visit, VisitBookingFormInput, VisitKind } from '@shared/schemas/visits';
import type { YoungPerson } from '@shared/schemas/people';
import { Banner } from '../../ui/Banner';
import { OptionSelect } from '../../ui/Field';
import { useHomeClock } from '../../common/useHomeClock';
import { useSession } from '../../security/session-context';
import { DisclosureReasonDialog, useDisclosure } from '../disclosures';
import { sha256Hex } from '@shared/bytes';
import { downloadTextFile } from '../../common/download-file';
import { addDays, instantToWallClock, mondayOf, startOfDayIn } from '@shared/home-time';
import { rangeOf, stepDate, type CalendarView } from './calendar-time';
import { VisitBookingForm } from './VisitBookingForm';
import { VisitCalendar } from './VisitCalendar';
import { VisitDetails } from './VisitDetails';
import { VisitsPrintWeek } from './VisitsPrintWeek';
import { VisitsTable } from './VisitsTable';
import { useVisitDirectory } from './useVisitDirectory';
import { useVisit, useVisitActions } from './useVisitActions';
import { useVisitsInRange } from './useVisitsInRange';
import { visitsLinkOf } from './visit-links';
import { visitFilterGroups, visitFilterOf } from './visit-filter-choices';
import './visits.css';

/**
 * A booking for one young person, ready to fill in: a home visit with their Personal Tutor and Case
 * Co-ordinator (5.2.1), or another kind with the staff given (whoever owes it).
 */
function bookingFor(
  youngPerson: Pick<YoungPerson, 'id' | 'personalTutorId' | 'caseCoordinatorId'>,
  today: string,
  kind: VisitKind = 'homeVisit',
  staffIds: readonly string[] = [youngPerson.personalTutorId ?? '', youngPerson.caseCoordinatorId ?? ''],
): VisitBookingFormInput {
  return {
    youngPersonIds: [youngPerson.id],
    kind,
    personIds: [],
    staffIds: staffIds.filter((id) => id !== ''),
    supervisingStaffId: '',
    roomId: '',
    date: today,
    startTime: '10:00',
    endTime: '12:00',
    transport: '',
    notes: '',
    repeat: 'none',
    repeatUntil: '',
  };
}

type Panel =
  | { readonly kind: 'none' }
  | { readonly kind: 'book'; readonly initial: VisitBookingFormInput }
  | { readonly kind: 'change'; readonly visit: Visit }
  | { readonly kind: 'details'; readonly visitId: string };

const viewLabels: Readonly<Record<CalendarView, string>> = { day: 'Day', week: 'Week', month: 'Month' };

function periodLabel(view: CalendarView, range: { from: string; to: string }): string {
  if (view === 'day') return formatUkDate(range.from);
  if (view === 'week') return `Week of ${formatUkDate(range.from)} to ${formatUkDate(addDays(range.to, -1))}`;
  const middle = addDays(range.from, 14);
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${middle}T12:00:00Z`),
  );
}

/**
 * The visit calendar (DESIGN: the visit schedule): day, week and month views filtered by young person, member
 * of staff or room; booking, changing and marking visits; the .ics export (asked about and logged first) and
 * a printable week.
 */
export function VisitsScreen({ recordId }: { recordId?: string | undefined } = {}) {
  const clock = useHomeClock();
  const session = useSession();
  const directory = useVisitDirectory();
  const [view, setView] = useState<CalendarView>('week');
  const [date, setDate] = useState(clock.today);
  const [filterValue, setFilterValue] = useState('');
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  // A link from another screen (a visit to open, a home visit to book) is acted on once, when the
  // directory it needs has loaded; after that the person's own choices rule the panel.
  const [linkHandled, setLinkHandled] = useState<string | undefined>();
  if (directory && recordId !== undefined && linkHandled !== recordId) {
    setLinkHandled(recordId);
    const link = visitsLinkOf(recordId);
    if (link?.kind === 'visit') setPanel({ kind: 'details', visitId: link.visitId });
    if (link?.kind === 'bookHomeVisit') {
      const youngPerson = directory.youngPeople.find((candidate) => candidate.id === link.youngPersonId);
      if (youngPerson) setPanel({ kind: 'book', initial: bookingFor(youngPerson, clock.today) });
    }
    if (link?.kind === 'book') {
      const youngPerson = directory.youngPeople.find((candidate) => candidate.id === link.youngPersonId);
      // Booked by the person who owes it (a Learning Mentor's PEP invitation or consultation).
      if (youngPerson)
        setPanel({
          kind: 'book',
          initial: bookingFor(youngPerson, clock.today, link.visitKind, [session.staff.id]),
        });
    }
  }
  const [message, setMessage] = useState<{ tone: 'success' | 'error' | 'info'; text: string } | undefined>();
  const [printedAt, setPrintedAt] = useState<string | undefined>();
  const filter = useMemo(() => visitFilterOf(filterValue), [filterValue]);
  const range = useMemo(() => rangeOf(view, date), [view, date]);
  const { visits } = useVisitsInRange(range, filter, clock.timeZone);
  const actions = useVisitActions(clock.timeZone);
  const weekRange = useMemo(() => rangeOf('week', date), [date]);
  // The week to print is read only once printing is asked for, and not again when it is the week
  // on screen: read alongside, it opened every visit of the week twice and drew the screen again.
  const printWeek = useVisitsInRange(
    printedAt !== undefined && view !== 'week' ? weekRange : undefined,
    filter,
    clock.timeZone,
  );
  const printVisits = view === 'week' ? visits : printWeek.visits;
  const disclosure = useDisclosure();
  const openVisitId = panel.kind === 'details' ? panel.visitId : undefined;
  const openVisit = useVisit(openVisitId);

  if (!directory || !visits)
    return (
      <p role="status" className="page">
        Loading the calendar…
      </p>
    );

  if (printedAt && printVisits) {
    return (
      <VisitsPrintWeek
        visits={printVisits}
        directory={directory}
        monday={mondayOf(date)}
        clock={clock}
        printedAt={printedAt}
        onClose={() => setPrintedAt(undefined)}
      />
    );
  }

  const startBooking = (slot?: { date: string; startTime: string; endTime: string }) => {
    setMessage(undefined);
    setPanel({
      kind: 'book',
      initial: {
        youngPersonIds: filter.youngPersonId ? [filter.youngPersonId] : [],
        kind: 'familyVisit',
        personIds: [],
        staffIds: filter.staffId ? [filter.staffId] : [],
        supervisingStaffId: '',
        roomId: filter.roomId ?? '',
        date: slot?.date ?? (date < clock.today ? clock.today : date),
        startTime: slot?.startTime ?? '14:00',
        endTime: slot?.endTime ?? '15:00',
        transport: '',
        notes: '',
        repeat: 'none',
        repeatUntil: '',
      },
    });
  };

  const exportIcs = async () => {
    // A year from the start of the period shown: what a calendar on a phone or shared diary needs.
    const fromDate = range.from;
    const toDate = addDays(fromDate, 366);
    const all = await actions.listBetween(
      startOfDayIn(fromDate, clock.timeZone),
      startOfDayIn(toDate, clock.timeZone),
      filter,
    );
    const who = filter.youngPersonId
      ? `for ${initialsOf(directory.youngPersonName(filter.youngPersonId))}`
      : 'for the home';
    const text = visitsIcs(all, {
      initials: (id) => initialsOf(directory.youngPersonName(id)),
      stampedAt: new Date(),
      calendarName: `Visits ${who}`,
    });
    const what = `Visit calendar ${who}, ${formatUkDate(fromDate)} to ${formatUkDate(addDays(toDate, -1))} (initials and kind only)`;
    const recorded = await disclosure.ask({
      what,
      kind: 'ics',
      ...(filter.youngPersonId ? { youngPersonId: filter.youngPersonId } : {}),
      sha256: await sha256Hex(text),
    });
    if (!recorded) return;
    const suffix = filter.youngPersonId
      ? initialsOf(directory.youngPersonName(filter.youngPersonId)).toLowerCase()
      : 'home';
    downloadTextFile(`visits-${suffix}-${fromDate}.ics`, text, 'text/calendar;charset=utf-8');
    setMessage({
      tone: 'success',
      text: `Exported ${all.length === 1 ? 'one visit' : `${all.length} visits`} to a calendar file, and recorded it in the disclosure log.`,
    });
  };

  const shownCaption = `${periodLabel(view, range)}: ${visits.length === 1 ? 'one visit' : `${visits.length} visits`}`;

  return (
    <div className="page page--wide visits-screen">
      <h1>Visits</h1>
      <p className="lede">
        Family visits, home visits, calls and meetings. Every booking is checked for clashes and contact
        restrictions before it is saved.
      </p>
      {message ? <Banner tone={message.tone}>{message.text}</Banner> : null}
      <DisclosureReasonDialog {...disclosure.dialogProps} />
      <div className="visits-toolbar" role="group" aria-label="Calendar controls">
        <div className="visits-toolbar__group" role="group" aria-label="View">
          {(['day', 'week', 'month'] as const).map((option) => (
            <button
              key={option}
              type="button"
              className={option === view ? 'button' : 'button button--secondary'}
              aria-pressed={option === view}
              onClick={() => setView(option)}
            >
              {viewLabels[option]}
            </button>
          ))}
        </div>
        <div className="visits-toolbar__group" role="group" aria-label="Move through the calendar">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setDate(stepDate(view, date, -1))}
          >
            Previous {view}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setDate(clock.today)}>
            Today
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setDate(stepDate(view, date, 1))}
          >
            Next {view}
          </button>
          <label className="visits-toolbar__date">
            Go to date{' '}
            <input
              type="date"
              className="input input--short"
              value={date}
              onChange={(event) => event.target.value && setDate(event.target.value)}
            />
          </label>
        </div>
        <label className="visits-toolbar__filter">
          Show visits for{' '}
          <OptionSelect
            emptyLabel="Everyone"
            groups={visitFilterGroups(directory)}
            value={filterValue}
            onChange={(event) => setFilterValue(event.target.value)}
          />
        </label>
        <div className="visits-toolbar__group">
          <button type="button" className="button" onClick={() => startBooking()}>
            Book a visit
          </button>
          <button type="button" className="button button--secondary" onClick={() => void exportIcs()}>
            Export calendar file (.ics)
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setPrintedAt(new Date().toISOString())}
          >
            Print this week
          </button>
        </div>
      </div>
      {panel.kind === 'book' || panel.kind === 'change' ? (
        <VisitBookingForm
          key={panel.kind === 'change' ? panel.visit.id : 'new'}
          actions={actions}
          directory={directory}
          timeZone={clock.timeZone}
          today={clock.today}
          initial={panel.kind === 'book' ? panel.initial : formValuesOf(panel.visit, clock.timeZone)}
          changing={panel.kind === 'change' ? panel.visit : undefined}
          onDone={(saved) => {
            setPanel(saved?.visits[0] ? { kind: 'details', visitId: saved.visits[0].id } : { kind: 'none' });
            if (saved) {
              const count = saved.visits.length;
              const text =
                panel.kind === 'change'
                  ? 'Visit changed.'
                  : count === 1
                    ? 'Visit booked.'
                    : `${count} visits booked, one for each date.`;
              setMessage(
                saved.problems.length > 0
                  ? { tone: 'error', text: `${text} ${saved.problems.join(' ')}` }
                  : { tone: 'success', text },
              );
              const first = saved.visits[0];
              if (first) setDate(instantToWallClock(first.startsAt, clock.timeZone).date);
            }
          }}
        />
      ) : null}
      {panel.kind === 'details' && openVisit ? (
        <VisitDetails
          visit={openVisit}
          actions={actions}
          directory={directory}
          timeZone={clock.timeZone}
          onChange={(visit) => setPanel({ kind: 'change', visit })}
          onClose={() => setPanel({ kind: 'none' })}
        />
      ) : null}
      <h2 className="visits-period" aria-live="polite">
        {periodLabel(view, range)}
      </h2>
      <VisitCalendar
        visits={visits}
        directory={directory}
        view={view}
        date={date}
        timeZone={clock.timeZone}
        today={clock.today}
        onOpenVisit={(visit) => setPanel({ kind: 'details', visitId: visit.id })}
        onChooseSlot={startBooking}
        onShowDay={(day) => {
          setView('day');
          setDate(day);
        }}
      />
      <h2>Visits in this period</h2>
      <VisitsTable
        visits={visits}
        directory={directory}
        timeZone={clock.timeZone}
        caption={shownCaption}
        onOpen={(visit) => setPanel({ kind: 'details', visitId: visit.id })}
      />
    </div>
  );
}

/** An existing visit as the booking form's values, in the home's wall-clock time. */
function formValuesOf(visit: Visit, timeZone: string): VisitBookingFormInput {
  const start = instantToWallClock(visit.startsAt, timeZone);
  const end = instantToWallClock(visit.endsAt, timeZone);
  return {
    youngPersonIds: visit.youngPersonIds,
    kind: visit.kind,
    personIds: visit.personIds,
    staffIds: visit.staffIds,
    supervisingStaffId: visit.supervisingStaffId ?? '',
    roomId: visit.roomId ?? '',
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    transport: visit.transport,
    notes: visit.notes,
    repeat: 'none',
    repeatUntil: '',
  };
}
