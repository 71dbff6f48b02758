import type { FamilyStatus } from '@shared/rules/termly-review';
import { statusWords } from '@shared/export/termly-review-csv';

const marks: Readonly<Record<FamilyStatus, string>> = {
  red: '●',
  amber: '▲',
  green: '✓',
  notDue: '–',
  restricted: '⊘',
};

/**
 * A status with a shape as well as a colour, so it reads without colour too. With a value, the
 * badge shows the figure in words ("None held", "1 of 3") and the status is left to the shape,
 * the colour and (for a screen reader) the words after it.
 */
export function RagBadge({ status, value }: { status: FamilyStatus; value?: string }) {
  return (
    <span className={`rag rag--${status}`}>
      <span className="rag__mark" aria-hidden="true">
        {marks[status]}
      </span>
      {value ?? statusWords[status]}
      {value ? <span className="visually-hidden"> ({statusWords[status]})</span> : null}
    </span>
  );
}
