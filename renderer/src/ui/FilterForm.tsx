import type { ReactNode } from 'react';

/**
 * A form of filters that apply as they change, with no button to send: pressing Enter in one of
 * its boxes must not submit it, which would reload the screen and lose what was chosen.
 */
export function FilterForm({
  label,
  className,
  children,
}: {
  /** The form's accessible name ("Filter the audit log"). */
  readonly label: string;
  readonly className: string;
  readonly children: ReactNode;
}) {
  return (
    <form className={className} aria-label={label} onSubmit={(event) => event.preventDefault()}>
      {children}
    </form>
  );
}
