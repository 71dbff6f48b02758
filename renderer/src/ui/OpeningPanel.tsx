import type { ReactNode } from 'react';
import { useFocusOnOpen } from './useFocusOnOpen';

type Props = {
  /** The heading's id, which names the panel for screen readers. */
  readonly titleId: string;
  readonly title: ReactNode;
  /** The heading's level, by where the panel opens: on a screen (2) or within a section (3, 4). */
  readonly level?: 2 | 3 | 4;
  readonly className?: string;
  readonly children: ReactNode;
};

/**
 * A panel that opens on a screen (a form, a review): its heading takes the focus as it opens, so
 * keyboard and screen-reader users land in it and hear what it is.
 */
export function OpeningPanel({ titleId, title, level = 2, className = 'panel', children }: Props) {
  const headingRef = useFocusOnOpen();
  const Heading = `h${level}` as const;
  return (
    <section className={className} aria-labelledby={titleId}>
      <Heading id={titleId} ref={headingRef} tabIndex={-1}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
