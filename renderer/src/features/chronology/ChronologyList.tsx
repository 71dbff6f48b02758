import { useEffect, type MouseEvent } from 'react';
import { chronologyKindLabels } from '@shared/rules/chronology';
import type { ChronologyEntry } from '../../db/repositories/chronology-entries';
import { hashFor } from '../../common/routes';
import { useScrollerRows } from '../../common/useScrollerRows';
import { visitHref } from '../visits';
import { entryWords } from './chronology-words';
import { weekdayDayAndTime } from '@shared/home-time';

const rowHeight = 68;

type Props = {
  readonly entries: readonly ChronologyEntry[];
  readonly youngPersonId: string;
  readonly label: string;
  readonly personName: (id: string) => string | undefined;
  readonly staffName: (id: string) => string | undefined;
  readonly timeZone: string;
  /** Opens the records of the lines now drawn. */
  readonly ensureOpen: (entries: readonly ChronologyEntry[]) => void;
};

/** Where a line's link goes: the form, the visit, the register entry, or the restriction on this page. */
export function entryHref(entry: ChronologyEntry, youngPersonId: string): string {
  switch (entry.kind) {
    case 'contactForm':
      return hashFor('contact-forms', entry.recordId);
    case 'visit':
      return visitHref(entry.recordId);
    case 'door':
      return hashFor('register', entry.recordId);
    case 'restriction':
    case 'contactPlan':
      return hashFor('young-people', youngPersonId);
    default: {
      const unreachable: never = entry;
      return unreachable;
    }
  }
}

/** A restriction is shown on this same page: move to its card rather than reload the page. */
function showRestriction(event: MouseEvent<HTMLAnchorElement>, restrictionId: string) {
  const heading = document.getElementById(`restriction-${restrictionId}`);
  if (!heading) return;
  event.preventDefault();
  heading.tabIndex = -1;
  heading.scrollIntoView({ block: 'start' });
  heading.focus();
}

/**
 * The chronology as one scrolling list, newest first, a screenful drawn at a time (ten years can be
 * ten thousand lines): only the lines in view exist on the page, and only their records are opened.
 */
export function ChronologyList({
  entries,
  youngPersonId,
  label,
  personName,
  staffName,
  timeZone,
  ensureOpen,
}: Props) {
  const { scrollRef, virtualiser, rows } = useScrollerRows({
    count: entries.length,
    rowHeight,
    overscan: 6,
    firstRows: 8,
  });
  const first = rows[0]?.index ?? 0;
  const last = rows[rows.length - 1]?.index ?? -1;

  useEffect(() => {
    if (last >= first) ensureOpen(entries.slice(first, last + 1));
  }, [entries, first, last, ensureOpen]);

  return (
    <div
      ref={scrollRef}
      className="chronology__scroller"
      // As tall as its lines, up to most of the window: a definite height the list can scroll in.
      style={{ height: `min(60vh, 34rem, ${Math.max(entries.length, 1) * rowHeight + 2}px)` }}
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      <ul className="chronology__rows" style={{ height: virtualiser.getTotalSize() }}>
        {rows.map((row) => {
          const entry = entries[row.index];
          if (!entry) return null;
          const words = entryWords(entry, { personName, staffName, timeZone });
          return (
            <li
              key={entry.key}
              className="chronology__row"
              style={{ transform: `translateY(${row.start}px)`, height: row.size }}
              aria-posinset={row.index + 1}
              aria-setsize={entries.length}
            >
              <time className="chronology__when" dateTime={entry.at}>
                {weekdayDayAndTime(entry.at, timeZone)}
              </time>
              <span className="chronology__kind">{chronologyKindLabels[entry.kind]}</span>
              <span className="chronology__what">
                <a
                  href={entryHref(entry, youngPersonId)}
                  onClick={
                    entry.kind === 'restriction'
                      ? (event) => showRestriction(event, entry.recordId)
                      : undefined
                  }
                >
                  {words.title}
                </a>
                <span className="chronology__detail" title={words.detail || undefined}>
                  {words.detail}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
