import { useEffect } from 'react';
import { dayAndTime } from '@shared/home-time';
import { contactKindLabels } from '@shared/schemas/contact-forms';
import type {
  ContactFormListFilter,
  ContactFormListItem,
} from '../../db/repositories/contact-form-list-repository';
import { useScrollerRows } from '../../common/useScrollerRows';
import { FormReferenceLink } from './FormReferenceLink';
import { useContactFormList } from './useContactFormList';

const statusText: Readonly<Record<ContactFormListItem['status'], string>> = {
  due: 'Due',
  overdue: 'Overdue',
  filed: 'Filed',
  filedLate: 'Filed late',
};

const rowHeight = 52;

type Props = {
  readonly filter: ContactFormListFilter;
  readonly label: string;
  readonly youngPersonName: (id: string) => string;
  readonly staffName: (id: string) => string;
  readonly timeZone: string;
};

/**
 * Contact forms as one scrolling list, newest contact first, a screenful drawn at a time (a home
 * keeps ~100k): only the rows in view exist on the page, and the next page is read as the end
 * comes into view. Each row names the form by its reference (a link to it), the young person,
 * the kind, when, who wrote it and where it stands.
 */
export function ContactFormsList({ filter, label, youngPersonName, staffName, timeZone }: Props) {
  const list = useContactFormList(filter);
  const count = list.items.length + (list.isComplete ? 0 : 1);
  const { scrollRef, virtualiser, rows } = useScrollerRows({ count, rowHeight, overscan: 8, firstRows: 10 });
  const lastShown = rows[rows.length - 1]?.index ?? 0;
  const { loadMore, isComplete, isLoading, items } = list;

  useEffect(() => {
    if (!isComplete && !isLoading && lastShown >= items.length - 1) loadMore();
  }, [lastShown, items.length, isComplete, isLoading, loadMore]);

  const summary = isComplete
    ? items.length === 0
      ? 'No contact forms match.'
      : `${items.length.toLocaleString('en-GB')} form${items.length === 1 ? '' : 's'}, newest contact first.`
    : `${items.length.toLocaleString('en-GB')} forms so far, newest contact first; more load as you scroll.`;

  return (
    <div className="form-list">
      <p className="muted" role="status">
        {isLoading && items.length === 0 ? 'Looking for contact forms…' : summary}
      </p>
      <div className="form-list__head" aria-hidden="true">
        <span>Reference</span>
        <span>Young person</span>
        <span>Kind</span>
        <span>Contact</span>
        <span>Written by</span>
        <span>Status</span>
      </div>
      <div
        ref={scrollRef}
        className="form-list__scroller"
        // As tall as its rows, up to most of the window: a definite height the list can scroll in.
        style={{ height: `min(60vh, 34rem, ${Math.max(count, 1) * rowHeight + 2}px)` }}
        tabIndex={0}
        role="region"
        aria-label={label}
      >
        <ul className="form-list__rows" style={{ height: virtualiser.getTotalSize() }}>
          {rows.map((row) => {
            const item = items[row.index];
            return (
              <li
                key={item?.id ?? 'more'}
                className="form-list__row"
                style={{ transform: `translateY(${row.start}px)`, height: row.size }}
                aria-posinset={row.index + 1}
                aria-setsize={isComplete ? items.length : -1}
              >
                {item ? (
                  <>
                    <span>
                      <FormReferenceLink formId={item.id} reference={item.reference} />
                      {item.isAddendum ? <span className="muted"> (addendum)</span> : null}
                    </span>
                    <span>{youngPersonName(item.youngPersonId)}</span>
                    <span>{item.kind ? contactKindLabels[item.kind] : 'Not recorded'}</span>
                    <span>{dayAndTime(item.contactStartedAt ?? item.contactEndedAt, timeZone)}</span>
                    <span>{staffName(item.authorId)}</span>
                    <span>
                      <span
                        className={
                          item.status === 'overdue' || item.status === 'filedLate'
                            ? 'badge badge--warn'
                            : 'badge'
                        }
                      >
                        {statusText[item.status]}
                      </span>
                    </span>
                  </>
                ) : (
                  <span className="muted">Loading more…</span>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
