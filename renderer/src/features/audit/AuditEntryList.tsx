import { useCallback, useEffect } from 'react';
import { dayAndTime } from '@shared/home-time';
import { useScrollerRows } from '../../common/useScrollerRows';
import { auditActionLabel } from './audit-action-labels';
import { auditActorWords, auditDetailWords, auditRecordWords, type AuditNames } from './audit-entry-words';
import type { AuditLogMatches } from './useAuditLogSearch';

/** A one-line entry's height; longer details wrap and their rows are measured as drawn. */
const estimatedRowHeight = 46;
/** The column headings' height: the list's rows start below them inside the scroller. */
const headHeight = 42;
/** Entries read ahead of and behind the rows in view, so scrolling rarely shows a blank row. */
const readAhead = 60;

/** "1 Jan 2026, 09:00" on the home's clock. */
function when(instant: string, timeZone: string): string {
  return Number.isNaN(Date.parse(instant)) ? 'unknown time' : dayAndTime(instant, timeZone);
}

type Props = {
  readonly matches: AuditLogMatches & { readonly seqs: readonly number[] };
  readonly names: AuditNames;
  readonly timeZone: string;
};

/**
 * The audit log's entries as one scrolling table, newest first, a screenful drawn at a time (a
 * home keeps years of entries): only the rows in view exist on the page, each entry read as it
 * comes near the view. A table (with `aria-rowcount` and each row's `aria-rowindex`) so a screen
 * reader names each cell's column and says where in the whole log a row is; the scroller is a
 * labelled region that takes the keyboard (arrows, Page Up and Page Down).
 */
export function AuditEntryList({ matches, names, timeZone }: Props) {
  const { seqs, loaded, ensureLoaded } = matches;
  const entryAt = useCallback((index: number) => seqs[index] ?? -index, [seqs]);
  const { scrollRef, virtualiser, rows } = useScrollerRows({
    keyOf: entryAt,
    count: seqs.length,
    rowHeight: estimatedRowHeight,
    overscan: 8,
    firstRows: 12,
    scrollMargin: headHeight,
  });
  const first = rows[0]?.index ?? 0;
  const last = rows[rows.length - 1]?.index ?? 0;

  useEffect(() => {
    ensureLoaded(first - readAhead / 2, last + readAhead);
  }, [first, last, ensureLoaded]);

  return (
    <div
      ref={scrollRef}
      className="audit-list__scroller"
      // As tall as its rows (as measured), up to most of the window: a definite height to scroll in.
      style={{ height: `min(62vh, 40rem, ${headHeight + virtualiser.getTotalSize() + 2}px)` }}
      tabIndex={0}
      role="region"
      aria-label="Audit log entries (scroll for more)"
    >
      <div role="table" aria-label="Audit log entries, newest first" aria-rowcount={seqs.length + 1}>
        <div role="rowgroup" className="audit-list__head" style={{ height: headHeight }}>
          <div role="row" aria-rowindex={1} className="audit-list__row">
            <span role="columnheader">No.</span>
            <span role="columnheader">When</span>
            <span role="columnheader">Who</span>
            <span role="columnheader">What</span>
            <span role="columnheader">Record</span>
            <span role="columnheader">Detail</span>
          </div>
        </div>
        <div role="rowgroup" className="audit-list__body" style={{ height: virtualiser.getTotalSize() }}>
          {rows.map((row) => {
            const seq = seqs[row.index];
            const entry = seq === undefined ? undefined : loaded.get(seq);
            return (
              <div
                key={seq ?? row.index}
                role="row"
                aria-rowindex={row.index + 2}
                data-index={row.index}
                ref={virtualiser.measureElement}
                className="audit-list__row audit-list__entry"
                style={{ transform: `translateY(${row.start - headHeight}px)` }}
              >
                {entry ? (
                  <>
                    <span role="cell">{entry.seq}</span>
                    <span role="cell" className="audit-list__when">
                      {when(entry.at, timeZone)}
                    </span>
                    <span role="cell" className={entry.actorId ? undefined : 'muted'}>
                      {auditActorWords(entry, names)}
                    </span>
                    <span role="cell">{auditActionLabel(entry.action)}</span>
                    <span role="cell">{auditRecordWords(entry, names)}</span>
                    <span role="cell" className="muted breaks-anywhere">
                      {auditDetailWords(entry.detail, timeZone, names)}
                    </span>
                  </>
                ) : (
                  <>
                    <span role="cell">{seq}</span>
                    <span role="cell" className="muted">
                      Reading…
                    </span>
                    <span role="cell" />
                    <span role="cell" />
                    <span role="cell" />
                    <span role="cell" />
                  </>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
