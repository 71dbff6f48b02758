import { useCallback, useState } from 'react';

/**
 * The form open on a screen (which record it edits, or that it adds one), and what the last one
 * did, for a banner. Opening one clears what was said about the one before, so an old "saved"
 * never sits above a new form; closing says what it did, or nothing when it was cancelled.
 */
export function useOpenPanel<Panel>() {
  const [panel, setPanel] = useState<Panel>();
  const [done, setDone] = useState<string>();
  const open = useCallback((next: Panel) => {
    setDone(undefined);
    setPanel(next);
  }, []);
  const close = useCallback((said: string | undefined) => {
    setPanel(undefined);
    setDone(said);
  }, []);
  return { panel, done, open, close };
}
