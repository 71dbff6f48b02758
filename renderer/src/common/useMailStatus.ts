import { useCallback, useState } from 'react';
import type { IpcReply } from '@shared/ipc/contract';
import { windowApi } from '../platform/window-api';
import { useLoadedValue } from './useLoadedValue';

export type MailStatus =
  | { readonly kind: 'loading' }
  | { readonly kind: 'no-bridge' }
  | { readonly kind: 'ready'; readonly view: IpcReply<'mail:get-settings'> };

const loading: MailStatus = { kind: 'loading' };

async function readStatus(): Promise<MailStatus> {
  const api = windowApi();
  if (!api) return { kind: 'no-bridge' };
  const result = await api['mail:get-settings']({});
  return result.ok ? { kind: 'ready', view: result.value } : { kind: 'no-bridge' };
}

/** The mail settings as the main process holds them (never the password), and a way to read them again. */
export function useMailStatus() {
  const loaded = useLoadedValue(readStatus, 'Could not read the mail settings');
  // Read again after a change here: newer than the first read, however the two arrive.
  const [reloaded, setReloaded] = useState<MailStatus | undefined>();
  const reload = useCallback(async () => setReloaded(await readStatus()), []);
  const status = reloaded ?? loaded ?? loading;
  return {
    status,
    reload,
    isConfigured: status.kind === 'ready' && status.view.settings !== null && status.view.hasPassword,
  };
}
