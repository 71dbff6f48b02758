import { useState } from 'react';
import { ExpectedVisitsPanel, type ExpectedVisitor } from './ExpectedVisitsPanel';
import type { VisitorEntry } from '@shared/schemas/registers';
import './door.css';
import { FireRoll } from './FireRoll';
import { HandoverList } from './HandoverList';
import { OnSitePanel } from './OnSitePanel';
import { SignInVisitorForm } from './SignInVisitorForm';
import { useDoorDirectory } from '../../common/useDoorDirectory';
import { useHomeClock } from '../../common/useHomeClock';
import { useOnSite } from './useOnSite';
import { VisitorBadgeView } from './VisitorBadgeView';

type Sheet =
  | { readonly kind: 'fireRoll' | 'handover'; readonly at: string }
  | { readonly kind: 'badge'; readonly entry: VisitorEntry };

/**
 * The front door: sign a visitor in (checked against the restriction register as their name is
 * typed, the answer beside the name), see who is on site now and under what conditions, sign them
 * out, print each one's badge and the fire roll, and read the handover at the end of a shift.
 * Today's booked visits are listed beside them, so an expected visitor is signed in from the list.
 */
export function DoorScreen() {
  const clock = useHomeClock();
  const directory = useDoorDirectory();
  const onSite = useOnSite();
  const [sheet, setSheet] = useState<Sheet | undefined>();
  // A booked visitor whose check needs the form (a warning to read, a supervisor, an override).
  const [expected, setExpected] = useState<(ExpectedVisitor & { key: number }) | undefined>();
  const printBadge = (entry: VisitorEntry) => setSheet({ kind: 'badge', entry });

  if (sheet?.kind === 'fireRoll' && onSite && directory) {
    return (
      <FireRoll
        onSite={onSite}
        directory={directory}
        clock={clock}
        printedAt={sheet.at}
        onClose={() => setSheet(undefined)}
      />
    );
  }
  if (sheet?.kind === 'badge' && directory) {
    return (
      <VisitorBadgeView
        entry={sheet.entry}
        directory={directory}
        homeName={clock.homeName}
        timeZone={clock.timeZone}
        onClose={() => setSheet(undefined)}
      />
    );
  }
  if (sheet?.kind === 'handover' && directory) {
    return (
      <HandoverList
        directory={directory}
        clock={clock}
        openedAt={sheet.at}
        onClose={() => setSheet(undefined)}
      />
    );
  }
  return (
    <div className="page page--wide">
      <h1>Front door</h1>
      <p className="lede">
        Sign every visitor in and out here. Each name is checked against the contact-restriction register.
      </p>
      {directory === undefined ? (
        <p role="status">Loading…</p>
      ) : (
        <div className="door-layout">
          <SignInVisitorForm
            directory={directory}
            today={clock.today}
            timeZone={clock.timeZone}
            onPrintBadge={printBadge}
            expected={expected}
          />
          <div className="door-side">
            <ExpectedVisitsPanel
              directory={directory}
              today={clock.today}
              timeZone={clock.timeZone}
              onNeedsForm={(visitor) => setExpected({ ...visitor, key: (expected?.key ?? 0) + 1 })}
              onPrintBadge={printBadge}
            />
            <OnSitePanel
              onSite={onSite}
              directory={directory}
              today={clock.today}
              timeZone={clock.timeZone}
              onPrintBadge={printBadge}
              onPrintFireRoll={() => setSheet({ kind: 'fireRoll', at: new Date().toISOString() })}
              onOpenHandover={() => setSheet({ kind: 'handover', at: new Date().toISOString() })}
            />
          </div>
        </div>
      )}
    </div>
  );
}
