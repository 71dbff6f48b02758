import { useEffect, useId, useRef } from 'react';
import type { StaffMember } from '@shared/schemas/staff';
import type { DoorForm } from './door-form';
import { SupervisorSelect } from './SupervisorSelect';
import { FieldError } from '../../ui/FieldError';

type Props = {
  readonly form: DoorForm;
  readonly needsSupervisor: boolean;
  readonly staff: readonly StaffMember[];
  readonly hasRead: boolean;
  readonly readError: string | undefined;
  readonly onRead: (hasRead: boolean) => void;
  /** A new object each time signing in finds the box unticked: the box takes the focus. */
  readonly focusRequest?: object | undefined;
};

/** Under a warning: who will supervise (for supervised-only contact), and "I have read this". */
export function WarnActions({
  form,
  needsSupervisor,
  staff,
  hasRead,
  readError,
  onRead,
  focusRequest,
}: Props) {
  const readId = useId();
  const readBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusRequest) readBox.current?.focus();
  }, [focusRequest]);
  return (
    <div className="door-panel__actions">
      {needsSupervisor ? <SupervisorSelect form={form} staff={staff} /> : null}
      <div className={readError ? 'field field--error' : 'field'}>
        <FieldError id={`${readId}-error`} message={readError} />
        <label className="checkbox">
          <input
            ref={readBox}
            type="checkbox"
            checked={hasRead}
            aria-required="true"
            aria-describedby={readError ? `${readId}-error` : undefined}
            aria-invalid={readError ? true : undefined}
            onChange={(event) => onRead(event.target.checked)}
          />
          I have read this
        </label>
      </div>
    </div>
  );
}
