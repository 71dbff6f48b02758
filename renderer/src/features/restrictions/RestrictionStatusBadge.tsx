import { formatUkDate } from '@shared/format-dates';
import type { RestrictionStatus } from './restriction-status';
import { formatUkDateOf } from './when-format';

/** Where a restriction stands, in a word or two; the warning colour is for what needs acting on. */
export function RestrictionStatusBadge({
  status,
  timeZone,
}: {
  status: RestrictionStatus;
  timeZone: string;
}) {
  switch (status.kind) {
    case 'inForce':
      return (
        <>
          <span className="badge badge--warn">In force</span>
          {status.isAwaitingApproval ? <span className="badge"> Awaiting the manager’s approval</span> : null}
        </>
      );
    case 'notYetInForce':
      return <span className="badge">Starts {formatUkDate(status.from)}</span>;
    case 'lapsed':
      return <span className="badge badge--warn">Lapsed on {formatUkDate(status.since)}, not yet ended</span>;
    case 'ended':
      return <span className="badge">Ended on {formatUkDateOf(status.endedAt, timeZone)}</span>;
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}
