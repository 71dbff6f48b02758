import { defaultTimeZone, homeSettingsSchema, type HomeSettings } from '@shared/schemas/home';
import { securitySettingsSchema, type SecuritySettings } from '@shared/schemas/security-settings';
import type { FamilyLinksDb } from '../database';
import { homeSetting } from './home-setting';
import { settingsRowKeys, readHomeSettings, readSecuritySettings } from './home-settings-reads';

/** The home's own details (name, Ofsted URN, time zone) and its security settings. */
export function homeSettingsRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const home = homeSetting(db, clock, {
    key: settingsRowKeys.home,
    schema: homeSettingsSchema,
    refusal: 'Only the Registered Manager can change the home’s details.',
    invalid: 'Some details need correcting before they can be saved.',
    action: 'settings.home-updated',
  });
  const security = homeSetting(db, clock, {
    key: settingsRowKeys.security,
    schema: securitySettingsSchema,
    refusal: 'Only the Registered Manager can change when Family Links locks.',
    invalid: 'Check the number of minutes.',
    action: 'settings.security-updated',
    detail: (value) => `auto-lock ${value.autoLockMinutes} min`,
  });
  return {
    /** The saved details, or undefined before first-run setup. A damaged row reads as missing. */
    get: (): Promise<HomeSettings | undefined> => readHomeSettings(db),

    /** The zone the home's clock keeps, by which its days and dates are told; the default before set-up. */
    timeZone: async (): Promise<string> => (await readHomeSettings(db))?.timeZone ?? defaultTimeZone,

    /** Checks the input with the shared schema and saves it whole, or saves nothing. Manager only. */
    save: home.save,

    /** The saved details and whether they were changed outside Family Links, for the screen that saves them. */
    check: home.check,

    getSecurity: (): Promise<SecuritySettings> => readSecuritySettings(db),

    /** The lock setting as saved (none: the default) and whether it was changed outside Family Links. */
    checkSecurity: security.check,

    /** How soon an unattended screen locks (1 to 30 minutes). Manager only. */
    saveSecurity: security.save,
  };
}
export type HomeSettingsRepository = ReturnType<typeof homeSettingsRepository>;
