import type { ReactNode } from 'react';

type Props<Item> = {
  /** The list, or undefined while it is still being read. */
  readonly items: readonly Item[] | undefined;
  /** What is being done while it is read ("Checking the contact plans…"), announced politely. */
  readonly loading: ReactNode;
  /** What an empty list means, in words ("No alerts yet."), so a blank space is never left. */
  readonly empty: ReactNode;
  /** The list itself, once it has something in it. */
  readonly children: (items: readonly Item[]) => ReactNode;
};

/** A list read from the store: a status line while it is read, a line saying it is empty, or the list. */
export function LoadedList<Item>({ items, loading, empty, children }: Props<Item>) {
  if (items === undefined) return <p role="status">{loading}</p>;
  if (items.length === 0) return <p className="empty">{empty}</p>;
  return <>{children(items)}</>;
}
