import { useCallback, useEffect, useState } from 'react';
import type { IpcReply } from '@shared/ipc/contract';
import { windowApi } from '../platform/window-api';

export type MailStatus =
  | { readonly kind: 'loading' }
  | { readonly kind: 'no-bridge' }
  | { readonly kind: 'ready'; readonly view: IpcReply<'mail:get-settings'> };

async function readStatus(): Promise<MailStatus> {
  const api = windowApi();
  if (!api) return { kind: 'no-bridge' };
  const result = await api['mail:get-settings']({});
  return result.ok ? { kind: 'ready', view: result.value } : { kind: 'no-bridge' };
}

/** The mail settings as the main process holds them (never the password), and a way to read them again. */
export function useMailStatus() {
  const [status, setStatus] = useState<MailStatus>({ kind: 'loading' });
  const reload = useCallback(async () => setStatus(await readStatus()), []);
  useEffect(() => {
    let isCurrent = true;
    readStatus()
      .then((next) => {
        if (isCurrent) setStatus(next);
      })
      .catch((error: unknown) => console.error('Could not read the mail settings', error));
    return () => {
      isCurrent = false;
    };
  }, []);
  return {
    status,
    reload,
    isConfigured: status.kind === 'ready' && status.view.settings !== null && status.view.hasPassword,
  };
}
