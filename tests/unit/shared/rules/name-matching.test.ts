import { describe, expect, it } from 'vitest';
import {
  compareNames,
  isStartOfName,
  nameCompleteness,
  prepareName,
  type NameCloseness,
} from '../../../../shared/rules/name-matching';
import { personPartOf } from '../../../../shared/rules/name-words';
import {
  damerauLevenshtein,
  nearSpellingAllowance,
  normaliseName,
  soundAlikeKey,
} from '../../../../shared/rules/name-spelling';

/** A name given at the door against a recorded one, as the check compares them. */
const closeness = (atTheDoor: string, recorded: string) =>
  compareNames(prepareName(atTheDoor, { asGiven: true }), prepareName(recorded));

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

describe('a name at the door that is the restricted person’s name (the door acts on it)', () => {
  it.each([
    ['the same name', 'John Smith', 'John Smith'],
    ['the name all in capitals', 'JOHN SMITH', 'John Smith'],
    ['extra spaces, and spaces pasted after it', '  John    Smith   ', 'John Smith'],
    ['a tab and a non-breaking space', 'John\tSmith\u00a0', 'John Smith'],
    ['an accent on a letter', 'Jöhn Smith', 'John Smith'],
    ['accents the record has and the keyboard has not', 'Zoe Lefevre', 'Zoë Lefèvre'],
    ['surname first with a comma', 'Smith, John', 'John Smith'],
    ['surname first without a comma, as ID often has it', 'SMITH John', 'John Smith'],
    ['a title and a generation suffix', 'Mr John Smith Snr', 'John Smith'],
    ['a middle name the record does not have', 'John Paul Smith', 'John Smith'],
    ['O’Neill with a straight apostrophe', "Sean O'Neill", 'Sean O’Neill'],
    ['O’Neill without the apostrophe', 'Sean ONeill', 'Sean O’Neill'],
    ['O’Neill written with a space', 'Sean O Neill', 'Sean O’Neill'],
    ['Mc written with a space', 'Kyle Mc Donald', 'Kyle McDonald'],
    ['a double-barrelled surname with a space for the hyphen', 'Sarah Smith Jones', 'Sarah Smith-Jones'],
    ['a hyphenated surname, the record without the hyphen', 'Sarah Smith-Jones', 'Sarah Smith Jones'],
    ['a hyphenated first name written as two', 'Mary Jane Watson', 'Mary-Jane Watson'],
    ['a hyphenated name in capitals', 'SARAH SMITH-JONES', 'Sarah Smith-Jones'],
    ['a one-word restriction (first name only) in a full name', 'Dean Walsh', 'Dean'],
    ['a one-word alias given on its own', 'smithy', 'Smithy'],
    ['a one-word alias in capitals with spaces', '  SMITHY ', 'Smithy'],
    ['a one-word name after a role word', 'Smithy the courier', 'Smithy'],
  ])('%s: %s is exactly %s', (_case, atTheDoor, recorded) => {
    expect(closeness(atTheDoor, recorded)).toBe<NameCloseness>('exact');
  });

  it.each([
    ['a short form of the first name', 'Johnny Smith', 'John Smith'],
    ['a short form spelt another way', 'Jonny Smith', 'John Smith'],
    ['a short form that looks nothing like the name', 'Bill Turner', 'William Turner'],
    ['a short form with a double-barrelled surname', 'Liz Smith-Jones', 'Elizabeth Smith-Jones'],
  ])('%s: %s is a short form of %s', (_case, atTheDoor, recorded) => {
    expect(closeness(atTheDoor, recorded)).toBe<NameCloseness>('short form');
  });
});

