import { Banner } from '../../ui/Banner';
import { useAppInfo } from './useAppInfo';

/** Version and runtime, asked of the main process over the IPC contract (support calls need them). */
export function AboutScreen() {
  const state = useAppInfo();

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
