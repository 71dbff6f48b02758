import { describe, expect, it } from 'vitest';
import { suggestPeople } from '../../../../../renderer/src/features/door/registered-names';
import { buildPerson } from '../../../../factories';

const zoe = buildPerson({ firstName: 'Zoë', lastName: 'Smith-Jones' });
const sean = buildPerson({ firstName: 'Sean', lastName: "O'Brien", aliases: ['Shaun'] });
const karen = buildPerson({ firstName: 'Karen', lastName: 'Hughes' });
const people = [zoe, sean, karen];

const suggested = (typed: string) => suggestPeople(people, typed).map((person) => person.firstName);

describe('registered family and friends suggested as a name is typed at the door', () => {
  it.each([
    ['the start of the name', 'Kar', ['Karen']],
    ['part of the surname', 'ughes', ['Karen']],
    ['without the accent the keyboard has no key for', 'Zoe', ['Zoë']],
    ['the surname without its hyphen', 'Zoe Smith Jones', ['Zoë']],
    ['without the apostrophe', 'Sean OBrien', ['Sean']],
    ['with a curly apostrophe, as pasted or autocorrected', 'Sean O’Brien', ['Sean']],
    ['with the apostrophe typed as a space', 'sean o brien', ['Sean']],
    ['surname first, as on ID', 'Hughes Karen', ['Karen']],
    ['with spaces before, between and after', '  Karen   Hughes ', ['Karen']],
    ['an alias', 'Shaun', ['Sean']],
  ])('finds them by %s (%s)', (_case, typed, expected) => {
    expect(suggested(typed)).toEqual(expected);
  });

  it.each([
    ['one letter', 'K'],
    ['punctuation alone', "' -"],
    ['a name nobody has', 'Dawn Morris'],
  ])('suggests nobody for %s', (_case, typed) => {
    expect(suggested(typed)).toEqual([]);
  });

  it('puts those whose name starts with what was typed first', () => {
    const jones = buildPerson({ firstName: 'Jones', lastName: 'Baker' });
    expect(suggestPeople([zoe, jones], 'Jones').map((person) => person.firstName)).toEqual(['Jones', 'Zoë']);
  });
});
