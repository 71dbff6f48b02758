import { homeSettingsSchema, type HomeSettings } from '@shared/schemas/home';
import {
  securitySettingsSchema,
  defaultAutoLockMinutes,
  type SecuritySettings,
} from '@shared/schemas/security-settings';
import { can } from '@shared/rules/access';
import { fieldMessages } from '@shared/ipc/ipc-result';
import { fail, ok, type Result } from '@shared/result';
import type { FamilyLinksDb } from '../database';
import { recordWriter } from '../record-writer';
import { plainStore } from '../sealed-store';
import type { Session } from '../session';

const homeKey = 'home';
const securityKey = 'security';

/** The home's own details (name, Ofsted URN, time zone) and its security settings. */
export function homeSettingsRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const records = recordWriter(db, clock);
  const settings = plainStore(db.settings);
  return {
    /** The saved details, or undefined before first-run setup. A damaged row reads as missing. */
    async get(): Promise<HomeSettings | undefined> {
      const row = await db.settings.get(homeKey);
      const parsed = homeSettingsSchema.safeParse(row?.value);
      return parsed.success ? parsed.data : undefined;
    },

    /** Checks the input with the shared schema and saves it whole, or saves nothing. Manager only. */
    async save(session: Session, input: unknown): Promise<Result<HomeSettings, 'invalid' | 'forbidden'>> {
      if (!can(session.roles, 'settings:manage'))
        return fail('forbidden', 'Only the Registered Manager can change the home’s details.');
      const parsed = homeSettingsSchema.safeParse(input);
      if (!parsed.success) {
        return fail(
          'invalid',
          'Some details need correcting before they can be saved.',
          fieldMessages(parsed.error),
        );
      }
      await records.write(session, {
        events: [{ action: 'settings.home-updated', recordType: 'settings', recordId: homeKey }],
        writes: [settings.put({ key: homeKey, value: parsed.data })],
      });
      return ok(parsed.data);
    },

    async getSecurity(): Promise<SecuritySettings> {
      const parsed = securitySettingsSchema.safeParse((await db.settings.get(securityKey))?.value);
      return parsed.success ? parsed.data : { autoLockMinutes: defaultAutoLockMinutes };
    },

    /** How soon an unattended screen locks (1 to 30 minutes). Manager only. */
    async saveSecurity(
      session: Session,
      input: unknown,
    ): Promise<Result<SecuritySettings, 'invalid' | 'forbidden'>> {
      if (!can(session.roles, 'settings:manage'))
        return fail('forbidden', 'Only the Registered Manager can change when Family Links locks.');
      const parsed = securitySettingsSchema.safeParse(input);
      if (!parsed.success)
        return fail('invalid', 'Check the number of minutes.', fieldMessages(parsed.error));
      await records.write(session, {
        events: [
          {
            action: 'settings.security-updated',
            recordType: 'settings',
            recordId: securityKey,
            detail: `auto-lock ${parsed.data.autoLockMinutes} min`,
          },
        ],
        writes: [settings.put({ key: securityKey, value: parsed.data })],
      });
      return ok(parsed.data);
    },
  };
}
export type HomeSettingsRepository = ReturnType<typeof homeSettingsRepository>;
