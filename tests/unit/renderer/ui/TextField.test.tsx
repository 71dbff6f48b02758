import { zodResolver } from '@hookform/resolvers/zod';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  ChoiceField,
  FixedOptions,
  OptionField,
  SelectField,
  ShortTextField,
  TextAreaField,
  TextField,
  TypedShortField,
} from '../../../../renderer/src/ui/TextField';

const schema = z.object({
  name: z.string().min(1, 'Enter their name.'),
  vehicle: z.string().optional(),
  visit: z.object({ on: z.string().min(1, 'Enter the day of the visit.') }),
  notes: z.string().max(5, 'Keep the notes to 5 characters.'),
  leftOn: z.string().optional(),
});
type Values = z.input<typeof schema>;

function VisitorForm({ onSave }: { onSave: (values: Values) => void }) {
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { name: '', vehicle: '', visit: { on: '' }, notes: '' },
  });
  return (
    <form onSubmit={(event) => void form.handleSubmit(onSave)(event)} noValidate aria-label="Visitor">
      <TextField form={form} name="name" label="Visitor’s name" hint="As they give it." autoComplete="off" />
      <ShortTextField form={form} name="vehicle" label="Vehicle registration" />
      <ShortTextField form={form} name="visit.on" label="Visit on" maxLength={10} />
      <TextAreaField form={form} name="notes" label="Notes (optional)" rows={2} />
      <ShortTextField
        form={form}
        name="leftOn"
        label="Left on (optional)"
        options={{ setValueAs: (value: string) => (value === '' ? undefined : value) }}
      />
      <button type="submit">Save</button>
    </form>
  );
}

describe('a text field registered on a form by its name', () => {
  it('shows the form’s error for its own field, nested ones included, read with the box', async () => {
    render(<VisitorForm onSave={vi.fn()} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Notes (optional)' }), 'far too long');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    const name = screen.getByRole('textbox', { name: 'Visitor’s name' });
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/^As they give it\. Error: ?Enter their name\.$/);
    expect(screen.getByLabelText('Visit on')).toHaveAccessibleDescription(
      /^Error: ?Enter the day of the visit\.$/,
    );
    expect(screen.getByRole('textbox', { name: 'Notes (optional)' })).toHaveAccessibleDescription(
      /^Error: ?Keep the notes to 5 characters\.$/,
    );
    const vehicle = screen.getByRole('textbox', { name: 'Vehicle registration' });
    expect(vehicle).not.toHaveAttribute('aria-invalid');
    expect(vehicle).not.toHaveAccessibleDescription();
  });

  it('gives the box the attributes asked for, and the form the typed values', async () => {
    const onSave = vi.fn();
    render(<VisitorForm onSave={onSave} />);
    const name = screen.getByRole('textbox', { name: 'Visitor’s name' });
    const vehicle = screen.getByRole('textbox', { name: 'Vehicle registration' });
    const visitOn = screen.getByLabelText('Visit on');
    const notes = screen.getByRole('textbox', { name: 'Notes (optional)' });
    expect(name).toHaveAttribute('autocomplete', 'off');
    expect(name).toHaveClass('input', { exact: true });
    expect(vehicle).toHaveClass('input input--short', { exact: true });
    expect(vehicle).toHaveAttribute('autocomplete', 'off');
    expect(visitOn).toHaveAttribute('maxlength', '10');
    expect(visitOn).toHaveClass('input input--short', { exact: true });
    expect(notes.tagName).toBe('TEXTAREA');
    expect(notes).toHaveAttribute('rows', '2');

    await userEvent.type(name, 'Sam Green');
    await userEvent.type(vehicle, 'AB12 CDE');
    await userEvent.type(visitOn, '2026-03-04');
    await userEvent.type(notes, 'Mum');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]?.[0]).toEqual({
      name: 'Sam Green',
      vehicle: 'AB12 CDE',
      visit: { on: '2026-03-04' },
      notes: 'Mum',
      leftOn: undefined,
    });
  });
});

