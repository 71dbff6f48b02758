import { describe, expect, it } from 'vitest';
import {
  detailWithDigest,
  digestInDetail,
  isManagerSettingKey,
  newestSettingEntry,
  settingDigest,
  settingVerdict,
} from '../../../../shared/rules/setting-trail';
import { digestA as a, digestB as b, trailEntry } from './setting-trail-entries';

const saved = (at: string, digest: string) =>
  trailEntry(at, 'settings.contact-forms-updated', detailWithDigest(`${at} hours`, digest));

describe('the digest a setting’s audit entry carries', () => {
  it('keeps the plain words and ends with the digest, which is read back', () => {
    expect(detailWithDigest('36 hours', a)).toBe(`36 hours; sha256:${a}`);
    expect(detailWithDigest(undefined, a)).toBe(`sha256:${a}`);
    expect(digestInDetail(detailWithDigest('36 hours', a))).toBe(a);
    expect(digestInDetail(detailWithDigest(undefined, a))).toBe(a);
  });

  it('finds none in a detail written before digests, or one that only mentions a digest', () => {
    expect(digestInDetail('36 hours')).toBeUndefined();
    expect(digestInDetail(undefined)).toBeUndefined();
    expect(digestInDetail(`sha256:${a} was the old one`)).toBeUndefined();
    expect(digestInDetail(`sha256:${a.slice(1)}`)).toBeUndefined();
  });

  it('is the same for the same value whatever order its fields are in, and differs by key and value', async () => {
    const one = await settingDigest('home', { name: 'Oak House', timeZone: 'Europe/London' });
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(await settingDigest('home', { timeZone: 'Europe/London', name: 'Oak House' })).toBe(one);
    expect(await settingDigest('home', { name: 'Oak House', timeZone: 'Europe/Paris' })).not.toBe(one);
    expect(await settingDigest('security', { name: 'Oak House', timeZone: 'Europe/London' })).not.toBe(one);
  });
});

describe('which of a setting’s entries is the newest', () => {
  it('takes the latest time, then the latest place in the table, among the setting’s own actions', () => {
    const first = saved('1', a);
    const second = saved('2', b);
    const sameTime = { ...second, seq: second.seq + 10 };
    expect(newestSettingEntry('contactForms', [second, first])).toBe(second);
    expect(newestSettingEntry('contactForms', [sameTime, second, first])).toBe(sameTime);
  });

  it('leaves out entries about the setting that say nothing of its value', () => {
    const first = saved('1', a);
    const noted = trailEntry('3', 'record.damaged', 'does not match the audit log');
    const otherSetting = trailEntry('4', 'settings.security-updated', detailWithDigest('auto-lock 7 min', b));
    expect(newestSettingEntry('contactForms', [first, noted, otherSetting])).toBe(first);
  });

  it('counts a recorded digest and a settled sync conflict', () => {
    const recorded = trailEntry('2', 'settings.digest-recorded', detailWithDigest('as it stood', b));
    const settled = trailEntry(
      '3',
      'sync.version-chosen',
      detailWithDigest('kept the version made on Office', a),
    );
    expect(newestSettingEntry('contactForms', [saved('1', a), recorded])).toBe(recorded);
    expect(newestSettingEntry('contactForms', [saved('1', a), recorded, settled])).toBe(settled);
  });
});

describe('whether a setting’s row can be trusted', () => {
  it('trusts a row that matches the newest entry’s digest', () => {
    expect(settingVerdict('contactForms', b, [saved('1', a), saved('2', b)])).toEqual({ kind: 'trusted' });
  });

  it('refuses a row put back as an earlier value the log once named', () => {
    expect(settingVerdict('contactForms', a, [saved('1', a), saved('2', b)])).toEqual({
      kind: 'damaged',
      reason: 'not-as-logged',
    });
  });

  it('refuses a row with no entry, and an entry whose row is gone', () => {
    expect(settingVerdict('contactForms', a, [])).toEqual({ kind: 'damaged', reason: 'no-entry' });
    expect(settingVerdict('contactForms', undefined, [saved('1', a)])).toEqual({
      kind: 'damaged',
      reason: 'row-gone',
    });
    const beforeDigests = trailEntry('1', 'settings.contact-forms-updated', '36 hours');
    expect(settingVerdict('contactForms', undefined, [beforeDigests])).toEqual({
      kind: 'damaged',
      reason: 'row-gone',
    });
  });

  it('reads a setting never saved as unset', () => {
    expect(settingVerdict('retention', undefined, [])).toEqual({ kind: 'unset' });
  });

  it('cannot check a row whose newest entry was written before digests, until one is recorded', () => {
    const beforeDigests = trailEntry('1', 'settings.contact-forms-updated', '36 hours');
    expect(settingVerdict('contactForms', a, [beforeDigests])).toEqual({ kind: 'unchecked' });
    const recorded = trailEntry('2', 'settings.digest-recorded', detailWithDigest('as it stood', a));
    expect(settingVerdict('contactForms', a, [beforeDigests, recorded])).toEqual({ kind: 'trusted' });
    expect(settingVerdict('contactForms', b, [beforeDigests, recorded])).toEqual({
      kind: 'damaged',
      reason: 'not-as-logged',
    });
  });

  it('holds the home’s details to the entry of the home’s set-up', () => {
    const setUp = trailEntry('1', 'home.set-up', detailWithDigest(undefined, a));
    expect(settingVerdict('home', a, [setUp])).toEqual({ kind: 'trusted' });
    expect(settingVerdict('home', b, [setUp])).toEqual({ kind: 'damaged', reason: 'not-as-logged' });
  });

  describe('with each entry’s MAC checked (a signed-in read)', () => {
    const genuine = (at: string, digest: string) => ({ ...saved(at, digest), isAuthentic: true });
    const forged = (at: string, digest: string) => ({ ...saved(at, digest), isAuthentic: false });

    it('refuses a row put back as an earlier value whose newest entry was edited to match', () => {
      expect(settingVerdict('contactForms', a, [genuine('1', a), forged('2', a)])).toEqual({
        kind: 'damaged',
        reason: 'entry-not-authentic',
      });
    });

    it('refuses a row vouched for only by an entry that does not verify', () => {
      expect(settingVerdict('contactForms', b, [forged('1', b)])).toEqual({
        kind: 'damaged',
        reason: 'entry-not-authentic',
      });
      expect(settingVerdict('contactForms', undefined, [forged('1', b)])).toEqual({
        kind: 'damaged',
        reason: 'entry-not-authentic',
      });
    });

    it('trusts a row saved again after a forged entry, so saving repairs it', () => {
      expect(settingVerdict('contactForms', b, [forged('1', a), genuine('2', b)])).toEqual({
        kind: 'trusted',
      });
    });

    it('without a key to check them, reads the entries as before sign-in does', () => {
      expect(settingVerdict('contactForms', a, [saved('1', b), saved('2', a)])).toEqual({ kind: 'trusted' });
    });
  });

  it('guards only the manager’s settings', () => {
    expect(['home', 'security', 'retention', 'contactForms'].every(isManagerSettingKey)).toBe(true);
    expect(
      ['signingAuthority', 'panOverdueAlerted', 'auditHead', 'toString', 1].some(isManagerSettingKey),
    ).toBe(false);
  });
});
