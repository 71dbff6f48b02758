import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { IpcRequest } from '@shared/ipc/contract';
import type { OutboxState } from '@shared/schemas/mail';
import { useDatabase } from '../../db/useDatabase';
import { outboxRepository } from '../../db/repositories/outbox-repository';
import { windowApi } from '../../platform/window-api';
import { useSession } from '../../security/session-context';
import { useLiveRead } from '../../common/useLiveRead';

/** The messages this person may see (all for the manager; those they raised otherwise), newest first, kept live. */
export function useOutbox(filter: { state?: OutboxState; youngPersonId?: string } = {}) {
  const { state, youngPersonId } = filter;
  const { repository, value: messages } = useLiveRead(
    outboxRepository,
    (repository, session) =>
      repository.list(session, { ...(state ? { state } : {}), ...(youngPersonId ? { youngPersonId } : {}) }),
    [state, youngPersonId],
  );
  return { messages, repository };
}

/** How many failed messages this person can act on, kept live: the navigation's badge. */
export function useFailedOutboxCount(): number | undefined {
  const db = useDatabase();
  const session = useSession();
  return useLiveQuery(() => outboxRepository(db).failedCount(session), [db, session]);
}

/**
 * Opens a message in the person's own mail client (a mailto: to that one person), for when mail is
 * not set up; undefined in a window with no bridge to the main process.
 */
export function useOpenInMailClient() {
  const api = windowApi();
  return useMemo(
    () =>
      api
        ? (message: IpcRequest<'mail:open-in-mail-client'>) => api['mail:open-in-mail-client'](message)
        : undefined,
    [api],
  );
}