describe('a name at the door only close to the restricted person’s (the door asks for ID)', () => {
  it.each([
    ['Sara Kahn for Sarah Khan', 'Sara Kahn', 'Sarah Khan'],
    ['a short form and a near spelling together', 'Jon Smyth', 'John Smith'],
    ['a letter added to the surname', 'John Smithe', 'John Smith'],
    ['two letters swapped in the first name', 'Jhon Smith', 'John Smith'],
    ['Thomson for Thompson', 'Mark Thomson', 'Mark Thompson'],
    ['McDonald for Macdonald', 'Kyle McDonald', 'Kyle Macdonald'],
    ['MacKenzie for McKenzie, in capitals', 'AMY MACKENZIE', 'Amy McKenzie'],
    ['O’Neil for O’Neill', 'Sean O’Neil', 'Sean O’Neill'],
    ['Philips for Phillips', 'Dean Philips', 'Dean Phillips'],
    ['a short surname spelt another way', 'Peter Reed', 'Peter Reid'],
    ['Muhammad for Mohammed', 'Muhammad Khan', 'Mohammed Kahn'],
    ['a one-word restriction spelt as it sounds', 'Deen Walsh', 'Dean'],
    ['half a surname and a near spelling', 'Sara Jones', 'Sarah Smith-Jones'],
  ])('%s: %s is a near spelling of %s', (_case, atTheDoor, recorded) => {
    expect(closeness(atTheDoor, recorded)).toBe<NameCloseness>('near spelling');
  });

  it.each([
    ['an initial', 'J Smith', 'John Smith'],
    ['an initial with a full stop, surname first', 'Smith, J.', 'John Smith'],
    ['an initial for a hyphenated first name', 'M Watson', 'Mary-Jane Watson'],
  ])('%s: %s has an initial of %s', (_case, atTheDoor, recorded) => {
    expect(closeness(atTheDoor, recorded)).toBe<NameCloseness>('initial');
  });

  it.each([
    ['one half of a double-barrelled surname', 'Sarah Jones', 'Sarah Smith-Jones'],
    ['the other half', 'Sarah Smith', 'Sarah Smith-Jones'],
    ['half of an unhyphenated double surname', 'Sarah Smith', 'Sarah Smith Jones'],
    ['the middle name they go by', 'Paul Smith', 'John Paul Smith'],
    ['a double-barrelled name given for a single one', 'John Smith-Jones', 'John Smith'],
  ])('%s: %s is part of %s', (_case, atTheDoor, recorded) => {
    expect(closeness(atTheDoor, recorded)).toBe<NameCloseness>('part of the name');
  });
});

describe('a name at the door that is someone else’s', () => {
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
    ['another initial', 'K Smith', 'John Smith'],
    ['a surname alone', 'Smith', 'John Smith'],
    [
      'a surname a letter from a one-word alias (or every Smith would raise "Smithy")',
      'Joan Smith',
      'Smithy',
    ],
    ['a first name alone', 'John', 'John Smith'],
    ['an initial against a one-word alias', 'S Khan', 'Smithy'],
    ['nothing typed yet', '', 'John Smith'],
  ])('%s: %s is not %s', (_case, atTheDoor, recorded) => {
    expect(closeness(atTheDoor, recorded)).toBeUndefined();
  });
});

