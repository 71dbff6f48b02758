const allOf = new Intl.ListFormat('en-GB', { type: 'conjunction' });
const oneOf = new Intl.ListFormat('en-GB', { type: 'disjunction' });

/** Names or words as a sentence lists them: "Office, Front desk and Staff room" (nothing for none). */
export function listInWords(words: readonly string[]): string {
  return allOf.format(words);
}

/** A choice as a sentence offers it: "video calls, letters or email". */
export function choiceInWords(words: readonly string[]): string {
  return oneOf.format(words);
}
