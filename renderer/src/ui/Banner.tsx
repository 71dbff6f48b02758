import type { ReactNode } from 'react';

/**
 * A message across the top of a screen. Errors use role="alert" so they are announced at once;
 * confirmations use role="status" so they are announced without interrupting.
 */
export function Banner({ tone, children }: { tone: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`banner banner--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
