import { useMemo } from 'react';
import type { ManagerRequest } from '@shared/ipc/manager-request';
import { outboxRepository } from '../../db/repositories/outbox-repository';
import { useDatabase } from '../../db/useDatabase';
import { windowApi } from '../../platform/window-api';
import { callAsManager } from '../../security/manager-proof';
import { useSession } from '../../security/session-context';

type MailSettingsChange = Parameters<ReturnType<typeof outboxRepository>['recordMailSettingsChange']>[1];

/**
 * The manager's mail settings, kept by the main process (the password only in the operating
 * system's protected storage): saving, clearing and sending a test message, each undefined in a
 * window with no bridge to the main process (each carrying the manager's proof); and `recordChange`, the audit entry for each.
 */
export function useMailSettingsChanges() {
  const db = useDatabase();
  const session = useSession();
  const api = windowApi();
  return useMemo(
    () => ({
      // Manager only, and the main process checks it: each request carries the manager's proof.
      save: api
        ? (request: ManagerRequest<'mail:save-settings'>) =>
            callAsManager(api, session, 'mail:save-settings', request)
        : undefined,
      clear: api ? () => callAsManager(api, session, 'mail:clear-settings', {}) : undefined,
      sendTest: api ? (to: string) => callAsManager(api, session, 'mail:send-test', { to }) : undefined,
      recordChange: (action: MailSettingsChange, detail?: string) =>
        outboxRepository(db).recordMailSettingsChange(session, action, detail),
    }),
    [db, session, api],
  );
}
export type MailSettingsChanges = ReturnType<typeof useMailSettingsChanges>;
