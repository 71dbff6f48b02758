import type { FamilyLinksApi } from '@shared/ipc/client';
import type { MailPort } from './outbox-sender';

/** The main process's mail service over window.api, as the outbox sender needs it. */
export function mailPortOver(api: FamilyLinksApi): MailPort {
  return {
    async status() {
      const result = await api['mail:get-settings']({});
      if (!result.ok) return { isConfigured: false, attachSignedPdf: false };
      const { settings, hasPassword } = result.value;
      return {
        isConfigured: settings !== null && hasPassword,
        attachSignedPdf: settings?.attachSignedPdf ?? false,
      };
    },
    async send(message) {
      const result = await api['mail:send'](message);
      if (result.ok) return result.value;
      return {
        outcome: 'failed',
        failure: { code: 'unknown', message: result.error.message, isWorthRetrying: true },
      };
    },
  };
}
