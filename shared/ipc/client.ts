import {
  ipcChannels,
  ipcContract,
  ipcEvents,
  type IpcChannel,
  type IpcEventName,
  type IpcEventPayload,
  type IpcReply,
  type IpcRequest,
} from './contract';
import { fail, ok } from '../result';
import { fieldMessages, ipcEnvelopeSchema, type IpcResult } from './ipc-result';

/** A reply the contract does not describe, whether its envelope or its value is wrong. */
const unreadableReply = () =>
  fail('invalid-reply', 'The app’s background service gave an answer it could not read.');

/** `window.api`: one method per channel, typed from the contract, and `onEvent` for pushes. */
export type FamilyLinksApi = {
  readonly [Channel in IpcChannel]: (request: IpcRequest<Channel>) => Promise<IpcResult<IpcReply<Channel>>>;
} & {
  /** Listens for one event from the main process; returns a function that stops listening. */
  readonly onEvent: <Name extends IpcEventName>(
    name: Name,
    listener: (payload: IpcEventPayload<Name>) => void,
  ) => () => void;
};

/** Sends one request and resolves with whatever came back, unchecked; the transport varies. */
export type RawInvoke = (channel: IpcChannel, request: unknown) => Promise<unknown>;

/** Subscribes to one event's raw payloads; returns the unsubscribe function. */
export type RawSubscribe = (name: IpcEventName, listener: (payload: unknown) => void) => () => void;

/**
 * Builds the API object from the contract over any transport: `ipcRenderer.invoke` in the
 * preload, a Playwright binding in the harness. Requests are checked before they leave, and
 * replies are checked when they arrive, so neither side trusts the other blindly.
 */
export function buildApi(invoke: RawInvoke, subscribe: RawSubscribe): FamilyLinksApi {
  const entries = ipcChannels.map((channel) => {
    const call = async (request: unknown): Promise<IpcResult<unknown>> => {
      try {
        return await checkedCall(request);
      } catch (error) {
        // A bug in this file must reach the screen as a failure to show, not as an exception
        // that leaves a half-finished action waiting for ever.
        console.error(`The call to ${channel} failed unexpectedly`, error);
        return fail('failed', 'Something went wrong talking to the background service. Try again.');
      }
    };
    const checkedCall = async (request: unknown): Promise<IpcResult<unknown>> => {
      const spec = ipcContract[channel];
      const parsedRequest = spec.request.safeParse(request);
      if (!parsedRequest.success)
        return fail(
          'invalid-request',
          'The app tried to send something it should not. Nothing was changed.',
          fieldMessages(parsedRequest.error),
        );
      let raw: unknown;
      try {
        raw = await invoke(channel, parsedRequest.data);
      } catch {
        return fail(
          'unavailable',
          'The app could not reach its background service. Try again; if it keeps happening, restart Family Links.',
        );
      }
      const envelope = ipcEnvelopeSchema.safeParse(raw);
      if (!envelope.success) return unreadableReply();
      if (!envelope.data.ok) return { ok: false, error: envelope.data.error };
      const reply = spec.reply.safeParse(envelope.data.value);
      if (!reply.success) return unreadableReply();
      return ok(reply.data);
    };
    return [channel, call] as const;
  });
  const onEvent = (name: IpcEventName, listener: (payload: unknown) => void): (() => void) => {
    if (!Object.hasOwn(ipcEvents, name)) throw new Error(`Unknown event ${String(name)}`);
    return subscribe(name, (raw) => {
      const payload = ipcEvents[name].safeParse(raw);
      // A malformed push is dropped: acting on it could lock or unlock on a forged signal.
      if (payload.success) listener(payload.data);
    });
  };
  // The mapped type above is what each entry is; TypeScript cannot follow a map over a union of keys.
  const api: unknown = Object.freeze(Object.fromEntries([...entries, ['onEvent', onEvent]]));
  return api as FamilyLinksApi;
}
