import { useId } from 'react';
import { protocolAskReasonText } from '@shared/rules/visiting-protocol';
import type { StaffMember } from '@shared/schemas/staff';
import { Field } from '../../ui/Field';
import { ActiveStaffOptions } from './ActiveStaffOptions';
import { SignaturePadField } from '../../ui/SignaturePadField';
import { ProtocolText } from '../visiting-protocol';
import type { ProtocolAtDoor as ProtocolStep } from './useProtocolAtDoor';
import { FieldError } from '../../ui/FieldError';

const pngPrefix = 'data:image/png;base64,';

type ProtocolOutcome = NonNullable<ProtocolStep['choice']['outcome']>;

/** The answers a visitor can give, in the order they are offered. */
const howTheyAccept: readonly (readonly [ProtocolOutcome, string])[] = [
  ['signed', 'They sign it on screen'],
  ['readToThem', 'Read to them by a member of staff'],
  ['declined', 'They decline'],
];

/**
 * A family visitor's first sign-in, or their first since the protocol changed: the protocol on
 * screen, and their answer. They sign in the box with a finger or the mouse; or a member of staff
 * reads it to them (also the way for anyone who cannot read it, and for staff using only the
 * keyboard); or they decline, which is recorded and does not stop the sign-in: the Registered
 * Manager decides what a refusal means.
 */
export function ProtocolAtDoor({ step, staff }: { step: ProtocolStep; staff: readonly StaffMember[] }) {
  const id = useId();
  const { ask, current, choice } = step;
  if (ask?.kind !== 'ask' || !current || current.version !== ask.version) return null;
  const choose = (outcome: ProtocolOutcome) => step.setChoice({ ...choice, outcome });
  return (
    <fieldset className="door-protocol" aria-describedby={`${id}-why`}>
      <legend>Visiting protocol, version {current.version}</legend>
      <p id={`${id}-why`}>{protocolAskReasonText(ask)}</p>
      <div
        className="door-protocol__text"
        tabIndex={0}
        role="region"
        aria-label={`The visiting protocol, version ${current.version}`}
      >
        <ProtocolText protocol={current} />
      </div>
      <FieldError role="alert" message={step.error} />
      <div className="door-protocol__choices" role="radiogroup" aria-label="How they accept it">
        {howTheyAccept.map(([outcome, label]) => (
          <label key={outcome}>
            <input
              type="radio"
              name={`${id}-how`}
              checked={choice.outcome === outcome}
              onChange={() => choose(outcome)}
            />{' '}
            {label}
          </label>
        ))}
      </div>
      {choice.outcome === 'signed' ? (
        <SignaturePadField
          label="The visitor’s signature"
          onChange={(png, strokeCount) =>
            step.setChoice({
              ...choice,
              signature: png ? { pngBase64: png.slice(pngPrefix.length), strokeCount } : undefined,
            })
          }
        />
      ) : null}
      {choice.outcome === 'readToThem' ? (
        <Field label="Read to them by" hint="The member of staff on shift who read the protocol to them.">
          {(wiring) => (
            <select
              className="input"
              {...wiring}
              value={choice.readById}
              onChange={(event) => step.setChoice({ ...choice, readById: event.target.value })}
            >
              <ActiveStaffOptions staff={staff} />
            </select>
          )}
        </Field>
      ) : null}
      {choice.outcome === 'declined' ? (
        <p className="door-protocol__declined">
          They can still be signed in. Their refusal is recorded with this visit and shown at the door; the
          Registered Manager decides what it means for their visits, so tell the duty manager.
        </p>
      ) : null}
    </fieldset>
  );
}
