import type { IpcHandlers } from '../ipc-router';
import type { ManagerProofs } from '../services/authority/manager-proofs';
import { colleagueOnly, managerOnly } from './manager-only';
import type { MailClientOpener } from '../services/mail/mail-client';
import type { MailService } from '../services/mail/mail-service';

type MailChannel = Extract<keyof IpcHandlers, `mail:${string}`>;

/** The mail channels, bound to the mail service and the mail-client opener. */
export function createMailHandlers(services: {
  readonly mail: MailService;
  readonly mailClient: MailClientOpener;
  readonly proofs: ManagerProofs;
}): Pick<IpcHandlers, MailChannel> {
  const { mail, mailClient, proofs } = services;
  return {
    'mail:get-settings': async () => ({ ok: true, value: await mail.getSettings() }),
    'mail:save-settings': managerOnly(proofs, 'mail:save-settings', async (request) => {
      const saved = await mail.saveSettings(request);
      if (saved.ok) return { ok: true, value: { outcome: 'saved', view: saved.value } };
      return {
        ok: true,
        value: {
          outcome: 'refused',
          code: saved.error.code,
          message: saved.error.message,
          ...(saved.error.fields ? { fields: { ...saved.error.fields } } : {}),
        },
      };
    }),
    'mail:clear-settings': managerOnly(proofs, 'mail:clear-settings', async () => {
      await mail.clearSettings();
      return { ok: true, value: { cleared: true } };
    }),
    'mail:send': colleagueOnly(proofs, 'mail:send', async (request) => ({
      ok: true,
      value: await mail.send(request),
    })),
    'mail:send-test': managerOnly(proofs, 'mail:send-test', async (request) => ({
      ok: true,
      value: await mail.sendTest(request.to),
    })),
    'mail:open-in-mail-client': async (request) => ({ ok: true, value: await mailClient.open(request) }),
  };
}
