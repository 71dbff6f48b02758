import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { kindsOf } from '../../../../shared/schemas/common';

describe('kindsOf', () => {
  it('lists the kinds in the order their labels are written', () => {
    expect(kindsOf({ spring: 'Spring', autumn: 'Autumn', summer: 'Summer' })).toEqual([
      'spring',
      'autumn',
      'summer',
    ]);
  });

  it('gives z.enum a list that accepts each kind and refuses anything else', () => {
    const schema = z.enum(kindsOf({ open: 'Open', closed: 'Closed' }));
    expect(schema.parse('closed')).toBe('closed');
    expect(schema.safeParse('Closed').success).toBe(false);
  });

  it('refuses labels that name no kind, as z.enum needs at least one', () => {
    expect(() => kindsOf({})).toThrow('A list of kinds needs at least one kind.');
  });
});
