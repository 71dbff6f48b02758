import { homeSettingsSchema, type HomeSettings } from '@shared/schemas/home';
import { fieldMessages } from '@shared/ipc/ipc-result';
import { fail, ok, type Result } from '@shared/result';
import type { FamilyLinksDb } from '../database';

const homeKey = 'home';

/** The home's own details (name, Ofsted URN, time zone). */
export function homeSettingsRepository(db: FamilyLinksDb) {
  return {
    /** The saved details, or undefined before first-run setup. A damaged row reads as missing. */
    async get(): Promise<HomeSettings | undefined> {
      const row = await db.settings.get(homeKey);
      const parsed = homeSettingsSchema.safeParse(row?.value);
      return parsed.success ? parsed.data : undefined;
    },

    /** Checks the input with the shared schema and saves it whole, or saves nothing. */
    async save(input: unknown): Promise<Result<HomeSettings, 'invalid'>> {
      const parsed = homeSettingsSchema.safeParse(input);
      if (!parsed.success) {
        return fail('invalid', 'Some details need correcting before they can be saved.', fieldMessages(parsed.error));
      }
      await db.settings.put({ key: homeKey, value: parsed.data });
      return ok(parsed.data);
    },
  };
}
export type HomeSettingsRepository = ReturnType<typeof homeSettingsRepository>;
