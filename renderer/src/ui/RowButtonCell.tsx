import type { ReactNode } from 'react';
import { RowButton } from './RowButton';

type Props = {
  /** The short word on the button ("Edit"). */
  readonly children: ReactNode;
  /** Its accessible name, saying which row it acts on ("Edit Sam Taylor’s details"). */
  readonly name: string;
  /** Undefined for someone who may not do it: then the table has no Actions column and no cell. */
  readonly onClick: (() => void) | undefined;
};

/** The last cell of a row in a table with an Actions column: the row's one button, for those who may press it. */
export function RowButtonCell({ children, name, onClick }: Props) {
  if (!onClick) return null;
  return (
    <td>
      <RowButton name={name} onClick={onClick}>
        {children}
      </RowButton>
    </td>
  );
}
