/**
 * When a backup is due (on a schedule, weekly by default, with a reminder when one is
 * missed). A scheduled backup runs by itself when someone is signed in and one is due; a backup
 * counts as missed once a whole day has passed after it fell due, which is when the home screen
 * starts reminding the manager.
 */
export type BackupScheduleStatus =
  | { readonly kind: 'never' }
  | { readonly kind: 'upToDate'; readonly nextDueAt: string }
  | { readonly kind: 'due'; readonly dueSince: string }
  | { readonly kind: 'missed'; readonly dueSince: string; readonly daysSinceLast: number };

const dayMs = 24 * 60 * 60 * 1000;

export function backupScheduleStatus(input: {
  readonly lastBackupAt: string | undefined;
  readonly intervalDays: number;
  readonly now: Date;
}): BackupScheduleStatus {
  if (input.lastBackupAt === undefined) return { kind: 'never' };
  const last = Date.parse(input.lastBackupAt);
  if (Number.isNaN(last)) return { kind: 'never' };
  const dueAt = last + input.intervalDays * dayMs;
  const now = input.now.getTime();
  if (now < dueAt) return { kind: 'upToDate', nextDueAt: new Date(dueAt).toISOString() };
  const dueSince = new Date(dueAt).toISOString();
  if (now < dueAt + dayMs) return { kind: 'due', dueSince };
  return { kind: 'missed', dueSince, daysSinceLast: Math.floor((now - last) / dayMs) };
}

/** A scheduled backup should be started now. */
export function shouldRunScheduledBackup(status: BackupScheduleStatus): boolean {
  return status.kind !== 'upToDate';
}

/** Plain words for the home screen's reminder, or undefined when there is nothing to remind. */
export function backupReminderText(status: BackupScheduleStatus): string | undefined {
  switch (status.kind) {
    case 'upToDate':
    case 'due':
      return undefined;
    case 'never':
      return 'No backup of these records has been made yet. Make one now, and choose where backups are kept (a network folder is best).';
    case 'missed':
      return `The last backup was ${status.daysSinceLast} days ago, so a scheduled backup has been missed. Make one now.`;
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}
