import type { z } from 'zod';
import { ok, type Result } from '@shared/result';
import { detailWithDigest, settingDigest, type ManagerSettingKey } from '@shared/rules/setting-trail';
import type { FamilyLinksDb } from '../database';
import { recordWriter } from '../record-writer';
import { plainStore } from '../sealed-store';
import type { Session } from '../session';
import { permittedForm } from './permitted-form';
import { checkHomeSetting, readHomeSetting } from './home-settings-reads';

/** What one manager-only setting is: its row, its schema and how a change to it is told and audited. */
export type HomeSettingDefinition<Value> = {
  readonly key: ManagerSettingKey;
  readonly schema: z.ZodType<Value>;
  /** Said to anyone but the manager who tries to change it. */
  readonly refusal: string;
  /** Said when the value does not pass the schema (each field's own message comes with it). */
  readonly invalid: string;
  /** The audit action a change is recorded under (one of the setting's in `managerSettingActions`). */
  readonly action: string;
  /** The audit entry's detail: the new value, put plainly (settings hold no personal data). */
  readonly detail?: (value: Value) => string;
};

/**
 * A setting only the Registered Manager may change (`settings:manage`): read through its schema
 * and held against the audit log, and saved whole with its audit entry in one transaction, or not
 * at all. The entry's detail ends with the value's digest (`setting-trail.ts`), which is what a
 * read holds the row to; saving repairs a row changed outside Family Links, so its note in the
 * damaged records goes in the same transaction.
 */
export function homeSetting<Value>(
  db: FamilyLinksDb,
  clock: () => Date,
  setting: HomeSettingDefinition<Value>,
) {
  const records = recordWriter(db, clock);
  const rows = plainStore(db.settings);
  const damagedNotes = plainStore(db.damagedRecords);
  return {
    read: () => readHomeSetting(db, setting.key, setting.schema),

    /**
     * The value and whether it was changed outside Family Links, for the screen that saves it;
     * with a session, the audit entries it is held to must verify under its audit key too.
     */
    check: (session?: Pick<Session, 'auditKey'>) =>
      checkHomeSetting(db, setting.key, setting.schema, session?.auditKey),

    save: async (session: Session, input: unknown): Promise<Result<Value, 'forbidden' | 'invalid'>> => {
      const { refusal, schema, invalid } = setting;
      const form = permittedForm(session, 'settings:manage', refusal, schema, input, invalid);
      if (!form.ok) return form;
      // Worked out before the transaction: IndexedDB commits one left waiting on WebCrypto.
      const digest = await settingDigest(setting.key, form.value);
      await records.write(session, {
        events: [
          {
            action: setting.action,
            recordType: 'settings',
            recordId: setting.key,
            detail: detailWithDigest(setting.detail?.(form.value), digest),
          },
        ],
        writes: [
          rows.put({ key: setting.key, value: form.value }),
          damagedNotes.delete(`settings:${setting.key}`),
        ],
      });
      return ok(form.value);
    },
  };
}
