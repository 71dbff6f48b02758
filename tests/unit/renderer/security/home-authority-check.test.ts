import { X509Certificate } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FamilyLinksApi } from '@shared/ipc/client';
import type { HeldAuthority } from '@shared/rules/home-authority-match';
import { sharedHomeAuthority } from '../../../../renderer/src/security/home-authority-check';
import { keepProofKey } from '../../../../renderer/src/security/proof-keys';
import { makeTestCertificates } from '../../../support/test-certificates';
import { testSession } from '../db/test-session';

// The CA a manager's computer puts in a new computer's code: the one its main process holds
// requests to, checked against the manager's own chain, so nothing else can be handed on.

let homeCa: string;
let otherCa: string;
beforeAll(() => {
  homeCa = makeTestCertificates('Oak House home CA').caPem;
  otherCa = makeTestCertificates('Not the home').caPem;
});
afterEach(() => vi.unstubAllGlobals());

const fingerprintOf = (pem: string) =>
  new X509Certificate(pem).fingerprint256.replaceAll(':', '').toLowerCase();

/** This computer's main process holding `held`, and a manager signed in whose chain ends with `chainCa`. */
async function managerWith(held: HeldAuthority, chainCa: string | undefined) {
  const api = {
    'auth:home-authority': () => Promise.resolve({ ok: true, value: held }),
  } as Partial<FamilyLinksApi>;
  vi.stubGlobal('window', { api });
  const session = await testSession(['registeredManager']);
  if (chainCa !== undefined)
    keepProofKey(
      session,
      Promise.resolve({ key: {} as CryptoKey, certificateChainPem: ['leaf certificate', chainCa] }),
    );
  return session;
}

describe('the home CA a new computer is given', () => {
  it('is the manager’s own CA when this computer holds requests to it', async () => {
    const session = await managerWith({ state: 'pinned', fingerprint: fingerprintOf(homeCa) }, homeCa);
    expect(await sharedHomeAuthority(session)).toEqual({ ok: true, value: homeCa });
  });

  it('is refused in words when this computer knows no CA, another, or an edited record', async () => {
    const cases: [HeldAuthority, string | undefined, RegExp][] = [
      [
        { state: 'none' },
        homeCa,
        /does not know the home’s certificate authority yet.*Renew your certificate/,
      ],
      [{ state: 'pinned', fingerprint: fingerprintOf(otherCa) }, homeCa, /not the home’s/],
      [{ state: 'unverifiable' }, homeCa, /changed outside Family Links/],
      [{ state: 'pinned', fingerprint: fingerprintOf(homeCa) }, undefined, /cannot be used on this computer/],
    ];
    for (const [held, chainCa, says] of cases) {
      const shared = await sharedHomeAuthority(await managerWith(held, chainCa));
      expect(shared.ok).toBe(false);
      if (!shared.ok) expect(shared.error.message).toMatch(says);
    }
  });

  it('is refused with no bridge to the main process', async () => {
    vi.stubGlobal('window', {});
    const shared = await sharedHomeAuthority(await testSession(['registeredManager']));
    expect(shared.ok).toBe(false);
  });
});
