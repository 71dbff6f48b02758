import type { AriaRole, ReactNode, Ref } from 'react';

type Props = {
  /** The heading's id, which names the panel for screen readers. */
  readonly titleId: string;
  readonly title: ReactNode;
  /** The heading's level, by where the panel stands: on a screen (2) or within a section (3, 4). */
  readonly level?: 2 | 3 | 4;
  readonly className?: string;
  /** Only where the panel is more than a region: an alert to read out at once, say. */
  readonly role?: AriaRole;
  /** For a heading that takes the focus; such a heading can be focused by script, not by Tab. */
  readonly headingRef?: Ref<HTMLHeadingElement>;
  readonly children: ReactNode;
};

/** A titled panel: a section named by its heading, so screen readers list it among the landmarks. */
export function Panel({ titleId, title, level = 2, className = 'panel', role, headingRef, children }: Props) {
  const Heading = `h${level}` as const;
  return (
    <section className={className} role={role} aria-labelledby={titleId}>
      <Heading id={titleId} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
