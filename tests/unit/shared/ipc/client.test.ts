import { describe, expect, it, vi } from 'vitest';
import { buildApi, type RawInvoke, type RawSubscribe } from '../../../../shared/ipc/client';
import { ipcChannels, type IpcEventName, type IpcRequest } from '../../../../shared/ipc/contract';

const goodInfo = {
  name: 'Family Links',
  version: '0.1.0',
  runtime: 'harness',
  platform: 'linux',
  versions: { node: '20.20.2' },
} as const;

function apiOver(invoke: RawInvoke) {
  const transport = vi.fn(invoke);
  const subscribe = vi.fn<RawSubscribe>(() => () => undefined);
  return { api: buildApi(transport, subscribe), transport, subscribe };
}

/** A request the contract forbids, typed as an allowed one so the call compiles. */
const forbidden = (request: unknown) => request as IpcRequest<'app:get-info'>;

describe('window.api checks each request before it leaves', () => {
  it.each([
    ['an extra field', { deleteEverything: true }],
    ['no object at all', null],
    ['a string', 'app:get-info'],
  ])('%s gives invalid-request and never reaches the transport', async (_case, request) => {
    const { api, transport } = apiOver(() => Promise.resolve({ ok: true, value: goodInfo }));
    const result = await api['app:get-info'](forbidden(request));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', fields: expect.any(Object) as unknown },
    });
    expect(transport).not.toHaveBeenCalled();
  });

  it('sends a good request on its own channel', async () => {
    const { api, transport } = apiOver(() => Promise.resolve({ ok: true, value: goodInfo }));
    await api['app:get-info']({});
    expect(transport).toHaveBeenCalledExactlyOnceWith('app:get-info', {});
  });
});

describe('window.api when the transport fails', () => {
  it.each([
    ['rejects', () => Promise.reject(new Error('No handler registered for app:get-info'))],
    [
      'throws at once',
      () => {
        throw new Error('Object has been destroyed');
      },
    ],
  ] satisfies [string, RawInvoke][])(
    'a transport that %s gives unavailable, with a message for a person',
    async (_case, invoke) => {
      const { api } = apiOver(invoke);
      const result = await api['app:get-info']({});
      expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      if (!result.ok) {
        expect(result.error.message).toContain('Family Links');
        expect(result.error.message).not.toMatch(/handler|destroyed/i);
      }
    },
  );
});

describe('window.api checks each reply when it arrives', () => {
  it.each([
    ['nothing', undefined],
    ['a bare value', goodInfo],
    ['an envelope with ok as text', { ok: 'true', value: goodInfo }],
    ['a failure without an error', { ok: false }],
    [
      'a failure with a code outside the list',
      { ok: false, error: { code: 'teapot', message: 'I am a teapot.' } },
    ],
    ['a failure without a message', { ok: false, error: { code: 'failed' } }],
  ])('a reply that is %s (not the envelope) gives invalid-reply', async (_case, reply) => {
    const { api } = apiOver(() => Promise.resolve(reply));
    expect(await api['app:get-info']({})).toMatchObject({ ok: false, error: { code: 'invalid-reply' } });
  });

  it.each([
    ['a missing field', { ok: true, value: { ...goodInfo, version: undefined } }],
    ['a runtime the contract does not name', { ok: true, value: { ...goodInfo, runtime: 'browser' } }],
    ['no value', { ok: true }],
  ])('an envelope whose value has %s (not the contract) gives invalid-reply', async (_case, reply) => {
    const { api } = apiOver(() => Promise.resolve(reply));
    expect(await api['app:get-info']({})).toMatchObject({ ok: false, error: { code: 'invalid-reply' } });
  });

  it('passes a failure through with its message and fields', async () => {
    const error = {
      code: 'invalid-request',
      message: 'Check the dates.',
      fields: { 'terms.1.startsOn': 'Starts before autumn ends.' },
    };
    const { api } = apiOver(() => Promise.resolve({ ok: false, error }));
    expect(await api['app:get-info']({})).toEqual({ ok: false, error });
  });

  it('gives a good reply as parsed by the contract, without fields the contract does not name', async () => {
    const { api } = apiOver(() =>
      Promise.resolve({ ok: true, value: { ...goodInfo, homeDirectory: '/home/staff' } }),
    );
    expect(await api['app:get-info']({})).toEqual({ ok: true, value: goodInfo });
  });
});

describe('window.api’s shape', () => {
  it('has one method per channel and onEvent, and cannot be changed by the page', () => {
    const { api } = apiOver(() => Promise.resolve(undefined));
    expect(Object.keys(api).sort()).toEqual([...ipcChannels, 'onEvent'].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });
});

describe('window.api’s events', () => {
  function withEvents() {
    let deliver: (payload: unknown) => void = () => undefined;
    const unsubscribe = vi.fn();
    const subscribe = vi.fn<RawSubscribe>((_name, listener) => {
      deliver = listener;
      return unsubscribe;
    });
    const api = buildApi(() => Promise.resolve(undefined), subscribe);
    return { api, subscribe, unsubscribe, deliver: (payload: unknown) => deliver(payload) };
  }

  it('delivers a payload that matches the contract and returns the transport’s unsubscribe', () => {
    const { api, subscribe, unsubscribe, deliver } = withEvents();
    const listener = vi.fn();
    const stop = api.onEvent('system:lock-requested', listener);
    expect(subscribe).toHaveBeenCalledWith('system:lock-requested', expect.any(Function));
    deliver({ reason: 'screen-locked' });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ reason: 'screen-locked' });
    stop();
    expect(unsubscribe).toHaveBeenCalledOnce();
  });

  it.each([
    ['an unknown reason', { reason: 'because' }],
    ['nothing', undefined],
    ['a string', 'screen-locked'],
  ])('drops a payload with %s', (_case, payload) => {
    const { api, deliver } = withEvents();
    const listener = vi.fn();
    api.onEvent('system:lock-requested', listener);
    deliver(payload);
    expect(listener).not.toHaveBeenCalled();
  });

  it('refuses to listen for an event the contract does not name', () => {
    const { api, subscribe } = withEvents();
    expect(() => api.onEvent('system:format-disk' as IpcEventName, () => undefined)).toThrow(/Unknown event/);
    expect(subscribe).not.toHaveBeenCalled();
  });
});
