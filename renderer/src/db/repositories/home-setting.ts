import type { z } from 'zod';
import { ok, type Result } from '@shared/result';
import type { FamilyLinksDb } from '../database';
import { recordWriter } from '../record-writer';
import { plainStore } from '../sealed-store';
import type { Session } from '../session';
import { permittedForm } from './permitted-form';
import { readHomeSetting } from './home-settings-reads';

/** What one manager-only setting is: its row, its schema and how a change to it is told and audited. */
export type HomeSettingDefinition<Value> = {
  readonly key: string;
  readonly schema: z.ZodType<Value>;
  /** Said to anyone but the manager who tries to change it. */
  readonly refusal: string;
  /** Said when the value does not pass the schema (each field's own message comes with it). */
  readonly invalid: string;
  /** The audit action a change is recorded under. */
  readonly action: string;
  /** The audit entry's detail: the new value, put plainly (settings hold no personal data). */
  readonly detail?: (value: Value) => string;
};

/**
 * A setting only the Registered Manager may change (`settings:manage`): read through its schema,
 * and saved whole with its audit entry in one transaction, or not at all.
 */
export function homeSetting<Value>(
  db: FamilyLinksDb,
  clock: () => Date,
  setting: HomeSettingDefinition<Value>,
) {
  const records = recordWriter(db, clock);
  const rows = plainStore(db.settings);
  return {
    read: () => readHomeSetting(db, setting.key, setting.schema),

    save: async (session: Session, input: unknown): Promise<Result<Value, 'forbidden' | 'invalid'>> => {
      const { refusal, schema, invalid } = setting;
      const form = permittedForm(session, 'settings:manage', refusal, schema, input, invalid);
      if (!form.ok) return form;
      await records.write(session, {
        events: [
          {
            action: setting.action,
            recordType: 'settings',
            recordId: setting.key,
            ...(setting.detail ? { detail: setting.detail(form.value) } : {}),
          },
        ],
        writes: [rows.put({ key: setting.key, value: form.value })],
      });
      return ok(form.value);
    },
  };
}
