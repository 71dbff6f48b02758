import { describe, expect, it } from 'vitest';
import {
  backupKeptDays,
  backupsToRemove,
  type BackupOnDisk,
} from '../../../../shared/rules/backup-retention';

const now = new Date('2026-12-07T09:00:00Z');
const daysAgo = (days: number, name = `${days}-days-ago`): BackupOnDisk => ({
  name,
  madeAt: new Date(now.getTime() - days * 24 * 60 * 60 * 1000),
});
const weekly = { keep: 8, intervalDays: 7 };

describe('which backups leave the folder when a new one is made', () => {
  it('a weekly schedule keeping 8 removes the ninth once it is 56 days old', () => {
    const backups = [0, 7, 14, 21, 28, 35, 42, 49, 56].map((days) => daysAgo(days));
    expect(backupsToRemove(backups, weekly, now)).toEqual(['56-days-ago']);
  });

  it('the newest backups are kept however old they are', () => {
    const backups = [100, 200, 300].map((days) => daysAgo(days));
    expect(backupsToRemove(backups, { keep: 3, intervalDays: 1 }, now)).toEqual([]);
    expect(backupsToRemove(backups, { keep: 2, intervalDays: 1 }, now)).toEqual(['300-days-ago']);
  });

  it('backups made in a hurry push none of the last 56 days out of the folder', () => {
    const real = [1, 8, 15, 22, 29, 36, 43, 50].map((days) => daysAgo(days, `real-${days}`));
    const hurried = Array.from({ length: 20 }, (_, index) => ({
      name: `hurried-${index}`,
      madeAt: new Date(now.getTime() - index * 1000),
    }));
    expect(backupsToRemove([...real, ...hurried], weekly, now)).toEqual([]);
  });

  it('once the hurried ones and the real ones have aged past the span, only the oldest beyond 8 go', () => {
    const later = new Date(now.getTime() + 60 * 24 * 60 * 60 * 1000);
    const backups = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((minutes) => ({
      name: `made-${minutes}`,
      madeAt: new Date(now.getTime() + minutes * 60 * 1000),
    }));
    expect(backupsToRemove(backups, weekly, later)).toEqual(['made-0', 'made-1']);
  });

  it('says how many days a backup is kept at the least', () => {
    expect(backupKeptDays(weekly)).toBe(56);
    expect(backupKeptDays({ keep: 1, intervalDays: 1 })).toBe(1);
  });
});
