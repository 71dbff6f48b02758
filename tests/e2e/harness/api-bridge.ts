// No zod JIT here either, as the app's CSP forces (see shared/zod-setup.ts); imported before the contract.
import '../../../shared/zod-setup';
import { buildApi } from '../../../shared/ipc/client';
import type { IpcEventName } from '../../../shared/ipc/contract';
import { emitHookName, invokeBindingName, type HarnessGlobal } from './bridge-globals';

// Runs in the page before any of its own scripts (context.addInitScript). It does what the
// preload does in the desktop app: builds `window.api` from the contract, here over the
// Playwright binding instead of ipcRenderer, so the renderer cannot tell the two apart.

// Typed view of the page's global object; the harness's own properties are optional on it.
const page: typeof globalThis & HarnessGlobal = globalThis;

function install(): void {
  // Init scripts run in every frame, but Electron runs the preload in the top frame only
  // (nodeIntegrationInSubFrames is off), so subframes get no window.api here either.
  const topFrame: unknown = page.top;
  if (topFrame !== globalThis) return;
  // A realm that already has the bridge keeps it.
  if (Object.hasOwn(page, 'api')) return;
  // Taken now, before page script runs, so later changes to the global cannot redirect calls.
  const invoke = page[invokeBindingName];
  const listeners = new Map<IpcEventName, Set<(payload: unknown) => void>>();

  const api = buildApi(
    (channel, request) => {
      if (!invoke) return Promise.reject(new Error('The harness binding is missing from this page.'));
      return invoke(channel, request);
    },
    (name, listener) => {
      const forName = listeners.get(name) ?? new Set();
      listeners.set(name, forName);
      forName.add(listener);
      return () => forName.delete(listener);
    },
  );
  // Like contextBridge.exposeInMainWorld: page script can neither replace nor delete it.
  Object.defineProperty(page, 'api', { value: api, writable: false, configurable: false, enumerable: true });
  // How the test plays the main process sending an event (the app checks the payload, as always).
  Object.defineProperty(page, emitHookName, {
    value: (name: string, payload: unknown) => {
      for (const [eventName, forName] of listeners) {
        if (eventName === name) for (const listener of forName) listener(payload);
      }
    },
    writable: false,
    configurable: false,
    enumerable: false,
  });
}

install();
