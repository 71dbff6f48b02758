import { useEffect, useRef } from 'react';

/** A ref for a panel's heading that takes the focus when the panel opens, so keyboard and screen-reader users land in it. */
export function useFocusOnOpen<Element extends HTMLElement = HTMLHeadingElement>() {
  const ref = useRef<Element>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
