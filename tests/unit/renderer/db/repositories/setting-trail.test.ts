import { describe, expect, it } from 'vitest';
import { defaultRetentionSettings } from '../../../../../shared/schemas/retention';
import { defaultAutoLockMinutes } from '../../../../../shared/schemas/security-settings';
import { contactFormSettingsRepository } from '../../../../../renderer/src/db/repositories/contact-form-settings-repository';
import { homeSettingsRepository } from '../../../../../renderer/src/db/repositories/home-settings-repository';
import {
  readHomeSettings,
  readSecuritySettings,
} from '../../../../../renderer/src/db/repositories/home-settings-reads';
import { retentionRepository } from '../../../../../renderer/src/db/repositories/retention-repository';
import { checkSettingsTrail } from '../../../../../renderer/src/db/repositories/setting-trail-check';
import { detailWithDigest, settingDigest } from '../../../../../shared/rules/setting-trail';
import { recordWriter } from '../../../../../renderer/src/db/record-writer';
import { plainStore } from '../../../../../renderer/src/db/sealed-store';
import type { FamilyLinksDb } from '../../../../../renderer/src/db/database';
import { okValue } from '../../ok-value';
import { databasesClosedAfterEach } from '../test-database';
import { testSession } from '../test-session';
import { managerOnFreshDatabase, plantLaterEntry } from './audit-trail-test-support';

const opened = databasesClosedAfterEach();

async function setUp() {
  const { db, time, manager } = await managerOnFreshDatabase(opened);
  const home = homeSettingsRepository(db, time.clock);
  const forms = contactFormSettingsRepository(db, time.clock);
  const retention = retentionRepository(db, time.clock);
  return { db, time, manager, home, forms, retention };
}

const oakHouse = { name: 'Oak House', ofstedUrn: 'SC123456', timeZone: 'Pacific/Auckland' };
const longerRetention = { ...defaultRetentionSettings, visitorRegisterYears: 20 };

/** What someone with DevTools open does: writes the row in IndexedDB, past the app. */
const editRow = (db: FamilyLinksDb, key: string, value: unknown) => db.settings.put({ key, value });

