/** A clock a test moves on by hand, for the repositories that take one (form deadlines, sign-out times). */
export function movableClock(startsAt: string): { clock: () => Date; later: (ms: number) => void } {
  let now = new Date(startsAt);
  return {
    clock: () => now,
    later: (ms) => {
      now = new Date(now.getTime() + ms);
    },
  };
}
