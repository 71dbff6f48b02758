import { fail, ok, type Result } from '@shared/result';
import { sealedCredentialSchema, type SealedCredential } from '@shared/ipc/channels/signing';
import {
  defaultKdfParams,
  strongerKdfParams,
  type AccountGrant,
  type AccountKeys,
  type KdfParams,
  type WrappedKey,
} from '@shared/schemas/keyring';
import { deriveKeyEncryptionKey, newSalt } from './key-derivation';
import { firstGeneration } from '@shared/schemas/key-rotation';
import { createAccountKeyPair, grantKey, verifiedPublicKey } from './account-key-pair';
import { currentGeneration, type CompartmentKeys } from './compartment-keys';
import { grantsFor, openGrants, type GrantAccount } from './compartment-grants';
import { unreachable } from '@shared/unreachable';

/**
 * The home has one data key (AES-GCM-256, seals every field no index needs) and one audit key
 * (HMAC-SHA-256, chains the audit log). Neither is ever stored in the clear: each account keeps
 * both wrapped by its own password-derived key (DESIGN: keys
 * wrapped by each staff member's password-derived key), so changing or resetting a password
 * re-wraps it and nothing else.
 *
 * All of this awaits WebCrypto and Argon2id, so it runs before any IndexedDB transaction opens;
 * the caller writes the returned record inside one afterwards.
 */

const encoder = new TextEncoder();

/** Additional data binding a wrapped key to its purpose and its account, so blobs cannot be swapped. */
export const dataKeyContext = (staffId: string) => `data-key:${staffId}`;
export const auditKeyContext = (staffId: string) => `audit-key:${staffId}`;
export const signingSecretContext = (staffId: string) => `signing-secret:${staffId}`;
export const authoritySecretContext = (staffId: string) => `authority-secret:${staffId}`;
const credentialContext = (staffId: string) => `signing-credential:${staffId}`;

/** The credential (which names the person) encrypted under its own signing secret. */
async function sealCredential(
  credential: SealedCredential,
  secret: CryptoKey,
  staffId: string,
): Promise<{ iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer }> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(credentialContext(staffId)) },
    secret,
    encoder.encode(JSON.stringify(credential)),
  );
  return { iv, data };
}

export type UnwrapFailureCode = 'wrong-password';

const wrongPassword = () =>
  fail<UnwrapFailureCode>(
    'wrong-password',
    'That password is not right. Check Caps Lock is off and try again.',
  );

/** Seals `key` under `kek` with a fresh IV; `context` must be given again to unwrap it. */
export async function wrapKey(key: CryptoKey, kek: CryptoKey, context: string): Promise<WrappedKey> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.wrapKey('raw', key, kek, {
    name: 'AES-GCM',
    iv,
    additionalData: encoder.encode(context),
  });
  return { iv, data };
}

async function unwrap(
  wrapped: WrappedKey,
  kek: CryptoKey,
  context: string,
  algorithm: AesKeyAlgorithm | HmacImportParams,
  usages: KeyUsage[],
): Promise<Result<CryptoKey, UnwrapFailureCode>> {
  try {
    // Extractable only so that the key can be wrapped again: for a new account, or a new password.
    const key = await crypto.subtle.unwrapKey(
      'raw',
      wrapped.data,
      kek,
      { name: 'AES-GCM', iv: wrapped.iv, additionalData: encoder.encode(context) },
      algorithm,
      true,
      usages,
    );
    return ok(key);
  } catch (error) {
    // GCM's tag check fails the same way for a wrong password, a wrong context and a damaged blob:
    // to the person signing in, all three mean this password does not open this account.
    if (error instanceof Error && error.name === 'OperationError') return wrongPassword();
    throw error;
  }
}

/** The home's data key, if `kek` (from the password typed) is this account's. */
export function unwrapDataKey(
  wrapped: WrappedKey,
  kek: CryptoKey,
  staffId: string,
): Promise<Result<CryptoKey, UnwrapFailureCode>> {
  return unwrap(wrapped, kek, dataKeyContext(staffId), { name: 'AES-GCM', length: 256 }, [
    'encrypt',
    'decrypt',
  ]);
}

