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
export function VisitingChoices({ youngPeople, value, onChange, onBlur, hint, error }: Props) {
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