describe('the manager’s settings, held against the audit log', () => {
  it('reads back what the manager saved, each entry keeping its words and ending with a digest', async () => {
    const { db, manager, home, forms, retention } = await setUp();
    okValue(await home.save(manager, oakHouse));
    okValue(await home.saveSecurity(manager, { autoLockMinutes: 12 }));
    okValue(await forms.saveSettings(manager, { dueHours: 36 }));
    okValue(await retention.saveSettings(manager, longerRetention));
    expect(await readHomeSettings(db)).toEqual(oakHouse);
    expect(await readSecuritySettings(db)).toEqual({ autoLockMinutes: 12 });
    expect(await forms.checkedSettings()).toEqual({ settings: { dueHours: 36 }, damaged: false });
    expect(await retention.checkedSettings()).toEqual({ settings: longerRetention, damaged: false });
    const details = (await db.audit.toArray()).map((entry) => entry.detail ?? '');
    expect(details[1]).toMatch(/^auto-lock 12 min; sha256:[0-9a-f]{64}$/);
    expect(details[2]).toMatch(/^36 hours; sha256:[0-9a-f]{64}$/);
  });

  it('refuses contact-form hours edited in the database, and falls back to the policy’s 48', async () => {
    const { db, manager, forms } = await setUp();
    okValue(await forms.saveSettings(manager, { dueHours: 24 }));
    await editRow(db, 'contactForms', { dueHours: 100000 });
    expect(await forms.settings()).toEqual({ dueHours: 48 });
    expect(await forms.checkedSettings()).toEqual({ settings: { dueHours: 48 }, damaged: true });
  });

  it('refuses a screen-lock time edited in the database, before anyone signs in too', async () => {
    const { db, manager, home } = await setUp();
    okValue(await home.saveSecurity(manager, { autoLockMinutes: 2 }));
    await editRow(db, 'security', { autoLockMinutes: 30 });
    expect(await readSecuritySettings(db)).toEqual({ autoLockMinutes: defaultAutoLockMinutes });
    expect((await home.checkSecurity()).damaged).toBe(true);
  });

  it('refuses a time zone edited in the database, and keeps the default clock', async () => {
    const { db, manager, home } = await setUp();
    okValue(await home.save(manager, oakHouse));
    await editRow(db, 'home', { ...oakHouse, timeZone: 'Europe/London' });
    expect(await readHomeSettings(db)).toBeUndefined();
    expect(await home.timeZone()).toBe('Europe/London');
    okValue(await home.save(manager, oakHouse));
    await editRow(db, 'home', { ...oakHouse, timeZone: 'America/New_York' });
    expect(await home.timeZone()).toBe('Europe/London');
    expect(await home.check()).toEqual({ value: undefined, damaged: true });
  });

  it('refuses retention periods edited in the database: the defaults, and nothing listed to decide on', async () => {
    const { db, manager, retention } = await setUp();
    okValue(await retention.saveSettings(manager, longerRetention));
    await editRow(db, 'retention', { ...longerRetention, visitorRegisterYears: 1 });
    expect(await retention.settings()).toEqual(defaultRetentionSettings);
    const past = await retention.pastRetention(manager, '2026-12-06');
    expect(past.ok).toBe(false);
    if (!past.ok) expect(past.error.code).toBe('damaged');
  });

  it('refuses a setting put back as the value saved before the newest', async () => {
    const { db, time, manager, forms } = await setUp();
    okValue(await forms.saveSettings(manager, { dueHours: 72 }));
    time.later(60_000);
    okValue(await forms.saveSettings(manager, { dueHours: 24 }));
    await editRow(db, 'contactForms', { dueHours: 72 });
    expect(await forms.checkedSettings()).toEqual({ settings: { dueHours: 48 }, damaged: true });
  });

  it('refuses a row added with no entry, and a saved row deleted', async () => {
    const { db, manager, forms, home } = await setUp();
    await editRow(db, 'contactForms', { dueHours: 1000 });
    expect(await forms.checkedSettings()).toEqual({ settings: { dueHours: 48 }, damaged: true });
    okValue(await home.saveSecurity(manager, { autoLockMinutes: 2 }));
    await db.settings.delete('security');
    expect((await home.checkSecurity()).damaged).toBe(true);
    expect(await readSecuritySettings(db)).toEqual({ autoLockMinutes: defaultAutoLockMinutes });
  });

  it('is repaired by saving again, which clears its note among the damaged records', async () => {
    const { db, manager, forms } = await setUp();
    okValue(await forms.saveSettings(manager, { dueHours: 24 }));
    await editRow(db, 'contactForms', { dueHours: 100000 });
    expect(await checkSettingsTrail(db, manager)).toEqual({ recorded: [], damaged: ['contactForms'] });
    expect(await db.damagedRecords.toArray()).toMatchObject([
      { id: 'settings:contactForms', table: 'settings', rowId: 'contactForms', reason: 'not-as-logged' },
    ]);
    expect((await db.audit.toArray()).at(-1)).toMatchObject({
      action: 'record.damaged',
      recordType: 'settings',
      recordId: 'contactForms',
      detail: 'does not match the audit log',
    });
    okValue(await forms.saveSettings(manager, { dueHours: 24 }));
    expect(await forms.checkedSettings()).toEqual({ settings: { dueHours: 24 }, damaged: false });
    expect(await db.damagedRecords.count()).toBe(0);
  });

  it('notes a damaged setting once, and only for the manager', async () => {
    const { db, manager } = await setUp();
    await editRow(db, 'contactForms', { dueHours: 1000 });
    const careWorker = await testSession(['careStaff']);
    expect(await checkSettingsTrail(db, careWorker)).toEqual({ recorded: [], damaged: [] });
    expect(await db.damagedRecords.count()).toBe(0);
    await checkSettingsTrail(db, manager);
    await checkSettingsTrail(db, manager);
    const noted = (await db.audit.toArray()).filter((entry) => entry.action === 'record.damaged');
    expect(noted).toHaveLength(1);
  });
});

