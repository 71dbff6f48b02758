import type { z } from 'zod';
import {
  ipcContract,
  isIpcChannel,
  type IpcChannel,
  type IpcContract,
  type IpcReply,
} from '../../shared/ipc/contract';
import { fieldMessages, type IpcResult } from '../../shared/ipc/ipc-result';
import type { Log } from './services/clock-and-log';

/** What a handler receives: the request as the contract's schema parsed it. */
export type IpcHandlers = {
  readonly [Channel in IpcChannel]: (
    request: z.infer<IpcContract[Channel]['request']>,
  ) => Promise<IpcResult<IpcReply<Channel>>>;
};

export type IpcSender = { readonly url: string };

export type IpcRouterOptions = {
  /** True only for frames the app itself loaded (its own origin); anything else is refused. */
  readonly isTrustedSender: (sender: IpcSender) => boolean;
  readonly log: Log;
};

export type IpcRouter = {
  dispatch(channel: unknown, payload: unknown, sender: IpcSender): Promise<IpcResult<unknown>>;
};

/**
 * The one place a call from the renderer enters the main process's services. Plain Node (no
 * `electron` import), so the Electron main process and the end-to-end harness route through the
 * very same code: the sender is checked, the payload is parsed with the contract's schema, the
 * handler's reply is checked against the contract too, and anything thrown becomes a typed
 * failure with a message for a person, never a raw error string.
 */
export function createIpcRouter(handlers: IpcHandlers, options: IpcRouterOptions): IpcRouter {
  return {
    async dispatch(channel, payload, sender) {
      if (!options.isTrustedSender(sender)) {
        options.log('Refused an IPC call from an untrusted frame', { channel, url: sender.url });
        return {
          ok: false,
          error: {
            code: 'forbidden-sender',
            message: 'This request did not come from Family Links and was refused.',
          },
        };
      }
      if (!isIpcChannel(channel)) {
        options.log('Refused a call on an unknown IPC channel', { channel });
        return {
          ok: false,
          error: {
            code: 'unknown-channel',
            message: 'The app asked for something its background service does not offer.',
          },
        };
      }
      const spec = ipcContract[channel];
      const request = safeParseOrRefuse(spec.request, payload);
      if (!request.success) {
        return {
          ok: false,
          error: {
            code: 'invalid-request',
            message: 'The request was not in the expected form, so nothing was done.',
            fields: request.error ? fieldMessages(request.error) : {},
          },
        };
      }
      try {
        const handler = handlers[channel] as (request: unknown) => Promise<IpcResult<unknown>>;
        const result = await handler(request.data);
        if (!result.ok) return result;
        const reply = spec.reply.safeParse(result.value);
        if (!reply.success) {
          options.log('An IPC handler replied outside its contract', { channel, issues: reply.error.issues });
          return {
            ok: false,
            error: {
              code: 'invalid-reply',
              message: 'Something went wrong in the background service. Nothing was changed.',
            },
          };
        }
        return { ok: true, value: reply.data };
      } catch (error) {
        options.log('An IPC handler threw', { channel, error });
        return {
          ok: false,
          error: {
            code: 'failed',
            message: 'Something went wrong in the background service. Nothing was changed; try again.',
          },
        };
      }
    },
  };
}

/**
 * zod's own `safeParse` can still throw on some hostile shapes: a length check on an object whose
 * `length` cannot be turned into a number (`{ length: { toString: 1 } }`) throws a TypeError inside
 * zod. A payload the schema cannot even judge is refused as invalid, like any other bad payload.
 */
function safeParseOrRefuse<Schema extends z.ZodType>(
  schema: Schema,
  payload: unknown,
): { success: true; data: z.infer<Schema> } | { success: false; error?: z.ZodError } {
  try {
    return schema.safeParse(payload);
  } catch {
    return { success: false };
  }
}