const choiceSchema = z.object({
  kind: z.enum(['call', 'visit'], { message: 'Choose the kind of contact.' }),
  roomId: z.string().min(1, 'Choose a room.'),
  supervision: z.string(),
  on: z.string(),
  pem: z.string(),
});
type ChoiceValues = z.input<typeof choiceSchema>;

function ChoiceForm({ onSave }: { onSave: (values: ChoiceValues) => void }) {
  const form = useForm<ChoiceValues>({
    resolver: zodResolver(choiceSchema),
    defaultValues: { roomId: '', supervision: 'unsupervised', on: '', pem: '' },
  });
  return (
    <form onSubmit={(event) => void form.handleSubmit(onSave)(event)} noValidate aria-label="Choices">
      <ChoiceField
        form={form}
        name="kind"
        label="Kind of contact"
        values={['call', 'visit'] as const}
        labels={{ call: 'Phone call', visit: 'Visit' }}
      />
      <OptionField
        form={form}
        name="roomId"
        label="Room"
        hint="Where it happens."
        emptyLabel="No room"
        choices={[{ value: 'r1', label: 'Family room' }]}
      />
      <SelectField form={form} name="supervision" label="Supervision">
        <FixedOptions
          values={['unsupervised', 'supervised'] as const}
          labels={{ unsupervised: 'Unsupervised', supervised: 'Supervised' }}
        />
      </SelectField>
      <TypedShortField form={form} name="on" label="Date" />
      <TextAreaField form={form} name="pem" label="Certificate" rows={5} spellCheck={false} />
      <button type="submit">Save</button>
    </form>
  );
}

describe('a drop-down registered on a form by its name', () => {
  it('lists its choices after the empty one and shows the form’s error, read with the box', async () => {
    render(<ChoiceForm onSave={vi.fn()} />);
    const kind = screen.getByRole('combobox', { name: 'Kind of contact' });
    const room = screen.getByRole('combobox', { name: 'Room' });
    expect(kind).toHaveClass('input', { exact: true });
    expect([...kind.querySelectorAll('option')].map((option) => option.textContent)).toEqual([
      'Choose…',
      'Phone call',
      'Visit',
    ]);
    expect([...room.querySelectorAll('option')].map((option) => option.textContent)).toEqual([
      'No room',
      'Family room',
    ]);

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(kind).toHaveAttribute('aria-invalid', 'true');
    expect(kind).toHaveAccessibleDescription(/^Error: ?Choose the kind of contact\.$/);
    expect(room).toHaveAccessibleDescription(/^Where it happens\. Error: ?Choose a room\.$/);
    const supervision = screen.getByRole('combobox', { name: 'Supervision' });
    expect(supervision).not.toHaveAttribute('aria-invalid');
    expect([...supervision.querySelectorAll('option')].map((option) => option.textContent)).toEqual([
      'Unsupervised',
      'Supervised',
    ]);
  });

  it('gives the form the chosen values, and typed boxes no spelling marks', async () => {
    const onSave = vi.fn();
    render(<ChoiceForm onSave={onSave} />);
    const on = screen.getByRole('textbox', { name: 'Date' });
    expect(on).toHaveClass('input input--short', { exact: true });
    expect(on).toHaveAttribute('autocomplete', 'off');
    expect(on).toHaveAttribute('spellcheck', 'false');
    expect(screen.getByRole('textbox', { name: 'Certificate' })).toHaveAttribute('spellcheck', 'false');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Kind of contact' }), 'Visit');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Room' }), 'Family room');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Supervision' }), 'Supervised');
    await userEvent.type(on, '04/03/2026');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]?.[0]).toEqual({
      kind: 'visit',
      roomId: 'r1',
      supervision: 'supervised',
      on: '04/03/2026',
      pem: '',
    });
  });
});
