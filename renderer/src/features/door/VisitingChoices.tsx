import type { YoungPerson } from '@shared/schemas/people';
import { displayName } from '@shared/display-names';

type Props = {
  readonly youngPeople: readonly YoungPerson[];
  readonly value: readonly string[] | undefined;
  readonly onChange: (ids: string[]) => void;
  readonly onBlur?: () => void;
  readonly hint: string;
  readonly error?: string | undefined;
};

/**
 * Whom the visitor has come to see: one tick each. Held as one list of ids (react-hook-form's own
 * checkbox arrays turn into a boolean when there is only one box), so forms wrap it in a Controller.
 */
function VisitingChoices({ youngPeople, value, onChange, onBlur, hint, error }: Props) {
  const chosen = value ?? [];
  const toggle = (id: string, isChecked: boolean) =>
    onChange(isChecked ? [...chosen, id] : chosen.filter((item) => item !== id));
  return (
    <fieldset className="fieldset door-visiting">
      <legend>Whom are they visiting?</legend>
      <p className="field__hint">{hint}</p>
      {error ? <p className="field__error">{error}</p> : null}
      {youngPeople.length === 0 ? <p className="muted">No young people are recorded yet.</p> : null}
      <div className="door-visiting__list">
        {youngPeople.map((youngPerson) => (
          <label key={youngPerson.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(youngPerson.id)}
              onChange={(event) => toggle(youngPerson.id, event.target.checked)}
              onBlur={onBlur}
            />
            {displayName(youngPerson)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** What a Controller gives its render for a list of ids: the value, its handlers and its error. */
type ControlledIds = {
  readonly field: {
    readonly value: readonly string[] | undefined;
    readonly onChange: (ids: string[]) => void;
    readonly onBlur: () => void;
  };
  readonly fieldState: { readonly error?: { readonly message?: string | undefined } | undefined };
};

/**
 * The choices as a Controller's `render` for a form's `visitingYoungPersonIds`, so signing in and
 * correcting an entry ask the same way and differ only in the hint.
 */
export function renderVisitingChoices(youngPeople: readonly YoungPerson[], hint: string) {
  return function ControlledVisitingChoices({ field, fieldState }: ControlledIds) {
    return (
      <VisitingChoices
        youngPeople={youngPeople}
        value={field.value}
        onChange={field.onChange}
        onBlur={field.onBlur}
        error={fieldState.error?.message}
        hint={hint}
      />
    );
  };
}
