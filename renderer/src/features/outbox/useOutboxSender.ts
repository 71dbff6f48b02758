import { useEffect } from 'react';
import type { MailMessage } from '@shared/schemas/mail';
import { formActionAlerts } from '../../db/repositories/form-action-alerts';
import { panAlertRepository } from '../../db/repositories/pan-alert-repository';
import { specialDateReminders } from '../../db/repositories/special-date-reminders';
import { useDatabase } from '../../db/useDatabase';
import { mailPortOver } from '../../platform/mail-port';
import { windowApi } from '../../platform/window-api';
import { callAsColleague } from '../../security/manager-proof';
import { useSession } from '../../security/session-context';
import { outboxSender } from './outbox-sender';

const overdueCheckEveryMs = 60_000;

/**
 * Sends the outbox in the background while someone is signed in: at once (which also picks up
 * anything left from before a restart), every 30 seconds, and as soon as an alert is queued. Also
 * alerts PAN groups about contact forms that became overdue, and the owner and Case Co-ordinator
 * about agreed actions that did, and Personal Tutors about their young people's family's special
 * dates in the coming week: once at sign-in and then every minute, each form, action and date
 * once. Without a main process (a bare browser) there is nothing to send through.
 */
export function useOutboxSender(): void {
  const db = useDatabase();
  const session = useSession();
  useEffect(() => {
    const api = windowApi();
    if (!api) return undefined;
    const send = (message: MailMessage) => callAsColleague(api, session, 'mail:send', message);
    return outboxSender(db, session, mailPortOver(api, send)).start();
  }, [db, session]);
  useEffect(() => {
    const look = () => {
      panAlertRepository(db)
        .queueOverdueFormAlerts(session)
        .catch((error: unknown) => console.error('Could not look for overdue contact forms', error));
      formActionAlerts(db)
        .raiseOverdue(session)
        .catch((error: unknown) => console.error('Could not look for overdue actions', error));
      specialDateReminders(db)
        .raiseDue(session)
        .catch((error: unknown) => console.error('Could not look for special dates coming up', error));
    };
    look();
    const timer = window.setInterval(look, overdueCheckEveryMs);
    return () => window.clearInterval(timer);
  }, [db, session]);
}
