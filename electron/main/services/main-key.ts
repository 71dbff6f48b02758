import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { canonicalJson } from '../../../shared/rules/audit-chain';
import { writeFileExclusively } from './atomic-file';
import { readJsonFile } from './json-file';
import type { ProtectedStorage } from './mail/protected-storage';
import type { ClockAndLog } from './clock-and-log';

/**
 * A key only the main process holds: 32 random bytes made once, kept in the app's folder encrypted
 * by the operating system's protected storage (Electron's safeStorage), never sent to the page.
 * It authenticates the files the main process keeps for itself (the audit anchor and its history,
 * the home CA it trusts, the revocations, the mail password's binding, the case-file folder, the
 * backup settings, failed sign-ins recorded before anyone was signed in), so that someone who can
 * edit the files on disk, but cannot open the protected storage, cannot change them unseen.
 *
 * How strong that is depends on the protected storage: the OS keychain, DPAPI or a Linux keyring
 * (`os`); Chromium's fixed key on Linux without a keyring (`weak`: anyone with the files can
 * decrypt it); or none at all (`none`: the key is stored as it is). The Audit log screen says which.
 *
 * Once made, the key is never replaced automatically: if it cannot be opened (another OS account,
 * a reset keyring) everything it authenticated reads as "cannot be verified", which is the point.
 */
export type MainKeyProtection = 'os' | 'weak' | 'none';

export type MainKeyState =
  | { readonly state: 'ready'; readonly protection: MainKeyProtection; readonly createdAt: string }
  | { readonly state: 'unreadable'; readonly message: string };

const fileName = 'main-key.json';

const storedKeySchema = z
  .object({
    version: z.literal(1),
    protection: z.enum(['os', 'weak', 'none']),
    /** The key as hex: encrypted by the protected storage (base64 of its output), or plain for `none`. */
    key: z.string().min(1).max(4096),
    createdAt: z.iso.datetime(),
  })
  .strict();

export type MainKey = ReturnType<typeof createMainKey>;

/**
 * What a service that keeps its own file tagged with the main key is given: the folder it lives
 * in, the key, and (for tests) the clock and a log.
 */
export type MainKeyedFileOptions = ClockAndLog & {
  folder: string;
  mainKey: MainKey;
};

export function createMainKey(
  options: ClockAndLog & {
    readonly folder: string;
    readonly protectedStorage: ProtectedStorage;
  },
) {
  const path = join(options.folder, fileName);
  const now = options.now ?? (() => new Date());
  type Loaded = { key: Buffer | undefined; state: MainKeyState; made: boolean };
  let loaded: Promise<Loaded> | undefined;

  function open(stored: z.infer<typeof storedKeySchema>): Buffer | undefined {
    try {
      const hex =
        stored.protection === 'none'
          ? stored.key
          : options.protectedStorage.decryptString(Buffer.from(stored.key, 'base64'));
      return /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : undefined;
    } catch (error) {
      options.log?.(
        'The main process’s key could not be opened',
        error instanceof Error ? error.message : error,
      );
      return undefined;
    }
  }

  async function make(): Promise<Loaded> {
    const existing = await readJsonFile(path, storedKeySchema);
    if (existing.state === 'read') {
      const key = open(existing.value);
      if (key)
        return {
          key,
          made: false,
          state: {
            state: 'ready',
            protection: existing.value.protection,
            createdAt: existing.value.createdAt,
          },
        };
      return {
        key: undefined,
        made: false,
        state: {
          state: 'unreadable',
          message:
            'This computer’s protected storage cannot open the key Family Links keeps for its own records (signed in to the computer as someone else, or its keyring was reset).',
        },
      };
    }
    if (existing.state === 'damaged')
      return {
        key: undefined,
        made: false,
        state: {
          state: 'unreadable',
          message: 'The key Family Links keeps for its own records on this computer is damaged.',
        },
      };
    const key = randomBytes(32);
    const available = options.protectedStorage.isEncryptionAvailable();
    const protection: MainKeyProtection = available ? options.protectedStorage.strength() : 'none';
    const createdAt = now().toISOString();
    const stored = {
      version: 1 as const,
      protection,
      key: available
        ? options.protectedStorage.encryptString(key.toString('hex')).toString('base64')
        : key.toString('hex'),
      createdAt,
    };
    // Exclusive: two starts racing to make the key cannot leave each holding a different one.
    if ((await writeFileExclusively(path, JSON.stringify(stored))) === 'exists') {
      loaded = undefined;
      return make();
    }
    options.log?.('Made the main process’s key', { protection });
    return { key, made: true, state: { state: 'ready', protection, createdAt } };
  }

  async function load() {
    loaded ??= make();
    try {
      return await loaded;
    } catch (error) {
      loaded = undefined;
      throw error;
    }
  }

  /** HMAC-SHA-256 over `purpose` and the canonical JSON of `value`, hex; undefined without a key. */
  async function mac(purpose: string, value: unknown): Promise<string | undefined> {
    const { key } = await load();
    if (!key) return undefined;
    return createHmac('sha256', key)
      .update(`${purpose}\n${canonicalJson(value)}`)
      .digest('hex');
  }

  return {
    state: async (): Promise<MainKeyState> => (await load()).state,
    /** True when this process made the key (no key file existed when it started). */
    madeByThisProcess: async (): Promise<boolean> => (await load()).made,
    mac,
    /** True only if `tag` is this key's MAC of `value` for `purpose` (a constant-time comparison). */
    async verify(purpose: string, value: unknown, tag: unknown): Promise<boolean> {
      const expected = await mac(purpose, value);
      if (!expected || typeof tag !== 'string' || !/^[0-9a-f]{64}$/.test(tag)) return false;
      return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(tag, 'hex'));
    },
  };
}
