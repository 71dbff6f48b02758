import { useWatch } from 'react-hook-form';
import type { Person } from '@shared/schemas/people';
import { Field, TextInput } from '../../ui/Field';
import type { DoorForm } from './door-form';
import { registeredPersonName, suggestPeople } from './registered-names';

/**
 * The visitor's name, as typed (the restriction check runs on it), with registered family and
 * friends whose names are like it. Choosing one links the entry to that person, so the check also
 * knows them by every name on their record.
 */
type Props = {
  readonly form: DoorForm;
  readonly people: readonly Person[];
  /** Typing a new name: the last visitor's confirmation and any ID checks belong to someone else. */
  readonly onNameChange: () => void;
  /** Enter in the name field checks the name at once; it never signs anyone in half-filled. */
  readonly onEnter: () => void;
};

export function VisitorNameField({ form, people, onNameChange, onEnter }: Props) {
  const [name, personId] = useWatch({ control: form.control, name: ['visitorName', 'personId'] });
  const linked = personId ? people.find((person) => person.id === personId) : undefined;
  const suggestions = linked ? [] : suggestPeople(people, name);
  const { isSubmitted } = form.formState;
  const nameField = form.register('visitorName', {
    // A name changed after choosing someone is no longer theirs: the link goes.
    onChange: () => {
      form.setValue('personId', undefined);
      onNameChange();
    },
  });

  const choose = (person: Person) => {
    form.setValue('visitorName', registeredPersonName(person), { shouldValidate: isSubmitted });
    form.setValue('personId', person.id);
    onNameChange();
  };

  return (
    <div className="door-name">
      <Field
        label="Visitor’s name"
        hint="Type their full name as they give it. It is checked against the restriction register as you type."
        error={form.formState.errors.visitorName?.message}
      >
        {(wiring) => (
          <TextInput
            {...wiring}
            {...nameField}
            autoComplete="off"
            spellCheck={false}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              onEnter();
            }}
          />
        )}
      </Field>
      {linked ? (
        <p className="door-name__linked">
          Linked to <strong>{registeredPersonName(linked)}</strong> in Family and friends.{' '}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              form.setValue('personId', undefined);
              onNameChange();
            }}
          >
            Unlink
          </button>
        </p>
      ) : null}
      {suggestions.length > 0 ? (
        <div className="door-suggestions" role="group" aria-labelledby="door-suggestions-title">
          <p id="door-suggestions-title" className="field__hint">
            Registered family and friends with a name like this:
          </p>
          <ul>
            {suggestions.map((person) => (
              <li key={person.id}>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => choose(person)}
                >
                  {registeredPersonName(person)}
                  {person.aliases.length > 0 ? (
                    <span className="muted"> (also known as {person.aliases.join(', ')})</span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