/** The home's audit key, if `kek` (from the password typed) is this account's. */
export function unwrapAuditKey(
  wrapped: WrappedKey,
  kek: CryptoKey,
  staffId: string,
): Promise<Result<CryptoKey, UnwrapFailureCode>> {
  return unwrap(wrapped, kek, auditKeyContext(staffId), { name: 'HMAC', hash: 'SHA-256', length: 256 }, [
    'sign',
    'verify',
  ]);
}

/** A new random audit key (HMAC-SHA-256, 256 bits), made once when the home is first set up. */
export function generateAuditKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 256 }, true, ['sign', 'verify']);
}

/** The door's key (the home's first data key) and the audit key: every account holds both. */
export type HomeKeys = { readonly dataKey: CryptoKey; readonly auditKey: CryptoKey };

/** Who the new keyring entry is for, and the compartment keys to give them (from the giver's session). */
export type GrantsToGive = { readonly account: GrantAccount; readonly from: CompartmentKeys };

/**
 * Secrets that belong to one person rather than to the home: the secret that opens their own
 * signing key, and (managers only) the home CA's secret. Each is an AES-256 key used only as
 * 32 random bytes (see signing-keys.ts), wrapped like the home's keys but with its own context.
 */
export type AccountSecrets = {
  readonly signing?: { readonly credential: SealedCredential; readonly secret: CryptoKey };
  readonly authority?: CryptoKey;
};

/** A random secret for sealing a private key: extractable, so it can be wrapped and turned into a passphrase. */
export function generateSealingSecret(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

function unwrapSealingSecret(
  wrapped: WrappedKey,
  kek: CryptoKey,
  context: string,
): Promise<Result<CryptoKey, UnwrapFailureCode>> {
  return unwrap(wrapped, kek, context, { name: 'AES-GCM', length: 256 }, ['encrypt', 'decrypt']);
}

/** The person's own secrets from their keyring entry, opened with the key their password gave. */
export async function openAccountSecrets(
  record: AccountKeys,
  kek: CryptoKey,
): Promise<Result<AccountSecrets, UnwrapFailureCode>> {
  let signing: AccountSecrets['signing'];
  let authority: CryptoKey | undefined;
  // Each secret is bound to this person and to its use, so one cannot stand in for the other.
  const openSecret = (wrapped: WrappedKey, context: (staffId: string) => string) =>
    unwrapSealingSecret(wrapped, kek, context(record.staffId));
  if (record.signingKey) {
    const secret = await openSecret(record.signingKey.wrappedSecret, signingSecretContext);
    if (!secret.ok) return secret;
    const { iv, data } = record.signingKey.sealedCredential;
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: encoder.encode(credentialContext(record.staffId)) },
      secret.value,
      data,
    );
    signing = {
      credential: sealedCredentialSchema.parse(JSON.parse(new TextDecoder().decode(plain))),
      secret: secret.value,
    };
  }
  if (record.authorityKey) {
    const secret = await openSecret(record.authorityKey.wrappedSecret, authoritySecretContext);
    if (!secret.ok) return secret;
    authority = secret.value;
  }
  return ok({ ...(signing ? { signing } : {}), ...(authority ? { authority } : {}) });
}

/**
 * The keyring record for an account: a new salt, the given (or default) Argon2id parameters, and the
 * home's keys wrapped for this person. For the very first account, pass freshly generated keys
 * (`generateDataKey`, `generateAuditKey`); for every later one, the keys of the manager's session.
 */
