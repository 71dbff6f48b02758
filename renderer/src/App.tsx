import { AppErrorBoundary } from './app/AppErrorBoundary';
import { DatabaseGate } from './app/DatabaseGate';
import { AppShell } from './app/AppShell';

/** Opens the records, then shows the app; each layer shows a plain message if it cannot. */
export function App() {
  return (
    <AppErrorBoundary>
      <DatabaseGate>
        <AppShell />
      </DatabaseGate>
    </AppErrorBoundary>
  );
}
