import type { FamilyLinksApi } from '@shared/ipc/client';
import type { IpcResult } from '@shared/ipc/ipc-result';
import type { MailSendOutcome, MailMessage } from '@shared/schemas/mail';

/** The main process's mail service as the sender needs it (window.api in the app, the service itself in tests). */
export type MailPort = {
  /** Whether mail is set up, and whether the manager turned attaching the signed PDF on. */
  status(): Promise<{ readonly isConfigured: boolean; readonly attachSignedPdf: boolean }>;
  send(message: MailMessage): Promise<MailSendOutcome>;
};

/**
 * The main process's mail service over window.api, as the outbox sender needs it. `send` calls
 * `mail:send` with the proof of whoever is signed in (`callAsColleague`): the main process sends
 * nothing without one.
 */
export function mailPortOver(
  api: FamilyLinksApi,
  send: (message: MailMessage) => Promise<IpcResult<MailSendOutcome>>,
): MailPort {
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
      const result = await send(message);
      if (result.ok) return result.value;
      return {
        outcome: 'failed',
        failure: { code: 'unknown', message: result.error.message, isWorthRetrying: true },
      };
    },
  };
}
