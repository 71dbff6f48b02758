import type { FamilyStatus } from '@shared/rules/termly-review';
import { statusWords } from '@shared/export/termly-review-csv';

const marks: Readonly<Record<FamilyStatus, string>> = {
  red: '●',
  amber: '▲',
  green: '✓',
  notDue: '–',
  restricted: '⊘',
};

/** A status in words, with a shape as well as a colour so it reads without colour too. */
export function RagBadge({ status, value }: { status: FamilyStatus; value?: string }) {
  return (
    <span className={`rag rag--${status}`}>
      <span className="rag__mark" aria-hidden="true">
        {marks[status]}
      </span>
      {statusWords[status]}
      {value ? `: ${value}` : ''}
    </span>
  );
}
