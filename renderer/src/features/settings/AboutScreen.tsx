import { useEffect, useState } from 'react';
import type { IpcReply } from '@shared/ipc/contract';
import { Banner } from '../../ui/Banner';
import { windowApi } from '../../platform/window-api';

type AboutState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly info: IpcReply<'app:get-info'> }
  | { readonly kind: 'failed'; readonly message: string };

/** Version and runtime, asked of the main process over the IPC contract (support calls need them). */
export function AboutScreen() {
  const [state, setState] = useState<AboutState>(() =>
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

  return (
    <div className="page page--narrow">
      <h1>About Family Links</h1>
      {state.kind === 'loading' ? <p role="status">Loading…</p> : null}
      {state.kind === 'failed' ? <Banner tone="error">{state.message}</Banner> : null}
      {state.kind === 'ready' ? (
        <dl className="details">
          <dt>Version</dt>
          <dd data-testid="app-version">{state.info.version}</dd>
          <dt>Running in</dt>
          <dd>{state.info.runtime === 'electron' ? 'Desktop app' : 'Test harness'}</dd>
          <dt>Platform</dt>
          <dd>{state.info.platform}</dd>
          {state.info.versions.electron ? (
            <>
              <dt>Electron</dt>
              <dd>{state.info.versions.electron}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </div>
  );
}
