import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  certificateDerBase64,
  homeAuthorityMatch,
  type HeldAuthority,
} from '../../../../shared/rules/home-authority-match';
import { mainRig } from '../main-rig';

/** The fingerprint of the CA at the end of a person's chain, as a signed-in page works it out. */
function ownAuthorityFingerprint(chain: readonly string[]): string | undefined {
  const der = certificateDerBase64(chain.at(-1) ?? '');
  return der === undefined
    ? undefined
    : createHash('sha256').update(Buffer.from(der, 'base64')).digest('hex');
}

// Someone at the keyboard of a computer that knows no home CA makes it learn one of their own; a
// signed-in person's own chain, sealed under their password, is what shows it is not the home's.
describe('which certificate authority this computer holds manager-only requests to', () => {
  it('is the one in the manager’s own chain on the computer that made it', async () => {
    const rig = mainRig();
    const ca = await rig.createAuthority();
    const manager = await rig.issue(ca, { roles: ['registeredManager'] });
    const held = await rig.value('auth:home-authority', {});
    expect(held).toMatchObject({ state: 'pinned' });
    expect(homeAuthorityMatch(held, ownAuthorityFingerprint(manager.credential.certificateChainPem))).toBe(
      'matches',
    );
  });

  it('shows a CA someone else made this computer learn as not the home’s', async () => {
    const home = mainRig();
    const ca = await home.createAuthority();
    const manager = await home.issue(ca, { roles: ['registeredManager'] });
    const own = ownAuthorityFingerprint(manager.credential.certificateChainPem);

    // A second computer, restored onto, that knows no CA yet.
    const restored = mainRig();
    expect(await restored.value('auth:home-authority', {})).toEqual({ state: 'none' });
    expect(homeAuthorityMatch({ state: 'none' }, own)).toBe('unknown');
    // From DevTools: a CA of their own, which the main process learns.
    await restored.createAuthority('Not the home');
    const held = await restored.value('auth:home-authority', {});
    expect(held).toMatchObject({ state: 'pinned' });
    expect(homeAuthorityMatch(held, own)).toBe('different');
  });

  it('says the record cannot be trusted when it was edited on disk', async () => {
    const rig = mainRig();
    await rig.createAuthority();
    const path = join(rig.userData, 'home-authority.json');
    const stored = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...stored, fingerprint: 'a'.repeat(64) }));
    const held = await rig.value('auth:home-authority', {});
    expect(held).toMatchObject({
      state: 'unverifiable',
      message: expect.stringMatching(/changed outside/) as unknown,
    });
    expect(homeAuthorityMatch(held, 'b'.repeat(64))).toBe('unverifiable');
  });
});

describe('homeAuthorityMatch', () => {
  const pinned: HeldAuthority = { state: 'pinned', fingerprint: 'c'.repeat(64) };
  it('cannot say without a certificate of the person’s own', () => {
    expect(homeAuthorityMatch(pinned, undefined)).toBe('unchecked');
    expect(homeAuthorityMatch({ state: 'none' }, undefined)).toBe('unchecked');
  });
  it('compares fingerprints whatever their case', () => {
    expect(homeAuthorityMatch(pinned, 'C'.repeat(64))).toBe('matches');
  });
  it('reads one PEM certificate and nothing else', () => {
    expect(certificateDerBase64('-----BEGIN CERTIFICATE-----\nAAEC\nAwQF\n-----END CERTIFICATE-----\n')).toBe(
      'AAECAwQF',
    );
    expect(
      certificateDerBase64('-----BEGIN PRIVATE KEY-----\nAAEC\n-----END PRIVATE KEY-----'),
    ).toBeUndefined();
    expect(
      certificateDerBase64(
        '-----BEGIN CERTIFICATE-----\nAAEC\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nAAEC\n-----END CERTIFICATE-----',
      ),
    ).toBeUndefined();
  });
});
