import { Suspense, useEffect, useMemo, useRef } from 'react';
import { can } from '@shared/rules/access';
import { dayAndTime } from '@shared/home-time';
import { defaultTimeZone, type HomeSettings } from '@shared/schemas/home';
import { CaseFileRetryRunner } from '../features/contact-forms/CaseFileRetryRunner';
import { OutboxBadge } from '../features/outbox/OutboxBadge';
import { OutboxSenderRunner } from '../features/outbox/OutboxSenderRunner';
import { useSyncKeyBehindSince, useSyncRefused } from './useStartedSync';
import { Banner } from '../ui/Banner';
import { useSessionApi } from '../security/session-context';
import { useCaseNumbersSealed } from './useCaseNumbersSealed';
import { useConflictsMerged } from './useConflictsMerged';
import { useKeyRotationsResumed } from './useKeyRotationsResumed';
import { useFirstScreenDrawnMark } from './useFirstScreenDrawnMark';
import type { Session } from '../db/session';
import { defaultRoute, navigationGroups, routes } from '../common/routes';
import { ScreenLoading } from './ScreenLoading';
import { Screen } from './screens';
import { useRoute } from './useRoute';

/** Commits with the first screen (same Suspense boundary), so the mark waits for its code too. */
function FirstScreenDrawn() {
  useFirstScreenDrawnMark();
  return null;
}

/** Said on every screen once the server refuses this computer, so nobody thinks it still syncs. */
function SyncRefusedNotice() {
  if (!useSyncRefused()) return null;
  return (
    <Banner tone="error">
      This computer has been removed from the home’s computers: the sync server refuses it. What is recorded
      here now stays on this computer only. Ask the manager to add it again if it should still be one of them.
    </Banner>
  );
}

/**
 * Said on every screen while this computer lacks the home's newest sync key (it was off, or not
 * yet updated, when a computer was removed): what the others record does not open here, and
 * nobody should take its screens as the whole home until another computer gives it the key.
 */
function SyncKeyBehindNotice({ timeZone }: { readonly timeZone: string }) {
  const since = useSyncKeyBehindSince();
  const refused = useSyncRefused();
  if (!since || refused) return null;
  // The home's own clock, as every other time on screen: the computer's zone may differ.
  const when = dayAndTime(since, timeZone);
  return (
    <Banner tone="error">
      This computer cannot read what the home’s other computers have recorded since {when}: it was not on when
      they were given a new sync key. Keep it on and connected: another of the home’s computers gives it the
      key when both are on. Until then, check the other computers for anything recorded since.
    </Banner>
  );
}

/** The signed-in app: header, the navigation the person's roles allow, and the current screen. */
export function SignedInFrame({ session, home }: { session: Session; home: HomeSettings | undefined }) {
  const { lock, signOut } = useSessionApi();
  useCaseNumbersSealed(session);
  useKeyRotationsResumed(session);
  useConflictsMerged(session);
  const [location, go] = useRoute();
  const mainRef = useRef<HTMLElement>(null);
  const allowed = useMemo(
    () => routes.filter((item) => item.needs === undefined || can(session.roles, item.needs)),
    [session.roles],
  );
  const current = allowed.find((item) => item.id === location.route)?.id ?? defaultRoute;
  const recordId = current === location.route ? location.recordId : undefined;

  // Moving focus to the new screen (or record) tells keyboard and screen-reader users that it changed.
  useEffect(() => mainRef.current?.focus(), [current, recordId]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell__header">
        <span className="shell__product">Family Links</span>
        <span className="shell__home">{home?.name}</span>
        <div className="shell__header-actions">
          <span>
            Signed in as <strong>{session.staff.name}</strong>
          </span>
          <button type="button" className="button button--secondary" onClick={() => void lock('button')}>
            Lock
          </button>
          <button type="button" className="button button--secondary" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <nav className="shell__nav" aria-label="Main">
        {navigationGroups.map((group) => {
          const items = allowed.filter((item) => item.group === group.id);
          if (items.length === 0) return null;
          return (
            <div key={group.id} className="shell__nav-group">
              <p className="shell__nav-label" id={`nav-group-${group.id}`}>
                {group.label}
              </p>
              <ul aria-labelledby={`nav-group-${group.id}`}>
                {items.map((item) => (
                  <li key={item.id}>
                    <a
                      href={`#/${item.id}`}
                      aria-current={item.id === current ? 'page' : undefined}
                      onClick={(event) => {
                        event.preventDefault();
                        go(item.id);
                      }}
                    >
                      {item.label}
                      {item.id === 'outbox' ? <OutboxBadge /> : null}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </nav>
      <main id="main" className="shell__main" ref={mainRef} tabIndex={-1}>
        <SyncRefusedNotice />
        <SyncKeyBehindNotice timeZone={home?.timeZone ?? defaultTimeZone} />
        <Suspense fallback={<ScreenLoading />}>
          <Screen route={current} recordId={recordId} />
          <FirstScreenDrawn />
        </Suspense>
      </main>
      <CaseFileRetryRunner />
      <OutboxSenderRunner />
    </div>
  );
}
