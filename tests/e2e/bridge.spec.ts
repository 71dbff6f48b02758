import type { IpcResult } from '../../shared/ipc/ipc-result';
import { emitHookName, invokeBindingName, type HarnessGlobal } from './harness/bridge-globals';
import { electronBinary, expect, test } from './harness/fixtures';
import { packageInfo } from './harness/harness-services';
import { blankPagePath } from './harness/harness-server';

// The journey here is the app's own: whatever the renderer sends to the main process goes
// through window.api, is checked against the contract, and comes back as a value with a
// message for a person, never as a crash.

type Failure = Extract<IpcResult<unknown>, { ok: false }>;

function expectFailure(result: unknown, code: Failure['error']['code']): void {
  expect(result).toMatchObject({ ok: false, error: { code } });
  const { error } = result as Failure;
  // A message written for a person: a sentence, not a code or a stack trace.
  expect(error.message).toMatch(/^[A-Z].{20,}[.!]$/);
  expect(error.message).not.toMatch(/Error:|at .*\(|undefined/);
}

test.describe('the app talks to its services over the contract', () => {
  test('the app asks who it is and gets the version it was built as', async ({ app }) => {
    await app.startEmpty();
    const reply = await app.api('app:get-info', {});
    expect(reply).toMatchObject({
      ok: true,
      value: { name: 'Family Links', version: packageInfo().version, runtime: app.runtime },
    });
  });

  test('a request outside the contract is refused with a message, and the app carries on', async ({
    app,
    page,
  }) => {
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await app.startEmpty();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    // Through window.api, as a renderer bug would send it: refused before it leaves the page.
    const fromApi = await page.evaluate(async () => {
      const harness: typeof globalThis & HarnessGlobal = globalThis;
      const call = harness.api?.['app:get-info'] as ((request: unknown) => Promise<unknown>) | undefined;
      return call?.({ unexpected: 1 });
    });
    expectFailure(fromApi, 'invalid-request');

    // And the app still answers a proper request, with nothing thrown in the page.
    expect(await app.api('app:get-info', {})).toMatchObject({ ok: true });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(pageErrors).toEqual([]);
  });

  test('window.api cannot be replaced or changed by script in the page', async ({ app, page }) => {
    await app.startEmpty();
    const attempts = await page.evaluate(() => {
      const harness: typeof globalThis & HarnessGlobal = globalThis;
      const original = harness.api;
      // Each attempt says whether the change took; a TypeError (strict code) counts as refused.
      const attempt = (change: () => boolean): 'changed' | 'refused' => {
        try {
          return change() ? 'changed' : 'refused';
        } catch {
          return 'refused';
        }
      };
      const forged = { 'app:get-info': () => Promise.resolve({ ok: true, value: 'forged' }) };
      return {
        assign: attempt(() => Reflect.set(globalThis, 'api', forged)),
        redefine: attempt(() => {
          Object.defineProperty(globalThis, 'api', { value: forged });
          return true;
        }),
        remove: attempt(() => Reflect.deleteProperty(globalThis, 'api')),
        replaceMethod: attempt(
          () => original !== undefined && Reflect.set(original, 'app:get-info', forged['app:get-info']),
        ),
        isSameObject: harness.api === original && original !== undefined,
      };
    });
    expect(attempts).toEqual({
      assign: 'refused',
      redefine: 'refused',
      remove: 'refused',
      replaceMethod: 'refused',
      isSameObject: true,
    });
    expect(await app.api('app:get-info', {})).toMatchObject({ ok: true, value: { runtime: app.runtime } });
  });
});

// The raw binding and a second origin exist only in the harness: in the desktop app the page has
// no ipcRenderer to misuse and cannot open other pages (the window refuses navigation and popups),
// so these checks are defined only when the specs run in the harness.
if (!electronBinary) {
  test.describe('the main process refuses what the app did not send', () => {
    test('a malformed payload or an unknown channel reaching the main process is refused', async ({
      app,
      page,
    }) => {
      await app.startEmpty();
      const replies = await page.evaluate(
        async ([bindingName]) => {
          const harness: typeof globalThis & HarnessGlobal = globalThis;
          const invoke = harness[bindingName];
          if (!invoke) throw new Error('The harness binding is missing.');
          return {
            malformed: await invoke('app:get-info', { unexpected: 1 }),
            unknown: await invoke('records:delete-everything', {}),
          };
        },
        [invokeBindingName] as const,
      );
      expectFailure(replies.malformed, 'invalid-request');
      expect(replies.malformed).toMatchObject({ error: { fields: { '(request)': expect.any(String) } } });
      expectFailure(replies.unknown, 'unknown-channel');
      expect(await app.api('app:get-info', {})).toMatchObject({ ok: true });
    });

    test('a page from another origin cannot use the app’s services', async ({ app, otherOriginServer }) => {
      await app.startEmpty();
      // The binding is context-wide, so the other page gets window.api too: the sender check stops it.
      const stranger = await app.page.context().newPage();
      await stranger.goto(otherOriginServer.origin + blankPagePath);
      const reply = await stranger.evaluate(async () => {
        const harness: typeof globalThis & HarnessGlobal = globalThis;
        return harness.api?.['app:get-info']({});
      });
      expectFailure(reply, 'forbidden-sender');
      expect(app.mainProcessLog).toContainEqual({
        message: 'Refused an IPC call from an untrusted frame',
        detail: { channel: 'app:get-info', url: otherOriginServer.origin + blankPagePath },
      });
    });

    test('a frame inside the app’s own page cannot use the app’s services', async ({ app, page }) => {
      await app.startEmpty();
      const fromSubframe = await page.evaluate(
        async ([bindingName, emitName]) => {
          type Document = {
            createElement(tag: 'iframe'): { contentWindow: unknown };
            body: { append(node: unknown): void };
          };
          const harness: typeof globalThis & HarnessGlobal & { document?: Document } = globalThis;
          if (!harness.document) throw new Error('No document in the page.');
          const frame = harness.document.createElement('iframe');
          harness.document.body.append(frame);
          const inner = frame.contentWindow as HarnessGlobal;
          const invoke = inner[bindingName];
          return {
            // Like Electron's preload, the bridge is installed in the top frame only.
            hasApi: inner.api !== undefined || inner[emitName] !== undefined,
            direct: invoke ? await invoke('app:get-info', {}) : 'no binding',
          };
        },
        [invokeBindingName, emitHookName] as const,
      );
      expect(fromSubframe.hasApi).toBe(false);
      expectFailure(fromSubframe.direct, 'forbidden-sender');
    });
  });
}
