import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AuditFilters } from '../../../../../renderer/src/features/audit/AuditFilters';
import {
  noAuditFilter,
  type AuditFilterValues,
} from '../../../../../renderer/src/features/audit/audit-filter-values';

function FiltersOnScreen({ onChange }: { onChange: (values: AuditFilterValues) => void }) {
  const [values, setValues] = useState<AuditFilterValues>({ ...noAuditFilter, fromDate: '2026-11-01' });
  return (
    <>
      <AuditFilters
        values={values}
        onChange={(next) => {
          onChange(next);
          setValues(next);
        }}
        staff={[]}
        youngPeople={[]}
      />
      <button type="button" onClick={() => setValues(noAuditFilter)}>
        Clear filters
      </button>
    </>
  );
}

describe('the audit log’s days', () => {
  it('are typed as day/month/year, and a day typed over a filled one narrows the log to it', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<FiltersOnScreen onChange={onChange} />);
    const from = screen.getByRole('textbox', { name: 'From' });
    expect(from).toHaveValue('01/11/2026');

    await user.tripleClick(from);
    await user.keyboard('10/12/2026');
    await user.type(screen.getByRole('textbox', { name: 'To' }), '24/12/26');

    expect(from).toHaveValue('10/12/2026');
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ fromDate: '2026-12-10', toDate: '2026-12-24' }),
    );
  });

  it('says beside the box when a day cannot be read, and does not narrow the log by it', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<FiltersOnScreen onChange={onChange} />);
    const from = screen.getByRole('textbox', { name: 'From' });
    await user.clear(from);
    await user.type(from, '10/12/122026');

    expect(from).toHaveAccessibleDescription(
      expect.stringContaining('Enter the first day as day/month/year, for example 26/10/2026.'),
    );
    expect(from).toHaveAttribute('aria-invalid', 'true');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ fromDate: '' }));

    await user.clear(from);
    await user.type(from, '3/11/2026');
    expect(from).not.toHaveAttribute('aria-invalid');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ fromDate: '2026-11-03' }));
  });

  it('shows the days the screen sets itself, as when the filters are cleared', async () => {
    render(<FiltersOnScreen onChange={vi.fn()} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(screen.getByRole('textbox', { name: 'From' })).toHaveValue('');
  });
});
