import type { StaffMember } from '@shared/schemas/staff';
import { useFocusOnOpen } from '../../ui/useFocusOnOpen';

/** Switching an account off is asked about first: the person cannot sign in afterwards. */
export function SwitchOffConfirm({
  member,
  onConfirm,
  onCancel,
}: {
  readonly member: StaffMember;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) {
  const headingRef = useFocusOnOpen();
  return (
    <section className="panel" aria-labelledby="switch-off-title">
      <h2 id="switch-off-title" ref={headingRef} tabIndex={-1}>
        Switch off {member.name}’s account?
      </h2>
      <p>
        They will not be able to sign in. Everything they recorded stays, under their name. You can switch the
        account back on later.
      </p>
      <div className="form__actions">
        <button type="button" className="button button--danger" onClick={onConfirm}>
          Yes, switch off the account
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
