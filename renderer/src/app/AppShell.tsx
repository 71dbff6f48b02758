import { lazy, Suspense, type ReactNode } from 'react';
import { SignInScreen } from '../features/accounts/SignInScreen';
import { LockScreen } from '../features/accounts/LockScreen';
import { useSessionApi } from '../security/session-context';
import { ScreenLoading } from './ScreenLoading';
import { useHomeSetUp } from './useHomeSetUp';

// Only the sign-in and unlock forms are in the first chunk; what follows them loads when needed.
const SignedInFrame = lazy(() =>
  import('./SignedInFrame').then((module) => ({ default: module.SignedInFrame })),
);
const FirstRunWithRestore = lazy(() =>
  import('../features/backup/FirstRunWithRestore').then((module) => ({
    default: module.FirstRunWithRestore,
  })),
);
const ChangePasswordScreen = lazy(() =>
  import('../features/accounts/ChangePasswordScreen').then((module) => ({
    default: module.ChangePasswordScreen,
  })),
);

function Loaded({ children }: { children: ReactNode }) {
  return <Suspense fallback={<ScreenLoading />}>{children}</Suspense>;
}

/**
 * What the app shows depends first on who is signed in: a new install sets up the home, a
 * signed-out or locked app shows only the sign-in or unlock form, and only a signed-in person
 * sees the frame with the navigation their roles allow.
 */
export function AppShell() {
  const { state } = useSessionApi();
  const setup = useHomeSetUp();

  if (setup === undefined) return <ScreenLoading />;
  if (!setup.hasAccounts || setup.joining)
    return (
      <Loaded>
        <FirstRunWithRestore existingHome={setup.home} wasJoining={setup.joining} />
      </Loaded>
    );
  switch (state.kind) {
    case 'signedOut':
      return <SignInScreen homeName={setup.home?.name ?? 'Family Links'} />;
    case 'locked':
      return <LockScreen username={state.username} reason={state.reason} />;
    case 'signedIn':
      return (
        <Loaded>
          {state.mustChangePassword ? (
            <main className="page page--narrow">
              <ChangePasswordScreen isRequired />
            </main>
          ) : (
            <SignedInFrame session={state.session} home={setup.home} />
          )}
        </Loaded>
      );
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}
