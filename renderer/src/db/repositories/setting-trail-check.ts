import { canonicalJson } from '@shared/rules/audit-chain';
import { can } from '@shared/rules/access';
import { fail } from '@shared/result';
import {
  detailWithDigest,
  digestRecordedAction,
  managerSettingKeys,
  settingDigest,
  type ManagerSettingKey,
} from '@shared/rules/setting-trail';
import type { FamilyLinksDb } from '../database';
import { recordWriter } from '../record-writer';
import { DamagedRecordError } from '../row-binding';
import type { Session } from '../session';
import { damagedRecordRepository } from './damaged-record-repository';
import { settingRowChecked } from './home-settings-reads';

/** What one pass found: settings whose digest it recorded, and settings changed outside Family Links. */
export type SettingTrailOutcome = {
  readonly recorded: readonly ManagerSettingKey[];
  readonly damaged: readonly ManagerSettingKey[];
};

/**
 * Run from the manager's session (her home screen, in the background). Two things, each once:
 *
 * - A home from before settings' audit entries carried digests has rows nothing can hold to the
 *   log. Each is trusted as it stands (there is nothing older to check it against) and its digest
 *   recorded now, in an entry of its own, so that from then on a change made outside Family Links
 *   shows. Done at the first manager's session rather than left until each setting is next saved,
 *   which might be years: the window in which an edited row would be taken as the manager's own
 *   is the time until she next signs in, not until she next changes the setting.
 * - A setting changed outside Family Links is noted among the damaged records, so the manager's
 *   home counts it (reads fall back to the setting's safe value on their own, signed in or not).
 */
export async function checkSettingsTrail(
  db: FamilyLinksDb,
  session: Session,
  clock: () => Date = () => new Date(),
): Promise<SettingTrailOutcome> {
  if (!can(session.roles, 'settings:manage')) return { recorded: [], damaged: [] };
  const checked = await Promise.all(
    managerSettingKeys.map(async (key) => ({
      key,
      ...(await settingRowChecked(db, key, session.auditKey)),
    })),
  );
  const damaged = checked.filter((setting) => setting.verdict.kind === 'damaged').map(({ key }) => key);
  if (damaged.length > 0)
    await damagedRecordRepository(db, clock).note(
      session,
      damaged.map((key) => new DamagedRecordError('settings', key, 'not-as-logged')),
    );

  const unchecked = checked.flatMap(({ key, row, verdict }) =>
    verdict.kind === 'unchecked' && row !== undefined ? [{ key, value: row.value }] : [],
  );
  if (unchecked.length === 0) return { recorded: [], damaged };
  // Worked out before the transaction: IndexedDB commits one left waiting on WebCrypto.
  const digested = await Promise.all(
    unchecked.map(async (setting) => ({
      ...setting,
      digest: await settingDigest(setting.key, setting.value),
    })),
  );
  const written = await recordWriter(db, clock).write(session, {
    events: digested.map(({ key, digest }) => ({
      action: digestRecordedAction,
      recordType: 'settings',
      recordId: key,
      detail: detailWithDigest('as it stood', digest),
    })),
    reads: [db.settings],
    // A row changed since it was read (saved meanwhile, or arrived from another computer) is
    // left for the next pass rather than recorded with a digest it no longer has.
    async check() {
      const now = await db.settings.bulkGet(unchecked.map(({ key }) => key));
      const moved = unchecked.some(
        ({ value }, index) => canonicalJson(now[index]?.value ?? null) !== canonicalJson(value),
      );
      return moved ? fail('moved', 'A setting changed while its digest was being recorded.') : undefined;
    },
  });
  return { recorded: written.ok ? unchecked.map(({ key }) => key) : [], damaged };
}
