import { derivePairingKeys } from '../../shared/sync/pairing-keys';
import { generatePairingCode } from '../../shared/sync/pairing-code';
import { sealPairing } from '../../shared/sync/pairing-envelope';

/**
 * What the manager's computer makes when it adds a computer: a fresh pairing code, the keys it
 * gives, and a version-1 bundle sealed under them for an hour, naming `syncKey` and the computer
 * that issued it. The code's join password and the envelope are what go to the server.
 */
export async function issueTestPairing(
  database: string,
  bundle: { readonly syncKey: string; readonly issuedByDevice: string },
) {
  const code = generatePairingCode((count) => crypto.getRandomValues(new Uint8Array(count)));
  const keys = await derivePairingKeys(code, database);
  const envelope = await sealPairing({
    keys,
    pairingId: code.pairingId,
    database,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    bundle: { v: 1, homeId: 'home-1', ...bundle, issuedAt: new Date().toISOString() },
  });
  return { code, keys, envelope };
}
