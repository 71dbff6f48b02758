import type { ComponentProps } from 'react';
import { Panel } from './Panel';
import { useFocusOnOpen } from './useFocusOnOpen';

/**
 * A panel that opens on a screen (a form, a review): its heading takes the focus as it opens, so
 * keyboard and screen-reader users land in it and hear what it is.
 */
export function OpeningPanel(props: Omit<ComponentProps<typeof Panel>, 'headingRef'>) {
  const headingRef = useFocusOnOpen();
  return <Panel {...props} headingRef={headingRef} />;
}
