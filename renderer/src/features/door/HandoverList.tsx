import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { VisitorEntry } from '@shared/schemas/registers';
import { ConditionMark } from './ConditionMark';
import { calendarDateOf, clockTime, dayAndTime, startOfDayIn } from '@shared/home-time';
import type { DoorDirectory } from '../../common/useDoorDirectory';
import { useHandover } from './useHandover';
import { visitorConditions } from './visitor-conditions';
import { ColumnHeads } from '../../ui/ColumnHeads';

type Props = {
  readonly directory: DoorDirectory;
  /** The home's clock: its name, its time zone, and what day it is there. */
  readonly clock: { readonly homeName: string; readonly timeZone: string; readonly today: string };
  /** When the list was opened: the shift is measured back from then. */
  readonly openedAt: string;
  readonly onClose: () => void;
};

/** How far back "this shift" goes. The app keeps no rota, so the person handing over chooses. */
const shifts = [
  { id: '8h', label: 'the last 8 hours', hours: 8 },
  { id: '12h', label: 'the last 12 hours', hours: 12 },
  { id: '24h', label: 'the last 24 hours', hours: 24 },
  { id: 'midnight', label: 'since midnight', hours: undefined },
] as const;
type ShiftId = (typeof shifts)[number]['id'];

/** One part of the handover: its heading with how many, and what to say when there are none. */
function HandoverSection({
  id,
  title,
  count,
  empty,
  children,
}: {
  readonly id: string;
  readonly title: string;
  readonly count: number;
  readonly empty: string;
  readonly children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title} ({count})
      </h2>
      {count === 0 ? <p>{empty}</p> : null}
      {children}
    </section>
  );
}

/** A part of the handover that lists one visitor a line. */
function HandoverEntries<Entry extends { readonly id: string }>({
  entries,
  className,
  children,
  ...section
}: {
  readonly id: string;
  readonly title: string;
  readonly empty: string;
  readonly entries: readonly Entry[];
  readonly className?: string;
  /** What the handover says of one visitor. */
  readonly children: (entry: Entry) => ReactNode;
}) {
  return (
    <HandoverSection {...section} count={entries.length}>
      <ul className={className}>
        {entries.map((entry) => (
          <li key={entry.id}>{children(entry)}</li>
        ))}
      </ul>
    </HandoverSection>
  );
}

/**
 * The end-of-shift handover at the front door: who is on site (with their conditions, large), who
 * came and went, who was turned away, and any restriction the manager overrode. On screen to read
 * at the change of shift, and printable.
 */
export function HandoverList({ directory, clock: { homeName, timeZone, today }, openedAt, onClose }: Props) {
  const [shiftId, setShiftId] = useState<ShiftId>('12h');
  const shift = shifts.find((item) => item.id === shiftId) ?? shifts[1];
  const fromIso =
    shift.hours === undefined
      ? startOfDayIn(today, timeZone)
      : new Date(Date.parse(openedAt) - shift.hours * 3_600_000).toISOString();
  const handover = useHandover(fromIso, openedAt);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const when = (instant: string) =>
    calendarDateOf(instant, timeZone) === today
      ? clockTime(instant, timeZone)
      : dayAndTime(instant, timeZone);
  const visiting = (entry: VisitorEntry) =>
    entry.visitingYoungPersonIds.map(directory.youngPersonName).join(', ') || 'Nobody named';

  return (
    <div className="print-view handover">
      <div className="print-view__controls">
        <button type="button" className="button" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Back to the front door
        </button>
      </div>
      <h1 ref={headingRef} tabIndex={-1}>
        Handover at the front door: {homeName}
      </h1>
      <div className="field handover__shift">
        <label className="field__label" htmlFor="handover-shift">
          This shift is
        </label>
        <select
          id="handover-shift"
          className="input input--short"
          value={shiftId}
          onChange={(event) => setShiftId(event.target.value as ShiftId)}
        >
          {shifts.map((item) => (
            <option key={item.id} value={item.id}>
              {item.label}
            </option>
          ))}
        </select>
      </div>
      <p>
        From {dayAndTime(fromIso, timeZone)} to {dayAndTime(openedAt, timeZone)}.
      </p>
      {handover === undefined ? (
        <p role="status">Reading the visitor register…</p>
      ) : (
        <>
          <HandoverEntries
            id="handover-on-site"
            title="On site now"
            entries={handover.onSite}
            empty="Nobody is signed in."
            className="handover__visitors"
          >
            {(entry) => {
              const conditions = visitorConditions(entry, directory.staffName);
              return (
                <>
                  <p className="handover__name">{entry.visitorName}</p>
                  <p>
                    Visiting {visiting(entry)}. Arrived {when(entry.arrivedAt)}
                    {entry.badgeNumber ? `, badge ${entry.badgeNumber}` : ''}.
                  </p>
                  {conditions ? <ConditionMark conditions={conditions} /> : null}
                </>
              );
            }}
          </HandoverEntries>
          <HandoverSection
            id="handover-came-and-went"
            title="Came and went"
            count={handover.cameAndWent.length}
            empty="Nobody came and left."
          >
            {handover.cameAndWent.length === 0 ? null : (
              <table className="table print-view__table">
                <caption className="visually-hidden">Visitors who came and went this shift</caption>
                <ColumnHeads columns={['Visitor', 'Arrived', 'Left', 'Visiting', 'Conditions']} />
                <tbody>
                  {handover.cameAndWent.map((entry) => (
                    <tr key={entry.id}>
                      <th scope="row">{entry.visitorName}</th>
                      <td>{when(entry.arrivedAt)}</td>
                      <td>{entry.departedAt ? when(entry.departedAt) : ''}</td>
                      <td>{visiting(entry)}</td>
                      <td>{visitorConditions(entry, directory.staffName)?.lines.join(' ') ?? 'None'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </HandoverSection>
          <HandoverEntries
            id="handover-turned-away"
            title="Turned away"
            entries={handover.turnedAway}
            empty="Nobody was turned away."
          >
            {(entry) => (
              <>
                <strong>{entry.visitorName}</strong> at {when(entry.arrivedAt)}, by{' '}
                {directory.staffName(entry.admittedById)}
                {entry.visitingYoungPersonIds.length > 0 ? `, asking for ${visiting(entry)}` : ''}.
                {entry.turnedAwayNote ? ` Note: ${entry.turnedAwayNote}` : ''}
              </>
            )}
          </HandoverEntries>
          <HandoverEntries
            id="handover-overrides"
            title="Restrictions overridden"
            entries={handover.overridden}
            empty="No restriction was overridden."
          >
            {(entry) => (
              <>
                <strong>{entry.visitorName}</strong> admitted at {when(entry.arrivedAt)} by{' '}
                {directory.staffName(entry.overriddenById)}
                {entry.departedAt ? `; left at ${when(entry.departedAt)}` : '; still on site'}.
              </>
            )}
          </HandoverEntries>
        </>
      )}
    </div>
  );
}