export async function createAccountKeys(input: {
  readonly staffId: string;
  readonly password: string;
  readonly keys: HomeKeys;
  readonly passwordChangeRequired: boolean;
  readonly kdf?: KdfParams;
  readonly secrets?: AccountSecrets;
  /** The compartment keys this account's roles may hold, given from the giver's session. */
  readonly grants?: GrantsToGive;
}): Promise<AccountKeys> {
  const salt = newSalt();
  const kdf = input.kdf ?? defaultKdfParams;
  const kek = await deriveKeyEncryptionKey(input.password, salt, kdf);
  const [wrappedDataKey, wrappedAuditKey, keyPair] = await Promise.all([
    wrapKey(input.keys.dataKey, kek, dataKeyContext(input.staffId)),
    wrapKey(input.keys.auditKey, kek, auditKeyContext(input.staffId)),
    createAccountKeyPair(input.staffId, kek, input.keys.auditKey),
  ]);
  const publicKey = input.grants
    ? await verifiedPublicKey(keyPair, input.staffId, input.keys.auditKey)
    : undefined;
  const grants =
    input.grants && publicKey
      ? [
          ...(await grantsFor(input.grants.account, publicKey, input.grants.from)),
          ...(await olderDoorGrants(input.staffId, publicKey, input.grants.from)),
        ]
      : [];
  // The door key given is the giver's newest: the password wraps that generation.
  const doorGeneration = input.grants ? currentGeneration(input.grants.from, 'door') : firstGeneration;
  const signing = input.secrets?.signing;
  const authority = input.secrets?.authority;
  return {
    staffId: input.staffId,
    salt,
    kdf,
    wrappedDataKey,
    ...(doorGeneration > firstGeneration ? { dataKeyGeneration: doorGeneration } : {}),
    wrappedAuditKey,
    passwordChangeRequired: input.passwordChangeRequired,
    failedAttempts: [],
    keyPair,
    grants,
    ...(signing
      ? {
          signingKey: {
            wrappedSecret: await wrapKey(signing.secret, kek, signingSecretContext(input.staffId)),
            sealedCredential: await sealCredential(signing.credential, signing.secret, input.staffId),
            notAfter: signing.credential.notAfter,
          },
        }
      : {}),
    ...(authority
      ? {
          authorityKey: {
            wrappedSecret: await wrapKey(authority, kek, authoritySecretContext(input.staffId)),
          },
        }
      : {}),
  };
}

/**
 * Opens an account's keys with the password typed at sign-in. A wrong password is a value
 * (`wrong-password`), not an exception. Check the lockout gate before calling this.
 */
export async function unlockAccountKeys(
  record: AccountKeys,
  password: string,
): Promise<Result<HomeKeys, UnwrapFailureCode>> {
  const unlocked = await unlockAccount(record, password);
  return unlocked.ok ? ok(unlocked.value.keys) : unlocked;
}

/**
 * While the door key is being changed, the older generations this giver still holds, given to an
 * account whose password will wrap only the newest: records not yet sealed again still open.
 */
async function olderDoorGrants(
  staffId: string,
  publicKey: CryptoKey,
  from: CompartmentKeys,
): Promise<AccountGrant[]> {
  const older = (from.older ?? []).filter((key) => key.name === 'door');
  return Promise.all(
    older.map(({ key, generation }) =>
      grantKey('door', key, { staffId, publicKey }, generation > firstGeneration ? generation : undefined),
    ),
  );
}

/** What a password opens: the home's keys, the person's own secrets and the compartment keys given to them. */
export type UnlockedAccount = {
  readonly keys: HomeKeys;
  readonly secrets: AccountSecrets;
  readonly compartments: CompartmentKeys;
  /**
   * The keyring entry as it should now be stored, when signing in changed it: a key pair made now
   * for an account that had none, or a new door key (given by a grant since the manager changed
   * it) now wrapped by the password. Store it.
   */
  readonly rewritten?: AccountKeys;
};

