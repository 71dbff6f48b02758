import type { ComponentType } from 'react';
import { useSession } from '../../security/session-context';
import { RestrictionAttentionPanel } from './RestrictionAttentionPanel';
import { DoorAttentionPanel } from './DoorAttentionPanel';
import { DeclarationAttentionPanel } from '../declarations';
import { BackupReminderPanel } from '../backup';
import { ContactFormAlertPanel, OwedFormsPanel } from '../contact-forms';
import { TurnedAwayPanel } from './TurnedAwayPanel';
import { DamagedRecordsPanel } from './DamagedRecordsPanel';

/**
 * The panels on the home screen, in order. Each decides for itself whether this person sees it
 * (and renders nothing if not); add a new one here.
 */
const panels: readonly { readonly id: string; readonly Panel: ComponentType }[] = [
  { id: 'damaged-records', Panel: DamagedRecordsPanel },
  { id: 'owed-forms', Panel: OwedFormsPanel },
  { id: 'contact-alerts', Panel: ContactFormAlertPanel },
  { id: 'restrictions', Panel: RestrictionAttentionPanel },
  { id: 'door', Panel: DoorAttentionPanel },
  { id: 'turned-away', Panel: TurnedAwayPanel },
  { id: 'declarations', Panel: DeclarationAttentionPanel },
  { id: 'backups', Panel: BackupReminderPanel },
];

/** What needs someone's attention today, first thing after signing in. */
export function HomeScreen() {
  const { staff } = useSession();
  return (
    <div className="page">
      <h1>Home</h1>
      <p className="lede">Hello {staff.name}. Here is what needs looking at today.</p>
      {panels.map(({ id, Panel }) => (
        <Panel key={id} />
      ))}
    </div>
  );
}
