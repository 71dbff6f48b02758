import { describe, expect, it } from 'vitest';
import { homeSettingsRepository } from '../../../../../renderer/src/db/repositories/home-settings-repository';
import { okValue } from '../../ok-value';
import {
  exchange,
  keepOtherComputersVersion,
  homeRenamedOnBoth,
  oakHouse,
  twoComputers,
  type Computer,
} from '../sync-computers';

/**
 * The manager's settings held against the audit log on a home of two computers: a setting and its
 * entry arrive together, and a setting changed on both at once reads as its safe default wherever
 * its row is not the newest saved value, until the manager keeps one, which both then trust.
 */

const checked = (at: Computer) => homeSettingsRepository(at.db).check();

describe('settings from another computer, held against the audit log', () => {
  it('trusts a setting saved on the other computer once it and its entry have arrived', async () => {
    const { keys, frontDesk, office } = await twoComputers('registeredManager');
    okValue(await homeSettingsRepository(frontDesk.db).save(frontDesk.session, oakHouse));
    await exchange(frontDesk, office, keys);
    expect(await checked(office)).toEqual({ value: oakHouse, damaged: false });
    await office.db.settings.put({ key: 'home', value: { ...oakHouse, timeZone: 'Asia/Tokyo' } });
    expect(await checked(office)).toEqual({ value: undefined, damaged: true });
  });

  it('trusts the version the manager keeps of a setting changed on both at once, on both computers', async () => {
    const { keys, frontDesk, office } = await homeRenamedOnBoth();
    // Whatever either holds now is the newest saved name or, where it is not, nothing at all.
    for (const at of [frontDesk, office]) {
      const read = await checked(at);
      expect(read.damaged ? read.value : read.value?.name).toBeOneOf([
        undefined,
        'Oak Lodge',
        'Oak House School',
      ]);
    }

    await keepOtherComputersVersion(office);
    await exchange(frontDesk, office, keys);
    const lodge = { value: { ...oakHouse, name: 'Oak Lodge' }, damaged: false };
    expect(await checked(office)).toEqual(lodge);
    expect(await checked(frontDesk)).toEqual(lodge);
    const chosen = await office.db.audit.where('action').equals('sync.version-chosen').toArray();
    expect(chosen.map((entry) => entry.detail)).toEqual([
      expect.stringMatching(/^kept the version made on .+; sha256:[0-9a-f]{64}$/),
    ]);
    // Held to the kept value from then on, not merely taken on trust.
    await frontDesk.db.settings.put({ key: 'home', value: { ...oakHouse, name: 'Oak House School' } });
    expect(await checked(frontDesk)).toEqual({ value: undefined, damaged: true });
  });
});
