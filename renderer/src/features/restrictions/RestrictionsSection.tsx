import { useState } from 'react';
import { can, type VisibleRestriction } from '@shared/rules/access';
import { restrictionOnDay } from '@shared/rules/restriction-versions';
import { Banner } from '../../ui/Banner';
import { whatToDoNext } from '@shared/rules/what-to-do-next';
import { DamagedRecordNotice } from '../../ui/DamagedRecordNotice';
import { ToolbarButton } from '../../ui/ToolbarButton';
import { useSession } from '../../security/session-context';
import { useHomeTimeZone } from '../../common/useHomeTimeZone';
import { useHomeToday } from '../../common/useHomeToday';
import { staffNamesById } from '../../common/staff-names';
import { useFamilyOf } from '../../common/useFamilyOf';
import { useStaffMembers } from '../../common/useStaffMembers';
import { RecordRestrictionForm } from './RecordRestrictionForm';
import { RestrictionCard } from './RestrictionCard';
import { restrictionStatus, type RestrictionStatus } from './restriction-status';
import { useRestrictions } from './useRestrictions';

// What applies now comes first; what has ended goes last.
const statusOrder: Readonly<Record<RestrictionStatus['kind'], number>> = {
  inForce: 0,
  lapsed: 1,
  notYetInForce: 2,
  ended: 3,
};

function inReadingOrder(restrictions: readonly VisibleRestriction[], today: string): VisibleRestriction[] {
  const rank = (restriction: VisibleRestriction) =>
    statusOrder[restrictionStatus(restrictionOnDay(restriction, today).restriction, today).kind];
  return [...restrictions].sort(
    (a, b) => rank(a) - rank(b) || b.effectiveFrom.localeCompare(a.effectiveFrom),
  );
}

type Props = { readonly youngPersonId: string; readonly youngPersonName: string };

/** The contact restrictions that protect one young person, on their page. */
export function RestrictionsSection({ youngPersonId, youngPersonName }: Props) {
  const session = useSession();
  const { restrictions, repository } = useRestrictions(youngPersonId);
  const family = useFamilyOf(youngPersonId);
  const staff = useStaffMembers();
  const today = useHomeToday();
  const timeZone = useHomeTimeZone();
  const canRecord = can(session.roles, 'restriction:record');
  const [isRecording, setIsRecording] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();

  return (
    <section aria-labelledby="restrictions-title">
      <h2 id="restrictions-title">Contact restrictions</h2>
      {message ? <Banner tone={message.tone}>{message.text}</Banner> : null}
      {isRecording && family ? (
        <RecordRestrictionForm
          repository={repository}
          youngPersonId={youngPersonId}
          youngPersonName={youngPersonName}
          today={today}
          family={family}
          onDone={(recorded) => {
            setIsRecording(false);
            if (!recorded) return;
            const waiting =
              recorded.approvedById === undefined
                ? ' It applies now and is waiting for the manager’s approval.'
                : '';
            setMessage({
              tone: 'success',
              text: `The restriction on ${recorded.name} is recorded.${waiting}`,
            });
          }}
        />
      ) : canRecord ? (
        <ToolbarButton
          isDisabled={family === undefined}
          onClick={() => {
            setMessage(undefined);
            setIsRecording(true);
          }}
        >
          Record a restriction
        </ToolbarButton>
      ) : null}
      {restrictions?.damagedIds.map((id) => (
        <DamagedRecordNotice key={id} advice={whatToDoNext(session.roles, 'damaged-record')} />
      ))}
      {restrictions === undefined ? (
        <p role="status">Loading restrictions…</p>
      ) : restrictions.restrictions.length === 0 ? (
        restrictions.damagedIds.length > 0 ? null : (
          <p className="empty">No contact restrictions are recorded for {youngPersonName}.</p>
        )
      ) : (
        inReadingOrder(restrictions.restrictions, today).map((restriction) => (
          <RestrictionCard
            key={restriction.id}
            restriction={restriction}
            repository={repository}
            today={today}
            timeZone={timeZone}
            staff={staff ?? []}
            staffNames={staffNamesById(staff)}
            onMessage={setMessage}
          />
        ))
      )}
    </section>
  );
}
