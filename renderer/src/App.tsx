import { AppErrorBoundary } from './app/AppErrorBoundary';
import { DatabaseGate } from './app/DatabaseGate';
import { AppShell } from './app/AppShell';
import { SessionProvider } from './security/SessionProvider';
import { UnexpectedErrorBanner } from './app/UnexpectedErrorBanner';

/** Opens the records, then the session, then the app; each layer explains itself if it cannot. */
export function App() {
  return (
    <AppErrorBoundary>
      <DatabaseGate>
        <SessionProvider>
          <UnexpectedErrorBanner />
          <AppShell />
        </SessionProvider>
      </DatabaseGate>
    </AppErrorBoundary>
  );
}
