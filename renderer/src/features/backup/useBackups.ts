import { useEffect, useState } from 'react';
import type { BackupFileSummary, BackupSettings } from '@shared/schemas/backup';
import { useDatabase } from '../../db/useDatabase';
import { callAsManager } from '../../security/manager-proof';
import { useSession } from '../../security/session-context';
import { backUpNow } from '../../db/backup/back-up-now';
import { backupWritesAs } from '../../security/backup-writes';
import { windowBackupPort } from '../../platform/backup-port';

export type BackupMessage = { readonly tone: 'success' | 'error'; readonly text: string };

/** The backup settings and files, and the actions on them, for the Backups screen. */
export function useBackups() {
  const db = useDatabase();
  const session = useSession();
  const port = windowBackupPort();
  const [settings, setSettings] = useState<BackupSettings | undefined>();
  const [files, setFiles] = useState<readonly BackupFileSummary[] | undefined>();
  const [listProblem, setListProblem] = useState<string | undefined>();
  const [isWorking, setIsWorking] = useState(false);
  const [message, setMessage] = useState<BackupMessage | undefined>();

  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!port) return;
    let isCurrent = true;
    void Promise.all([port['backup:get-settings']({}), port['backup:list']({})]).then(([loaded, listed]) => {
      if (!isCurrent) return;
      if (loaded.ok) setSettings(loaded.value);
      if (!listed.ok) setListProblem(listed.error.message);
      else if (listed.value.outcome === 'failed') setListProblem(listed.value.message);
      else {
        setListProblem(undefined);
        setFiles(listed.value.files);
      }
    });
    return () => {
      isCurrent = false;
    };
  }, [port, version]);

  const run = async (task: () => Promise<BackupMessage | undefined>) => {
    setIsWorking(true);
    setMessage(undefined);
    try {
      const outcome = await task();
      if (outcome) setMessage(outcome);
      setVersion((count) => count + 1);
    } finally {
      setIsWorking(false);
    }
  };

  return {
    isAvailable: port !== undefined,
    settings,
    files,
    listProblem,
    isWorking,
    message,
    backUp: () =>
      run(async () => {
        if (!port) return undefined;
        const result = await backUpNow(db, session, backupWritesAs(port, session), 'manual');
        if (!result.ok) return { tone: 'error', text: result.error.message };
        const rows = result.value.manifest.tables.reduce((sum, table) => sum + table.rows, 0);
        return {
          tone: 'success',
          text: `Backed up ${rows.toLocaleString('en-GB')} records to ${result.value.fileName}.`,
        };
      }),
    chooseFolder: () =>
      run(async () => {
        if (!port) return undefined;
        const chosen = await callAsManager(port, session, 'backup:choose-folder', {});
        if (!chosen.ok) return { tone: 'error', text: chosen.error.message };
        if (chosen.value.outcome === 'failed') return { tone: 'error', text: chosen.value.message };
        if (chosen.value.outcome === 'cancelled') return undefined;
        return { tone: 'success', text: `Backups will be kept in ${chosen.value.settings.folder}.` };
      }),
    saveOptions: (keep: number, intervalDays: number) =>
      run(async () => {
        if (!port) return undefined;
        const saved = await callAsManager(port, session, 'backup:set-options', { keep, intervalDays });
        if (!saved.ok) return { tone: 'error', text: saved.error.message };
        return {
          tone: 'success',
          text: `Saved: a backup every ${intervalDays} ${intervalDays === 1 ? 'day' : 'days'}, keeping the last ${keep}.`,
        };
      }),
  };
}
