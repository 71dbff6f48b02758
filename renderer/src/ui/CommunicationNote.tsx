/**
 * How a family member communicates, in one short line under their name where contact with them
 * is arranged or happens ("Speaks Polish; needs an interpreter. Prefers phone calls after 6pm.").
 * Nothing when nothing is recorded.
 */
export function CommunicationNote({
  text,
  name,
}: {
  readonly text: string | undefined;
  readonly name: string;
}) {
  if (!text) return null;
  return (
    <p className="communication-note">
      <span className="visually-hidden">How {name} communicates: </span>
      {text}
    </p>
  );
}

/**
 * The same for the people chosen on a booking or a contact form: one line each, for those with
 * something recorded; nothing when nobody has.
 */
export function CommunicationNotes({
  people,
}: {
  readonly people: readonly {
    readonly id: string;
    readonly name: string;
    readonly text: string | undefined;
  }[];
}) {
  const noted = people.filter((person) => person.text);
  if (noted.length === 0) return null;
  return (
    <div className="communication-notes" role="note" aria-label="How they communicate">
      <p className="field__label">How they communicate</p>
      <ul>
        {noted.map((person) => (
          <li key={person.id}>
            <strong>{person.name}:</strong> {person.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
