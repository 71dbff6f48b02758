import { useEffect, useMemo, useRef } from 'react';
import { can } from '@shared/rules/access';
import type { HomeSettings } from '@shared/schemas/home';
import { AboutScreen } from '../features/settings/AboutScreen';
import { AcademicCalendarScreen } from '../features/settings/AcademicCalendarScreen';
import { FirstRunWithRestore } from '../features/backup/FirstRunWithRestore';
import { BackupScreen } from '../features/backup/BackupScreen';
import { RetentionScreen } from '../features/retention/RetentionScreen';
import { HomeDetailsScreen } from '../features/settings/HomeDetailsScreen';
import { CaseFileFolderScreen } from '../features/settings/CaseFileFolderScreen';
import { SignInScreen } from '../features/accounts/SignInScreen';
import { LockScreen } from '../features/accounts/LockScreen';
import { ChangePasswordScreen } from '../features/accounts/ChangePasswordScreen';
import { StaffScreen } from '../features/accounts/StaffScreen';
import { AuditLogScreen } from '../features/audit/AuditLogScreen';
import { HomeScreen } from '../features/home/HomeScreen';
import { DoorScreen } from '../features/door/DoorScreen';
import { RegisterScreen } from '../features/register/RegisterScreen';
import { ContactFormsScreen } from '../features/contact-forms/ContactFormsScreen';
import { CaseFileRetryRunner } from '../features/contact-forms/CaseFileRetryRunner';
import { PeopleScreen } from '../features/people/PeopleScreen';
import { YoungPeopleScreen } from '../features/people/YoungPeopleScreen';
import { DeclarationsScreen } from '../features/declarations/DeclarationsScreen';
import { ReviewScreen } from '../features/review/ReviewScreen';
import { SampleMonitoringScreen } from '../features/review/SampleMonitoringScreen';
import { DisclosureLogScreen } from '../features/disclosures/DisclosureLogScreen';
import { VisitsScreen } from '../features/visits/VisitsScreen';
import { RoomsScreen } from '../features/settings/RoomsScreen';
import { MailSettingsScreen } from '../features/settings/MailSettingsScreen';
import { OutboxScreen } from '../features/outbox/OutboxScreen';
import { OutboxBadge } from '../features/outbox/OutboxBadge';
import { OutboxSenderRunner } from '../features/outbox/OutboxSenderRunner';
import { useSessionApi } from '../security/session-context';
import type { Session } from '../db/session';
import { defaultRoute, navigationGroups, routes, type RouteId } from '../common/routes';
import { useHomeSetUp } from './useHomeSetUp';
import { useRoute } from './useRoute';

function Screen({ route, recordId }: { route: RouteId; recordId: string | undefined }) {
  switch (route) {
    case 'home':
      return <HomeScreen section={recordId} />;
    case 'door':
      return <DoorScreen />;
    case 'register':
      return <RegisterScreen entryId={recordId} />;
    case 'contact-forms':
      return <ContactFormsScreen formId={recordId} />;
    case 'visits':
      return <VisitsScreen recordId={recordId} />;
    case 'rooms':
      return <RoomsScreen />;
    case 'young-people':
      return <YoungPeopleScreen youngPersonId={recordId} />;
    case 'people':
      return <PeopleScreen />;
    case 'review':
      return <ReviewScreen />;
    case 'sampling':
      return <SampleMonitoringScreen />;
    case 'declarations':
      return <DeclarationsScreen />;
    case 'disclosures':
      return <DisclosureLogScreen />;
    case 'outbox':
      return <OutboxScreen />;
    case 'mail-settings':
      return <MailSettingsScreen />;
    case 'calendar':
      return <AcademicCalendarScreen />;
    case 'staff':
      return <StaffScreen />;
    case 'audit':
      return <AuditLogScreen />;
    case 'home-details':
      return <HomeDetailsScreen />;
    case 'case-file':
      return <CaseFileFolderScreen />;
    case 'backups':
      return <BackupScreen />;
    case 'retention':
      return <RetentionScreen />;
    case 'account':
      return <ChangePasswordScreen isRequired={false} />;
    case 'about':
      return <AboutScreen />;
    default: {
      const unreachable: never = route;
      return unreachable;
    }
  }
}

/**
 * What the app shows depends first on who is signed in: a new install sets up the home, a
 * signed-out or locked app shows only the sign-in or unlock form, and only a signed-in person
 * sees the frame with the navigation their roles allow.
 */
export function AppShell() {
  const { state } = useSessionApi();
  const setup = useHomeSetUp();

  if (setup === undefined)
    return (
      <p role="status" className="page">
        Loading…
      </p>
    );
  if (!setup.hasAccounts) return <FirstRunWithRestore existingHome={setup.home} />;
  switch (state.kind) {
    case 'signedOut':
      return <SignInScreen homeName={setup.home?.name ?? 'Family Links'} />;
    case 'locked':
      return <LockScreen username={state.username} reason={state.reason} />;
    case 'signedIn':
      return state.mustChangePassword ? (
        <main className="page page--narrow">
          <ChangePasswordScreen isRequired />
        </main>
      ) : (
        <SignedInFrame session={state.session} home={setup.home} />
      );
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

function SignedInFrame({ session, home }: { session: Session; home: HomeSettings | undefined }) {
  const { lock, signOut } = useSessionApi();
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
        <Screen route={current} recordId={recordId} />
      </main>
      <CaseFileRetryRunner />
      <OutboxSenderRunner />
    </div>
  );
}