describe('words that are not a person’s name', () => {
  it.each([
    [
      'a company and a role: the name only looks like a barred one',
      'Williams Jonas Ltd courier',
      'William Jones',
    ],
    ['a company with a plc', 'Jones Smith plc', 'John Smith'],
    ['the council', 'Smith Leeds City Council', 'John Smith'],
    ['an agency', 'Jonas Williams Agency', 'Jonas Williams'],
    ['services', 'Smith Jones Services', 'Sarah Smith-Jones'],
    ['a carrier and a role, even against a record made of them', 'Evri courier', 'Evri Courier'],
    ['a role before a one-word alias that is a role word', 'The courier', 'Courier'],
    ['a note in brackets', 'Dave (John Smith’s cousin)', 'John Smith'],
    ['whoever they are from', 'Dave from John Smith Ltd', 'John Smith'],
  ])('%s: %s does not match %s', (_case, atTheDoor, recorded) => {
    expect(closeness(atTheDoor, recorded)).toBeUndefined();
  });

  it.each([
    ['a role word', 'Dave Brown the courier', 'Dave Brown'],
    ['a company after “from”', 'Dave Brown from Acme Ltd', 'Dave Brown'],
    ['a company after a comma', 'Dave Brown, Acme Ltd', 'Dave Brown'],
    ['a company after a spaced dash', 'Dave Brown - Leeds City Council', 'Dave Brown'],
    ['a job in brackets', 'Dave Brown (gas engineer)', 'Dave Brown'],
    ['a relationship', "Millie's mum Dawn Morris", 'millies Dawn Morris'],
    ['surname first, with a comma', 'Smith, John', 'smith, john'],
    ['names that are also trades, kept', 'Minnie Driver', 'minnie driver'],
    ['a surname that is a role elsewhere, kept', 'Jane Foster', 'jane foster'],
    ['the particle van, kept', 'Anna van der Berg', 'anna van der berg'],
  ])('keeps the name around %s', (_case, typed, expected) => {
    const kept = personPartOf(typed).text.toLowerCase().replace(/\s+/g, ' ').trim();
    expect(kept).toBe(expected.toLowerCase());
  });

  it.each([
    ['Williams Jonas Ltd courier', { organisation: true, otherWords: false }],
    ['Dave from Acme Ltd', { organisation: true, otherWords: true }],
    ['Leeds City Council', { organisation: true, otherWords: false }],
    ['DPD courier', { organisation: false, otherWords: true }],
    ['John Smith', { organisation: false, otherWords: false }],
  ])('says what it left out of %s', (typed, leftOut) => {
    expect(personPartOf(typed).leftOut).toEqual(leftOut);
  });

  it('still matches a barred person who gives their company too', () => {
    expect(closeness('John Smith from Acme Ltd', 'John Smith')).toBe('exact');
    expect(closeness('John Smith (plumber)', 'John Smith')).toBe('exact');
  });
});

describe('whether there is enough of a name to check', () => {
  const completeness = (typed: string) => nameCompleteness(prepareName(typed, { asGiven: true }));
  it.each([
    ['John Smith', 'full'],
    ['J Smith', 'full'],
    ['Smith, J', 'full'],
    ['  JOHN   SMITH  ', 'full'],
    ['Imran', 'one word'],
    ['Khan', 'one word'],
    ['Mr Khan', 'one word'],
    ['Sarah K', 'one word'],
    ['Imran the courier', 'one word'],
    ['Dave from the council', 'one word'],
    ['Williams Jonas Ltd courier', 'no name'],
    ['DPD courier', 'no name'],
    // Driver is a surname too, so it stays: one word, still not enough to check.
    ['DPD driver', 'one word'],
    ['Leeds City Council', 'no name'],
    ['', 'no name'],
    ['   ', 'no name'],
  ])('%s is %s', (typed, expected) => {
    expect(completeness(typed)).toBe(expected);
  });
});

describe('half a name, typed so far', () => {
  const isStart = (typed: string, recorded: string) =>
    isStartOfName(prepareName(typed, { asGiven: true }), prepareName(recorded));
  it.each([
    ['Sarah Kh', 'Sarah Khan', true],
    ['Sarah K', 'Sarah Khan', true],
    ['SARAH KHA', 'Sarah Khan', true],
    ['Sally Kh', 'Sarah Khan', true],
    ['Sarah Jo', 'Sarah Smith-Jones', true],
    ['Sarah Khan', 'Sarah Khan', false],
    ['John Smith', 'John Smithson', false],
    ['Dawn Kh', 'Sarah Khan', false],
    ['Sarah Mo', 'Sarah Khan', false],
  ])('%s could be the start of %s: %s', (typed, recorded, expected) => {
    expect(isStart(typed, recorded)).toBe(expected);
  });
});