describe('a setting whose audit entry was edited or planted with its row', () => {
  /** What someone who read `setting-trail.ts` does too: makes the newest entry's digest match the edited row. */
  async function forgeNewestEntry(db: FamilyLinksDb, key: string, value: unknown) {
    const entries = await db.audit.where('[recordType+recordId]').equals(['settings', key]).sortBy('seq');
    const newest = entries.at(-1);
    if (!newest) throw new Error('no entry to forge');
    await db.audit.put({ ...newest, detail: detailWithDigest('24 hours', await settingDigest(key, value)) });
  }

  it('a signed-in read refuses a row edited with its newest entry’s digest, and the manager’s home counts it', async () => {
    const { db, manager, forms } = await setUp();
    okValue(await forms.saveSettings(manager, { dueHours: 24 }));
    await editRow(db, 'contactForms', { dueHours: 100000 });
    await forgeNewestEntry(db, 'contactForms', { dueHours: 100000 });
    expect(await forms.checkedSettings(manager)).toEqual({ settings: { dueHours: 48 }, damaged: true });
    expect(await checkSettingsTrail(db, manager)).toEqual({ recorded: [], damaged: ['contactForms'] });
    // Saving again writes a genuine entry after the forged one: repaired.
    okValue(await forms.saveSettings(manager, { dueHours: 36 }));
    expect(await forms.checkedSettings(manager)).toEqual({ settings: { dueHours: 36 }, damaged: false });
  });

  it('a signed-in read refuses a lock time put back with the newest entry edited to vouch for it', async () => {
    const { db, time, manager, home } = await setUp();
    okValue(await home.saveSecurity(manager, { autoLockMinutes: 30 }));
    time.later(60_000);
    okValue(await home.saveSecurity(manager, { autoLockMinutes: 2 }));
    await editRow(db, 'security', { autoLockMinutes: 30 });
    await forgeNewestEntry(db, 'security', { autoLockMinutes: 30 });
    expect(await home.checkSecurity(manager)).toEqual({ value: undefined, damaged: true });
  });

  it('a signed-in read refuses a row vouched for by an entry planted after the genuine one', async () => {
    const { db, time, manager, retention } = await setUp();
    okValue(await retention.saveSettings(manager, longerRetention));
    const shorter = { ...defaultRetentionSettings, visitorRegisterYears: 1 };
    await editRow(db, 'retention', shorter);
    const [genuine] = await db.audit
      .where('[recordType+recordId]')
      .equals(['settings', 'retention'])
      .toArray();
    if (!genuine) throw new Error('no entry');
    time.later(60_000);
    await plantLaterEntry(db, genuine, {
      at: time.clock().toISOString(),
      detail: detailWithDigest(undefined, await settingDigest('retention', shorter)),
    });
    expect(await retention.checkedSettings(manager)).toEqual({
      settings: defaultRetentionSettings,
      damaged: true,
    });
  });
});

describe('a home whose settings were saved before their entries carried digests', () => {
  /** A setting saved as the app did before: the same action, its words, no digest. */
  async function savedBeforeDigests(db: FamilyLinksDb, manager: Awaited<ReturnType<typeof testSession>>) {
    await recordWriter(db, () => new Date('2026-01-05T10:00:00.000Z')).write(manager, {
      events: [
        {
          action: 'settings.contact-forms-updated',
          recordType: 'settings',
          recordId: 'contactForms',
          detail: '36 hours',
        },
      ],
      writes: [plainStore(db.settings).put({ key: 'contactForms', value: { dueHours: 36 } })],
    });
  }

  it('keeps its settings until the manager’s session records their digests, then holds them to those', async () => {
    const { db, manager, forms } = await setUp();
    await savedBeforeDigests(db, manager);
    expect(await forms.checkedSettings()).toEqual({ settings: { dueHours: 36 }, damaged: false });
    expect(await checkSettingsTrail(db, manager)).toEqual({ recorded: ['contactForms'], damaged: [] });
    expect((await db.audit.toArray()).at(-1)).toMatchObject({
      action: 'settings.digest-recorded',
      recordId: 'contactForms',
      detail: expect.stringMatching(/^as it stood; sha256:[0-9a-f]{64}$/) as unknown,
    });
    expect(await forms.checkedSettings()).toEqual({ settings: { dueHours: 36 }, damaged: false });
    expect(await checkSettingsTrail(db, manager)).toEqual({ recorded: [], damaged: [] });
    await editRow(db, 'contactForms', { dueHours: 100000 });
    expect(await forms.checkedSettings()).toEqual({ settings: { dueHours: 48 }, damaged: true });
  });

  it('records nothing for a colleague’s session', async () => {
    const { db, manager, forms } = await setUp();
    await savedBeforeDigests(db, manager);
    const careWorker = await testSession(['careStaff']);
    expect(await checkSettingsTrail(db, careWorker)).toEqual({ recorded: [], damaged: [] });
    expect(await forms.checkedSettings()).toEqual({ settings: { dueHours: 36 }, damaged: false });
  });
});
