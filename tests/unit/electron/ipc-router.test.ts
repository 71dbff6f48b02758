import { describe, expect, it, vi } from 'vitest';
import type { IpcResult } from '../../../shared/ipc/ipc-result';
import { appEntryUrl, appOrigin, isAppUrl } from '../../../electron/main/app-origin';
import { createIpcRouter, type IpcHandlers, type IpcSender } from '../../../electron/main/ipc-router';

// The router is generic over the contract, but the real contract has only one channel with an
// empty request, which cannot show per-field messages or a parsed (trimmed) request. So these tests
// route over a small stand-in contract with named fields; ipc-handlers.test.ts runs the real one.
vi.mock('../../../shared/ipc/contract', async () => {
  const { z } = await import('zod');
  const ipcContract = {
    'visitor:greet': {
      request: z
        .object({
          name: z.string().trim().min(1, 'Enter a name.'),
          party: z.number().int().positive('At least one person.'),
        })
        .strict(),
      reply: z.object({ greeting: z.string(), party: z.number() }),
    },
  };
  return {
    ipcContract,
    ipcEvents: {},
    ipcChannels: Object.keys(ipcContract),
    isIpcChannel: (name: unknown) => typeof name === 'string' && Object.hasOwn(ipcContract, name),
  };
});

type GreetRequest = { name: string; party: number };
type Handler = (request: GreetRequest) => Promise<IpcResult<unknown>> | IpcResult<unknown>;

const trusted: IpcSender = { url: appEntryUrl };
const goodRequest = { name: 'Sam', party: 2 };

function routerWith(handler: Handler) {
  const log = vi.fn<(message: string, detail?: unknown) => void>();
  const spy = vi.fn(handler);
  // The handlers' type comes from the real contract; the stand-in contract has other channels.
  const handlers = { 'visitor:greet': spy } as unknown as IpcHandlers;
  const router = createIpcRouter(handlers, { isTrustedSender: (sender) => isAppUrl(sender.url), log });
  return { router, handler: spy, log };
}

const greet: Handler = (request) => ({
  ok: true,
  value: { greeting: `Hello ${request.name}`, party: request.party },
});

describe('the IPC router refuses callers that are not the app', () => {
  it.each([
    ['a web page', 'https://evil.example/index.html'],
    ['a local file', 'file:///home/staff/Downloads/page.html'],
    ['another host on the app scheme', 'app://other-app/index.html'],
    ['a host that only starts like the app', `${appOrigin}.evil.example/index.html`],
    ['a sub-frame (ipc.ts reports these as about:blank)', 'about:blank#not-top-frame'],
    ['an unparseable address', 'not a url'],
  ])('%s gets forbidden-sender, and the handler never runs', async (_case, url) => {
    const { router, handler, log } = routerWith(greet);
    const result = await router.dispatch('visitor:greet', goodRequest, { url });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(handler).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('untrusted'), expect.objectContaining({ url }));
  });
});

