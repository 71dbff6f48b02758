import type { AuditHead } from '@shared/rules/audit-chain';
import { windowApi } from '../../app/window-api';

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
        if (!result.ok) console.error('Could not copy the audit log’s head to the main process', result.error.message);
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
