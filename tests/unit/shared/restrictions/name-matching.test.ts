import { describe, expect, it } from 'vitest';
import { compareNames, prepareName, type NameCloseness } from '../../../../shared/rules/name-matching';
import {
  damerauLevenshtein,
  nearSpellingAllowance,
  normaliseName,
  soundAlikeKey,
} from '../../../../shared/rules/name-spelling';

/** A name given at the door against a recorded one, as the check compares them. */
const closeness = (atTheDoor: string, recorded: string) =>
  compareNames(prepareName(atTheDoor, { bothOrders: true }), prepareName(recorded));

describe('normalising a name', () => {
  it.each([
    ['case and spacing', '  JOHN   SMITH ', 'john smith'],
    ['accents', 'Jöhn Smíth', 'john smith'],
    ['letters with no accent to strip', 'Søren Groß', 'soren gross'],
    ['an apostrophe, straight or curly', 'O’Brien', 'obrien'],
    ['hyphens and full stops', 'Mary-Jane J. Smith', 'mary jane j smith'],
  ])('ignores %s', (_case, text, expected) => {
    expect(normaliseName(text)).toBe(expected);
  });
});

describe('the sound-alike key', () => {
  it.each([
    ['Smith', 'Smyth'],
    ['Smith', 'Smithe'],
    ['Thompson', 'Thomson'],
    ['Macdonald', 'McDonald'],
    ['MacKenzie', 'McKenzie'],
    ['Phillips', 'Philips'],
    ['Reid', 'Reed'],
    ['Reed', 'Read'],
    ['Gray', 'Grey'],
    ['Kay', 'Kaye'],
    ['Clark', 'Clarke'],
    ['Lee', 'Leigh'],
    ['Khan', 'Kahn'],
    ['John', 'Jhon'],
    ['Vicky', 'Vickie'],
    ['Lesley', 'Leslie'],
  ])('is the same for %s and %s', (a, b) => {
    expect(soundAlikeKey(normaliseName(a))).toBe(soundAlikeKey(normaliseName(b)));
  });

  it.each([
    ['Hall', 'Hale'],
    ['Ross', 'Rose'],
    ['Dean', 'Sean'],
    ['Joan', 'John'],
    ['Roy', 'Ray'],
    ['Smith', 'Smart'],
  ])('differs for %s and %s, which sound different', (a, b) => {
    expect(soundAlikeKey(normaliseName(a))).not.toBe(soundAlikeKey(normaliseName(b)));
  });
});

describe('the spelling distance', () => {
  it.each([
    ['a letter added', 'smith', 'smithe', 1],
    ['a letter dropped', 'phillips', 'philips', 1],
    ['a letter changed', 'smith', 'smyth', 1],
    ['two letters swapped', 'john', 'jhon', 1],
    ['the same', 'smith', 'smith', 0],
    ['three letters more', 'smith', 'smithson', 3],
  ])('counts %s', (_case, a, b, expected) => {
    expect(damerauLevenshtein(a, b)).toBe(expected);
  });

  it('stops once past the limit, answering one more than it', () => {
    expect(damerauLevenshtein('smith', 'jones', 1)).toBe(2);
  });

  it.each([
    [3, 0],
    [4, 0],
    [5, 1],
    [7, 1],
    [8, 2],
    [12, 2],
  ])('allows, for a %i-letter name, %i edits', (length, allowance) => {
    expect(nearSpellingAllowance(length)).toBe(allowance);
  });
});

