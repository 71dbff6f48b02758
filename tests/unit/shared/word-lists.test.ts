import { describe, expect, it } from 'vitest';
import { choiceInWords, listInWords } from '../../../shared/word-lists';

describe('words listed in a sentence', () => {
  it.each([
    [[], ''],
    [['Office'], 'Office'],
    [['Office', 'Front desk'], 'Office and Front desk'],
    [['Office', 'Front desk', 'Staff room'], 'Office, Front desk and Staff room'],
  ])('lists %j as %j, with no comma before the last', (words, said) => {
    expect(listInWords(words)).toBe(said);
  });

  it('offers a choice with "or"', () => {
    expect(choiceInWords(['video calls', 'letters', 'email'])).toBe('video calls, letters or email');
    expect(choiceInWords(['letters'])).toBe('letters');
  });
});
