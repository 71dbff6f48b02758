import { X509Certificate } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from '../atomic-file';
import { readJsonFile } from '../json-file';
import type { MainKeyedFileOptions } from '../main-key';
import { serialQueue } from '../serial-queue';

/**
 * The home CA this computer trusts for manager-only requests, kept by the main process in its own
 * folder and MAC'd with its own key, and the people whose certificates it no longer accepts for
 * them. Once a home is set up here, nothing the page sends changes which CA it trusts:
 *
 * - it is learnt when the main process makes the CA (first run, before any home is set up here);
 *   when a new computer joins the home's computers, from the CA the code's sealed bundle carries
 *   (the computer that made the code put in the CA its own main process holds requests to); or,
 *   on a computer that does not know one yet (one that joined or was set up before this was
 *   kept, or a new computer a backup was restored to), from the first CA whose key the main
 *   process itself opens with its secret (issuing a certificate, which only a manager's password
 *   can do) or that signs the proof of a checked restore;
 * - once a home is set up, it is never replaced: a different CA is refused, and an edited file
 *   reads as damaged (manager-only requests then stop, and the log says why) rather than as
 *   unknown. Before that, a first run tried again after failing half-way, or a join after it,
 *   may replace the CA the failed first run left; nothing replaces one learnt by joining.
 * - a CA made here once a home exists is not learnt by being made: only a first run makes one,
 *   so one made on a computer with a home is someone at the keyboard offering a CA of their own.
 *
 * Each time it is learnt is a line in `home-authority-history.jsonl`.
 */
export type PinnedAuthority =
  | {
      readonly state: 'pinned';
      readonly certificate: X509Certificate;
      readonly fingerprint: string;
      readonly how: LearntHow;
    }
  | { readonly state: 'none' }
  | { readonly state: 'unverifiable'; readonly message: string };

/** How the CA was learnt: made here, from a joining code's bundle, or on first use (above). */
export type LearntHow = 'created' | 'joined' | 'first-use';

const purpose = 'home-authority';
const revocationsPurpose = 'staff-revocations';
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const pinnedSchema = z
  .object({
    certificatePem: z.string().min(1).max(16_384),
    fingerprint: hex64,
    pinnedAt: z.string(),
    how: z.enum(['created', 'joined', 'first-use']),
    tag: hex64,
  })
  .strict();
const revocationsSchema = z.object({ revoked: z.record(z.string(), z.string()), tag: hex64 }).strict();

const fingerprintOf = (certificate: X509Certificate) =>
  certificate.fingerprint256.replaceAll(':', '').toLowerCase();

export function createHomeAuthority(
  options: MainKeyedFileOptions & {
    /**
     * True while no home has been set up on this computer (its audit log never anchored): only
     * then may a CA made here or brought by joining be learnt (a first run that failed half-way
     * and is tried again makes a new CA, which may replace the one the failed attempt left).
     */
    isBeforeFirstHome: () => Promise<boolean>;
  },
) {
  const path = join(options.folder, 'home-authority.json');
  const historyPath = join(options.folder, 'home-authority-history.jsonl');
  const revocationsPath = join(options.folder, 'revoked-staff.json');
  const now = options.now ?? (() => new Date());
  const serialised = serialQueue();

  async function read(): Promise<PinnedAuthority> {
    const keyState = await options.mainKey.state();
    if (keyState.state !== 'ready') return { state: 'unverifiable', message: keyState.message };
    const stored = await readJsonFile(path, pinnedSchema);
    if (stored.state === 'missing') return { state: 'none' };
    const damaged: PinnedAuthority = {
      state: 'unverifiable',
      message:
        'The record of the home’s certificate authority on this computer has been changed outside Family Links, so no manager-only change can be checked.',
    };
    if (stored.state === 'damaged') return damaged;
    const { tag, ...value } = stored.value;
    if (!(await options.mainKey.verify(purpose, value, tag))) return damaged;
    try {
      const certificate = new X509Certificate(value.certificatePem);
      if (fingerprintOf(certificate) !== value.fingerprint) return damaged;
      return { state: 'pinned', certificate, fingerprint: value.fingerprint, how: value.how };
    } catch {
      return damaged;
    }
  }

  async function readRevocations(): Promise<Record<string, string> | 'unverifiable'> {
    const stored = await readJsonFile(revocationsPath, revocationsSchema);
    if (stored.state === 'missing') return {};
    if (stored.state === 'damaged') return 'unverifiable';
    const { tag, ...value } = stored.value;
    return (await options.mainKey.verify(revocationsPurpose, value, tag)) ? value.revoked : 'unverifiable';
  }

  return {
    pinned: (): Promise<PinnedAuthority> => serialised(read),

    /**
     * Learns `certificatePem` as the home CA if none is known yet. `accepted` when it is (now or
     * already) the home CA; `refused` for a different one or when the record cannot be checked.
     */
    learn(certificatePem: string, how: LearntHow): Promise<'accepted' | 'refused'> {
      return serialised(async () => {
        let certificate: X509Certificate;
        try {
          certificate = new X509Certificate(certificatePem);
        } catch {
          return 'refused';
        }
        if (
          !certificate.ca ||
          !certificate.checkIssued(certificate) ||
          !certificate.verify(certificate.publicKey)
        )
          return 'refused';
        const fingerprint = fingerprintOf(certificate);
        const current = await read();
        if (current.state === 'pinned' && current.fingerprint === fingerprint) return 'accepted';
        if (current.state === 'unverifiable') return 'refused';
        const beforeFirstHome = await options.isBeforeFirstHome();
        const mayLearn =
          current.state === 'none'
            ? how === 'first-use' || beforeFirstHome
            : how !== 'first-use' && current.how === 'created' && beforeFirstHome;
        if (!mayLearn) {
          options.log?.('Refused a certificate authority that is not this home’s', { fingerprint, how });
          return 'refused';
        }
        const value = { certificatePem, fingerprint, pinnedAt: now().toISOString(), how };
        const tag = await options.mainKey.mac(purpose, value);
        if (!tag) return 'refused';
        await appendFile(historyPath, `${JSON.stringify({ at: value.pinnedAt, how, fingerprint })}\n`, {
          encoding: 'utf8',
          flush: true,
        });
        await writeFileAtomically(path, JSON.stringify({ ...value, tag }));
        options.log?.('Learnt the home’s certificate authority', { how, fingerprint });
        return 'accepted';
      });
    },

    /** When `staffId`'s certificates stopped counting for manager-only requests, if they did. */
    async revocationOf(staffId: string): Promise<{ revokedAt: string | undefined } | 'unverifiable'> {
      const revoked = await readRevocations();
      return revoked === 'unverifiable' ? revoked : { revokedAt: revoked[staffId] };
    },

    revoke(staffId: string): Promise<string> {
      return serialised(async () => {
        const current = await readRevocations();
        const at = now().toISOString();
        // A damaged list is replaced by one holding what can still be trusted: this revocation.
        const revoked = { ...(current === 'unverifiable' ? {} : current), [staffId]: at };
        const tag = await options.mainKey.mac(revocationsPurpose, { revoked });
        if (!tag) throw new Error('The main process’s key is not available');
        await writeFileAtomically(revocationsPath, JSON.stringify({ revoked, tag }));
        return at;
      });
    },
  };
}
export type HomeAuthority = ReturnType<typeof createHomeAuthority>;
