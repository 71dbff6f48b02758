import { zodResolver } from '@hookform/resolvers/zod';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { isoDateSchema } from '@shared/schemas/common';
import { TypedDateField } from '../../../../renderer/src/common/TypedDateField';

// The form keeps its schema's own date check (YYYY-MM-DD), as the restriction and term forms do.
const schema = z.object({
  startsOn: isoDateSchema,
  reviewOn: isoDateSchema.optional(),
});
type Values = z.input<typeof schema>;

function TermForm({
  onSave,
  startsOn = '2026-09-03',
}: {
  onSave: (values: Values) => void;
  startsOn?: string;
}) {
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { startsOn } });
  return (
    <form onSubmit={(event) => void form.handleSubmit(onSave)(event)} noValidate aria-label="Term">
      <TypedDateField control={form.control} name="startsOn" label="Starts on" what="the date it starts" />
      <TypedDateField
        control={form.control}
        name="reviewOn"
        label="Review by (optional)"
        hint="Leave empty if there is none."
        what="the review date"
        isOptional
      />
      <button type="submit">Save</button>
      <button type="button" onClick={() => form.reset({ startsOn: '2027-01-04' })}>
        Start again
      </button>
    </form>
  );
}

describe('a date typed as day/month/year on a form that stores YYYY-MM-DD', () => {
  it('shows the stored date the UK way, and a date typed over it is kept as typed and stored whole', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<TermForm onSave={onSave} />);
    const startsOn = screen.getByRole('textbox', { name: 'Starts on' });
    expect(startsOn).toHaveValue('03/09/2026');
    expect(startsOn).toHaveAccessibleDescription('Day/month/year, for example 26/10/2026.');

    await user.tripleClick(startsOn);
    // Typed a key at a time: "1/2/20" is already a date, and the box must not rewrite it mid-way.
    await user.keyboard('10/12/2026');
    expect(startsOn).toHaveValue('10/12/2026');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(onSave).toHaveBeenCalledWith({ startsOn: '2026-12-10' }, expect.anything());
  });

  it('stores an optional date left empty as none, and a typed one as YYYY-MM-DD', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<TermForm onSave={onSave} />);
    const reviewOn = screen.getByRole('textbox', { name: 'Review by (optional)' });
    expect(reviewOn).toHaveAccessibleDescription(
      'Day/month/year, for example 26/10/2026. Leave empty if there is none.',
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenLastCalledWith({ startsOn: '2026-09-03' }, expect.anything());

    await user.type(reviewOn, '1.3.27');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenLastCalledWith(
      { startsOn: '2026-09-03', reviewOn: '2027-03-01' },
      expect.anything(),
    );
  });

  it.each([
    ['', 'Enter the date it starts, for example 26/10/2026.'],
    ['10/12/122026', 'Enter the date it starts as day/month/year, for example 26/10/2026.'],
    ['31/02/2027', 'There is no 31 February 2027. Check the date it starts.'],
    [
      '12/13/2026',
      'There is no month 13. Enter the date it starts as day/month/year, for example 26/10/2026.',
    ],
  ])(
    'says in plain words what is wrong with “%s”, beside the box, and saves nothing',
    async (typed, message) => {
      const user = userEvent.setup();
      const onSave = vi.fn();
      render(<TermForm onSave={onSave} />);
      const startsOn = screen.getByRole('textbox', { name: 'Starts on' });
      await user.clear(startsOn);
      if (typed) await user.type(startsOn, typed);
      await user.click(screen.getByRole('button', { name: 'Save' }));

      expect(await screen.findByText(message)).toBeInTheDocument();
      expect(startsOn).toHaveAccessibleDescription(expect.stringContaining(message));
      expect(startsOn).toHaveAttribute('aria-invalid', 'true');
      expect(startsOn).toHaveFocus();
      expect(startsOn).toHaveValue(typed);
      expect(onSave).not.toHaveBeenCalled();
    },
  );

  it('shows the form’s own date again when the form is reset', async () => {
    const user = userEvent.setup();
    render(<TermForm onSave={vi.fn()} />);
    const startsOn = screen.getByRole('textbox', { name: 'Starts on' });
    await user.clear(startsOn);
    await user.type(startsOn, '5/9');
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    expect(startsOn).toHaveValue('04/01/2027');
  });
});
