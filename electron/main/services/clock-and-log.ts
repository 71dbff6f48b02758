/** Where a service notes what went wrong without failing: the app's log, or a test's list. */
export type Log = (message: string, detail?: unknown) => void;

/** What a service may be given beside its own needs: a clock (tests fix it) and a log. */
export type ClockAndLog = {
  readonly now?: () => Date;
  readonly log?: Log;
};
