import { useEffect, useRef } from 'react';
import { FormReferenceLink } from '../contact-forms';
import { bookHomeVisitHref, visitHref } from '../visits';
import type { RecordRef } from '@shared/rules/contact-minimums';
import type { RecordsPick } from '@shared/rules/term-overview';
import type { TermName } from '@shared/schemas/academic-year';
import type { FamilyStatus } from '@shared/rules/termly-review';
import {
  contactFormStatus,
  describeContactFormStatus,
  formatDeadlineInstant,
} from '@shared/rules/contact-form-deadline';
import { contactKindLabels } from '@shared/schemas/contact-forms';
import { visitKindLabels, visitStatusLabels } from '@shared/schemas/visits';
import { Banner } from '../../ui/Banner';
import { RagBadge } from './RagBadge';
import { useRecordsBehind } from './useReviewRecords';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { Panel } from '../../ui/Panel';

/**
 * The records behind a figure: listed (a review worked out whole), or where the overview's row
 * (which only counts them) can find them: that young person's review of the term.
 */
export type RecordsSource =
  | readonly RecordRef[]
  | {
      readonly youngPersonId: string;
      readonly yearId: string;
      readonly termName: TermName;
      readonly pick: RecordsPick;
    };

/** Tells one set of records from another, so the drill-down starts afresh when it changes. */
export function recordsKey(records: RecordsSource): string {
  return 'pick' in records ? JSON.stringify(records) : String(records.length);
}

export type DrillDownSubject = {
  readonly title: string;
  readonly status: FamilyStatus;
  readonly value?: string;
  readonly reason: string;
  readonly records: RecordsSource;
  /** A term's missing home visit: offer to book one for this young person. */
  readonly bookHomeVisitFor?: { readonly id: string; readonly name: string };
};

/**
 * The records behind one figure: each visit and form it counted, with when, what, who took part
 * and (for a form) whether it was filed on time. The repository opens only records of young people
 * this person may review. Focus moves to the heading when it opens, and back when it closes.
 */
export function DrillDown({
  subject,
  timeZone,
  onClose,
}: {
  subject: DrillDownSubject;
  timeZone: string;
  onClose: () => void;
}) {
  const answer = useRecordsBehind(subject.records);
  const loaded = answer?.ok ? answer.value : undefined;
  const failure = answer && !answer.ok ? answer.error.message : undefined;
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), [subject]);

  const names = (ids: readonly string[], from: ReadonlyMap<string, string>) =>
    ids.map((id) => from.get(id) ?? 'Someone not on file').join(', ') || '—';

  return (
    <Panel
      titleId="drill-down-heading"
      title={subject.title}
      className="panel drill-down"
      headingRef={headingRef}
    >
      <p>
        <RagBadge status={subject.status} {...(subject.value ? { value: subject.value } : {})} />{' '}
        {subject.reason}
      </p>
      {subject.bookHomeVisitFor ? (
        <p>
          <a className="button" href={bookHomeVisitHref(subject.bookHomeVisitFor.id)}>
            Book a home visit for {subject.bookHomeVisitFor.name}
          </a>
        </p>
      ) : null}
      {failure ? <Banner tone="error">{failure}</Banner> : null}
      {!loaded && !failure ? (
        <p role="status" className="muted">
          Opening the records…
        </p>
      ) : null}
      {loaded && loaded.records.length === 0 ? (
        <p className="empty">No records stand behind this figure: nothing was recorded.</p>
      ) : null}
      {loaded && loaded.records.length > 0 ? (
        <table className="table" aria-label={`Records behind: ${subject.title}`}>
          <ColumnHeads columns={['When', 'Record', 'Kind', 'With', 'Staff', 'Status']} />
          <tbody>
            {loaded.records.map((record) =>
              record.type === 'visit' ? (
                <tr key={`visit-${record.visit.id}`}>
                  <td>{formatDeadlineInstant(record.visit.startsAt, timeZone)}</td>
                  <td>
                    <a href={visitHref(record.visit.id)}>Visit in the schedule</a>
                  </td>
                  <td>{visitKindLabels[record.visit.kind]}</td>
                  <td>{names(record.visit.personIds, loaded.people)}</td>
                  <td>{names(record.visit.staffIds, loaded.staff)}</td>
                  <td>{visitStatusLabels[record.visit.status]}</td>
                </tr>
              ) : (
                <tr key={`form-${record.form.id}`}>
                  <td>{formatDeadlineInstant(record.form.contactStartedAt, timeZone)}</td>
                  <td>
                    Contact form{' '}
                    <FormReferenceLink formId={record.form.id} reference={record.form.reference} />
                  </td>
                  <td>{contactKindLabels[record.form.kind]}</td>
                  <td>{names(record.form.personIds, loaded.people)}</td>
                  <td>
                    {names(
                      [
                        record.form.authorId,
                        ...record.form.staffIds.filter((id) => id !== record.form.authorId),
                      ],
                      loaded.staff,
                    )}
                  </td>
                  <td>
                    {record.form.status === 'draft' && !record.form.filedAt
                      ? `Not filed: ${describeContactFormStatus(contactFormStatus(record.form, new Date()))}`
                      : describeContactFormStatus(contactFormStatus(record.form, new Date()))}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      ) : null}
      <button type="button" className="button button--secondary" onClick={onClose}>
        Close the records
      </button>
    </Panel>
  );
}
