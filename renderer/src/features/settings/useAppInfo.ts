import { useEffect, useState } from 'react';
import type { IpcReply } from '@shared/ipc/contract';
import { windowApi } from '../../platform/window-api';

export type AppInfoState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly info: IpcReply<'app:get-info'> }
  | { readonly kind: 'failed'; readonly message: string };

/** The app's version and runtime, asked of the main process (support calls need them). */
export function useAppInfo(): AppInfoState {
  const [state, setState] = useState<AppInfoState>(() =>
    windowApi()
      ? { kind: 'loading' }
      : { kind: 'failed', message: 'This window is not connected to Family Links’ background service.' },
  );
  useEffect(() => {
    const api = windowApi();
    if (!api) return;
    let isCurrent = true;
    void api['app:get-info']({}).then((result) => {
      if (!isCurrent) return;
      setState(
        result.ok ? { kind: 'ready', info: result.value } : { kind: 'failed', message: result.error.message },
      );
    });
    return () => {
      isCurrent = false;
    };
  }, []);
  return state;
}
