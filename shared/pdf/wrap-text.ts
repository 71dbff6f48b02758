/**
 * Breaks text into lines no wider than `maxWidth`, as measured by `widthOf` (a font's width at a
 * size). Pure, so it is tested without a PDF. Line breaks the writer typed are kept (an empty line
 * stays a blank line); a word longer than a whole line (a pasted web address) is cut at the
 * character that would overflow rather than running off the page.
 */
export function wrapText(text: string, maxWidth: number, widthOf: (text: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/).filter((part) => part.length > 0)) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (widthOf(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      let rest = word;
      while (widthOf(rest) > maxWidth) {
        const fits = longestFittingPrefix(rest, maxWidth, widthOf);
        lines.push(rest.slice(0, fits));
        rest = rest.slice(fits);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

function longestFittingPrefix(word: string, maxWidth: number, widthOf: (text: string) => number): number {
  // Whole code points only, so a surrogate pair (an emoji) is never split in two.
  const characters = Array.from(word);
  let taken = '';
  for (const character of characters) {
    if (widthOf(taken + character) > maxWidth) break;
    taken += character;
  }
  // Always make progress, even if one character is wider than the line.
  return Math.max(taken.length, characters[0]?.length ?? 1);
}
