import type { z } from 'zod';
import { homeSettingsSchema, type HomeSettings } from '@shared/schemas/home';
import {
  defaultAutoLockMinutes,
  securitySettingsSchema,
  type SecuritySettings,
} from '@shared/schemas/security-settings';
import type { HomeSettingKey } from '@shared/rules/sync-scope';
import type { AuditKey } from '@shared/rules/audit-chain';
import {
  settingDigest,
  settingVerdict,
  type ManagerSettingKey,
  type SettingVerdict,
} from '@shared/rules/setting-trail';
import type { FamilyLinksDb, SettingRow } from '../database';
import { isAuthenticEntry } from './audit-entry-authenticity';

/*
 * Reading the home's settings, apart from changing them: the sign-in screen needs the home's
 * details and its lock setting before anyone is signed in, and what saves a setting (the audit log
 * and its chain) need not load until then.
 */

/** The settings rows the home's details and its security settings are kept in (shared by every computer). */
export const settingsRowKeys = {
  home: 'home',
  security: 'security',
} as const satisfies Record<string, HomeSettingKey & ManagerSettingKey>;

/** One of the manager's settings as read: its value if it can be trusted, and whether it was damaged. */
export type CheckedSetting<Value> = {
  /** Undefined when there is none, or when it cannot be trusted: the caller's default applies. */
  readonly value: Value | undefined;
  /** Changed outside Family Links (`settingVerdict`): the manager is told, and saving it again repairs it. */
  readonly damaged: boolean;
};

/**
 * The row of one of the manager's settings and what the audit log says of it (`settingVerdict`).
 * The audit entries are found by the record index, `[recordType+recordId]`: only this setting's
 * entries are read, never the whole log. The log is plain, so this works before anyone signs in.
 * With the audit key (`auditKey`: a signed-in session's), each entry's MAC is checked too, so an
 * entry edited or planted with the row reads as damaged; without it (the sign-in screen holds no
 * audit key) the entries are taken as they stand, and only the manager's check of the log shows
 * such an edit.
 */
export async function settingRowChecked(
  db: FamilyLinksDb,
  key: ManagerSettingKey,
  auditKey?: AuditKey,
): Promise<{ readonly row: SettingRow | undefined; readonly verdict: SettingVerdict }> {
  const [row, entries] = await Promise.all([
    db.settings.get(key),
    db.audit.where('[recordType+recordId]').equals(['settings', key]).toArray(),
  ]);
  const [rowDigest, checked] = await Promise.all([
    row === undefined ? undefined : settingDigest(key, row.value),
    auditKey === undefined
      ? entries
      : Promise.all(
          entries.map(async (entry) => ({
            ...entry,
            isAuthentic: await isAuthenticEntry(entry, auditKey),
          })),
        ),
  ]);
  return { row, verdict: settingVerdict(key, rowDigest, checked) };
}

/**
 * One of the manager's settings, read through its schema and held against the audit log. A row
 * that is missing, or that no longer passes the schema (from an older shape), reads as no value;
 * one the log does not vouch for reads as no value and damaged, so the caller falls back to the
 * setting's default rather than trusting it. `auditKey`: as for `settingRowChecked`.
 */
export async function checkHomeSetting<Value>(
  db: FamilyLinksDb,
  key: ManagerSettingKey,
  schema: z.ZodType<Value>,
  auditKey?: AuditKey,
): Promise<CheckedSetting<Value>> {
  const { row, verdict } = await settingRowChecked(db, key, auditKey);
  if (verdict.kind === 'damaged') return { value: undefined, damaged: true };
  const parsed = schema.safeParse(row?.value);
  return { value: parsed.success ? parsed.data : undefined, damaged: false };
}

/** One of the manager's settings (`checkHomeSetting`), or undefined if there is none to trust. */
export async function readHomeSetting<Value>(
  db: FamilyLinksDb,
  key: ManagerSettingKey,
  schema: z.ZodType<Value>,
): Promise<Value | undefined> {
  return (await checkHomeSetting(db, key, schema)).value;
}

/** The home's details (name, Ofsted URN, time zone), or undefined before first-run setup. */
export function readHomeSettings(db: FamilyLinksDb): Promise<HomeSettings | undefined> {
  return readHomeSetting(db, settingsRowKeys.home, homeSettingsSchema);
}

/** When an unattended screen locks: the saved setting, or the default if none can be trusted. */
export async function readSecuritySettings(db: FamilyLinksDb): Promise<SecuritySettings> {
  return (
    (await readHomeSetting(db, settingsRowKeys.security, securitySettingsSchema)) ?? {
      autoLockMinutes: defaultAutoLockMinutes,
    }
  );
}
