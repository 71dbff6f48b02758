import { Fragment, type ReactNode } from 'react';

/** One line of a record's details: what it is, and what the record says. */
type DetailsRow = readonly [term: string, value: ReactNode];

/** A record's details as a description list, a term and its value a line, in the order given. */
export function DetailsList({ rows }: { readonly rows: readonly DetailsRow[] }) {
  return (
    <dl className="details">
      {rows.map(([term, value]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
