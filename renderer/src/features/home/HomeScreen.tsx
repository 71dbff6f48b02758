import { useEffect, type ComponentType } from 'react';
import './home.css';
import { useSession } from '../../security/session-context';
import { RestrictionAttentionPanel } from './RestrictionAttentionPanel';
import { ContactPlanReviewPanel } from './ContactPlanReviewPanel';
import { DoorAttentionPanel } from './DoorAttentionPanel';
import { DeclarationAttentionPanel } from '../declarations';
import { BackupReminderPanel } from '../backup';
import { ContactFormAlertPanel, OwedFormsPanel } from '../contact-forms';
import { MyActionsPanel } from '../actions';
import { MyYoungPeopleLink, SpecialDatesPanel } from '../my-young-people';
import { TurnedAwayPanel } from './TurnedAwayPanel';
import { HomeOverviewPanel } from './HomeOverviewPanel';
import { SetUpChecklist } from './SetUpChecklist';
import { useHomeOverview } from './useHomeOverview';
import { useSetUpFacts } from './useSetUpFacts';
import { DamagedRecordsPanel } from './DamagedRecordsPanel';
import { SyncConflictsPanel } from './SyncConflictsPanel';
import { SyncProblemsPanel } from './SyncProblemsPanel';

/**
 * The panels on the home screen, in order. Each decides for itself whether this person sees it
 * (and renders nothing if not); add a new one here. The id is how a count on the manager's
 * overview links to the panel that lists its records (`#/home/<id>`).
 */
const panels: readonly { readonly id: string; readonly Panel: ComponentType }[] = [
  { id: 'damaged-records', Panel: DamagedRecordsPanel },
  { id: 'sync-conflicts', Panel: SyncConflictsPanel },
  { id: 'sync-problems', Panel: SyncProblemsPanel },
  { id: 'my-young-people', Panel: MyYoungPeopleLink },
  { id: 'special-dates', Panel: SpecialDatesPanel },
  { id: 'owed-forms', Panel: OwedFormsPanel },
  { id: 'my-actions', Panel: MyActionsPanel },
  { id: 'contact-alerts', Panel: ContactFormAlertPanel },
  { id: 'restrictions', Panel: RestrictionAttentionPanel },
  { id: 'contact-plans', Panel: ContactPlanReviewPanel },
  { id: 'door', Panel: DoorAttentionPanel },
  { id: 'turned-away', Panel: TurnedAwayPanel },
  { id: 'declarations', Panel: DeclarationAttentionPanel },
  { id: 'backups', Panel: BackupReminderPanel },
];

/** The manager's overview and set-up checklist: hooks that read the whole home, so only for them. */
function ManagerOverview() {
  const setUp = useSetUpFacts();
  const overview = useHomeOverview(setUp);
  return (
    <>
      <SetUpChecklist facts={setUp} />
      <HomeOverviewPanel overview={overview} />
    </>
  );
}

/**
 * What needs someone's attention today, first thing after signing in. Opened at `#/home/<panel>`
 * (a count on the overview), it brings that panel into view and moves focus to it.
 */
export function HomeScreen({ section }: { readonly section?: string | undefined } = {}) {
  const { staff, roles } = useSession();
  useEffect(() => {
    if (!section) return;
    const target = document.getElementById(`home-${section}`);
    target?.scrollIntoView({ block: 'start' });
    target?.focus();
  }, [section]);
  return (
    <div className="page">
      <h1>Home</h1>
      <p className="lede">Hello {staff.name}. Here is what needs looking at today.</p>
      {roles.includes('registeredManager') ? <ManagerOverview /> : null}
      {panels.map(({ id, Panel }) => (
        <div key={id} id={`home-${id}`} tabIndex={-1} className="home__panel">
          <Panel />
        </div>
      ))}
    </div>
  );
}
