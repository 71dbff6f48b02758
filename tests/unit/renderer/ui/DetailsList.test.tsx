import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DetailsList } from '../../../../renderer/src/ui/DetailsList';

describe('a record’s details', () => {
  it('lists each term with its value, in the order given', () => {
    const { container } = render(
      <DetailsList
        rows={[
          ['Conditions', 'Supervised by two staff'],
          ['Review by', <strong key="review">1 March 2027</strong>],
        ]}
      />,
    );
    const pairs = [...container.querySelectorAll('dl.details > *')].map(
      (element) => `${element.tagName}:${element.textContent}`,
    );
    expect(pairs).toEqual(['DT:Conditions', 'DD:Supervised by two staff', 'DT:Review by', 'DD:1 March 2027']);
    expect(screen.getByText('1 March 2027').tagName).toBe('STRONG');
  });
});
