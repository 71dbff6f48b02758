import { lazy } from 'react';
import type { RouteId } from '../common/routes';

/*
 * Each screen is its own chunk, loaded the first time someone opens it, so that the sign-in form
 * needs only the code that draws it (an old office computer parses every byte before it paints).
 */
const AboutScreen = lazy(() =>
  import('../features/settings/AboutScreen').then((module) => ({ default: module.AboutScreen })),
);
const AcademicCalendarScreen = lazy(() =>
  import('../features/settings/AcademicCalendarScreen').then((module) => ({
    default: module.AcademicCalendarScreen,
  })),
);
const BackupScreen = lazy(() =>
  import('../features/backup/BackupScreen').then((module) => ({ default: module.BackupScreen })),
);
const RetentionScreen = lazy(() =>
  import('../features/retention/RetentionScreen').then((module) => ({ default: module.RetentionScreen })),
);
const HomeDetailsScreen = lazy(() =>
  import('../features/settings/HomeDetailsScreen').then((module) => ({ default: module.HomeDetailsScreen })),
);
const CaseFileFolderScreen = lazy(() =>
  import('../features/settings/CaseFileFolderScreen').then((module) => ({
    default: module.CaseFileFolderScreen,
  })),
);
const ChangePasswordScreen = lazy(() =>
  import('../features/accounts/ChangePasswordScreen').then((module) => ({
    default: module.ChangePasswordScreen,
  })),
);
const StaffScreen = lazy(() =>
  import('../features/accounts/StaffScreen').then((module) => ({ default: module.StaffScreen })),
);
const AuditLogScreen = lazy(() =>
  import('../features/audit/AuditLogScreen').then((module) => ({ default: module.AuditLogScreen })),
);
const HomeScreen = lazy(() =>
  import('../features/home/HomeScreen').then((module) => ({ default: module.HomeScreen })),
);
const DoorScreen = lazy(() =>
  import('../features/door/DoorScreen').then((module) => ({ default: module.DoorScreen })),
);
const MyYoungPeopleScreen = lazy(() =>
  import('../features/my-young-people/MyYoungPeopleScreen').then((module) => ({
    default: module.MyYoungPeopleScreen,
  })),
);
const RegisterScreen = lazy(() =>
  import('../features/register/RegisterScreen').then((module) => ({ default: module.RegisterScreen })),
);
const ContactFormsScreen = lazy(() =>
  import('../features/contact-forms/ContactFormsScreen').then((module) => ({
    default: module.ContactFormsScreen,
  })),
);
const PeopleScreen = lazy(() =>
  import('../features/people/PeopleScreen').then((module) => ({ default: module.PeopleScreen })),
);
const YoungPeopleScreen = lazy(() =>
  import('../features/people/YoungPeopleScreen').then((module) => ({ default: module.YoungPeopleScreen })),
);
const DeclarationsScreen = lazy(() =>
  import('../features/declarations/DeclarationsScreen').then((module) => ({
    default: module.DeclarationsScreen,
  })),
);
const ReviewScreen = lazy(() =>
  import('../features/review/ReviewScreen').then((module) => ({ default: module.ReviewScreen })),
);
const SampleMonitoringScreen = lazy(() =>
  import('../features/review/SampleMonitoringScreen').then((module) => ({
    default: module.SampleMonitoringScreen,
  })),
);
const DisclosureLogScreen = lazy(() =>
  import('../features/disclosures/DisclosureLogScreen').then((module) => ({
    default: module.DisclosureLogScreen,
  })),
);
const VisitsScreen = lazy(() =>
  import('../features/visits/VisitsScreen').then((module) => ({ default: module.VisitsScreen })),
);
const RoomsScreen = lazy(() =>
  import('../features/settings/RoomsScreen').then((module) => ({ default: module.RoomsScreen })),
);
const VisitingProtocolScreen = lazy(() =>
  import('../features/visiting-protocol/VisitingProtocolScreen').then((module) => ({
    default: module.VisitingProtocolScreen,
  })),
);
const MailSettingsScreen = lazy(() =>
  import('../features/settings/MailSettingsScreen').then((module) => ({
    default: module.MailSettingsScreen,
  })),
);
const ComputersScreen = lazy(() =>
  import('../features/sync/ComputersScreen').then((module) => ({ default: module.ComputersScreen })),
);
const OutboxScreen = lazy(() =>
  import('../features/outbox/OutboxScreen').then((module) => ({ default: module.OutboxScreen })),
);

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
