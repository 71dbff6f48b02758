import { describe, expect, it } from 'vitest';
import {
  backupReminderText,
  backupScheduleStatus,
  shouldRunScheduledBackup,
} from '../../../../shared/rules/backup-schedule';

const last = '2026-11-01T09:00:00.000Z';
const at = (iso: string) => new Date(iso);

describe('backups are weekly by default, and a missed one is pointed out', () => {
  it.each([
    ['a home that has never backed up is reminded at once', undefined, '2026-11-01T10:00:00Z', 'never', true],
    ['a backup less than a week old is up to date', last, '2026-11-08T08:59:59Z', 'upToDate', false],
    [
      'a week after the last backup one is due, and runs by itself',
      last,
      '2026-11-08T09:00:00Z',
      'due',
      true,
    ],
    [
      'a due backup is not yet "missed" within the day it fell due',
      last,
      '2026-11-09T08:59:59Z',
      'due',
      true,
    ],
    ['a day after falling due it counts as missed', last, '2026-11-09T09:00:00Z', 'missed', true],
  ] as const)('%s', (_policy, lastBackupAt, now, kind, runs) => {
    const status = backupScheduleStatus({ lastBackupAt, intervalDays: 7, now: at(now) });
    expect(status.kind).toBe(kind);
    expect(shouldRunScheduledBackup(status)).toBe(runs);
  });

  it('a missed backup says how long ago the last one was', () => {
    const status = backupScheduleStatus({
      lastBackupAt: last,
      intervalDays: 7,
      now: at('2026-11-20T09:00:00Z'),
    });
    expect(status).toEqual({ kind: 'missed', dueSince: '2026-11-08T09:00:00.000Z', daysSinceLast: 19 });
    expect(backupReminderText(status)).toBe(
      'The last backup was 19 days ago, so a scheduled backup has been missed. Make one now.',
    );
  });

  it('a shorter interval set by the manager is followed', () => {
    expect(
      backupScheduleStatus({ lastBackupAt: last, intervalDays: 1, now: at('2026-11-02T09:00:00Z') }).kind,
    ).toBe('due');
  });

  it('nothing to remind while up to date or merely due', () => {
    expect(backupReminderText({ kind: 'upToDate', nextDueAt: last })).toBeUndefined();
    expect(backupReminderText({ kind: 'due', dueSince: last })).toBeUndefined();
  });
});
