import type { FormEvent, ReactNode } from 'react';

/**
 * A form that says what is wrong beside each field itself, so the browser's own checks (and their
 * bubbles, which screen readers miss) are off; its submit may be asynchronous, and never reloads
 * the window, so a handler that is not react-hook-form's own needs nothing more.
 */
export function SubmitForm({
  label,
  onSubmit,
  className = 'form',
  children,
}: {
  /** The form's accessible name ("Record a restriction"). */
  readonly label: string;
  readonly onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void> | void;
  readonly className?: string;
  readonly children: ReactNode;
}) {
  return (
    <form
      onSubmit={(event) => {
        // The handler saves or acts; the browser's own submit would reload the window.
        event.preventDefault();
        void onSubmit(event);
      }}
      noValidate
      className={className}
      aria-label={label}
    >
      {children}
    </form>
  );
}
