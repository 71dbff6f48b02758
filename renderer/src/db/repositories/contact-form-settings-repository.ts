import { defaultContactFormDueHours } from '@shared/rules/contact-form-deadline';
import { contactFormSettingsSchema, type ContactFormSettings } from '@shared/schemas/contact-forms';
import type { ManagerSettingKey } from '@shared/rules/setting-trail';
import type { FamilyLinksDb } from '../database';
import type { Session } from '../session';
import { homeSetting } from './home-setting';

export const contactFormSettingsKey = 'contactForms' satisfies ManagerSettingKey;

/** How long staff have to file a contact form after a contact: the manager's to set, 48 hours unless changed. */
export function contactFormSettingsRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const setting = homeSetting(db, clock, {
    key: contactFormSettingsKey,
    schema: contactFormSettingsSchema,
    refusal: 'Only the Registered Manager can change how long staff have to file a contact form.',
    invalid: 'Check the number of hours.',
    action: 'settings.contact-forms-updated',
    detail: (value) => `${value.dueHours} hours`,
  });
  return {
    /** The home's clock for forms (48 hours unless the manager changes it). */
    async settings(): Promise<ContactFormSettings> {
      return (await setting.read()) ?? { dueHours: defaultContactFormDueHours };
    },

    /**
     * The same for the screen that saves it, and whether the row was changed outside Family Links:
     * then the policy's 48 hours apply until the manager saves the setting again. With a session,
     * the audit entries the row is held to must verify under its audit key too.
     */
    async checkedSettings(
      session?: Pick<Session, 'auditKey'>,
    ): Promise<{ readonly settings: ContactFormSettings; readonly damaged: boolean }> {
      const checked = await setting.check(session);
      return {
        settings: checked.value ?? { dueHours: defaultContactFormDueHours },
        damaged: checked.damaged,
      };
    },

    saveSettings: setting.save,
  };
}
