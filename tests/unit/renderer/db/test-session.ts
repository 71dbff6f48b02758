import type { StaffRole } from '../../../../shared/schemas/staff';
import { createRecordCipher, generateDataKey } from '../../../../renderer/src/db/encryption/record-cipher';
import { generateAuditKey } from '../../../../renderer/src/db/encryption/key-wrapping';
import type { Session } from '../../../../renderer/src/db/session';

/** A signed-in session with fresh keys and the given roles, without going through Argon2id. */
export async function testSession(
  roles: readonly StaffRole[] = ['registeredManager'],
  keys?: { dataKey: CryptoKey; auditKey: CryptoKey },
): Promise<Session> {
  const dataKey = keys?.dataKey ?? (await generateDataKey());
  const auditKey = keys?.auditKey ?? (await generateAuditKey());
  const id = crypto.randomUUID();
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
    cipher: createRecordCipher(dataKey),
  };
}
