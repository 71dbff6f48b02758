import { can } from '@shared/rules/access';
import { defaultContactFormDueHours } from '@shared/rules/contact-form-deadline';
import { fieldMessages } from '@shared/ipc/ipc-result';
import { fail, ok, type Result } from '@shared/result';
import { contactFormSettingsSchema, type ContactFormSettings } from '@shared/schemas/contact-forms';
import type { FamilyLinksDb } from '../database';
import { recordWriter } from '../record-writer';
import { plainStore } from '../sealed-store';
import type { Session } from '../session';

export const contactFormSettingsKey = 'contactForms';

/** How long staff have to file a contact form after a contact: the manager's to set, 48 hours unless changed. */
export function contactFormSettingsRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const records = recordWriter(db, clock);
  const settingsRows = plainStore(db.settings);
  return {
    /** The home's clock for forms (48 hours unless the manager changes it). */
    async settings(): Promise<ContactFormSettings> {
      const parsed = contactFormSettingsSchema.safeParse(
        (await db.settings.get(contactFormSettingsKey))?.value,
      );
      return parsed.success ? parsed.data : { dueHours: defaultContactFormDueHours };
    },

    async saveSettings(
      session: Session,
      input: unknown,
    ): Promise<Result<ContactFormSettings, 'forbidden' | 'invalid'>> {
      if (!can(session.roles, 'settings:manage'))
        return fail(
          'forbidden',
          'Only the Registered Manager can change how long staff have to file a contact form.',
        );
      const parsed = contactFormSettingsSchema.safeParse(input);
      if (!parsed.success) return fail('invalid', 'Check the number of hours.', fieldMessages(parsed.error));
      await records.write(session, {
        events: [
          {
            action: 'settings.contact-forms-updated',
            recordType: 'settings',
            recordId: contactFormSettingsKey,
            detail: `${parsed.data.dueHours} hours`,
          },
        ],
        writes: [settingsRows.put({ key: contactFormSettingsKey, value: parsed.data })],
      });
      return ok(parsed.data);
    },
  };
}
