import { describe, expect, it } from 'vitest';
import { signedCopyVerdict } from '../../../../../renderer/src/features/contact-forms/signed-copy-verdict';

const a = 'a'.repeat(64);
const b = 'b'.repeat(64);

describe('whether the signed copy held here is the one that was signed', () => {
  it.each([
    ['all three agree and the record is genuine', a, a, a, true, 'intact'],
    ['no copy is held (an import)', a, undefined, a, true, 'no-copy'],
    ['the bytes were changed', a, b, a, true, 'changed'],
    ['the form and the bytes were both changed to match', b, b, a, true, 'changed'],
    ['the signing record was altered', a, a, a, false, 'changed'],
    ['there is no signing record', a, a, undefined, undefined, 'changed'],
  ] as const)('%s: %s', (_, formSha256, fileSha256, recordSha256, isRecordAuthentic, kind) => {
    expect(signedCopyVerdict({ formSha256, fileSha256, recordSha256, isRecordAuthentic }).kind).toBe(kind);
  });
});
