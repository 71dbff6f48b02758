import { can } from '@shared/rules/access';
import type { HomeOverview } from '@shared/rules/home-overview';
import { useSession } from '../../security/session-context';
import { useHomeClock } from '../../common/useHomeClock';
import { attentionWords, gapWords } from './overview-words';
import { Panel } from '../../ui/Panel';

/**
 * The registered manager's home at a glance (seed 004 §5.5): each count a link to the records
 * behind it, then what about the set-up needs putting right. "Nothing to look at" is said only
 * when there is nothing at all.
 */
export function HomeOverviewPanel({ overview }: { readonly overview: HomeOverview | undefined }) {
  const { roles } = useSession();
  const { timeZone } = useHomeClock();
  if (!can(roles, 'settings:manage')) return null;

  return (
    <Panel titleId="overview-title" title="The home at a glance" className="panel overview">
      {overview === undefined ? (
        <p role="status">Counting what needs looking at…</p>
      ) : overview.isAllClear ? (
        <p className="empty">
          Nothing to look at: no contact forms overdue or due today, nobody turned away or let in against a
          restriction this week, no restriction waiting for you, no staff declaration to look at, every alert
          sent, and the home is fully set up.
        </p>
      ) : (
        <>
          {overview.attention.length > 0 ? (
            <ul className="overview__counts" aria-label="Needs looking at">
              {overview.attention.map(({ kind, count }) => (
                <li key={kind}>
                  <a className="overview__count" href={attentionWords[kind].href}>
                    <strong className="overview__number">{count}</strong>
                    <span>{attentionWords[kind].label(count)}</span>
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">
              No records need looking at today: it is the set-up below that needs putting right.
            </p>
          )}
          {overview.gaps.length > 0 ? (
            <>
              <h3>Set-up to put right</h3>
              <ul className="overview__gaps">
                {overview.gaps.map((gap) => {
                  const words = gapWords(gap, timeZone);
                  return (
                    <li key={gap.kind}>
                      {words.text} <a href={words.href}>{words.action}</a>
                    </li>
                  );
                })}
              </ul>
            </>
          ) : null}
        </>
      )}
    </Panel>
  );
}
