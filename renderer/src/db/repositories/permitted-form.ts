import type { z } from 'zod';
import { can, type Permission } from '@shared/rules/access';
import { fieldMessages } from '@shared/ipc/ipc-result';
import { fail, ok, type Result } from '@shared/result';
import type { Session } from '../session';

/**
 * What a screen sent, checked before anything is read or written: someone whose roles lack the
 * permission is refused with `refusal`; a form that does not pass its schema comes back with
 * `invalid` and a message for each field to correct.
 */
export function permittedForm<Form>(
  session: Session,
  permission: Permission,
  refusal: string,
  schema: z.ZodType<Form>,
  input: unknown,
  invalid = 'Some details need correcting.',
): Result<Form, 'forbidden' | 'invalid'> {
  if (!can(session.roles, permission)) return fail('forbidden', refusal);
  return validForm(schema, input, invalid);
}

/**
 * What a screen sent, checked against its schema: a form that does not pass comes back as
 * `invalid`, with `invalid` as the message and a message for each field to correct.
 */
export function validForm<Form>(
  schema: z.ZodType<Form>,
  input: unknown,
  invalid = 'Some details need correcting.',
): Result<Form, 'invalid'> {
  const form = schema.safeParse(input);
  return form.success ? ok(form.data) : fail('invalid', invalid, fieldMessages(form.error));
}
