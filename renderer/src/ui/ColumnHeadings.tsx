import type { ReactNode } from 'react';

/**
 * A table's head: one column heading a column, in order, each scoped to its column so a screen
 * reader reads it with every cell below. A column a sighted reader needs no heading for (a column
 * of buttons) still gets one, as a visually hidden span.
 */
export function ColumnHeadings({ headings }: { readonly headings: readonly ReactNode[] }) {
  return (
    <thead>
      <tr>
        {headings.map((heading, index) => (
          // The headings are fixed for the table, so their places are their identities.
          <th key={index} scope="col">
            {heading}
          </th>
        ))}
      </tr>
    </thead>
  );
}
