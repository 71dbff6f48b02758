import { describe, expect, it } from 'vitest';
import { wrapText } from '../../../../shared/pdf/wrap-text';

// One unit a character, so widths are easy to reason about.
const width = (text: string) => Array.from(text).length;

describe('wrapping a form’s text to the page width', () => {
  it.each([
    ['short text stays on one line', 'Mum rang.', 20, ['Mum rang.']],
    [
      'words move to the next line whole',
      'the call was warm and ended on time',
      12,
      ['the call was', 'warm and', 'ended on', 'time'],
    ],
    ['the writer’s line breaks and blank lines are kept', 'one\n\ntwo', 20, ['one', '', 'two']],
    [
      'a word longer than a line is cut, not lost',
      'https://example.org/abc',
      10,
      ['https://ex', 'ample.org/', 'abc'],
    ],
    ['Windows line endings count as one break', 'a\r\nb', 5, ['a', 'b']],
  ])('%s', (_case, text, maxWidth, lines) => {
    expect(wrapText(text, maxWidth, width)).toEqual(lines);
  });

  it('never splits an emoji in two', () => {
    expect(wrapText('😀😀😀', 2, width)).toEqual(['😀😀', '😀']);
  });
});