describe('the IPC router refuses channels outside the contract', () => {
  it.each([
    ['an unknown name', 'visitor:delete-all'],
    ['an inherited property name', 'toString'],
    ['__proto__', '__proto__'],
    ['a number', 42],
    ['nothing', undefined],
  ])('%s gets unknown-channel', async (_case, channel) => {
    const { router, handler } = routerWith(greet);
    const result = await router.dispatch(channel, goodRequest, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('the IPC router refuses requests outside the contract, saying which field is wrong', () => {
  it.each([
    ['an empty name', { name: '   ', party: 2 }, { name: 'Enter a name.' }],
    ['a party of none', { name: 'Sam', party: 0 }, { party: 'At least one person.' }],
    ['a party given as text', { name: 'Sam', party: '2' }, { party: expect.any(String) as unknown }],
    [
      'both fields missing',
      {},
      { name: expect.any(String) as unknown, party: expect.any(String) as unknown },
    ],
    ['an extra field', { ...goodRequest, admin: true }, { '(request)': expect.any(String) as unknown }],
    ['no object at all', null, { '(request)': expect.any(String) as unknown }],
  ])(
    '%s gets invalid-request with per-field messages, and the handler never runs',
    async (_case, payload, fields) => {
      const { router, handler } = routerWith(greet);
      const result = await router.dispatch('visitor:greet', payload, trusted);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', fields } });
      if (!result.ok)
        expect(Object.keys(result.error.fields ?? {}).sort()).toEqual(Object.keys(fields).sort());
      expect(handler).not.toHaveBeenCalled();
    },
  );
});

describe('the IPC router turns a handler that throws into a failure a person can read', () => {
  const secret = 'ENOENT: /home/staff/case-files/J.B. 2026-03-01.pdf';
  it.each([
    ['rejects', () => Promise.reject(new Error(secret))],
    [
      'throws before returning a promise',
      () => {
        throw new Error(secret);
      },
    ],
  ] satisfies [string, Handler][])(
    'a handler that %s gives failed, logged with the error',
    async (_case, handler) => {
      const { router, log } = routerWith(handler);
      const result = await router.dispatch('visitor:greet', goodRequest, trusted);
      expect(result).toMatchObject({ ok: false, error: { code: 'failed' } });
      if (!result.ok) {
        expect(result.error.message).toMatch(/^[A-Z].+\.( |$)/);
        // The raw error (paths, names) stays in the log; it is not shown to whoever is at the screen.
        expect(result.error.message).not.toContain('ENOENT');
      }
      expect(log).toHaveBeenCalledWith(
        expect.stringContaining('threw'),
        expect.objectContaining({
          channel: 'visitor:greet',
          error: expect.objectContaining({ message: secret }) as unknown,
        }),
      );
    },
  );
});

describe('the IPC router checks the handler’s reply against the contract', () => {
  it.each([
    ['a missing field', { greeting: 'Hello' }],
    ['a field of the wrong type', { greeting: 7, party: 2 }],
    ['no value at all', undefined],
  ])('a reply with %s gives invalid-reply and is logged', async (_case, value) => {
    const { router, log } = routerWith(() => ({ ok: true, value }));
    const result = await router.dispatch('visitor:greet', goodRequest, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-reply' } });
    expect(log).toHaveBeenCalledWith(
      expect.stringContaining('outside its contract'),
      expect.objectContaining({ channel: 'visitor:greet' }),
    );
  });

  it('passes a handler’s own failure through unchanged', async () => {
    const failure = {
      ok: false,
      error: { code: 'failed', message: 'The case-file folder is full.' },
    } as const;
    const { router } = routerWith(() => failure);
    expect(await router.dispatch('visitor:greet', goodRequest, trusted)).toEqual(failure);
  });
});

describe('a good call passes through', () => {
  it('gives the handler the parsed request and the renderer the parsed reply', async () => {
    const { router, handler, log } = routerWith((request) => ({
      ok: true,
      value: { greeting: `Hello ${request.name}`, party: request.party, internalNote: 'not in the contract' },
    }));
    const result = await router.dispatch('visitor:greet', { name: '  Sam  ', party: 2 }, trusted);
    // The schema trims the name before the handler sees it, and drops reply fields the contract
    // does not name, so nothing unplanned crosses to the renderer.
    expect(handler).toHaveBeenCalledWith({ name: 'Sam', party: 2 });
    expect(result).toEqual({ ok: true, value: { greeting: 'Hello Sam', party: 2 } });
    expect(log).not.toHaveBeenCalled();
  });

  it('accepts any page of the app, not only its entry page', async () => {
    const { router } = routerWith(greet);
    const result = await router.dispatch('visitor:greet', goodRequest, {
      url: `${appOrigin}/settings/home?tab=2#top`,
    });
    expect(result.ok).toBe(true);
  });
});

describe('the IPC router refuses payloads the schema cannot even judge', () => {
  it('a length that cannot become a number is refused as invalid, and the handler never runs', async () => {
    const { router, handler } = routerWith(greet);
    const hostile = { name: { length: { toString: 1 } }, party: 2 };
    const result = await router.dispatch('visitor:greet', hostile, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(handler).not.toHaveBeenCalled();
  });
});
