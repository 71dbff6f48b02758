import { useState } from 'react';
import {
  compartmentsToRotate,
  rotatableCompartmentLabels,
  rotationOfferText,
  rotationProgress,
  rotationProgressText,
} from '@shared/rules/key-rotation';
import { rotatableCompartments, type RotatableCompartment } from '@shared/schemas/key-rotation';
import type { StaffMember } from '@shared/schemas/staff';
import { listInWords } from '@shared/word-lists';
import { Banner } from '../../ui/Banner';
import { useKeyRotation } from './useKeyRotation';
import { Panel } from '../../ui/Panel';
import './key-rotation.css';

function keyNames(compartments: readonly RotatableCompartment[]): string {
  const labels = compartments.map((compartment) => rotatableCompartmentLabels[compartment]);
  return `${labels.join(' and ')} ${labels.length === 1 ? 'key' : 'keys'}`;
}

/**
 * Changing the keys that open door, casework and manager-only records (need to know by keys):
 * offered straight after someone who could read them is switched off (the door key after anyone,
 * since everyone holds it), and always available here. While
 * records are sealed again under the new key each change shows its progress; the app can be used
 * meanwhile, and a change that is stopped carries on at the manager's next sign-in.
 */
/** Colleagues with no key pair could not be given the new key; a reset password gives it them. */
function leftOutWords(names: readonly string[]): string {
  if (names.length === 0) return '';
  const who = listInWords(names);
  return ` ${who} could not be given the new key: ${names.length === 1 ? 'their account has' : 'their accounts have'} not been signed in to since keys were given by account. Reset ${names.length === 1 ? 'their password' : 'each one’s password'} once the change has finished, so they can sign in again.`;
}

export function KeyRotationPanel({ leaver }: { readonly leaver: StaffMember | undefined }) {
  const { underWay, finished, start } = useKeyRotation();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);
  const running = new Set(underWay?.map((state) => state.compartment));
  // A key changed since the leaver was switched off is not offered again.
  const changed = new Set([...running, ...finished.map((outcome) => outcome.compartment)]);
  const offered = leaver
    ? compartmentsToRotate(leaver).filter((compartment) => !changed.has(compartment))
    : [];
  const offer = leaver ? rotationOfferText(leaver.name, offered) : undefined;

  const change = async (compartments: readonly RotatableCompartment[]) => {
    setBusy(true);
    setMessage(undefined);
    const result = await start(compartments);
    setBusy(false);
    setMessage(
      result.ok
        ? {
            tone: 'success',
            text: `The ${keyNames(compartments)} ${compartments.length === 1 ? 'is' : 'are'} changed: everything saved from now on is sealed under the new ${compartments.length === 1 ? 'one' : 'ones'}. Older records are being sealed again below.${compartments.includes('door') ? ' Colleagues are given the new door key when they next sign in with their own password; they need do nothing.' : ''}${leftOutWords(result.value.leftOut)}`,
          }
        : { tone: 'error', text: result.error.message },
    );
  };

  return (
    <Panel titleId="keys-title" title="Keys to the records">
      {offer ? (
        <div className="banner banner--info" role="status">
          <p>{offer}</p>
          <button type="button" className="button" disabled={busy} onClick={() => void change(offered)}>
            Change the {keyNames(offered)} now
          </button>
        </div>
      ) : null}
      {message ? <Banner tone={message.tone}>{message.text}</Banner> : null}
      {underWay?.map((state) => {
        const { done, total } = rotationProgress(state);
        const id = `key-rotation-${state.compartment}`;
        return (
          <div key={state.compartment} className="key-rotation">
            <label htmlFor={id}>{rotationProgressText(state)}</label>
            <progress id={id} max={Math.max(total, 1)} value={done} />
          </div>
        );
      })}
      {underWay && underWay.length > 0 ? (
        <p className="muted">
          You can carry on using Family Links meanwhile. If this stops (the screen locks, you sign out or the
          window closes), it carries on from where it stopped when you next sign in.
        </p>
      ) : null}
      {finished.map((outcome) => (
        <Banner key={outcome.compartment} tone="success">
          The {rotatableCompartmentLabels[outcome.compartment]} key is changed. {outcome.resealed}{' '}
          {outcome.resealed === 1 ? 'record was' : 'records were'} sealed again and the old key is deleted, so
          a copy of it opens nothing.
          {outcome.damaged > 0
            ? ` ${outcome.damaged} damaged ${outcome.damaged === 1 ? 'record' : 'records'} could not be opened and ${outcome.damaged === 1 ? 'was' : 'were'} left as ${outcome.damaged === 1 ? 'it was' : 'they were'}.`
            : ''}
        </Banner>
      ))}
      <p>
        When someone leaves, change the keys they held: the door key always, since everyone holds it (names,
        the door check and the visitor register), and the casework and manager-only keys if they could read
        those. Everyone still here is given the new key at once; a copy of the old key taken while they worked
        here opens nothing once the records are sealed again. Each person’s declarations key is their own and
        is not changed.
      </p>
      <div className="row-actions">
        {rotatableCompartments.map((compartment) => (
          <button
            key={compartment}
            type="button"
            className="button button--secondary"
            disabled={busy || running.has(compartment)}
            onClick={() => void change([compartment])}
          >
            Change the {rotatableCompartmentLabels[compartment]} key
          </button>
        ))}
      </div>
    </Panel>
  );
}
