import { describe, expect, it } from 'vitest';
import { unreachable } from '../../../shared/unreachable';

type Light = 'red' | 'green';

function next(light: Light): Light {
  switch (light) {
    case 'red':
      return 'green';
    case 'green':
      return 'red';
    default:
      return unreachable(light, 'light');
  }
}

describe('unreachable', () => {
  it('is never reached while every case is handled', () => {
    expect(next('red')).toBe('green');
    expect(next('green')).toBe('red');
  });

  it.each([
    ['a word', 'amber', 'Unknown light: amber'],
    ['a record', { kind: 'amber' }, 'Unknown light: {"kind":"amber"}'],
    ['a number', 3, 'Unknown light: 3'],
  ])('throws, naming %s the types ruled out', (_what, value, message) => {
    expect(() => next(value as Light)).toThrow(message);
  });

  it('refuses, at compile time, a value of a case not handled', () => {
    const light = 'red' as Light;
    // @ts-expect-error: 'red' and 'green' are not handled, so `light` is not `never` here.
    expect(() => unreachable(light, 'light')).toThrow('Unknown light: red');
  });
});
