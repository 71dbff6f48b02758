import { lazy } from 'react';
import type { RouteId } from '../common/routes';

/*
 * Each screen is its own chunk, loaded the first time someone opens it, so that the sign-in form
 * needs only the code that draws it (an old office computer parses every byte before it paints).
 */
/** Whatever React can load lazily: a component with props of any shape. */
type LazyLoadable = Awaited<ReturnType<Parameters<typeof lazy>[0]>>['default'];

function lazyScreen<Name extends string, Screen extends LazyLoadable>(
  load: () => Promise<Readonly<Record<NoInfer<Name>, Screen>>>,
  name: Name,
) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const AboutScreen = lazyScreen(() => import('../features/settings/AboutScreen'), 'AboutScreen');
const AcademicCalendarScreen = lazyScreen(
  () => import('../features/settings/AcademicCalendarScreen'),
  'AcademicCalendarScreen',
);
const BackupScreen = lazyScreen(() => import('../features/backup/BackupScreen'), 'BackupScreen');
const RetentionScreen = lazyScreen(() => import('../features/retention/RetentionScreen'), 'RetentionScreen');
const HomeDetailsScreen = lazyScreen(
  () => import('../features/settings/HomeDetailsScreen'),
  'HomeDetailsScreen',
);
const CaseFileFolderScreen = lazyScreen(
  () => import('../features/settings/CaseFileFolderScreen'),
  'CaseFileFolderScreen',
);
const ChangePasswordScreen = lazyScreen(
  () => import('../features/accounts/ChangePasswordScreen'),
  'ChangePasswordScreen',
);
const StaffScreen = lazyScreen(() => import('../features/accounts/StaffScreen'), 'StaffScreen');
const AuditLogScreen = lazyScreen(() => import('../features/audit/AuditLogScreen'), 'AuditLogScreen');
const HomeScreen = lazyScreen(() => import('../features/home/HomeScreen'), 'HomeScreen');
const DoorScreen = lazyScreen(() => import('../features/door/DoorScreen'), 'DoorScreen');
const MyYoungPeopleScreen = lazyScreen(
  () => import('../features/my-young-people/MyYoungPeopleScreen'),
  'MyYoungPeopleScreen',
);
const RegisterScreen = lazyScreen(() => import('../features/register/RegisterScreen'), 'RegisterScreen');
const ContactFormsScreen = lazyScreen(
  () => import('../features/contact-forms/ContactFormsScreen'),
  'ContactFormsScreen',
);
const PeopleScreen = lazyScreen(() => import('../features/people/PeopleScreen'), 'PeopleScreen');
const YoungPeopleScreen = lazyScreen(
  () => import('../features/people/YoungPeopleScreen'),
  'YoungPeopleScreen',
);
const DeclarationsScreen = lazyScreen(
  () => import('../features/declarations/DeclarationsScreen'),
  'DeclarationsScreen',
);
const ReviewScreen = lazyScreen(() => import('../features/review/ReviewScreen'), 'ReviewScreen');
const SampleMonitoringScreen = lazyScreen(
  () => import('../features/review/SampleMonitoringScreen'),
  'SampleMonitoringScreen',
);
const DisclosureLogScreen = lazyScreen(
  () => import('../features/disclosures/DisclosureLogScreen'),
  'DisclosureLogScreen',
);
const VisitsScreen = lazyScreen(() => import('../features/visits/VisitsScreen'), 'VisitsScreen');
const RoomsScreen = lazyScreen(() => import('../features/settings/RoomsScreen'), 'RoomsScreen');
const VisitingProtocolScreen = lazyScreen(
  () => import('../features/visiting-protocol/VisitingProtocolScreen'),
  'VisitingProtocolScreen',
);
const MailSettingsScreen = lazyScreen(
  () => import('../features/settings/MailSettingsScreen'),
  'MailSettingsScreen',
);
const ComputersScreen = lazyScreen(() => import('../features/sync/ComputersScreen'), 'ComputersScreen');
const OutboxScreen = lazyScreen(() => import('../features/outbox/OutboxScreen'), 'OutboxScreen');

/** The screen for a route; the caller wraps it in Suspense for the first load of its chunk. */
export function Screen({ route, recordId }: { route: RouteId; recordId: string | undefined }) {
  switch (route) {
    case 'home':
      return <HomeScreen section={recordId} />;
    case 'door':
      return <DoorScreen />;
    case 'my-young-people':
      return <MyYoungPeopleScreen />;
    case 'register':
      return <RegisterScreen entryId={recordId} />;
    case 'contact-forms':
      return <ContactFormsScreen formId={recordId} />;
    case 'visits':
      return <VisitsScreen recordId={recordId} />;
    case 'rooms':
      return <RoomsScreen />;
    case 'visiting-protocol':
      return <VisitingProtocolScreen />;
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
    case 'computers':
      return <ComputersScreen />;
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
