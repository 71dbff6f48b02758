/**
 * What every printed list needs beyond its rows: whose home it is and on which clock, when it was
 * printed (a printout is only true for that moment), and the way back to the screen.
 */
export type PrintedPaper = {
  readonly clock: { readonly homeName: string; readonly timeZone: string };
  readonly printedAt: string;
  readonly onClose: () => void;
};
