import type { RestrictedParticipant } from '@shared/schemas/contact-forms';

/** On the form: who took part against a restriction, and that the manager knows. */
export function RestrictedParticipantsNotice({ participants }: { readonly participants: readonly RestrictedParticipant[] }) {
  if (participants.length === 0) return null;
  return (
    <div className="banner banner--error" role="alert">
      <p>
        <strong>A restricted person is recorded as taking part.</strong> The manager has been alerted, and this is marked on the form and its signed copy.
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
