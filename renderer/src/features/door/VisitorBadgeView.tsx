import { useRef, useState } from 'react';
import type { VisitorEntry } from '@shared/schemas/registers';
import { badgePaperNames, badgePapers, visitorBadge, type BadgePaper } from '@shared/rules/visitor-badge';
import { Banner } from '../../ui/Banner';
import { ChoiceRadios } from '../../ui/ChoiceRadios';
import { useFocusOnOpen } from '../../ui/useFocusOnOpen';
import { useSession } from '../../security/session-context';
import type { DoorDirectory } from '../../common/useDoorDirectory';
import { useVisitorLog } from '../../common/useVisitorLog';
import { lastBadgePaper, rememberBadgePaper } from './badge-paper';
import { VisitorBadgeCard } from './VisitorBadgeCard';
import './visitor-badge.css';

type Props = {
  readonly entry: VisitorEntry;
  readonly directory: DoorDirectory;
  readonly homeName: string;
  readonly timeZone: string;
  readonly onClose: () => void;
};

// The page size is the paper's: one rule at a time, while this view is open, so no other print
// view (the fire roll, the register) inherits a label's size.
const pageRules: Readonly<Record<BadgePaper, string>> = {
  a4Sheet: '@page { size: A4 portrait; margin: 15mm; }',
  label62mm: '@page { size: 100mm 62mm; margin: 0; }',
};

/**
 * A visitor's badge, to print at the front door on an A4 sheet or a 62 mm label (62 x 100 mm,
 * read across). The preview shows what will print; this computer remembers the paper it last used.
 * Each print is in the audit log first (no name in it); only then does the browser's print start.
 */
export function VisitorBadgeView({ entry, directory, homeName, timeZone, onClose }: Props) {
  const session = useSession();
  const visitorLog = useVisitorLog();
  const headingRef = useFocusOnOpen();
  const [paper, setPaper] = useState<BadgePaper>(lastBadgePaper);
  const [error, setError] = useState<string | undefined>();
  // A second press while the first is being recorded does nothing.
  const isBusy = useRef(false);
  const content = visitorBadge(entry, {
    homeName,
    timeZone,
    youngPeople: directory.youngPeople,
    staffName: directory.staffName,
  });

  const choose = (next: BadgePaper) => {
    setPaper(next);
    rememberBadgePaper(next);
  };

  const print = async () => {
    if (isBusy.current) return;
    isBusy.current = true;
    setError(undefined);
    try {
      const recorded = await visitorLog.badgePrinted(session, entry.id, paper);
      if (!recorded.ok) {
        setError(recorded.error.message);
        return;
      }
      window.print();
    } finally {
      isBusy.current = false;
    }
  };

  return (
    <div className={`print-view visitor-badge-view visitor-badge-view--${paper}`}>
      <style>{pageRules[paper]}</style>
      <h1 ref={headingRef} tabIndex={-1} className="visitor-badge-view__screen-only">
        Visitor badge: {entry.visitorName}
      </h1>
      {error ? <Banner tone="error">{error}</Banner> : null}
      {content.kind === 'noBadge' ? (
        <>
          <Banner tone="error">{content.reason}</Banner>
          <div className="print-view__controls">
            <button type="button" className="button button--secondary" onClick={onClose}>
              Back to the front door
            </button>
          </div>
        </>
      ) : (
        <>
          <div className="print-view__controls visitor-badge-view__controls">
            <ChoiceRadios
              legend="Paper"
              name="badge-paper"
              values={badgePapers}
              labels={badgePaperNames}
              value={paper}
              onChange={choose}
              className="fieldset visitor-badge-view__paper"
            />
            <div className="visitor-badge-view__actions">
              <button type="button" className="button" onClick={() => void print()}>
                Print badge
              </button>
              <button type="button" className="button button--secondary" onClick={onClose}>
                Back to the front door
              </button>
            </div>
          </div>
          <VisitorBadgeCard badge={content.badge} paper={paper} />
          {paper === 'a4Sheet' ? (
            <p className="visitor-badge-view__cut">
              Cut along the dashed line and put the badge in a holder.
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
