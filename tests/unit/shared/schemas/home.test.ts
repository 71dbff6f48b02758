import { describe, expect, it } from 'vitest';
import { homeSettingsSchema } from '../../../../shared/schemas/home';
import { isCalendarDate } from '../../../../shared/schemas/common';

describe('the home’s details', () => {
  it('accept a children’s home URN in any case and default the time zone to Europe/London', () => {
    const parsed = homeSettingsSchema.parse({ name: '  Oakfield House ', ofstedUrn: 'sc123456' });
    expect(parsed).toEqual({ name: 'Oakfield House', ofstedUrn: 'SC123456', timeZone: 'Europe/London' });
  });

  // The runtime's list of zones leaves out UTC and some current names; the runtime still knows them.
  it.each(['Europe/London', 'America/New_York', 'UTC', 'Europe/Kyiv', 'Europe/Kiev'])(
    'accept %s as a time zone',
    (timeZone) => {
      expect(homeSettingsSchema.parse({ name: 'Oakfield', ofstedUrn: '123456', timeZone }).timeZone).toBe(
        timeZone,
      );
    },
  );

  it.each([
    ['an empty name', { name: '   ', ofstedUrn: 'SC123456' }, 'name', 'Enter the home’s name.'],
    [
      'a URN with letters in the wrong place',
      { name: 'Oakfield', ofstedUrn: '12AB34' },
      'ofstedUrn',
      'Enter the Ofsted URN',
    ],
    [
      'a made-up time zone',
      { name: 'Oakfield', ofstedUrn: '123456', timeZone: 'Europe/Atlantis' },
      'timeZone',
      'Choose a time zone from the list.',
    ],
  ])('refuse %s with a message for that field', (_case, input, field, message) => {
    const result = homeSettingsSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((candidate) => candidate.path[0] === field);
    expect(issue?.message).toContain(message);
  });
});

describe('calendar dates', () => {
  it.each([
    ['2026-09-03', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2026-13-01', false],
    ['2026-9-3', false],
    ['03/09/2026', false],
  ])('%s is a real date: %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });
});
