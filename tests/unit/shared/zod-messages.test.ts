import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import '@shared/zod-setup';
import { declarationFormSchema } from '@shared/schemas/declarations';
import { emailSchema } from '@shared/schemas/common';

const messagesOf = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

/** What the library would have said: none of it may reach a person. */
const libraryWords = /invalid input|expected|received|too small|too big|invalid option|must contain/i;

describe('a problem a schema gives no words for is told plainly', () => {
  it.each([
    ['a field left out', z.object({ name: z.string() }), {}, 'This needs filling in.'],
    [
      'a number given as text',
      z.object({ minutes: z.number() }),
      { minutes: 'ten' },
      'This is not in the form expected. Check it and try again.',
    ],
    ['an empty required text', z.string().min(1), '', 'This needs filling in.'],
    ['text too short', z.string().min(12), 'short', 'Use at least 12 characters.'],
    ['text too long', z.string().max(200), 'x'.repeat(201), 'Use 200 characters or fewer.'],
    ['nothing chosen', z.array(z.string()).min(1), [], 'Choose at least one.'],
    ['a number too large', z.number().max(60), 61, 'This must be 60 or less.'],
    ['an option that is not one', z.enum(['phone', 'visit']), 'letter', 'Choose one of the options given.'],
    ['a malformed email', z.email(), 'dawn at example', 'Enter an email address like name@example.org.'],
    [
      'a key that does not belong',
      z.object({}).strict(),
      { extra: 1 },
      'This is not in the form expected. Check it and try again.',
    ],
  ])('%s', (_what, schema, value, message) => {
    expect(messagesOf(schema, value)).toEqual([message]);
  });

  it('a schema’s own words still come first', () => {
    expect(messagesOf(emailSchema, 'dawn at example')).toEqual([
      'Enter an email address, like name@example.org.',
    ]);
  });

  it('a declaration draft kept by an older version, its line manager missing, reads as plain words', () => {
    const messages = messagesOf(declarationFormSchema, {});
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).not.toMatch(libraryWords);
  });
});
