import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';

type Options = {
  /** How many rows the list has in all. */
  readonly count: number;
  /** A row's height in pixels: fixed, or the estimate until the row is measured. */
  readonly rowHeight: number;
  /** Rows drawn beyond each edge of the view, so a quick scroll rarely shows a gap. */
  readonly overscan: number;
  /** How many rows to draw on the first render, before the scroller has been measured. */
  readonly firstRows: number;
  /** What sits above the rows inside the scroller (a table's head), in pixels. */
  readonly scrollMargin?: number;
  /**
   * Which record a row holds, where rows can arrive above others (a log, newest first): each
   * row's measured height is then kept for its record, not for its place, so a row added at the
   * top does not take the height of the one it pushed down. Keep it stable between renders.
   */
  readonly keyOf?: (index: number) => number | string;
};

/**
 * A long list drawn a screenful at a time: only the rows in view (and `overscan` either side)
 * exist on the page. Give `scrollRef` to the scrolling element and draw `rows`, each placed at
 * its `start`, inside an element `virtualiser.getTotalSize()` tall.
 */
export function useScrollerRows({ count, rowHeight, overscan, firstRows, scrollMargin = 0, keyOf }: Options) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualiser hands back functions React Compiler cannot memoise; a list re-renders on scroll by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualiser = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    scrollMargin,
    initialRect: { width: 0, height: firstRows * rowHeight },
    ...(keyOf ? { getItemKey: keyOf } : {}),
  });
  return { scrollRef, virtualiser, rows: virtualiser.getVirtualItems() };
}
