import { useEffect, useId, useRef } from 'react';
import { Field } from '../../ui/Field';
import { FieldError } from '../../ui/FieldError';

export type OverrideState = { readonly reason: string; readonly isConfirmed: boolean };
export type OverrideErrors = {
  readonly reason?: string | undefined;
  readonly isConfirmed?: string | undefined;
};

type Props = {
  readonly value: OverrideState;
  readonly errors: OverrideErrors;
  readonly onChange: (next: OverrideState) => void;
  /** A new object each time signing in finds one missing: that control takes the focus. */
  readonly focusRequest?: { readonly field: keyof OverrideState } | undefined;
};

/**
 * The Registered Manager's override of a block (DESIGN rule 6): only with a reason, and a
 * deliberate confirmation. The register writes both to the entry and the audit log.
 */
export function OverrideSection({ value, errors, onChange, focusRequest }: Props) {
  const confirmId = useId();
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  const confirmBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusRequest) (focusRequest.field === 'reason' ? reasonBox : confirmBox).current?.focus();
  }, [focusRequest]);
  return (
    <fieldset className="fieldset door-override">
      <legend>Override and admit</legend>
      <p className="field__hint">
        Only if you are sure this visitor may come in today. Your name, the time and your reason are recorded
        in the register and the audit log.
      </p>
      <Field label="Why are you overriding the restriction?" error={errors.reason}>
        {(wiring) => (
          <textarea
            ref={reasonBox}
            className="input"
            rows={3}
            {...wiring}
            value={value.reason}
            onChange={(event) => onChange({ ...value, reason: event.target.value })}
          />
        )}
      </Field>
      <div className={errors.isConfirmed ? 'field field--error' : 'field'}>
        <FieldError id={`${confirmId}-error`} message={errors.isConfirmed} />
        <label className="checkbox">
          <input
            ref={confirmBox}
            type="checkbox"
            checked={value.isConfirmed}
            aria-describedby={errors.isConfirmed ? `${confirmId}-error` : undefined}
            aria-invalid={errors.isConfirmed ? true : undefined}
            onChange={(event) => onChange({ ...value, isConfirmed: event.target.checked })}
          />
          I have checked who this is and I am admitting them against the restriction.
        </label>
      </div>
    </fieldset>
  );
}
