type Props = {
  /** Each column's heading, in order; a name is used once per table. */
  readonly columns: readonly string[];
  /**
   * A last column for each row's buttons. Its heading is for screen readers only: "Actions" says
   * what the column holds without a visible word above a row of buttons.
   */
  readonly hasActions?: boolean | undefined;
};

/** A table's head row: one column heading a name, and (where rows have buttons) an Actions column. */
export function ColumnHeads({ columns, hasActions = false }: Props) {
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
            <span className="visually-hidden">Actions</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}
