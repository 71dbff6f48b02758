import type { ReactNode } from 'react';

type Props<Row> = {
  /** The form's field array (react-hook-form's useFieldArray): its rows, and adding and removing one. */
  readonly array: {
    readonly fields: readonly { readonly id: string }[];
    readonly append: (row: Row) => void;
    readonly remove: (index: number) => void;
  };
  /** What a new row starts as. */
  readonly blank: Row;
  /** The whole set's heading ("Related to"). */
  readonly legend: string;
  readonly hint?: ReactNode;
  /** What no rows means, in words ("No actions yet."), so a blank space is never left. */
  readonly empty: string;
  /**
   * What one row is ("Relationship"): the row is named "Relationship 2" and its button says
   * "Remove relationship 2", so a screen-reader user knows which row each control belongs to.
   */
  readonly rowName: string;
  /**
   * A row shows its name as a legend, or (where each field's label already says the row, as
   * "Action 2: what" does) carries it only as the group's accessible name.
   */
  readonly isRowNameShown?: boolean;
  readonly rowClassName: string;
  /** The fields of the row at this index. */
  readonly children: (index: number) => ReactNode;
  readonly addLabel: string;
  readonly isAddDisabled?: boolean;
};

/** A set of repeated rows in a form (actions, relationships, dates), each removable, with a button to add one. */
export function FieldArrayRows<Row>({
  array,
  blank,
  legend,
  hint,
  empty,
  rowName,
  isRowNameShown = true,
  rowClassName,
  children,
  addLabel,
  isAddDisabled,
}: Props<Row>) {
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {hint === undefined ? null : <p className="field__hint">{hint}</p>}
      {array.fields.length === 0 ? <p className="muted">{empty}</p> : null}
      {array.fields.map((row, index) => {
        const name = `${rowName} ${index + 1}`;
        const remove = (
          <div>
            <button type="button" className="button button--secondary" onClick={() => array.remove(index)}>
              Remove {name.toLowerCase()}
            </button>
          </div>
        );
        return isRowNameShown ? (
          <fieldset key={row.id} className={rowClassName}>
            <legend>{name}</legend>
            {children(index)}
            {remove}
          </fieldset>
        ) : (
          <div key={row.id} className={rowClassName} role="group" aria-label={name}>
            {children(index)}
            {remove}
          </div>
        );
      })}
      <div>
        <button
          type="button"
          className="button button--secondary"
          disabled={isAddDisabled}
          onClick={() => array.append(blank)}
        >
          {addLabel}
        </button>
      </div>
    </fieldset>
  );
}
