import type { VisitorEntry } from '@shared/schemas/registers';
import { clockTime } from '@shared/home-time';
import { useRecentlySignedOut } from './useRecentlySignedOut';

type Props = { readonly timeZone: string; readonly onPutBack: (entry: VisitorEntry) => void };

/**
 * Visitors signed out in the last 2 minutes, each with "Put <name> back on site" for a sign-out
 * made by mistake (a correction entry naming the one it corrects, audited). After 2 minutes the
 * button goes: the way then is a correction in the Visitor register, with a reason.
 */
export function RecentlySignedOut({ timeZone, onPutBack }: Props) {
  const recent = useRecentlySignedOut();
  if (!recent || recent.length === 0) return null;
  return (
    <section className="door-recent" aria-labelledby="door-recent-title">
      <h3 id="door-recent-title">Signed out in the last 2 minutes</h3>
      <p className="field__hint">
        Signed out by mistake? Put them back now; after 2 minutes, correct the register.
      </p>
      <ul>
        {recent.map((entry) => (
          <li key={entry.id}>
            <span>
              {entry.visitorName}, signed out at {clockTime(entry.departedAt ?? entry.arrivedAt, timeZone)}.
            </span>
            <button type="button" className="button button--secondary" onClick={() => onPutBack(entry)}>
              Put {entry.visitorName} back on site
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
