import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FieldError } from '../../../../renderer/src/ui/FieldError';

describe('a field’s error in words', () => {
  it('is read with the control that names it, after a hidden “Error:”', () => {
    render(
      <>
        <input aria-label="Badge number" aria-describedby="badge-error" />
        <FieldError id="badge-error" message="Type the badge number." />
      </>,
    );
    expect(screen.getByRole('textbox', { name: 'Badge number' })).toHaveAccessibleDescription(
      /Type the badge number\.$/,
    );
    expect(document.getElementById('badge-error')).toHaveTextContent('Error: Type the badge number.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('is announced as it comes where it is an alert', () => {
    render(<FieldError role="alert" message="Choose how they accept it." />);
    expect(screen.getByRole('alert')).toHaveTextContent('Error: Choose how they accept it.');
  });

  it.each([undefined, ''])('shows nothing while the message is %j', (message) => {
    const { container } = render(<FieldError id="badge-error" message={message} />);
    expect(container).toBeEmptyDOMElement();
  });
});