describe('a name at the door that is the restricted person’s', () => {
  it.each<[string, string, string, NameCloseness]>([
    ['the same name in capitals with extra spaces', 'JOHN  SMITH', 'John Smith', 'exact'],
    ['an accent on a letter', 'Jöhn Smith', 'John Smith', 'exact'],
    ['surname first with a comma', 'Smith, John', 'John Smith', 'exact'],
    ['surname first without a comma, as ID often has it', 'SMITH John', 'John Smith', 'exact'],
    ['a title and a generation suffix', 'Mr John Smith Snr', 'John Smith', 'exact'],
    ['a middle name the record does not have', 'John Paul Smith', 'John Smith', 'exact'],
    ['the middle name they go by', 'Paul Smith', 'John Paul Smith', 'exact'],
    ['one half of a double-barrelled surname', 'Sarah Jones', 'Sarah Smith-Jones', 'exact'],
    ['a double-barrelled surname without its hyphen', 'Sarah Smith', 'Sarah Smith Jones', 'exact'],
    ['O’Brien written with a space', 'Sean O Brien', 'Sean O’Brien', 'exact'],
    ['O’Brien written without the apostrophe', 'Sean OBrien', 'Sean O’Brien', 'exact'],
    ['a short form of the first name', 'Johnny Smith', 'John Smith', 'short form'],
    ['a short form spelt another way', 'Jonny Smith', 'John Smith', 'short form'],
    ['a short form that looks nothing like the name', 'Bill Turner', 'William Turner', 'short form'],
    ['an initial', 'J Smith', 'John Smith', 'short form'],
    ['a short form and a near spelling together', 'Jon Smyth', 'John Smith', 'near spelling'],
    ['a letter added to the surname', 'John Smithe', 'John Smith', 'near spelling'],
    ['two letters swapped in the first name', 'Jhon Smith', 'John Smith', 'near spelling'],
    ['Thomson for Thompson', 'Mark Thomson', 'Mark Thompson', 'near spelling'],
    ['McDonald for Macdonald', 'Kyle McDonald', 'Kyle Macdonald', 'near spelling'],
    ['Philips for Phillips', 'Dean Philips', 'Dean Phillips', 'near spelling'],
    ['a short surname spelt another way', 'Peter Reed', 'Peter Reid', 'near spelling'],
    ['Muhammad for Mohammed', 'Muhammad Khan', 'Mohammed Kahn', 'near spelling'],
    ['a one-word restriction (first name only) in a full name', 'Dean Walsh', 'Dean', 'exact'],
    ['a one-word alias given on its own', 'smithy', 'Smithy', 'exact'],
    ['a one-word restriction spelt as it sounds', 'Deen Walsh', 'Dean', 'near spelling'],
  ])('matches %s', (_case, atTheDoor, recorded, expected) => {
    expect(closeness(atTheDoor, recorded)).toBe(expected);
  });
});

describe('a name at the door that only looks like the restricted person’s', () => {
  it.each([
    // One letter, but a different name (and not a keyboard slip): see name-matching.ts.
    ['Joan for John', 'Joan Smith', 'John Smith'],
    ['a longer surname that starts the same', 'John Smithson', 'John Smith'],
    ['another first name with the same surname', 'Jane Smith', 'John Smith'],
    ['a short form of another name', 'Tom Smith', 'John Smith'],
    ['a surname that shares its first letters', 'John Smart', 'John Smith'],
    ['a short form with another surname', 'Jon Snow', 'John Smith'],
    ['short surnames one vowel apart', 'Peter Hill', 'Peter Hall'],
    ['short first names one letter apart', 'Sean Walsh', 'Dean Walsh'],
    ['Carol for Carl', 'Carol Jones', 'Carl Jones'],
    ['Samantha for Samuel, though both are Sam', 'Samantha Green', 'Samuel Green'],
    ['a surname alone', 'Smith', 'John Smith'],
    [
      'a surname a letter from a one-word alias (or every Smith would raise "Smithy")',
      'Joan Smith',
      'Smithy',
    ],
    ['a first name alone', 'John', 'John Smith'],
    ['nothing typed yet', '', 'John Smith'],
  ])('does not match %s', (_case, atTheDoor, recorded) => {
    expect(closeness(atTheDoor, recorded)).toBeUndefined();
  });
});
