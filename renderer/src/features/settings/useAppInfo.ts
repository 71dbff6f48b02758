import type { IpcReply } from '@shared/ipc/contract';
import { windowApi } from '../../platform/window-api';
import { useLoadedValue } from '../../common/useLoadedValue';

export type AppInfoState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly info: IpcReply<'app:get-info'> }
  | { readonly kind: 'failed'; readonly message: string };

const loading: AppInfoState = { kind: 'loading' };
const notConnected: AppInfoState = {
  kind: 'failed',
  message: 'This window is not connected to Family Links’ background service.',
};

async function readAppInfo(): Promise<AppInfoState> {
  const api = windowApi();
  if (!api) return notConnected;
  const result = await api['app:get-info']({});
  return result.ok
    ? { kind: 'ready', info: result.value }
    : { kind: 'failed', message: result.error.message };
}

/** The app's version and runtime, asked of the main process (support calls need them). */
export function useAppInfo(): AppInfoState {
  const read = useLoadedValue(readAppInfo, 'Could not read the app’s version');
  return read ?? (windowApi() ? loading : notConnected);
}
