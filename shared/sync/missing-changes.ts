/**
 * Gaps in another computer's changes (docs/sync-design.md, "What the server cannot do
 * unnoticed": delete or withhold). Every computer numbers its changes 1, 2, 3, ... with none
 * skipped, so a number this computer has not received, below one it knows that computer wrote,
 * is a change the server has lost, deleted or is holding back. What this computer knows a
 * computer wrote: the changes it received from it, and the `seen` vectors inside every signed
 * envelope (the writer had applied that computer's changes up to that number, so they exist).
 */

/**
 * How long a gap may stay open before the manager is told. Replication is not in order across
 * the server's feed, and a computer catching up after a night offline can take minutes to bring
 * every document over; 10 minutes is well past a large home's first pull (about 20 s for
 * 22,000 documents) and a long poll's retries, yet still the same shift, so a deletion is
 * reported while someone can act on it.
 */
export const missingChangesGraceMs = 10 * 60_000;

/** What this computer has from one other computer. */
export type ReceivedFrom = {
  /** The highest change number received with none missing below it (`syncState.seen`). */
  readonly seen: number;
  /** Change numbers above `seen` that were received (the `syncApplied` rows). */
  readonly received: readonly number[];
  /** Change numbers of documents refused here: already reported as refused, so not again as missing. */
  readonly refused?: readonly number[];
  /** The highest change number any signed envelope says this computer wrote. */
  readonly announced: number;
  /**
   * Where this computer's refused changes start, if it was removed from the home: those are
   * refused by design, not missing.
   */
  readonly removedFrom?: number;
};

/** Change numbers `from` to `to` (inclusive) of one computer, not received here. */
export type MissingRange = { readonly deviceId: string; readonly from: number; readonly to: number };

/** A gap as tracked from one pass to the next: when it was first noticed. */
export type OpenGap = MissingRange & { readonly since: string };

/** Every run of change numbers missing from each computer, in order of computer and number. */
export function missingRanges(byDevice: Readonly<Record<string, ReceivedFrom>>): MissingRange[] {
  const ranges: MissingRange[] = [];
  for (const deviceId of Object.keys(byDevice).sort()) {
    const from = byDevice[deviceId];
    if (!from) continue;
    const received = new Set([...from.received, ...(from.refused ?? [])]);
    let high = from.received.reduce((a, b) => Math.max(a, b), Math.max(from.seen, from.announced));
    if (from.removedFrom !== undefined) high = Math.min(high, from.removedFrom - 1);
    let start: number | undefined;
    for (let n = from.seen + 1; n <= high + 1; n += 1) {
      const missing = n <= high && !received.has(n);
      if (missing && start === undefined) start = n;
      if (!missing && start !== undefined) {
        ranges.push({ deviceId, from: start, to: n - 1 });
        start = undefined;
      }
    }
  }
  return ranges;
}

const overlaps = (a: MissingRange, b: MissingRange): boolean =>
  a.deviceId === b.deviceId && a.from <= b.to && b.from <= a.to;

/**
 * The gaps open now, each with the time it was first noticed: a gap that overlaps one open at the
 * last pass keeps the earliest time among them (a gap that shrinks as documents arrive, or splits
 * in two, has been open all along); a new one starts now. A gap not found again is closed.
 */
export function trackGaps(
  previous: readonly OpenGap[],
  current: readonly MissingRange[],
  now: Date,
): OpenGap[] {
  return current.map((range) => {
    const earlier = previous.filter((gap) => overlaps(gap, range)).map((gap) => gap.since);
    const since = [now.toISOString(), ...earlier].sort()[0] ?? now.toISOString();
    return { deviceId: range.deviceId, from: range.from, to: range.to, since };
  });
}

/** The open gaps that have lasted the grace period: the ones to report. */
export function overdueGaps(
  open: readonly OpenGap[],
  now: Date,
  graceMs: number = missingChangesGraceMs,
): OpenGap[] {
  return open.filter((gap) => now.getTime() - Date.parse(gap.since) >= graceMs);
}

/** A computer without a name as a person reads it: the first six characters of its id. */
export function shortDeviceId(deviceId: string): string {
  return deviceId
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 6)
    .toUpperCase();
}

/**
 * A computer as the manager reads it: the name the registry signed for it ("Front desk"), or
 * "computer 3F9A2C" for one set up before computers had names or not yet in the registry here.
 */
export function computerLabel(deviceId: string, name: string | undefined): string {
  return name ?? `computer ${shortDeviceId(deviceId)}`;
}

/** "Records from Front desk are missing (changes 41 to 44)." */
export function missingChangesMessage(computer: string, range: Pick<MissingRange, 'from' | 'to'>): string {
  const changes = range.from === range.to ? `change ${range.from}` : `changes ${range.from} to ${range.to}`;
  return `Records from ${computer} are missing (${changes}).`;
}
