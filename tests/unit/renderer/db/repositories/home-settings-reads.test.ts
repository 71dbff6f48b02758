import { describe, expect, it } from 'vitest';
import { defaultAutoLockMinutes } from '../../../../../shared/schemas/security-settings';
import { homeSettingsRepository } from '../../../../../renderer/src/db/repositories/home-settings-repository';
import {
  readHomeSettings,
  readSecuritySettings,
} from '../../../../../renderer/src/db/repositories/home-settings-reads';
import { okValue } from '../../ok-value';
import { databasesClosedAfterEach, freshDatabase } from '../test-database';
import { testSession } from '../test-session';

const opened = databasesClosedAfterEach();

function database() {
  const db = freshDatabase();
  opened.push(db);
  return db;
}

/**
 * What the sign-in screen reads before anyone is signed in: the home's details and when an
 * unattended screen locks, read without the code that saves them.
 */
describe('reading the home’s settings', () => {
  it('reads nothing before setup, and the default lock time', async () => {
    const db = database();
    expect(await readHomeSettings(db)).toBeUndefined();
    expect(await readSecuritySettings(db)).toEqual({ autoLockMinutes: defaultAutoLockMinutes });
  });

  it('reads back what the manager saved, from the rows the repository writes', async () => {
    const db = database();
    const repository = homeSettingsRepository(db);
    const manager = await testSession(['registeredManager']);
    const home = { name: 'Oak House', ofstedUrn: 'SC123456', timeZone: 'Europe/London' };
    okValue(await repository.save(manager, home));
    okValue(await repository.saveSecurity(manager, { autoLockMinutes: 7 }));
    expect(await readHomeSettings(db)).toEqual(home);
    expect(await readSecuritySettings(db)).toEqual({ autoLockMinutes: 7 });
  });

  it('reads a row edited outside the app into something the schema refuses as missing', async () => {
    const db = database();
    await db.settings.put({ key: 'home', value: { name: '', timeZone: 'Mars/Olympus' } });
    await db.settings.put({ key: 'security', value: { autoLockMinutes: 0 } });
    expect(await readHomeSettings(db)).toBeUndefined();
    expect(await readSecuritySettings(db)).toEqual({ autoLockMinutes: defaultAutoLockMinutes });
  });
});
