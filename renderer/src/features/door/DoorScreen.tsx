import { useState } from 'react';
import './door.css';
import { FireRoll } from './FireRoll';
import { OnSitePanel } from './OnSitePanel';
import { SignInVisitorForm } from './SignInVisitorForm';
import { useDoorDirectory } from '../../common/useDoorDirectory';
import { useHomeClock } from '../../common/useHomeClock';
import { useOnSite } from './useOnSite';

/**
 * The front door: sign a visitor in (checked against the restriction register as their name is
 * typed), see who is on site now, sign them out, and print the fire roll.
 */
export function DoorScreen() {
  const clock = useHomeClock();
  const directory = useDoorDirectory();
  const onSite = useOnSite();
  const [fireRollAt, setFireRollAt] = useState<string | undefined>();

  if (fireRollAt && onSite && directory) {
    return (
      <FireRoll
        onSite={onSite}
        directory={directory}
        homeName={clock.homeName}
        timeZone={clock.timeZone}
        printedAt={fireRollAt}
        onClose={() => setFireRollAt(undefined)}
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
          <SignInVisitorForm directory={directory} today={clock.today} timeZone={clock.timeZone} />
          <OnSitePanel
            onSite={onSite}
            directory={directory}
            today={clock.today}
            timeZone={clock.timeZone}
            onPrintFireRoll={() => setFireRollAt(new Date().toISOString())}
          />
        </div>
      )}
    </div>
  );
}
