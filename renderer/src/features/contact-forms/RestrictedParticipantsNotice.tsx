import type { RestrictedParticipant } from '@shared/schemas/contact-forms';

const leads = {
  saved: {
    heading: 'A restricted person is recorded as taking part.',
    uncheckedHeading: 'This contact could not be checked against a restriction.',
    text: 'The manager has been alerted, and this is marked on the form and its signed copy.',
  },
  beforeSaving: {
    heading: 'Before you save: a restriction applies to someone named here.',
    uncheckedHeading: 'Before you save: a restriction on the register could not be read.',
    text: 'Record what happened as it happened. When you save, the form is marked and the manager is alerted.',
  },
} as const;

/**
 * On the form: who took part against a restriction. Once saved, the manager knows (an alert); while
 * the form is being written, a warning that saving will tell them.
 */
export function RestrictedParticipantsNotice({
  participants,
  when = 'saved',
}: {
  readonly participants: readonly RestrictedParticipant[];
  readonly when?: keyof typeof leads;
}) {
  if (participants.length === 0) return null;
  const lead = leads[when];
  const isOnlyUnchecked = participants.every((item) => item.verdict === 'unchecked');
  return (
    <div
      className={`banner banner--error${when === 'beforeSaving' ? ' restricted-preview' : ''}`}
      role={when === 'saved' ? 'alert' : undefined}
    >
      <p>
        <strong>{isOnlyUnchecked ? lead.uncheckedHeading : lead.heading}</strong> {lead.text}
      </p>
      <ul>
        {participants.map((item) => (
          <li key={item.restrictionId}>
            <strong>{item.name}</strong>: {item.summary}
          </li>
        ))}
      </ul>
    </div>
  );
}
