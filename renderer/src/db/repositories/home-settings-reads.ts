import type { z } from 'zod';
import { homeSettingsSchema, type HomeSettings } from '@shared/schemas/home';
import {
  defaultAutoLockMinutes,
  securitySettingsSchema,
  type SecuritySettings,
} from '@shared/schemas/security-settings';
import type { HomeSettingKey } from '@shared/rules/sync-scope';
import type { FamilyLinksDb } from '../database';

/*
 * Reading the home's settings, apart from changing them: the sign-in screen needs the home's
 * details and its lock setting before anyone is signed in, and what saves a setting (the audit log
 * and its chain) need not load until then.
 */

/** The settings rows the home's details and its security settings are kept in (shared by every computer). */
export const settingsRowKeys = {
  home: 'home',
  security: 'security',
} as const satisfies Record<string, HomeSettingKey>;

/**
 * One of the home's settings rows read through its schema. A row that is missing, or that no
 * longer passes the schema (damaged, or from an older shape), reads as `undefined`, so the caller
 * falls back to the setting's default rather than trusting it.
 */
export async function readHomeSetting<Value>(
  db: FamilyLinksDb,
  key: string,
  schema: z.ZodType<Value>,
): Promise<Value | undefined> {
  const parsed = schema.safeParse((await db.settings.get(key))?.value);
  return parsed.success ? parsed.data : undefined;
}

/** The home's details (name, Ofsted URN, time zone), or undefined before first-run setup. */
export function readHomeSettings(db: FamilyLinksDb): Promise<HomeSettings | undefined> {
  return readHomeSetting(db, settingsRowKeys.home, homeSettingsSchema);
}

/** When an unattended screen locks: the saved setting, or the default if none passes. */
export async function readSecuritySettings(db: FamilyLinksDb): Promise<SecuritySettings> {
  return (
    (await readHomeSetting(db, settingsRowKeys.security, securitySettingsSchema)) ?? {
      autoLockMinutes: defaultAutoLockMinutes,
    }
  );
}
