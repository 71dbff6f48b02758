import { describe, expect, it } from 'vitest';
import { isAuthenticEntry } from '../../../../../renderer/src/db/repositories/audit-entry-authenticity';
import { appendAuditEntry } from '../../../../../shared/rules/audit-chain';

const newKey = () => crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);

describe('whether an audit entry is genuine, remembered between reads', () => {
  it('checks an entry edited after it was found genuine again, and refuses it', async () => {
    const key = await newKey();
    const entry = await appendAuditEntry(
      null,
      { at: '2026-12-04T10:00:00.000Z', action: 'restriction.updated', detail: 'version 2' },
      key,
      'computer-1',
    );
    expect(await isAuthenticEntry(entry, key)).toBe(true);
    expect(await isAuthenticEntry(entry, key)).toBe(true);
    expect(await isAuthenticEntry({ ...entry, detail: 'version 1' }, key)).toBe(false);
    expect(await isAuthenticEntry(entry, await newKey())).toBe(false);
  });
});
