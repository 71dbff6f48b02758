import type { StaffMember } from '@shared/schemas/staff';
import { Banner } from '../../ui/Banner';
import { OpeningPanel } from '../../ui/OpeningPanel';
import { HandoverForm, type SwitchedOff } from './HandoverForm';
import { useLeaverHoldings } from './useLeaverHoldings';

/**
 * Switching an account off is asked about first: the person cannot sign in afterwards, and
 * whatever they hold (young people, PAN places, forms owed, actions) goes to a colleague in the
 * same step (seed 000: work is not left hanging when someone leaves).
 */
export function SwitchOffConfirm({
  member,
  onDone,
}: {
  readonly member: StaffMember;
  readonly onDone: (switchedOff: SwitchedOff | undefined) => void;
}) {
  const holdings = useLeaverHoldings(member.id);
  return (
    <OpeningPanel titleId="switch-off-title" title={<>Switch off {member.name}’s account?</>}>
      <p>
        They will not be able to sign in. Everything they recorded stays, under their name. You can switch the
        account back on later.
      </p>
      {holdings === undefined ? (
        <p role="status">Looking at what they hold…</p>
      ) : holdings.ok ? (
        <HandoverForm holdings={holdings.value} onDone={onDone} />
      ) : (
        <>
          <Banner tone="error">{holdings.error.message}</Banner>
          <div className="form__actions">
            <button type="button" className="button button--secondary" onClick={() => onDone(undefined)}>
              Cancel
            </button>
          </div>
        </>
      )}
    </OpeningPanel>
  );
}
