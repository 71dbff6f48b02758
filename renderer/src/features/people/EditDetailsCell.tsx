import { RowButtonCell } from '../../ui/RowButtonCell';

type Props<Entry> = {
  /** The person as the table names them. */
  readonly name: string;
  readonly entry: Entry;
  /** Undefined for someone who may not edit: then there is no cell. */
  readonly onEdit: ((entry: Entry) => void) | undefined;
};

/** The last cell of a row of people: "Edit", named for whose details it opens. */
export function EditDetailsCell<Entry>({ name, entry, onEdit }: Props<Entry>) {
  return (
    <RowButtonCell name={`Edit ${name}’s details`} onClick={onEdit ? () => onEdit(entry) : undefined}>
      Edit
    </RowButtonCell>
  );
}
