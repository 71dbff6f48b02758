import { Component, type ErrorInfo, type ReactNode } from 'react';

type State = { readonly error: Error | undefined };

/**
 * The last line of defence: a bug shows a calm message and a way back instead of a blank window.
 * The error is logged (the main process keeps the console), never hidden.
 */
export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Family Links hit an unexpected error', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="page page--narrow" aria-labelledby="error-title">
        <h1 id="error-title">Something went wrong</h1>
        <p>Family Links hit a problem it did not expect. Your saved records are safe.</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload Family Links
        </button>
      </main>
    );
  }
}
