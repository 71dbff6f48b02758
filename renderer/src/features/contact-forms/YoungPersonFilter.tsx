import type { ChangeEvent } from 'react';
import { displayName } from '@shared/display-names';
import type { YoungPerson } from '@shared/schemas/people';
import { LabelledOptionSelect } from '../../ui/LabelledSelect';

type Props = {
  /** What choosing nobody means here ("Everyone", "Every young person"). */
  readonly emptyLabel: string;
  /** Undefined while still being read: the list is empty until then. */
  readonly youngPeople: readonly YoungPerson[] | undefined;
  readonly value: string;
  readonly onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
};

/** "Young person": narrows forms to one young person, each named as the home calls them. */
export function YoungPersonFilter({ emptyLabel, youngPeople, value, onChange }: Props) {
  return (
    <LabelledOptionSelect
      label="Young person"
      emptyLabel={emptyLabel}
      options={(youngPeople ?? []).map((person) => ({ value: person.id, label: displayName(person) }))}
      value={value}
      onChange={onChange}
    />
  );
}
