import type { z } from 'zod';

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

const lengthOf = (count: number | bigint) => (Number(count) === 1 ? '1 character' : `${count} characters`);

/**
 * The words a person sees for a problem a schema found where the schema names none of its own.
 * Most fields carry their own message ("There is no 31 April 2026. Check the date of the
 * contact."); these are the fallback, so that nothing on screen ever reads as a library's
 * ("Invalid input: expected string, received undefined"): a draft kept by an older version, a
 * field a form forgot, a value edited outside Family Links.
 */
export function plainMessage(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? 'This needs filling in.'
        : 'This is not in the form expected. Check it and try again.';
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? 'This needs filling in.'
          : `Use at least ${lengthOf(issue.minimum)}.`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return Number(issue.minimum) <= 1 ? 'Choose at least one.' : `Choose at least ${issue.minimum}.`;
      return `This must be ${issue.minimum} or more.`;
    case 'too_big':
      if (issue.origin === 'string') return `Use ${lengthOf(issue.maximum)} or fewer.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Choose no more than ${issue.maximum}.`;
      return `This must be ${issue.maximum} or less.`;
    case 'invalid_format':
      return issue.format === 'email'
        ? 'Enter an email address like name@example.org.'
        : 'This is not in the form expected. Check it and try again.';
    case 'invalid_value':
      return 'Choose one of the options given.';
    case 'not_multiple_of':
      return `This must be a multiple of ${issue.divisor}.`;
    default:
      return 'This is not in the form expected. Check it and try again.';
  }
}