/** As `unlockAccountKeys`, also giving the person's own secrets (signing key, and the CA's for a manager). */
export async function unlockAccount(
  record: AccountKeys,
  password: string,
): Promise<Result<UnlockedAccount, UnwrapFailureCode>> {
  const kek = await deriveKeyEncryptionKey(password, record.salt, record.kdf);
  const dataKey = record.wrappedDataKey
    ? await unwrapDataKey(record.wrappedDataKey, kek, record.staffId)
    : undefined;
  if (dataKey && !dataKey.ok) return dataKey;
  // With no door key wrapped (the older one deleted before this person signed in again), the
  // audit key is what tells a wrong password.
  const auditKey = await unwrapAuditKey(record.wrappedAuditKey, kek, record.staffId);
  if (!auditKey.ok) return auditKey;
  const secrets = await openAccountSecrets(record, kek);
  if (!secrets.ok) return secrets;
  const wrappedDoor = dataKey
    ? { generation: record.dataKeyGeneration ?? firstGeneration, key: dataKey.value }
    : undefined;
  const opened = await openGrants(record.staffId, record.keyPair, record.grants, kek, wrappedDoor);
  const doorKey = opened.newerDoorKey?.key ?? wrappedDoor?.key;
  if (!doorKey) throw new Error('This account holds no door key: the manager must reset its password.');
  // An account from before compartments gets its key pair now, while its password is at hand, so
  // that a manager can give it the compartments its roles may read.
  const withKeyPair = record.keyPair
    ? record
    : { ...record, keyPair: await createAccountKeyPair(record.staffId, kek, auditKey.value) };
  const rewritten = opened.newerDoorKey
    ? await withNewerDoorKey(withKeyPair, kek, auditKey.value, opened.newerDoorKey, wrappedDoor)
    : withKeyPair;
  return ok({
    keys: { dataKey: doorKey, auditKey: auditKey.value },
    secrets: secrets.value,
    compartments: opened.compartments,
    ...(rewritten === record ? {} : { rewritten }),
  });
}

/**
 * The keyring entry once a door key given by the manager's change (a grant, by public key) is
 * wrapped by the password, the way door keys are kept: the grant goes, and the older key the
 * password wrapped becomes a grant instead, so records not yet sealed again still open until
 * the change finishes and deletes it.
 */
async function withNewerDoorKey(
  record: AccountKeys,
  kek: CryptoKey,
  auditKey: CryptoKey,
  newer: { readonly generation: number; readonly key: CryptoKey },
  wrapped: { readonly generation: number; readonly key: CryptoKey } | undefined,
): Promise<AccountKeys> {
  const publicKey = record.keyPair
    ? await verifiedPublicKey(record.keyPair, record.staffId, auditKey)
    : undefined;
  const kept = (record.grants ?? []).filter(
    (grant) => grant.name !== 'door' || (grant.generation ?? firstGeneration) !== newer.generation,
  );
  const olderGrant =
    wrapped && publicKey && wrapped.generation < newer.generation
      ? [
          await grantKey(
            'door',
            wrapped.key,
            { staffId: record.staffId, publicKey },
            wrapped.generation > firstGeneration ? wrapped.generation : undefined,
          ),
        ]
      : [];
  const { dataKeyGeneration: _older, ...rest } = record;
  return {
    ...rest,
    wrappedDataKey: await wrapKey(newer.key, kek, dataKeyContext(record.staffId)),
    ...(newer.generation > firstGeneration ? { dataKeyGeneration: newer.generation } : {}),
    grants: [...kept, ...olderGrant],
  };
}

/**
 * Who set the new password. A person changing their own has just proved the old one; a manager
 * resetting a colleague's gives a temporary password, which must be changed at the next sign-in.
 */
export type PasswordSetBy = 'self' | 'manager-reset';

/**
 * The account's record re-wrapped for a new password: new salt, parameters raised to at least
 * the current defaults, and the lockout cleared (a reset is how a locked-out person gets back in).
 * The keys come from a signed-in session (the person's own, or the manager's for a reset), never
 * from the old password, which the manager does not know.
 */
export async function rewrapForNewPassword(
  current: Pick<AccountKeys, 'staffId' | 'kdf'>,
  input: {
    readonly newPassword: string;
    readonly keys: HomeKeys;
    readonly setBy: PasswordSetBy;
    readonly secrets?: AccountSecrets;
    /** The compartment keys to give again under the new key pair. */
    readonly grants?: GrantsToGive;
  },
): Promise<AccountKeys> {
  const next = await createAccountKeys({
    staffId: current.staffId,
    password: input.newPassword,
    keys: input.keys,
    ...(input.secrets ? { secrets: input.secrets } : {}),
    ...(input.grants ? { grants: input.grants } : {}),
    passwordChangeRequired: passwordChangeRequiredAfter(input.setBy),
    kdf: strongerKdfParams(current.kdf),
  });
  return next;
}

function passwordChangeRequiredAfter(setBy: PasswordSetBy): boolean {
  switch (setBy) {
    case 'self':
      return false;
    case 'manager-reset':
      return true;
    default:
      return unreachable(setBy, 'password setter');
  }
}
