import { formatUkDate } from '@shared/format-dates';
import { usePlanningHelp } from './usePlanningHelp';
import { Panel } from '../../ui/Panel';

type Props = {
  readonly youngPersonId: string | undefined;
  readonly youngPersonName: string;
  readonly today: string;
  readonly timeZone: string;
};

/** While booking for a young person: what the policy still asks this term and year (DESIGN rules 4 and 5). */
export function PlanningHelpPanel({ youngPersonId, youngPersonName, today, timeZone }: Props) {
  const help = usePlanningHelp(youngPersonId, today, timeZone);
  if (!youngPersonId) return null;
  return (
    <Panel
      titleId="planning-help-title"
      title={<>Planning help for {youngPersonName}</>}
      level={3}
      className="panel planning-help"
    >
      {help === undefined || help.kind === 'loading' ? (
        <p role="status">Working out what the policy still asks…</p>
      ) : null}
      {help?.kind === 'noYear' ? (
        <p>
          There is no academic year covering {formatUkDate(help.today)}. Ask the manager to add this year’s
          term dates (Academic calendar), then the policy’s termly figures can be shown here.
        </p>
      ) : null}
      {help?.kind === 'ready' ? (
        help.minimums.stillOwed.length === 0 ? (
          <p>Everything the policy asks for {help.minimums.yearLabel} is done or booked.</p>
        ) : (
          <>
            <p>Still to do in {help.minimums.yearLabel}, soonest first:</p>
            <ul className="planning-help__list">
              {help.minimums.stillOwed.map((item) => (
                <li key={item.key}>
                  <span>{item.what}</span>{' '}
                  <span className="planning-help__by">by {formatUkDate(item.byDate)}</span>
                  {item.booked.count > 0 ? (
                    <span className="planning-help__booked">
                      {' '}
                      ({item.booked.count === 1 ? 'one booked' : `${item.booked.count} booked`})
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        )
      ) : null}
    </Panel>
  );
}
