import type { StaffRole } from '../../../../shared/schemas/staff';
import { createRecordCipher, generateDataKey } from '../../../../renderer/src/db/encryption/record-cipher';
import { generateAuditKey } from '../../../../renderer/src/db/encryption/key-wrapping';
import {
  declarationsKey,
  generateHomeCompartments,
  type CompartmentKeys,
} from '../../../../renderer/src/db/encryption/compartment-keys';
import { mayHoldGrant } from '../../../../renderer/src/db/encryption/compartment-grants';
import type { Session } from '../../../../renderer/src/db/session';
import { defaultKdfParams, type AccountKeys } from '../../../../shared/schemas/keyring';

type HomeTestKeys = {
  dataKey: CryptoKey;
  auditKey: CryptoKey;
  /** The home's compartment keys (a manager's session holds them all); fresh ones if not given. */
  compartments?: CompartmentKeys;
};

/**
 * A signed-in session with the given roles, without going through Argon2id. It holds the door
 * and audit keys of `keys` (fresh if not given), and of the home's compartment keys only those
 * its roles may hold, as a real sign-in would give it.
 */
export async function testSession(
  roles: readonly StaffRole[] = ['registeredManager'],
  keys?: HomeTestKeys,
): Promise<Session> {
  const dataKey = keys?.dataKey ?? (await generateDataKey());
  const auditKey = keys?.auditKey ?? (await generateAuditKey());
  const home = keys?.compartments ?? (await generateHomeCompartments());
  const id = crypto.randomUUID();
  const account = { id, roles, isActive: true };
  const master = home.declarationsMaster;
  const compartments: CompartmentKeys = {
    ...(home.casework && mayHoldGrant(account, 'casework') ? { casework: home.casework } : {}),
    ...(home.manager && mayHoldGrant(account, 'manager') ? { manager: home.manager } : {}),
    ...(master && mayHoldGrant(account, 'declarationsMaster') ? { declarationsMaster: master } : {}),
    ...(master ? { ownDeclarations: { staffId: id, key: await declarationsKey(master, id) } } : {}),
  };
  return {
    staff: {
      id,
      name: 'Test Person',
      username: `test-${id.slice(0, 8)}`,
      email: 'test@example.org',
      roles: [...roles],
      isActive: true,
      createdAt: '2026-11-01T09:00:00.000Z',
    },
    roles,
    dataKey,
    auditKey,
    compartments,
    cipher: createRecordCipher(dataKey, compartments),
  };
}

/**
 * Sessions for the manager's colleagues, one per role given, in order: each holds the home's door
 * and audit keys and those of its compartment keys its role may hold.
 */
export function colleaguesOf<const Roles extends readonly StaffRole[]>(
  manager: Session,
  ...roles: Roles
): Promise<{ -readonly [Index in keyof Roles]: Session }> {
  const keys = { dataKey: manager.dataKey, auditKey: manager.auditKey, compartments: manager.compartments };
  return Promise.all(roles.map((role) => testSession([role], keys))) as Promise<{
    -readonly [Index in keyof Roles]: Session;
  }>;
}

/**
 * A registered manager and, after it, a colleague for each role given, in order: the staff most
 * repository tests start from.
 */
export async function homeStaff<const Roles extends readonly StaffRole[]>(
  ...roles: Roles
): Promise<[Session, ...{ -readonly [Index in keyof Roles]: Session }]> {
  const manager = await testSession(['registeredManager']);
  return [manager, ...(await colleaguesOf(manager, ...roles))];
}

/**
 * A keyring row for `staffId` whose wrapped keys are stand-ins: for tests that need the account to
 * have keys (the pairing flows copy the keyring; sign-in is not what they test), not to open them.
 */
export function standInAccountKeys(staffId: string, overrides: Partial<AccountKeys> = {}): AccountKeys {
  return {
    staffId,
    salt: new Uint8Array(16),
    kdf: defaultKdfParams,
    wrappedAuditKey: { iv: new Uint8Array(12), data: new ArrayBuffer(48) },
    passwordChangeRequired: false,
    failedAttempts: [],
    ...overrides,
  };
}
