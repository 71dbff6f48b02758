/**
 * Which backups leave the folder when a new one is made. The newest `keep` always stay. An older
 * one goes only once it is older than the schedule takes to make `keep` backups (`keep` times
 * `intervalDays` days): however many backups are made in a hurry (the same button pressed again
 * and again, or a script run from DevTools by someone signed in), none of the home's backups from
 * that span is pushed out of the folder. Records must never be lost, and a backup is the last copy
 * of them.
 */
export type BackupOnDisk = { readonly name: string; readonly madeAt: Date };

const dayMs = 24 * 60 * 60 * 1000;

export function backupsToRemove(
  backups: readonly BackupOnDisk[],
  schedule: { readonly keep: number; readonly intervalDays: number },
  now: Date,
): string[] {
  const keptSince = now.getTime() - schedule.keep * schedule.intervalDays * dayMs;
  // Two made in the same second are told apart by name (the later one has the higher suffix).
  const newestFirst = [...backups].sort(
    (a, b) => b.madeAt.getTime() - a.madeAt.getTime() || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0),
  );
  return newestFirst
    .slice(Math.max(0, schedule.keep))
    .filter((backup) => backup.madeAt.getTime() <= keptSince)
    .map((backup) => backup.name)
    .sort();
}

/** Days a backup is kept at the least, whatever else is made: for the schedule's own words. */
export function backupKeptDays(schedule: { readonly keep: number; readonly intervalDays: number }): number {
  return schedule.keep * schedule.intervalDays;
}
