import type { AuditHead } from '@shared/rules/audit-chain';
import { windowApi } from './window-api';

/** Where the audit chain's head is copied outside IndexedDB (the main process's file). */
export type AuditAnchorPort = {
  anchor(head: AuditHead): Promise<void>;
  /** The stored copy; `unavailable` when there is no main process to ask (unit tests, a bare browser). */
  read(): Promise<AuditHead | null | 'unavailable'>;
};

/** The main process, over the IPC contract. A failed copy is logged, never fatal: the log itself is already safe. */
export function mainProcessAnchor(): AuditAnchorPort {
  return {
    async anchor(head) {
      const api = windowApi();
      if (!api) return;
      try {
        const result = await api['audit:anchor-head'](head);
        if (!result.ok)
          console.error('Could not copy the audit log’s head to the main process', result.error.message);
      } catch (error) {
        // The entry itself is safely written; a missing copy shows at the next check, not now.
        console.error('Could not copy the audit log’s head to the main process', error);
      }
    },
    async read() {
      const api = windowApi();
      if (!api) return 'unavailable';
      const result = await api['audit:read-anchor']({});
      if (!result.ok) return 'unavailable';
      return result.value.anchor ? { seq: result.value.anchor.seq, mac: result.value.anchor.mac } : null;
    },
  };
}

/**
 * After a restore: moves the main process's anchor to the restored log's head (its history keeps
 * the one replaced). Without it the next check of the log would report entries removed. Returns
 * false when the anchor could not be moved, so the caller can say so.
 */
export type AnchorRebase = (head: AuditHead | null, backupFileName: string) => Promise<boolean>;

export function mainProcessRebase(): AnchorRebase {
  return async (head, backupFileName) => {
    const api = windowApi();
    if (!api) return true;
    try {
      const result = await api['audit:rebase-anchor']({
        head,
        reason: 'restored-from-backup',
        backupFileName,
      });
      if (!result.ok) console.error('Could not move the audit anchor after a restore', result.error.message);
      return result.ok;
    } catch (error) {
      console.error('Could not move the audit anchor after a restore', error);
      return false;
    }
  };
}
