import type { ReactNode } from 'react';

type Props = {
  readonly children: ReactNode;
  /** The work the button starts (a check, a print, a retry); its promise is handled here. */
  readonly onRun: () => Promise<unknown>;
  /** Off while the work runs, or until what it needs is there, so it cannot be started twice. */
  readonly isDisabled: boolean;
  readonly isSecondary?: boolean;
};

/** A button that starts asynchronous work and is off while it cannot start it again. */
export function TaskButton({ children, onRun, isDisabled, isSecondary = false }: Props) {
  return (
    <button
      type="button"
      className={isSecondary ? 'button button--secondary' : 'button'}
      disabled={isDisabled}
      onClick={() => void onRun()}
    >
      {children}
    </button>
  );
}
