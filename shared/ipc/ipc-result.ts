import { z } from 'zod';
import type { Result } from '../result';

/** Why a call across the bridge failed, as the renderer sees it. */
export const ipcErrorCodes = [
  'invalid-request',
  'invalid-reply',
  'unknown-channel',
  'forbidden-sender',
  /** A request only a Registered Manager may make, without a proof the main process accepts. */
  'not-permitted',
  'unavailable',
  'failed',
] as const;
export type IpcErrorCode = (typeof ipcErrorCodes)[number];
export type IpcResult<Value> = Result<Value, IpcErrorCode>;

/** The envelope every reply crosses in; checked on both sides so nothing untyped leaks through. */
export const ipcEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.enum(ipcErrorCodes),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  }),
]);

/** Turns zod's issues into per-field messages (`terms.1.startsOn` -> message). */
export function fieldMessages(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '(request)';
    fields[key] ??= issue.message;
  }
  return fields;
}
