import type { z } from 'zod';
import type {
  AnchorHistoryEntry,
  AuditLink,
  PendingAuditEvent,
  sealedPendingSchema,
} from '@shared/ipc/channels/audit';
import type { FamilyLinksApi } from '@shared/ipc/client';
import type { IpcReply } from '@shared/ipc/contract';
import type { AuditHead } from '@shared/rules/audit-chain';
import { windowApi } from './window-api';

/** How well the main process's own key is protected on this computer (main-key.ts). */
export type KeyProtection = IpcReply<'audit:read-anchor'>['keyProtection'];

/** The main process's copy of where the audit log ends, as this page can learn it. */
export type AnchorReading = (
  | { readonly state: 'anchored'; readonly head: AuditHead; readonly storedAt: string }
  | { readonly state: 'none' }
  | { readonly state: 'missing' | 'damaged' | 'unverifiable'; readonly message: string }
  /** No main process to ask (unit tests, a bare browser). */
  | { readonly state: 'unavailable' }
) & { readonly keyProtection?: KeyProtection };

export type SealedPending = z.infer<typeof sealedPendingSchema>;
export type PendingCheck = IpcReply<'audit:check-pending'>;

/**
 * Where the audit chain's head is copied outside IndexedDB (the main process's file), and where
 * failed sign-ins are stamped before anyone holds the audit key. See shared/ipc/channels/audit.ts.
 */
export type AuditAnchorPort = {
  /** Offers the links from the stored head to a new one; the main process keeps it only if they follow on. */
  advance(links: readonly AuditLink[]): Promise<'stored' | 'refused'>;
  read(): Promise<AnchorReading>;
  history(): Promise<readonly AnchorHistoryEntry[] | 'unavailable'>;
  /** The main process's stamp for a failed sign-in, or undefined when it cannot give one. */
  sealPending(event: PendingAuditEvent): Promise<SealedPending | undefined>;
  checkPending(
    rows: Parameters<FamilyLinksApi['audit:check-pending']>[0]['rows'],
  ): Promise<PendingCheck | 'unavailable'>;
};

/** The main process, over the IPC contract. A failed copy is logged, never fatal: the log itself is already safe. */
export function mainProcessAnchor(): AuditAnchorPort {
  return {
    async advance(links) {
      const api = windowApi();
      if (!api) return 'refused';
      try {
        const result = await api['audit:anchor-head']({ links: [...links] });
        if (!result.ok) {
          console.error('Could not copy the audit log’s head to the main process', result.error.message);
          return 'refused';
        }
        if (result.value.outcome !== 'stored')
          console.error('The main process did not take the audit log’s head', result.value.outcome);
        return result.value.outcome === 'stored' ? 'stored' : 'refused';
      } catch (error) {
        // The entry itself is safely written; a missing copy shows at the next check, not now.
        console.error('Could not copy the audit log’s head to the main process', error);
        return 'refused';
      }
    },
    async read() {
      const api = windowApi();
      if (!api) return { state: 'unavailable' };
      const result = await api['audit:read-anchor']({});
      if (!result.ok) return { state: 'unavailable' };
      const { anchor, keyProtection } = result.value;
      switch (anchor.state) {
        case 'anchored':
          return {
            state: 'anchored',
            head: { seq: anchor.seq, mac: anchor.mac },
            storedAt: anchor.storedAt,
            keyProtection,
          };
        case 'none':
          return { state: 'none', keyProtection };
        default:
          return { state: anchor.state, message: anchor.message, keyProtection };
      }
    },
    async history() {
      const api = windowApi();
      if (!api) return 'unavailable';
      const result = await api['audit:anchor-history']({});
      return result.ok ? result.value.entries : 'unavailable';
    },
    async sealPending(event) {
      const api = windowApi();
      if (!api) return undefined;
      try {
        const result = await api['audit:seal-pending']({ event });
        return result.ok && result.value.outcome === 'sealed' ? result.value.sealed : undefined;
      } catch {
        return undefined;
      }
    },
    async checkPending(rows) {
      const api = windowApi();
      if (!api) return 'unavailable';
      const result = await api['audit:check-pending']({ rows: [...rows] });
      return result.ok ? result.value : 'unavailable';
    },
  };
}
