import { describe, expect, it, vi } from 'vitest';
import { fail, ok } from '@shared/result';
import { disclosureSchema } from '@shared/schemas/disclosures';
import { refusedAnswer, settleSignedCopy } from '../../../../renderer/src/common/settle-signed-copy';

const disclosure = disclosureSchema.parse({
  id: '0b1c7d2e-6f4a-4c3b-9d8e-1f2a3b4c5d6e',
  what: 'Signed PDF of Sam Taylor’s declarations (2) for the staff file',
  kind: 'pdf',
  recipient: 'Staff file',
  reason: 'staffFile',
  at: '2026-03-02T10:15:00.000Z',
  byId: '7e6d5c4b-3a29-4817-a6b5-c4d3e2f1a0b9',
  sha256: 'a'.repeat(64),
});

function panel() {
  return { forget: vi.fn(), onCancelled: vi.fn(), onSaved: vi.fn() };
}

describe('what a signed-copy panel does once the save dialog closes', () => {
  it('hands a saved copy’s disclosure back to the dialog, forgets the key and says where it went', () => {
    const then = panel();
    const copy = {
      fileName: 'declarations.pdf',
      signerName: 'Alex Reed',
      sha256: 'a'.repeat(64),
      disclosure,
    };
    expect(settleSignedCopy(ok(copy), then)).toEqual(ok(disclosure));
    expect(then.forget).toHaveBeenCalledTimes(1);
    expect(then.onSaved).toHaveBeenCalledWith(copy);
    expect(then.onCancelled).not.toHaveBeenCalled();
  });

  it('tells the dialog nothing was saved when the save is cancelled, and forgets the key', () => {
    const then = panel();
    expect(settleSignedCopy(ok('cancelled'), then)).toEqual(fail('invalid', 'Nothing was saved.'));
    expect(then.forget).toHaveBeenCalledTimes(1);
    expect(then.onCancelled).toHaveBeenCalledTimes(1);
    expect(then.onSaved).not.toHaveBeenCalled();
  });

  it('passes a failure back as it is and keeps the key, so the person can try again', () => {
    const then = panel();
    const refused = fail('invalid' as const, 'The key was refused. Nothing was saved.');
    expect(settleSignedCopy(refused, then)).toBe(refused);
    expect(then.forget).not.toHaveBeenCalled();
    expect(then.onCancelled).not.toHaveBeenCalled();
    expect(then.onSaved).not.toHaveBeenCalled();
  });
});

describe('the answer to why a signed copy is leaving, checked before it is signed', () => {
  it('lets a full answer through', () => {
    expect(refusedAnswer({ recipient: 'Staff file', reason: 'staffFile' })).toBeUndefined();
  });

  it('refuses “another reason” with nothing written, with the message beside the field', () => {
    const refused = refusedAnswer({ recipient: 'Mum', reason: 'other', reasonDetail: '' });
    expect(refused?.error.message).toBe('Some details need correcting.');
    expect(refused?.error.fields?.['reasonDetail']).toBe('Say why: “another reason” needs it written out.');
  });
});
