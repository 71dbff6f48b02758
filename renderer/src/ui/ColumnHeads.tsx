type Props = {
  /** Each column's heading, in order; a name is used once per table. */
  readonly columns: readonly string[];
  /**
   * A last column for each row's buttons. Its heading is for screen readers only: "Actions" says
   * what the column holds without a visible word above a row of buttons.
   */
  readonly hasActions?: boolean | undefined;
  /** That column's hidden heading where the buttons do one thing ("Open"); "Actions" otherwise. */
  readonly actionsHeading?: string;
};

/** A table's head row: one column heading a name, and (where rows have buttons) an Actions column. */
export function ColumnHeads({ columns, hasActions = false, actionsHeading = 'Actions' }: Props) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {column}
          </th>
        ))}
        {hasActions ? (
          <th scope="col">
            <span className="visually-hidden">{actionsHeading}</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}
