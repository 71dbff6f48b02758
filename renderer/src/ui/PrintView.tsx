import { useEffect, useRef, type ReactNode } from 'react';
import './print-view.css';

type Props = {
  /** The page's title on paper, e.g. "Fire roll: Oakfield House". */
  readonly heading: ReactNode;
  /** Where "back" goes, in words: "Back to the front door". */
  readonly backLabel: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
};

/**
 * A register or list as paper (the fire roll, the visitor register, a week of visits). Opening it
 * asks the browser to print once and moves focus to its heading; "Print again" and the way back
 * stay on screen, and the print styles hide them and the app's frame.
 */
export function PrintView({ heading, backLabel, onClose, children }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const hasPrinted = useRef(false);
  useEffect(() => {
    headingRef.current?.focus();
    // Once per opening, even where React runs effects twice (StrictMode in development).
    if (hasPrinted.current) return;
    hasPrinted.current = true;
    window.print();
  }, []);

  return (
    <div className="print-view">
      <div className="print-view__controls">
        <button type="button" className="button" onClick={() => window.print()}>
          Print again
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {backLabel}
        </button>
      </div>
      <h1 ref={headingRef} tabIndex={-1}>
        {heading}
      </h1>
      {children}
    </div>
  );
}
