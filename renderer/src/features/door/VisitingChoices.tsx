import type { YoungPerson } from '@shared/schemas/people';
import { displayName } from '@shared/display-names';
import { IdChoices } from '../../ui/IdChoices';

type Props = {
  readonly youngPeople: readonly YoungPerson[];
  readonly value: readonly string[] | undefined;
  readonly onChange: (ids: string[]) => void;
  readonly onBlur?: () => void;
  readonly hint: string;
  readonly error?: string | undefined;
};

/** Whom the visitor has come to see: one tick each young person. */
function VisitingChoices({ youngPeople, ...field }: Props) {
  return (
    <IdChoices
      {...field}
      legend="Whom are they visiting?"
      choices={youngPeople.map((youngPerson) => ({ id: youngPerson.id, label: displayName(youngPerson) }))}
      emptyText="No young people are recorded yet."
      className="fieldset door-visiting"
      listClassName="door-visiting__list"
    />
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
