import { describe, expect, it } from 'vitest';
import { homeSettingKeys, isHomeSetting, sendsHere } from '../../../../shared/rules/sync-scope';

const office = 'office-3f9a2c41';
const frontDesk = 'front-desk-7b21e0aa';

describe('which settings are the home’s', () => {
  it.each(['home', 'security', 'retention', 'contactForms', 'signingAuthority', 'panOverdueAlerted'])(
    '%s is shared with every computer',
    (key) => expect(isHomeSetting(key)).toBe(true),
  );

  it.each([
    'auditHead',
    'rowSeals',
    'keyRotation:casework',
    'restoreInProgress',
    'aKeyNobodyNamed',
    '',
    'Home',
  ])('%s is this computer’s own (a key not named is never shared)', (key) =>
    expect(isHomeSetting(key)).toBe(false),
  );

  it('takes only strings', () => {
    expect(isHomeSetting(undefined)).toBe(false);
    expect(isHomeSetting(['home'])).toBe(false);
    expect(new Set(homeSettingKeys).size).toBe(homeSettingKeys.length);
  });
});

describe('which computer sends an alert', () => {
  it('a computer without sync sends every message, as it always has', () => {
    expect(sendsHere({}, {})).toBe(true);
    expect(sendsHere({ queuedOn: office }, {})).toBe(true);
  });

  it('a message naming its computer is sent there only', () => {
    expect(sendsHere({ queuedOn: office }, { deviceId: office })).toBe(true);
    expect(sendsHere({ queuedOn: office }, { deviceId: frontDesk })).toBe(false);
    // Whoever changed it last (a retry, a failure recorded) does not move it.
    expect(sendsHere({ queuedOn: office }, { deviceId: frontDesk, versionBy: frontDesk })).toBe(false);
  });

  it('a message from before sync is sent by the computer whose own version it holds', () => {
    expect(sendsHere({}, { deviceId: office, versionBy: office })).toBe(true);
    expect(sendsHere({}, { deviceId: office })).toBe(true);
    expect(sendsHere({}, { deviceId: frontDesk, versionBy: office })).toBe(false);
  });

  it('exactly one of two computers sends any message', () => {
    const messages = [{ queuedOn: office }, { queuedOn: frontDesk }, {}];
    for (const message of messages) {
      const versionBy = message.queuedOn ?? office;
      const senders = [office, frontDesk].filter((deviceId) => sendsHere(message, { deviceId, versionBy }));
      expect(senders).toHaveLength(1);
    }
  });
});
