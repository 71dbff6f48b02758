import type { ReactNode } from 'react';

type Props = {
  readonly children: ReactNode;
  readonly onClick: () => void;
  /** Off until what it needs has been read (the staff list, the family), so it cannot open half-ready. */
  readonly isDisabled?: boolean | undefined;
  /** A lesser action beside the page's main one (edit details, add to a group) is drawn as secondary. */
  readonly isSecondary?: boolean | undefined;
};

/** A toolbar holding the one button that starts a screen's or a section's task ("Add a young person"). */
export function ToolbarButton({ children, onClick, isDisabled, isSecondary = false }: Props) {
  return (
    <div className="toolbar">
      <button
        type="button"
        className={isSecondary ? 'button button--secondary' : 'button'}
        disabled={isDisabled}
        onClick={onClick}
      >
        {children}
      </button>
    </div>
  );
}
