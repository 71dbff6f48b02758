import { AppErrorBoundary } from './app/AppErrorBoundary';
import { DatabaseGate } from './app/DatabaseGate';
import { AppShell } from './app/AppShell';
import { SyncProvider } from './app/SyncProvider';
import { SessionProvider } from './security/SessionProvider';
import { UnexpectedErrorBanner } from './app/UnexpectedErrorBanner';

/** Opens the records, then the session, then the app; each layer explains itself if it cannot. */
export function App() {
  return (
    <AppErrorBoundary>
      <DatabaseGate>
        <SessionProvider>
          <SyncProvider>
            <UnexpectedErrorBanner />
            <AppShell />
          </SyncProvider>
        </SessionProvider>
      </DatabaseGate>
    </AppErrorBoundary>
  );
}
