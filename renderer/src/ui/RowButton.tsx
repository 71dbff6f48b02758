import type { ReactNode } from 'react';

type Props = {
  /** The short word on the button ("Edit"), the same on every row. */
  readonly children: ReactNode;
  /**
   * Its accessible name, saying which row it acts on ("Edit Sam Taylor’s details"): a column of
   * buttons that are all called "Edit" would not tell a screen-reader user which is which.
   */
  readonly name: string;
  readonly onClick: () => void;
};

/** A button on one row of a table or list, named for the row it acts on. */
export function RowButton({ children, name, onClick }: Props) {
  return (
    <button type="button" className="button button--secondary" aria-label={name} onClick={onClick}>
      {children}
    </button>
  );
}
