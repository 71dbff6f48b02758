import { FormReferenceLink } from '../contact-forms';
import { useEffect, useRef, useState } from 'react';
import { displayPersonName } from '@shared/display-names';
import { visitKindLabels, visitStatusLabels, type Visit, type VisitStatus } from '@shared/schemas/visits';
import { describeSlot } from '@shared/rules/visit-conflicts';
import { clockTime } from '@shared/home-time';
import { formatUkDate } from '@shared/format-dates';
import { formatDeadlineInstant } from '@shared/rules/contact-form-deadline';
import { Banner } from '../../ui/Banner';
import { Field, TextInput } from '../../ui/Field';
import type { VisitActions } from './useVisitActions';
import { useFamilyOfMany } from './useFamilyOfMany';
import type { VisitDirectory } from './useVisitDirectory';
import { SubmitForm } from '../../ui/SubmitForm';
import { Panel } from '../../ui/Panel';

type Props = {
  readonly visit: Visit;
  readonly actions: VisitActions;
  readonly directory: VisitDirectory;
  readonly timeZone: string;
  readonly onChange: (visit: Visit) => void;
  readonly onClose: () => void;
};

const repeatWords = { weekly: 'every week', fortnightly: 'every two weeks', monthly: 'every month' } as const;
const isOpen = (status: VisitStatus) => status === 'planned' || status === 'confirmed';

/** One visit: who, when, where, and what can happen to it next (confirm, complete, cancel, did not attend, move). */
export function VisitDetails({ visit, actions, directory, timeZone, onChange, onClose }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [message, setMessage] = useState<
    | {
        tone: 'error' | 'success';
        text: string;
        forms?: readonly { id: string; reference: string; dueAt: string }[];
      }
    | undefined
  >();
  const [isCancelling, setIsCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const family = useFamilyOfMany(visit.youngPersonIds);

  useEffect(() => headingRef.current?.focus(), [visit.id]);

  const setStatus = async (status: VisitStatus, why = '') => {
    setMessage(undefined);
    const result = await actions.setStatus(visit.id, { status, reason: why });
    if (!result.ok) {
      if (result.error.fields?.reason) setReasonError(result.error.fields.reason);
      setMessage({ tone: 'error', text: result.error.message });
      return;
    }
    setIsCancelling(false);
    const { problems, dueForms } =
      status === 'completed' ? await actions.afterCompleted([result.value]) : { problems: [], dueForms: [] };
    const done =
      status === 'completed'
        ? `Marked completed. The contact form is now due, counted from the end of the visit${dueForms.length > 0 ? ':' : '.'}`
        : status === 'cancelled'
          ? 'Visit cancelled. Its room and staff are free again.'
          : `Marked ${visitStatusLabels[status].toLowerCase()}.`;
    const forms = status === 'completed' ? dueForms : [];
    setMessage(
      problems.length > 0
        ? { tone: 'error', text: `${done} ${problems.join(' ')}`, forms }
        : { tone: 'success', text: done, forms },
    );
  };

  const people = visit.personIds.map((id) => {
    const member = family?.find((entry) => entry.person.id === id);
    return member ? displayPersonName(member.person) : 'Someone no longer in the family list';
  });

  // Signed in at the door from the list of expected visitors (the register entry names the visit).
  const firstArrival = (visit.arrivals ?? []).map((arrival) => arrival.at).sort()[0];
  return (
    <Panel
      titleId="visit-details-title"
      title={
        <>
          {visitKindLabels[visit.kind]}: {visit.youngPersonIds.map(directory.youngPersonName).join(', ')}
        </>
      }
      className="panel visit-details"
      headingRef={headingRef}
    >
      {message ? (
        <Banner tone={message.tone}>
          {message.text}
          {(message.forms ?? []).map((form, index) => (
            <span key={form.id}>
              {index === 0 ? ' ' : '; '}
              <FormReferenceLink formId={form.id} reference={form.reference} />, due by{' '}
              {formatDeadlineInstant(form.dueAt, timeZone)}
            </span>
          ))}
          {(message.forms ?? []).length > 0 ? '.' : null}
        </Banner>
      ) : null}
      <dl className="details">
        <dt>When</dt>
        <dd>{describeSlot(visit, timeZone)}</dd>
        <dt>Status</dt>
        <dd>
          {visitStatusLabels[visit.status]}
          {visit.status === 'cancelled' && visit.cancelledReason ? `: ${visit.cancelledReason}` : ''}
          {firstArrival
            ? `. Arrived: signed in at the front door at ${clockTime(firstArrival, timeZone)}`
            : ''}
        </dd>
        {visit.repeats ? (
          <>
            <dt>Repeats</dt>
            <dd>
              {repeatWords[visit.repeats.frequency]} until {formatUkDate(visit.repeats.until)}
            </dd>
          </>
        ) : null}
        <dt>Family coming</dt>
        <dd>{people.length > 0 ? people.join(', ') : 'No one named'}</dd>
        <dt>Staff</dt>
        <dd>
          {visit.staffIds.length > 0 ? visit.staffIds.map(directory.staffName).join(', ') : 'No one named'}
        </dd>
        <dt>Supervising</dt>
        <dd>{visit.supervisingStaffId ? directory.staffName(visit.supervisingStaffId) : 'No one'}</dd>
        <dt>Room</dt>
        <dd>{visit.roomId ? directory.roomName(visit.roomId) : 'No room'}</dd>
        <dt>Transport</dt>
        <dd>{visit.transport || 'None given'}</dd>
        <dt>Notes</dt>
        <dd>{visit.notes || 'None, or not yours to see'}</dd>
      </dl>
      {isOpen(visit.status) ? (
        <div className="form__actions" role="group" aria-label="What happens to this visit">
          {visit.status === 'planned' ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void setStatus('confirmed')}
            >
              Confirm
            </button>
          ) : null}
          <button type="button" className="button button--secondary" onClick={() => onChange(visit)}>
            Change or move
          </button>
          <button type="button" className="button" onClick={() => void setStatus('completed')}>
            Mark completed
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void setStatus('didNotAttend')}
          >
            Did not attend
          </button>
          <button type="button" className="button button--secondary" onClick={() => setIsCancelling(true)}>
            Cancel visit…
          </button>
        </div>
      ) : (
        <p>This visit is {visitStatusLabels[visit.status].toLowerCase()}, so it stays as it is.</p>
      )}
      {isCancelling ? (
        <SubmitForm label="Cancel this visit" onSubmit={() => setStatus('cancelled', reason.trim())}>
          <Field
            label="Why is it cancelled?"
            hint="For example “Mum unwell”. Kept with the visit."
            error={reasonError}
          >
            {(wiring) => (
              <TextInput
                {...wiring}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                autoComplete="off"
              />
            )}
          </Field>
          <div className="form__actions">
            <button type="submit" className="button button--danger">
              Cancel the visit
            </button>
            <button type="button" className="button button--secondary" onClick={() => setIsCancelling(false)}>
              Keep the visit
            </button>
          </div>
        </SubmitForm>
      ) : null}
      <button type="button" className="button button--secondary" onClick={onClose}>
        Close
      </button>
    </Panel>
  );
}
